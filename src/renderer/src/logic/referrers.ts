import type { TraceStep } from '../../../shared/trace'

/** One visible reference to an object: a frame name or a container slot. */
export type Referrer =
  | { kind: 'name'; depth: number; function: string; name: string }
  | { kind: 'return'; depth: number; function: string }
  | { kind: 'slot'; ownerId: string; ownerType: string; label: string }

/** How an object's count splits into visible references and the rest. */
export interface RefcountExplanation {
  /** Names and slots referencing the object, in frame then creation order. */
  referrers: Referrer[]
  /** The true count (null for immortal objects). */
  refcount: number | null
  /** refcount − visible references: evaluation stack, interpreter internals… (null if immortal). */
  unseen: number | null
}

/** Explains an object's count at a step from the names and slots that reference it. */
export function explainRefcount(step: TraceStep, objectId: string): RefcountExplanation | null {
  const object = step.objects[objectId]
  if (!object) return null
  const referrers: Referrer[] = []
  step.frames.forEach((frame, depth) => {
    for (const [name, target] of Object.entries(frame.locals)) {
      if (target === objectId)
        referrers.push({ kind: 'name', depth, function: frame.function, name })
    }
    if (frame.returnValue === objectId) {
      referrers.push({ kind: 'return', depth, function: frame.function })
    }
  })
  for (const [ownerId, owner] of Object.entries(step.objects)) {
    for (const ref of owner.refs) {
      if (ref.target === objectId) {
        referrers.push({ kind: 'slot', ownerId, ownerType: owner.type, label: ref.label })
      }
    }
  }
  const visible = referrers.filter((referrer) => referrer.kind !== 'return').length
  const refcount = object.immortal ? null : object.refcount
  return { referrers, refcount, unseen: refcount === null ? null : refcount - visible }
}
