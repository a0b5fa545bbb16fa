/** What changed between two steps: refcount deltas and frees, for handouts and step choice. */
import type { TraceDocument, TraceStep } from '../shared/trace.ts'

/** One object whose count changed, or that was freed, at a step. */
export interface RefcountChange {
  /** Trace id. */
  id: string
  /** Python type name. */
  type: string
  /** Short repr. */
  repr: string
  /** Count at the previous step (null when the object is new). */
  before: number | null
  /** Count at this step (0 when freed). */
  after: number
  /** Deallocated at this step. */
  freed: boolean
}

/** The mortal objects whose count differs from the previous step, and the objects freed. */
export function changesAt(doc: TraceDocument, index: number): RefcountChange[] {
  const step = doc.steps[index]
  if (!step) return []
  const previous: TraceStep | undefined = doc.steps[index - 1]
  const changes: RefcountChange[] = []
  for (const [id, object] of Object.entries(step.objects)) {
    if (object.refcount === null) continue
    const before = previous?.objects[id]
    if (before && before.refcount === object.refcount) continue
    if (!before && !previous) continue
    changes.push({
      id,
      type: object.type,
      repr: object.repr,
      before: before?.refcount ?? null,
      after: object.refcount,
      freed: false,
    })
  }
  for (const id of step.freed) {
    const before = previous?.objects[id]
    if (!before) continue
    changes.push({
      id,
      type: before.type,
      repr: before.repr,
      before: before.refcount,
      after: 0,
      freed: true,
    })
  }
  return changes
}

/** One change as a short line, e.g. `list [10, 20] (o1): 2 → 3 (+1)`. */
export function describeChange(change: RefcountChange): string {
  const what = `${change.type} ${change.repr.length > 40 ? change.repr.slice(0, 39) + '…' : change.repr} (${change.id})`
  if (change.freed) return `${what}: ${change.before ?? '?'} → 0, freed`
  if (change.before === null) return `${what}: new, count ${change.after}`
  const delta = change.after - change.before
  return `${what}: ${change.before} → ${change.after} (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`
}
