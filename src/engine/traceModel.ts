/**
 * Compact in-memory store of a trace: one delta string per step plus periodic checkpoints of
 * the full state, so million-step traces fit in memory and any step is rebuilt quickly.
 */
import type {
  PythonInfo,
  StepEvent,
  TraceDocument,
  TraceFrame,
  TraceObject,
  TraceOutcome,
  TraceStep,
} from '../shared/trace.ts'
import { TRACE_FORMAT } from '../shared/trace.ts'
import type { WireDelta, WireEvent, WireFrame, WireObject } from './wire.ts'

const EVENTS: Record<WireEvent, StepEvent> = {
  l: 'line',
  c: 'call',
  r: 'return',
  x: 'exception',
  e: 'end',
}
const EVENT_CODES: StepEvent[] = ['line', 'call', 'return', 'exception', 'end']

interface State {
  objects: Map<number, WireObject>
  frames: WireFrame[]
}

interface Checkpoint {
  index: number
  /** JSON of [frames, [serial, object][]] after applying step `index`. */
  state: string
}

/** Checkpoint when the deltas since the last one outweigh it (and at least this much). */
const MIN_BYTES_BETWEEN_CHECKPOINTS = 64 * 1024

/** A trace being recorded or already complete. */
export class TraceModel {
  /** The traced snippet. */
  readonly source: string
  /** The interpreter that produced the trace. */
  python: PythonInfo
  /** How the run ended; null while it is still running. */
  outcome: TraceOutcome | null = null

  private deltas: string[] = []
  private lines = new Int32Array(1024)
  private events = new Uint8Array(1024)
  private depths = new Uint16Array(1024)
  private checkpoints: Checkpoint[] = []
  private live: State = { objects: new Map(), frames: [] }
  private bytesSinceCheckpoint = 0
  private deltaBytes = 0
  private checkpointBytes = 0
  private cursor: { index: number; state: State } | null = null

  /** Create an empty model for `source`. */
  constructor(source: string, python: PythonInfo) {
    this.source = source
    this.python = python
  }

  /** Number of recorded steps. */
  get length(): number {
    return this.deltas.length
  }

  /** Approximate bytes held for the steps (deltas, checkpoints, per-step indexes). */
  get storedBytes(): number {
    return this.deltaBytes + this.checkpointBytes + this.length * (4 + 1 + 2)
  }

  /** Append a batch of deltas (a JSON array) as the worker streams them. */
  ingest(batch: string): void {
    for (const delta of JSON.parse(batch) as WireDelta[]) this.append(delta)
  }

  private append(delta: WireDelta): void {
    if (!isDelta(delta)) throw new TypeError('malformed step delta')
    const text = JSON.stringify(delta)
    const index = this.deltas.length
    applyDelta(this.live, delta)
    this.deltas.push(text)
    this.grow(index + 1)
    this.lines[index] = delta.l
    this.events[index] = EVENT_CODES.indexOf(EVENTS[delta.e])
    this.depths[index] = this.live.frames.length
    this.deltaBytes += text.length
    this.bytesSinceCheckpoint += text.length
    const last = this.checkpoints[this.checkpoints.length - 1]
    const lastSize = last ? last.state.length : 0
    if (
      index === 0 ||
      this.bytesSinceCheckpoint > Math.max(MIN_BYTES_BETWEEN_CHECKPOINTS, lastSize * 2)
    ) {
      const state = serializeState(this.live)
      this.checkpoints.push({ index, state })
      this.checkpointBytes += state.length
      this.bytesSinceCheckpoint = 0
    }
  }

  private grow(size: number): void {
    if (size <= this.lines.length) return
    const capacity = Math.max(size, this.lines.length * 2)
    const lines = new Int32Array(capacity)
    lines.set(this.lines)
    this.lines = lines
    const events = new Uint8Array(capacity)
    events.set(this.events)
    this.events = events
    const depths = new Uint16Array(capacity)
    depths.set(this.depths)
    this.depths = depths
  }

  /** Line of step `i`. */
  lineAt(i: number): number {
    return this.lines[i]
  }

  /** Event of step `i`. */
  eventAt(i: number): StepEvent {
    return EVENT_CODES[this.events[i]]
  }

  /** Number of user frames at step `i`. */
  depthAt(i: number): number {
    return this.depths[i]
  }

  /** The full state of step `index`, rebuilt from the nearest checkpoint or the last read. */
  getStep(index: number): TraceStep {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`step ${index} is outside 0..${this.length - 1}`)
    }
    const state = this.stateAt(index)
    const delta = JSON.parse(this.deltas[index]) as WireDelta
    return toStep(index, delta, state)
  }

  private stateAt(index: number): State {
    let low = 0
    let high = this.checkpoints.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.checkpoints[mid].index <= index) low = mid
      else high = mid - 1
    }
    const checkpoint = this.checkpoints[low]
    let state: State
    let from: number
    const cursor = this.cursor
    if (cursor && cursor.index <= index && cursor.index >= checkpoint.index) {
      state = cursor.state
      from = cursor.index + 1
    } else {
      state = parseState(checkpoint.state)
      from = checkpoint.index + 1
    }
    for (let i = from; i <= index; i++) {
      applyDelta(state, JSON.parse(this.deltas[i]) as WireDelta)
    }
    this.cursor = { index, state }
    // The cursor's state is mutated by later reads: hand out a snapshot of it.
    return { objects: new Map(state.objects), frames: state.frames }
  }

  /** The whole trace in the `refscope-trace/1` format. */
  toDocument(): TraceDocument {
    const steps: TraceStep[] = []
    for (let i = 0; i < this.length; i++) steps.push(this.getStep(i))
    return {
      format: TRACE_FORMAT,
      python: this.python,
      source: this.source,
      steps,
      outcome: this.outcome ?? { status: 'stopped', reason: 'cancelled' },
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A cheap shape check of one delta (the worker's data is untrusted). */
function isDelta(value: unknown): value is WireDelta {
  if (
    !isObject(value) ||
    typeof value.e !== 'string' ||
    !Object.hasOwn(EVENTS, value.e) ||
    typeof value.l !== 'number'
  )
    return false
  if (value.f !== undefined && !Array.isArray(value.f)) return false
  if (value.o !== undefined) {
    if (!isObject(value.o)) return false
    for (const record of Object.values(value.o)) {
      if (typeof record === 'number') continue
      if (!Array.isArray(record) || typeof record[0] !== 'string' || !Array.isArray(record[4])) {
        return false
      }
    }
  }
  for (const key of ['g', 'x'] as const) {
    if (value[key] !== undefined && !Array.isArray(value[key])) return false
  }
  return true
}

function applyDelta(state: State, delta: WireDelta): void {
  if (delta.f) state.frames = delta.f
  const objects = state.objects
  if (delta.x) for (const serial of delta.x) objects.delete(serial)
  if (delta.g) for (const serial of delta.g) objects.delete(serial)
  if (delta.o) {
    for (const key in delta.o) {
      const value = delta.o[key]
      const serial = Number(key)
      if (typeof value === 'number') {
        const old = objects.get(serial)
        if (old) {
          const updated = old.slice() as WireObject
          updated[3] = value
          objects.set(serial, updated)
        }
      } else {
        objects.set(serial, value)
      }
    }
  }
}

function serializeState(state: State): string {
  return JSON.stringify([state.frames, [...state.objects]])
}

function parseState(text: string): State {
  const [frames, entries] = JSON.parse(text) as [WireFrame[], [number, WireObject][]]
  return { frames, objects: new Map(entries) }
}

const objectId = (serial: number): string => `o${serial}`

function toStep(index: number, delta: WireDelta, state: State): TraceStep {
  const objects: Record<string, TraceObject> = {}
  for (const [serial, [type, repr, address, refcount, refs, hidden]] of state.objects) {
    const object: TraceObject = {
      type,
      repr,
      address,
      refcount,
      immortal: refcount === null,
      refs: refs.map((ref) =>
        ref.length === 3
          ? { label: ref[0], target: objectId(ref[1]), key: objectId(ref[2]) }
          : { label: ref[0], target: objectId(ref[1]) },
      ),
    }
    if (hidden) object.hiddenRefs = hidden
    objects[objectId(serial)] = object
  }
  const frames: TraceFrame[] = state.frames.map(([fn, line, locals, returned]) => {
    const frame: TraceFrame = {
      function: fn,
      line,
      locals: Object.fromEntries(locals.map(([name, serial]) => [name, objectId(serial)])),
    }
    if (returned !== undefined) frame.returnValue = objectId(returned)
    return frame
  })
  if (frames.length > 0) frames[frames.length - 1].line = delta.l
  const step: TraceStep = {
    index,
    event: EVENTS[delta.e],
    line: delta.l,
    frames,
    objects,
    freed: (delta.x ?? []).map(objectId),
    stdout: delta.out ?? '',
    stderr: delta.err ?? '',
  }
  if (delta.t) step.truncated = true
  if (delta.exc) step.exception = { type: delta.exc[0], message: delta.exc[1] }
  return step
}
