/** A human-readable view of a trace: one line per step with each name's object and count. */
import type { TraceDocument, TraceObject } from '../shared/trace.ts'

function describe(object: TraceObject | undefined): string {
  if (!object) return '?'
  const count = object.immortal ? 'immortal' : `refcount ${object.refcount}`
  return `${object.type} ${object.repr} (${count})`
}

/** Render `document` as text: step, event, line, names in the innermost frame, frees, output. */
export function formatTable(document: TraceDocument): string {
  const lines: string[] = []
  for (const step of document.steps) {
    const frame = step.frames[step.frames.length - 1]
    const where = frame ? `${frame.function}:${step.line}` : `line ${step.line}`
    lines.push(`#${step.index} ${step.event} ${where}`)
    for (const [name, id] of Object.entries(frame?.locals ?? {})) {
      lines.push(`    ${name} -> ${id} ${describe(step.objects[id])}`)
    }
    if (step.freed.length) lines.push(`    freed: ${step.freed.join(', ')}`)
    if (step.stdout) lines.push(`    stdout: ${JSON.stringify(step.stdout)}`)
  }
  const outcome = document.outcome
  const detail =
    outcome.status === 'error'
      ? ` ${outcome.error?.type}: ${outcome.error?.message} (line ${outcome.error?.line})`
      : outcome.status === 'stopped'
        ? ` (${outcome.reason})`
        : ''
  lines.push(`outcome: ${outcome.status}${detail}`)
  return lines.join('\n') + '\n'
}
