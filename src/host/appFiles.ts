/**
 * Host side of exports and autosave, shared by the Electron main process and the browser host:
 * exports a client's finished run with the CLI's exporters, and keeps unsaved work in the
 * user-data folder so the next launch can offer it back. It must never import electron.
 */
import { mkdirSync } from 'node:fs'
import type { OpenRenderEngine } from '../export/renderEngine.ts'
import type {
  AutosaveRequest,
  DocumentState,
  ExportCreateReply,
  ExportCreateRequest,
  NativeFileReply,
  RecoveryInfo,
  SaveSessionRequest,
} from '../shared/ipc.ts'
import { Autosave } from './autosave.ts'
import type { HostClient, TraceService } from './traceService.ts'

/** Units of progress between two `export:progress` events at most (plus the last one). */
const PROGRESS_EVERY = 1

/** Native file dialogs and writes, offered by hosts that have them (Electron). */
export interface NativeFiles {
  /** Saves a session file, asking for a path when needed; null when cancelled. */
  saveSession(client: HostClient, request: SaveSessionRequest): Promise<NativeFileReply | null>
  /** Lets the user pick a session file and reads it; null when cancelled. */
  openSession(client: HostClient): Promise<NativeFileReply | null>
  /** Asks where an export goes; null when cancelled. */
  chooseExportPath(client: HostClient, suggestedName: string): Promise<string | null>
}

/** Exports, autosave and (where the host has them) native file dialogs for its clients. */
export class AppFiles {
  private readonly autosave: Autosave
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
    this.autosave = new Autosave(dataDir)
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

  /** Forgets a client's state (its window closed). */
  forget(clientId: string): void {
    this.states.delete(clientId)
  }

  /** `file:saveSession` */
  saveSession(client: HostClient, request: SaveSessionRequest): Promise<NativeFileReply | null> {
    if (!this.native) throw new Error('This host saves sessions as downloads')
    return this.native.saveSession(client, request)
  }

  /** `file:openSession` */
  openSession(client: HostClient): Promise<NativeFileReply | null> {
    if (!this.native) throw new Error('This host opens sessions from a file input')
    return this.native.openSession(client)
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
        const suggested = output.folder ? 'export' : output.files[0]!.name
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

  /** `session:autosave`: writes the unsaved state now (it arrives every few seconds). */
  save(request: AutosaveRequest): void {
    this.autosave.saveNow({ ...request.session, trace: null }, request.fileName)
  }

  /** `session:clearAutosave` */
  clear(): void {
    this.autosave.clear()
  }

  /** `session:recover`: what an earlier run left unsaved, or null. */
  recover(): RecoveryInfo | null {
    const found = this.autosave.recover()
    if (!found) return null
    const { trace: _trace, ...session } = found.session
    return { session, fileName: found.filePath, savedAt: found.savedAt }
  }

  /** Cancels every export in progress. */
  dispose(): void {
    for (const controller of this.exports.values()) controller.abort()
    this.exports.clear()
  }
}
