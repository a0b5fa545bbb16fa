/** Progress reporting and cancellation shared by every exporter. */

/** Called as work advances: `done` of `total` units. */
export type ProgressCallback = (done: number, total: number) => void

/** Progress and cancel hooks an export accepts. */
export interface ExportControl {
  /** Reports progress (diagrams laid out, frames rendered…). */
  onProgress?: ProgressCallback
  /** Aborts the export; nothing is written. */
  signal?: AbortSignal
}

/** Thrown when an export is cancelled. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled')
  }
}

/** Throws ExportCancelled when the signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled()
}
