/**
 * Autosave and crash recovery: unsaved code and annotations are written to the user-data folder
 * every few seconds; the next launch offers what a crash or kill left behind.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../export/atomicWrite.ts'
import { parseSession, serializeSession } from '../shared/session.ts'
import type { Session } from '../shared/session.ts'

/** Default autosave interval. */
export const AUTOSAVE_INTERVAL_MS = 3000

/** What a previous run left unsaved. */
export interface Recovery {
  session: Session
  /** The session file it belonged to, if it had one. */
  filePath: string | null
  /** When it was autosaved (ISO time). */
  savedAt: string
}

interface AutosaveMeta {
  filePath: string | null
  savedAt: string
}

/** The autosave slot of one window in the user-data folder. */
export class Autosave {
  private readonly sessionPath: string
  private readonly metaPath: string
  private timer: NodeJS.Timeout | null = null
  private pending: { session: Session; filePath: string | null } | null = null

  /** @param folder the user-data folder; @param slot one name per window */
  constructor(
    folder: string,
    slot = 'main',
    private readonly intervalMs = AUTOSAVE_INTERVAL_MS,
  ) {
    this.sessionPath = join(folder, `autosave-${slot}.refscope`)
    this.metaPath = join(folder, `autosave-${slot}.json`)
  }

  /** Writes the unsaved state now (the trace is left out: it is re-run on restore). */
  saveNow(session: Session, filePath: string | null = null): void {
    const savedAt = new Date()
    writeFileAtomic(
      this.sessionPath,
      serializeSession(session, { includeTrace: false, now: savedAt }),
    )
    const meta: AutosaveMeta = { filePath, savedAt: savedAt.toISOString() }
    writeFileAtomic(this.metaPath, JSON.stringify(meta) + '\n')
  }

  /** Marks the state as changed; it is written within the interval. */
  markDirty(session: Session, filePath: string | null = null): void {
    this.pending = { session, filePath }
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  /** Writes any pending change immediately. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const pending = this.pending
    this.pending = null
    if (pending) this.saveNow(pending.session, pending.filePath)
  }

  /** Forgets the autosave: after a save, a "Don't save", or once a recovery was declined. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending = null
    rmSync(this.sessionPath, { force: true })
    rmSync(this.metaPath, { force: true })
  }

  /** What an earlier run left unsaved, or null. An unreadable autosave is ignored. */
  recover(): Recovery | null {
    let text: string
    try {
      text = readFileSync(this.sessionPath, 'utf8')
    } catch {
      return null
    }
    try {
      const { session } = parseSession(text, this.sessionPath)
      let meta: Partial<AutosaveMeta> = {}
      try {
        meta = JSON.parse(readFileSync(this.metaPath, 'utf8')) as AutosaveMeta
      } catch {
        // the session itself is what matters
      }
      const savedAt = (JSON.parse(text) as { savedAt?: string }).savedAt ?? ''
      return { session, filePath: meta.filePath ?? null, savedAt: meta.savedAt ?? savedAt }
    } catch {
      return null
    }
  }
}
