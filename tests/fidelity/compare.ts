/** Step-by-step comparison of a trace against the probe oracle's records. */
import type { TraceDocument } from '../../src/shared/trace.ts'
import type { ProbeRecord } from './oracle.ts'

/** Result of one comparison: how many counts agreed, and a description of each disagreement. */
export interface Agreement {
  compared: number
  mismatches: string[]
}

/**
 * Walk the oracle's probes in order; each must match a later `line` step of the trace at the
 * same line and function, whose top frame binds the same names to objects with the same counts.
 */
export function compareWithOracle(trace: TraceDocument, records: ProbeRecord[]): Agreement {
  const mismatches: string[] = []
  let compared = 0
  let cursor = 0
  const steps = trace.steps
  for (const [line, fn, counts] of records) {
    while (cursor < steps.length) {
      const step = steps[cursor]
      const top = step.frames[step.frames.length - 1]
      if (step.event === 'line' && step.line === line && top?.function === fn) break
      cursor++
    }
    if (cursor >= steps.length) {
      mismatches.push(`no traced line step for probe at line ${line} in ${fn}`)
      break
    }
    const step = steps[cursor]
    const top = step.frames[step.frames.length - 1]
    const tracedNames = Object.keys(top.locals).sort()
    const probedNames = Object.keys(counts).sort()
    if (tracedNames.join() !== probedNames.join()) {
      mismatches.push(
        `step ${cursor} line ${line} ${fn}: names ${tracedNames.join(',')} vs oracle ${probedNames.join(',')}`,
      )
    }
    for (const name of probedNames) {
      const id = top.locals[name]
      const object = id === undefined ? undefined : step.objects[id]
      if (!object) continue
      const traced = object.immortal ? 'immortal' : object.refcount
      compared++
      if (traced !== counts[name]) {
        mismatches.push(
          `step ${cursor} line ${line} ${fn}: ${name} traced ${traced}, oracle ${counts[name]}`,
        )
      }
    }
    cursor++
  }
  return { compared, mismatches }
}
