/**
 * File → Open Recent: the sessions opened or saved lately, kept in the user-data folder. Hosts
 * with native dialogs remember paths; the browser host, which never sees paths, keeps a copy of
 * each session (without its trace, which is re-run on open anyway).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { writeFileAtomic } from '../export/atomicWrite.ts'
import type { RecentSession } from '../shared/ipc.ts'
import { parseSession, serializeSession } from '../shared/session.ts'

/** How many sessions Open Recent lists. */
export const MAX_RECENT_SESSIONS = 10

interface StoredEntry {
  id: string
  name: string
  /** The file, for hosts that know paths; null for a kept copy. */
  path: string | null
  /** ISO time it was last opened or saved. */
  at: string
}

/** Thrown when a recent session cannot be opened; the message says which and why. */
export class RecentSessionError extends Error {}

function isStoredEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.id === 'string' &&
    /^[0-9a-f]{16}$/.test(entry.id) &&
    typeof entry.name === 'string' &&
    (entry.path === null || typeof entry.path === 'string') &&
    typeof entry.at === 'string'
  )
}

/** The recent-sessions list of one user-data folder. */
export class RecentSessions {
  private readonly listPath: string
  private readonly copiesDir: string

  constructor(
    folder: string,
    private readonly max = MAX_RECENT_SESSIONS,
  ) {
    this.listPath = join(folder, 'recent.json')
    this.copiesDir = join(folder, 'recent')
  }

  /** The list, newest first. A damaged list file reads as empty. */
  list(): RecentSession[] {
    return this.read().map(({ id, name, path, at }) => ({ id, name, path, savedAt: at }))
  }

  /** Puts a session file at the top of the list (after it was opened or saved by path). */
  rememberPath(path: string): RecentSession[] {
    const full = resolve(path)
    const rest = this.read().filter((entry) => entry.path !== full)
    return this.write([{ id: newId(), name: basename(full), path: full, at: now() }, ...rest])
  }

  /**
   * Keeps a copy of a session the user opened or saved under `name` (hosts without paths). The
   * text must be a readable session; a copy of the same name replaces the older one.
   */
  rememberCopy(name: string, text: string): RecentSession[] {
    const { session } = parseSession(text, name)
    const id = newId()
    mkdirSync(this.copiesDir, { recursive: true })
    writeFileAtomic(this.copyPath(id), serializeSession(session, { includeTrace: false }))
    const entries = this.read()
    const replaced = (entry: StoredEntry): boolean => entry.path === null && entry.name === name
    for (const entry of entries.filter(replaced)) rmSync(this.copyPath(entry.id), { force: true })
    const rest = entries.filter((entry) => !replaced(entry))
    return this.write([{ id, name, path: null, at: now() }, ...rest])
  }

  /** Reads one entry's session text; a file that is gone is dropped from the list. */
  open(id: string): { name: string; path: string | null; text: string } {
    const entry = this.read().find((item) => item.id === id)
    if (!entry) throw new RecentSessionError('That session is no longer in Open Recent.')
    const source = entry.path ?? this.copyPath(entry.id)
    try {
      return { name: entry.name, path: entry.path, text: readFileSync(source, 'utf8') }
    } catch (error) {
      this.write(this.read().filter((item) => item.id !== id))
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is gone' : 'it cannot be read'
      throw new RecentSessionError(
        `Cannot open ${entry.name}${entry.path ? ` (${entry.path})` : ''}: ${reason}. ` +
          'It was removed from Open Recent.',
      )
    }
  }

  /** Empties the list and deletes the kept copies. */
  clear(): void {
    this.write([])
    rmSync(this.copiesDir, { recursive: true, force: true })
  }

  private copyPath(id: string): string {
    return join(this.copiesDir, `${id}.refscope`)
  }

  private read(): StoredEntry[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.listPath, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter(isStoredEntry) : []
    } catch {
      return []
    }
  }

  private write(entries: StoredEntry[]): RecentSession[] {
    const kept = entries.slice(0, this.max)
    for (const dropped of entries.slice(this.max)) {
      if (dropped.path === null) rmSync(this.copyPath(dropped.id), { force: true })
    }
    writeFileAtomic(this.listPath, JSON.stringify(kept, null, 2) + '\n')
    return this.list()
  }
}

function newId(): string {
  return randomBytes(8).toString('hex')
}

function now(): string {
  return new Date().toISOString()
}
