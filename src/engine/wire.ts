/**
 * The compact per-step delta the tracer emits (one JSON object per step). Only what changed
 * since the previous step is present; TraceModel turns deltas back into full steps.
 */

/** Object record: [type, repr, address, refcount (null = immortal), refs, items left out?]. */
export type WireObject =
  | [string, string, number, number | null, WireRef[]]
  | [string, string, number, number | null, WireRef[], number]

/** Reference: [label, target serial] or [label, target serial, key serial] for dict entries. */
export type WireRef = [string, number] | [string, number, number]

/** Frame: [function, line, [[name, serial]...], return value serial?]. */
export type WireFrame = [string, number, [string, number][], number?]

/** Event codes: line, call, return, exception, end. */
export type WireEvent = 'l' | 'c' | 'r' | 'x' | 'e'

/** One step as the tracer sends it. */
export interface WireDelta {
  e: WireEvent
  l: number
  /** Frames, when they differ from the previous step's. */
  f?: WireFrame[]
  /** New or changed objects (a bare number: only the refcount changed). */
  o?: Record<string, WireObject | number>
  /** Serials no longer reachable from the frames (still alive). */
  g?: number[]
  /** Serials deallocated since the previous step. */
  x?: number[]
  out?: string
  err?: string
  /** Set when the object budget cut the walk short. */
  t?: 1
  /** Exception being raised: [type, message]. */
  exc?: [string, string]
}
