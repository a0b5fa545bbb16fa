/**
 * Autosave and crash recovery: unsaved code and annotations are written to the user-data folder
 * every few seconds; the next launch offers what a crash or kill left behind.
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
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
  /** The process that wrote it: while that process lives, the slot is someone's open window. */
  hostPid?: number
}

/** One autosave slot found in the user-data folder. */
export interface AutosaveSlot {
  /** The slot's name (`autosave-NAME.refscope`). */
  slot: string
  /** When it was last written (ISO time; empty when unknown). */
  savedAt: string
  /** The process that wrote it, when recorded. */
  hostPid: number | null
}

const SLOT_FILE = /^autosave-([\w-]+)\.refscope$/

/** Every autosave slot in `folder`, newest first. */
export function listAutosaveSlots(folder: string): AutosaveSlot[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  const slots: AutosaveSlot[] = []
  for (const name of names) {
    const slot = SLOT_FILE.exec(name)?.[1]
    if (!slot) continue
    let meta: Partial<AutosaveMeta> = {}
    try {
      meta = JSON.parse(readFileSync(join(folder, `autosave-${slot}.json`), 'utf8')) as AutosaveMeta
    } catch {
      // a slot without its meta file is still worth offering
    }
    slots.push({
      slot,
      savedAt: typeof meta.savedAt === 'string' ? meta.savedAt : '',
      hostPid: typeof meta.hostPid === 'number' ? meta.hostPid : null,
    })
  }
  return slots.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** How often a running host marks itself alive in the data folder. */
export const HEARTBEAT_EVERY_MS = 10_000

/** A heartbeat older than this is a host that is gone (whatever now runs under its pid). */
const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_EVERY_MS

function heartbeatPath(folder: string, pid: number): string {
  return join(folder, `host-${pid}.alive`)
}

/** Marks this process as a live host in `folder`, now and every few seconds, until stopped. */
export function startHeartbeat(folder: string): () => void {
  const path = heartbeatPath(folder, process.pid)
  const beat = (): void => writeFileSync(path, new Date().toISOString() + '\n')
  beat()
  const timer = setInterval(() => {
    try {
      beat()
    } catch {
      // the folder may be gone (tests, a removed data folder); the next beat tries again
    }
  }, HEARTBEAT_EVERY_MS)
  timer.unref()
  return () => {
    clearInterval(timer)
    rmSync(path, { force: true })
  }
}

/**
 * True when the host process `pid` still runs: the process exists and its heartbeat in
 * `folder` is fresh. The heartbeat guards against a reused pid hiding a crashed host's work.
 */
export function isHostAlive(folder: string, pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  try {
    return Date.now() - statSync(heartbeatPath(folder, pid)).mtimeMs < HEARTBEAT_STALE_MS
  } catch {
    return false
  }
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
    readonly slot = 'main',
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
    const meta: AutosaveMeta = {
      filePath,
      savedAt: savedAt.toISOString(),
      hostPid: process.pid,
    }
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
