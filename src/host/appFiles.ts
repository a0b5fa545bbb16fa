/**
 * Host side of exports and autosave, shared by the Electron main process and the browser host:
 * exports a client's finished run with the CLI's exporters, and keeps unsaved work in the
 * user-data folder so the next launch can offer it back. It must never import electron.
 */
import { mkdirSync } from 'node:fs'
import type {
  AutosaveRequest,
  ExportCreateReply,
  ExportCreateRequest,
  RecoveryInfo,
} from '../shared/ipc.ts'
import { Autosave } from './autosave.ts'
import type { HostClient, TraceService } from './traceService.ts'

/** Units of progress between two `export:progress` events at most (plus the last one). */
const PROGRESS_EVERY = 1

/** Exports and autosave for the clients of one host. */
export class AppFiles {
  private readonly autosave: Autosave
  private readonly exports = new Map<string, AbortController>()

  /** @param dataDir the user-data folder (created when missing) */
  constructor(
    private readonly service: TraceService,
    readonly dataDir: string,
  ) {
    mkdirSync(dataDir, { recursive: true })
    this.autosave = new Autosave(dataDir)
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
      const { createExport } = await import('../export/index.ts')
      const output = await createExport(doc, {
        format: request.format,
        steps: request.steps,
        theme: request.theme,
        scale: request.scale,
        title: request.title,
        annotations: request.annotations,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (done - last < PROGRESS_EVERY && done < total) return
          last = done
          client.emit('export:progress', { exportId: request.exportId, done, total })
        },
      })
      controller.signal.throwIfAborted()
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
