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

/** Collects a run's stdout/stderr as steps are scanned in order. */
export class OutputLog {
  /** Entries in step order. */
  readonly entries: OutputEntry[] = []
  /** Steps scanned so far (the next index to scan). */
  scanned = 0

  /** Records the output of the next step in order; out-of-order steps are ignored. */
  add(step: TraceStep): void {
    if (step.index !== this.scanned) return
    if (step.stdout) this.entries.push({ index: step.index, stream: 'stdout', text: step.stdout })
    if (step.stderr) this.entries.push({ index: step.index, stream: 'stderr', text: step.stderr })
    this.scanned++
  }

  /** Output written up to and including step `index`, merged into runs of the same stream. */
  upTo(index: number): OutputEntry[] {
    const merged: OutputEntry[] = []
    for (const entry of this.entries) {
      if (entry.index > index) break
      const last = merged[merged.length - 1]
      if (last && last.stream === entry.stream) {
        merged[merged.length - 1] = { ...last, index: entry.index, text: last.text + entry.text }
      } else {
        merged.push({ ...entry })
      }
    }
    return merged
  }
}
