import type { StepOutput } from '../../../shared/ipc'
import type { TraceStep } from '../../../shared/trace'

/** One piece of program output, tagged with the step that first showed it. */
export interface OutputEntry {
  /** Step index at which the text had been written. */
  index: number
  /** Which stream it went to. */
  stream: 'stdout' | 'stderr'
  /** The text. */
  text: string
}

/** Where one written piece ends in the merged runs. */
interface Mark {
  /** Step that wrote it. */
  index: number
  /** Merged run it belongs to. */
  run: number
  /** Length of that run's text up to and including this piece. */
  end: number
}

/**
 * Collects a run's stdout/stderr in step order, as consecutive runs of the same stream, and
 * answers "everything written up to step i" without re-reading or re-joining earlier output.
 */
export class OutputLog {
  /** Steps scanned so far (the next index to scan). */
  scanned = 0
  private readonly runs: OutputEntry[] = []
  private readonly marks: Mark[] = []

  /** Records the output of the next step in order; out-of-order steps are ignored. */
  add(step: TraceStep): void {
    if (step.index !== this.scanned) return
    this.addRange([step], step.index + 1)
  }

  /**
   * Records steps `scanned`..`to` (exclusive) at once: `outputs` are those of them that wrote
   * something, in order. Ignored unless it continues exactly where the log stands.
   */
  addRange(outputs: readonly StepOutput[], to: number, from: number = this.scanned): void {
    if (from !== this.scanned || to < from) return
    for (const output of outputs) {
      if (output.index < from || output.index >= to) continue
      if (output.stdout) this.append(output.index, 'stdout', output.stdout)
      if (output.stderr) this.append(output.index, 'stderr', output.stderr)
    }
    this.scanned = to
  }

  /** Number of pieces written up to and including step `index` (a cheap change check). */
  countUpTo(index: number): number {
    let low = 0
    let high = this.marks.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.marks[mid]!.index <= index) low = mid + 1
      else high = mid
    }
    return low
  }

  /** Output written up to and including step `index`, merged into runs of the same stream. */
  upTo(index: number): OutputEntry[] {
    const count = this.countUpTo(index)
    if (count === 0) return []
    const mark = this.marks[count - 1]!
    const merged = this.runs.slice(0, mark.run + 1)
    const last = merged[mark.run]!
    if (last.text.length !== mark.end || last.index !== mark.index) {
      merged[mark.run] = { ...last, index: mark.index, text: last.text.slice(0, mark.end) }
    }
    return merged
  }

  private append(index: number, stream: OutputEntry['stream'], text: string): void {
    const last = this.runs[this.runs.length - 1]
    if (last && last.stream === stream) {
      this.runs[this.runs.length - 1] = { index, stream, text: last.text + text }
    } else {
      this.runs.push({ index, stream, text })
    }
    const run = this.runs.length - 1
    this.marks.push({ index, run, end: this.runs[run]!.text.length })
  }
}
