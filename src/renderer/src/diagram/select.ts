import type { TraceObject, TraceStep } from '../../../shared/trace'
import { MAX_ROWS } from './measure'

/** Types whose immortal instances may be drawn inline in the slot that references them. */
const SCALAR_TYPES = new Set([
  'int',
  'bool',
  'NoneType',
  'str',
  'float',
  'bytes',
  'complex',
  'ellipsis',
  'NotImplementedType',
])

/** True when an object is an immortal scalar drawn inline (rather than as a box). */
export function isInlineScalar(object: TraceObject | undefined, immortalInline: boolean): boolean {
  return immortalInline && !!object && object.immortal && SCALAR_TYPES.has(object.type)
}

/** Numeric part of a trace id (`o12` → 12), for a creation-ordered sort. */
export function idNumber(id: string): number {
  // Called for every comparison of a sort: scan for the first digits without a RegExp.
  let start = 0
  while (start < id.length && !isDigit(id.charCodeAt(start))) start++
  if (start === id.length) return Number.MAX_SAFE_INTEGER
  let value = 0
  for (let i = start; i < id.length && isDigit(id.charCodeAt(i)); i++) {
    value = value * 10 + (id.charCodeAt(i) - 48)
  }
  return value
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Sorts ids by creation order. */
export function byCreation(a: string, b: string): number {
  return idNumber(a) - idNumber(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** Which objects of a step become boxes. */
export interface ObjectSelection {
  /** Ids drawn as boxes, in creation order. */
  drawn: string[]
  /** Ids drawn inline in their slots. */
  inline: ReadonlySet<string>
  /** Number of objects not drawn because of the cap. */
  hiddenCount: number
}

/**
 * Picks the boxes to draw: objects reachable from the frames through drawn rows, breadth-first
 * from the outermost frame, up to `maxObjects`; immortal scalars go inline. Everything else
 * counts as hidden.
 */
export function selectObjects(
  step: TraceStep,
  maxObjects: number,
  immortalInline: boolean,
): ObjectSelection {
  const inline = new Set<string>()
  const order: string[] = []
  const seen = new Set<string>()
  const visit = (id: string | undefined): void => {
    if (!id || seen.has(id)) return
    seen.add(id)
    const object = step.objects[id]
    if (!object) return
    if (isInlineScalar(object, immortalInline)) inline.add(id)
    else order.push(id)
  }
  for (const frame of step.frames) {
    for (const target of Object.values(frame.locals)) visit(target)
    visit(frame.returnValue)
  }
  for (let i = 0; i < order.length && i < maxObjects; i++) {
    for (const ref of step.objects[order[i]!]!.refs.slice(0, MAX_ROWS)) visit(ref.target)
  }
  const drawn = order.slice(0, Math.max(0, maxObjects))
  let hiddenCount = 0
  for (const [id, object] of Object.entries(step.objects)) {
    if (!inline.has(id) && !isInlineScalar(object, immortalInline)) hiddenCount++
  }
  hiddenCount -= drawn.length
  return { drawn: drawn.sort(byCreation), inline, hiddenCount }
}
