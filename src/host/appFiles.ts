/**
 * Host side of exports and autosave, shared by the Electron main process and the browser host:
 * exports a client's finished run with the CLI's exporters, and keeps unsaved work in the
 * user-data folder so the next launch can offer it back. It must never import electron.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { OpenRenderEngine } from '../export/renderEngine.ts'
import type {
  AutosaveRequest,
  DocumentState,
  ExportCreateReply,
  ExportCreateRequest,
  NativeFileReply,
  RecentRememberRequest,
  RecentSession,
  RecoveryInfo,
  SaveSessionRequest,
} from '../shared/ipc.ts'
import { downloadName, folderName } from '../shared/exportNames.ts'
import { Autosave, isHostAlive, listAutosaveSlots, startHeartbeat } from './autosave.ts'
import { RecentSessions } from './recentSessions.ts'
import type { HostClient, TraceService } from './traceService.ts'

/** Units of progress between two `export:progress` events at most (plus the last one). */
const PROGRESS_EVERY = 1

/** A session file a native dialog saved or opened, with where it is. */
export interface NativeFileResult extends NativeFileReply {
  /** Its full path (kept in the host: the renderer gets the name). */
  path: string
}

/** Native file dialogs and writes, offered by hosts that have them (Electron). */
export interface NativeFiles {
  /** Saves a session file, asking for a path when needed; null when cancelled. */
  saveSession(client: HostClient, request: SaveSessionRequest): Promise<NativeFileResult | null>
  /** Lets the user pick a session file and reads it; null when cancelled. */
  openSession(client: HostClient): Promise<NativeFileResult | null>
  /** Makes `path` (just read as `text`, from Open Recent) the client's session file. */
  adoptSession(client: HostClient, path: string, text: string): void
  /** Asks where an export goes; null when cancelled. */
  chooseExportPath(client: HostClient, suggestedName: string): Promise<string | null>
}

/** Exports, autosave and (where the host has them) native file dialogs for its clients. */
export class AppFiles {
  /** Each client's autosave slot, so two windows never overwrite each other's work. */
  private readonly autosaves = new Map<string, Autosave>()
  private readonly recent: RecentSessions
  private readonly recentListeners = new Set<(list: RecentSession[]) => void>()
  private readonly stopHeartbeat: () => void
  private readonly exports = new Map<string, AbortController>()
  private readonly states = new Map<string, DocumentState>()
  private readonly stateListeners = new Set<(clientId: string, state: DocumentState) => void>()

  /**
   * @param dataDir the user-data folder (created when missing)
   * @param native native dialogs, in hosts that have them
   * @param openRenderEngine the browser engine for PNG, PDF and GIF (default: a system Chromium)
   */
  constructor(
    private readonly service: TraceService,
    readonly dataDir: string,
    private readonly native: NativeFiles | null = null,
    private readonly openRenderEngine?: OpenRenderEngine,
  ) {
    mkdirSync(dataDir, { recursive: true })
    this.recent = new RecentSessions(dataDir)
    // Other hosts sharing the folder leave this one's autosaves alone while it beats.
    this.stopHeartbeat = startHeartbeat(dataDir)
  }

  /** `session:state`: remembers whether the client has unsaved changes. */
  setState(client: HostClient, state: DocumentState): void {
    this.states.set(client.id, { ...state })
    for (const listener of this.stateListeners) listener(client.id, state)
  }

  /** The last state a client reported, if any. */
  stateOf(clientId: string): DocumentState | null {
    return this.states.get(clientId) ?? null
  }

  /** Calls `listener` on every reported state; returns the function that stops it. */
  onState(listener: (clientId: string, state: DocumentState) => void): () => void {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  /**
   * Forgets a client (its window closed or its page went away). Its autosave stays on disk:
   * if it holds unsaved work, the next window is offered it.
   */
  forget(clientId: string): void {
    this.states.delete(clientId)
    this.autosaves.delete(clientId)
  }

  /** `file:saveSession`: saves through the native dialog and lists the file in Open Recent. */
  async saveSession(
    client: HostClient,
    request: SaveSessionRequest,
  ): Promise<NativeFileReply | null> {
    if (!this.native) throw new Error('This host saves sessions as downloads')
    const saved = await this.native.saveSession(client, request)
    if (!saved) return null
    this.notifyRecent(this.recent.rememberPath(saved.path))
    return { name: saved.name }
  }

  /** `file:openSession`: opens through the native dialog and lists the file in Open Recent. */
  async openSession(client: HostClient): Promise<NativeFileReply | null> {
    if (!this.native) throw new Error('This host opens sessions from a file input')
    const opened = await this.native.openSession(client)
    if (!opened) return null
    this.notifyRecent(this.recent.rememberPath(opened.path))
    return { name: opened.name, text: opened.text }
  }

  /** Lists a session file the OS asked the app to open; returns its Open Recent entry. */
  rememberRecentPath(path: string): RecentSession {
    const list = this.recent.rememberPath(path)
    this.notifyRecent(list)
    return list[0]!
  }

  /** `recent:list` */
  recentSessions(): RecentSession[] {
    return this.recent.list()
  }

  /** `recent:open`: reads a recent session; under native dialogs it becomes the client's file. */
  openRecent(client: HostClient, id: string): NativeFileReply {
    let opened
    try {
      opened = this.recent.open(id)
    } catch (error) {
      // A file that is gone has been dropped from the list: the menu shows that.
      this.notifyRecent(this.recent.list())
      throw error
    }
    // A file opened by path moves to the top; a kept copy leaves the list as it was.
    if (opened.path !== null) {
      this.native?.adoptSession(client, opened.path, opened.text)
      this.notifyRecent(this.recent.rememberPath(opened.path))
    }
    return { name: opened.name, text: opened.text }
  }

  /**
   * `recent:remember`: keeps a copy of a session the browser host's user opened or saved.
   * Hosts with native dialogs remember paths themselves and ignore it.
   */
  rememberRecent(request: RecentRememberRequest): RecentSession[] {
    if (this.native) return this.recent.list()
    const list = this.recent.rememberCopy(request.name, request.text)
    this.notifyRecent(list)
    return list
  }

  /** `recent:clear` */
  clearRecent(): void {
    this.recent.clear()
    this.notifyRecent([])
  }

  /** Calls `listener` whenever Open Recent changes (the native menu rebuilds); returns the stop. */
  onRecentChange(listener: (list: RecentSession[]) => void): () => void {
    this.recentListeners.add(listener)
    return () => this.recentListeners.delete(listener)
  }

  private notifyRecent(list: RecentSession[]): void {
    for (const listener of this.recentListeners) listener(list)
  }

  /** `export:create`: exports the client's finished run; cancelled by `export:cancel`. */
  async export(client: HostClient, request: ExportCreateRequest): Promise<ExportCreateReply> {
    const doc = this.service.document(client, request.runId)
    const key = `${client.id}:${request.exportId}`
    const controller = new AbortController()
    this.exports.get(key)?.abort()
    this.exports.set(key, controller)
    let last = -1
    try {
      // Loaded on demand: the exporters pull in the diagram layout and playwright-core.
      const { createExport, writeExport } = await import('../export/index.ts')
      const output = await createExport(doc, {
        format: request.format,
        steps: request.steps,
        theme: request.theme,
        scale: request.scale,
        codeExcerpt: request.codeExcerpt,
        title: request.title,
        annotations: request.annotations,
        openRenderEngine: this.openRenderEngine,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (done - last < PROGRESS_EVERY && done < total) return
          last = done
          client.emit('export:progress', { exportId: request.exportId, done, total })
        },
      })
      controller.signal.throwIfAborted()
      if (request.saveToFile) {
        if (!this.native) throw new Error('This host returns exports as downloads')
        // Named after the session, as the browser host names its downloads.
        const stem = request.fileStem ?? 'refscope'
        const suggested = output.folder
          ? folderName(stem, request.format)
          : downloadName(stem, output.files[0]!.name)
        const path = await this.native.chooseExportPath(client, suggested)
        // Written atomically: a temp file (or folder) renamed into place.
        if (path) writeExport(output, path)
        return {
          files: [],
          folder: output.folder,
          steps: output.steps,
          note: output.note,
          savedTo: path,
        }
      }
      return {
        files: output.files.map(({ name, data }) => ({
          name,
          base64: Buffer.from(data).toString('base64'),
        })),
        folder: output.folder,
        steps: output.steps,
        note: output.note,
      }
    } finally {
      if (this.exports.get(key) === controller) this.exports.delete(key)
    }
  }

  /** `export:cancel`: stops one of the client's exports; nothing is returned or written. */
  cancelExport(client: HostClient, exportId: number): void {
    this.exports.get(`${client.id}:${exportId}`)?.abort()
  }

  /** `session:autosave`: writes the client's unsaved state now (it arrives every few seconds). */
  save(client: Pick<HostClient, 'id'>, request: AutosaveRequest): void {
    this.slotOf(client.id).saveNow({ ...request.session, trace: null }, request.fileName)
  }

  /** `session:clearAutosave`: after a save, a "Don't save" or a declined recovery. */
  clear(clientId: string): void {
    this.autosaves.get(clientId)?.clear()
  }

  /**
   * `session:recover`: the newest unsaved work no open window owns (left by a crash, a kill or
   * a closed page), or null. The client takes that autosave over: restoring keeps it up to
   * date, declining clears it, and no other window is offered the same work.
   */
  recover(client: Pick<HostClient, 'id'>): RecoveryInfo | null {
    if (this.autosaves.has(client.id)) return null
    const owned = new Set([...this.autosaves.values()].map((autosave) => autosave.slot))
    for (const { slot, hostPid } of listAutosaveSlots(this.dataDir)) {
      if (owned.has(slot)) continue
      // Another host process that still runs owns its slots.
      if (hostPid !== null && hostPid !== process.pid && isHostAlive(this.dataDir, hostPid))
        continue
      const autosave = new Autosave(this.dataDir, slot)
      const found = autosave.recover()
      if (!found) continue
      this.autosaves.set(client.id, autosave)
      const { trace: _trace, ...session } = found.session
      return { session, fileName: found.filePath, savedAt: found.savedAt }
    }
    return null
  }

  private slotOf(clientId: string): Autosave {
    let autosave = this.autosaves.get(clientId)
    if (!autosave) {
      autosave = new Autosave(this.dataDir, `w${randomBytes(6).toString('hex')}`)
      this.autosaves.set(clientId, autosave)
    }
    return autosave
  }

  /** Cancels every export in progress and stops marking this host alive. */
  dispose(): void {
    this.stopHeartbeat()
    for (const controller of this.exports.values()) controller.abort()
    this.exports.clear()
  }
}
