/** Reads and writes `.refscope` session files; never overwrites a file that failed to open. */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { writeFileAtomic } from '../export/atomicWrite.ts'
import { parseSession, serializeSession, SessionError } from '../shared/session.ts'
import type { OpenedSession, Session } from '../shared/session.ts'

/** Opens and saves sessions, remembering files that could not be read so they stay untouched. */
export class SessionFiles {
  private readonly unreadable = new Set<string>()

  /** Reads a session file; throws SessionError naming the file and the problem. */
  open(path: string): OpenedSession {
    const full = resolve(path)
    let text: string
    try {
      text = readFileSync(full, 'utf8')
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      throw new SessionError(`Cannot open ${path}: ${reason}`, 'corrupt')
    }
    try {
      const opened = parseSession(text, path)
      this.unreadable.delete(full)
      return opened
    } catch (error) {
      this.unreadable.add(full)
      throw error
    }
  }

  /**
   * Saves a session atomically. Refuses a path whose file failed to open in this run (so a
   * damaged or newer-format file is never replaced by accident); choose another name instead.
   */
  save(path: string, session: Session, options: { includeTrace?: boolean } = {}): void {
    const full = resolve(path)
    if (this.unreadable.has(full) && existsSync(full)) {
      throw new SessionError(
        `Not saving over ${path}: it could not be opened, so it is kept as it is. Use Save As.`,
        'corrupt',
      )
    }
    writeFileAtomic(full, serializeSession(session, options))
  }
}
