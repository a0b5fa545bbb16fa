/**
 * One run's program output indexed by step, so the renderer's console can show everything
 * written up to step 100,000 without fetching 100,000 full steps. Built on first use, in short
 * slices that yield to the event loop (the Electron main process must stay responsive).
 */
import { performance } from 'node:perf_hooks'
import type { OutputReply, StepOutput } from '../shared/ipc.ts'
import type { TraceModelLike } from './engineTypes.ts'

/** Longest stretch of indexing before yielding to other work, in ms. */
const SLICE_MS = 8

/** The output of a growing trace, indexed lazily. */
export class OutputIndex {
  /** Steps that wrote something, in step order. */
  private readonly entries: StepOutput[] = []
  /** Steps indexed so far. */
  private scanned = 0
  private scanning: Promise<void> | null = null

  /** @param model the run's trace (it may still be growing) */
  constructor(private readonly model: TraceModelLike) {}

  /** What steps `from`..`to` (exclusive, clamped to the recorded steps) wrote. */
  async range(from: number, to: number): Promise<OutputReply> {
    const end = Math.min(to, this.model.length)
    await this.indexUpTo(end)
    if (end <= from) return { to: Math.max(from, end), entries: [] }
    return {
      to: end,
      entries: this.entries.slice(this.firstAtOrAfter(from), this.firstAtOrAfter(end)),
    }
  }

  private async indexUpTo(end: number): Promise<void> {
    while (this.scanned < end) {
      if (!this.scanning) {
        this.scanning = this.slice(end).finally(() => {
          this.scanning = null
        })
      }
      await this.scanning
    }
  }

  private async slice(end: number): Promise<void> {
    const deadline = performance.now() + SLICE_MS
    const { model } = this
    while (this.scanned < end && performance.now() < deadline) {
      const index = this.scanned
      const { stdout, stderr } = model.outputAt ? model.outputAt(index) : model.getStep(index)
      if (stdout || stderr) this.entries.push({ index, stdout, stderr })
      this.scanned++
    }
    if (this.scanned < end) await new Promise<void>((resolve) => setImmediate(resolve))
  }

  /** Position of the first entry whose step is `index` or later. */
  private firstAtOrAfter(index: number): number {
    let low = 0
    let high = this.entries.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.entries[mid]!.index < index) low = mid + 1
      else high = mid
    }
    return low
  }
}
