import type { TraceStep } from '../../../shared/trace'

/**
 * Steps per fetch. Small, because a jump (the timeline dragged across a long trace) needs one
 * step and a 200-object step is tens of kilobytes; stepping on prefetches the next chunk.
 */
export const STEP_CHUNK = 32

/** Loads steps `from` (inclusive) to `to` (exclusive). */
export type StepLoader = (from: number, to: number) => Promise<TraceStep[]>

interface ChunkEntry {
  /** Resolved steps of the chunk (possibly partial while a run streams in). */
  steps: TraceStep[] | null
  /** In-flight fetch. */
  pending: Promise<TraceStep[]> | null
}

/** An LRU cache of one run's steps, fetched in fixed chunks on demand. */
export class StepCache {
  private readonly chunks = new Map<number, ChunkEntry>()

  /**
   * @param load fetches a range of steps
   * @param maxChunks chunks kept before the least recently used is dropped
   */
  constructor(
    private readonly load: StepLoader,
    private readonly maxChunks = 64,
  ) {}

  /** The step if it is already cached, without fetching. */
  peek(index: number): TraceStep | null {
    const entry = this.chunks.get(Math.floor(index / STEP_CHUNK))
    return entry?.steps?.[index % STEP_CHUNK] ?? null
  }

  /** Fetches (or reuses) the step at `index`; `known` is how many steps exist right now. */
  async get(index: number, known: number): Promise<TraceStep | null> {
    if (index < 0 || index >= known) return null
    const chunk = Math.floor(index / STEP_CHUNK)
    const offset = index % STEP_CHUNK
    const entry = this.touch(chunk)
    if (entry.steps && entry.steps.length > offset) return entry.steps[offset] ?? null
    if (!entry.pending || !(await this.covers(entry.pending, offset))) {
      const from = chunk * STEP_CHUNK
      const to = Math.min(from + STEP_CHUNK, known)
      entry.pending = this.load(from, to).then((steps) => {
        if (!entry.steps || steps.length >= entry.steps.length) entry.steps = steps
        return steps
      })
      entry.pending.catch(() => {
        entry.pending = null
      })
    }
    const steps = await entry.pending
    return steps[offset] ?? null
  }

  /** Drops everything cached. */
  clear(): void {
    this.chunks.clear()
  }

  private async covers(pending: Promise<TraceStep[]>, offset: number): Promise<boolean> {
    try {
      return (await pending).length > offset
    } catch {
      return false
    }
  }

  private touch(chunk: number): ChunkEntry {
    let entry = this.chunks.get(chunk)
    if (entry) {
      this.chunks.delete(chunk)
    } else {
      entry = { steps: null, pending: null }
    }
    this.chunks.set(chunk, entry)
    while (this.chunks.size > this.maxChunks) {
      const oldest = this.chunks.keys().next().value as number
      this.chunks.delete(oldest)
    }
    return entry
  }
}
