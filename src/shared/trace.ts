/**
 * The `refscope-trace/1` format: what one traced run of a snippet looks like.
 * Documented in docs/trace-format.md and validated by src/shared/trace.schema.json.
 */

/** Format tag every trace carries. */
export const TRACE_FORMAT = 'refscope-trace/1' as const

/** What kind of moment a step records. */
export type StepEvent = 'line' | 'call' | 'return' | 'exception' | 'end'

/** One outgoing reference of an object: a slot label and the id of the object it points at. */
export interface ObjectRef {
  /** `[0]`, `['key']`, `.attr`, `key→`, `→value`, `{0}` (set member), `.cell_contents`… */
  label: string
  /** Trace id of the referenced object. */
  target: string
  /** For a dict entry with a mortal scalar key: the key object's id (the dict holds it too). */
  key?: string
}

/** One live object as CPython had it at a step. */
export interface TraceObject {
  /** Python type name (`list`, `int`, `Point`…). */
  type: string
  /** Short, bounded representation computed without running user code. */
  repr: string
  /** The object's address in the interpreter (may repeat across lifetimes; ids never do). */
  address: number
  /** `ob_refcnt` read at this step; null for immortal objects. */
  refcount: number | null
  /** True for objects CPython never frees (`sys._is_immortal`). */
  immortal: boolean
  /** Outgoing references, in container order. */
  refs: ObjectRef[]
  /** References left out of `refs` (container items past the per-container cap, or the budget). */
  hiddenRefs?: number
}

/** One Python frame of the user's program, outermost first. */
export interface TraceFrame {
  /** Function name; `<module>` for the top level. */
  function: string
  /** Line the frame is at. */
  line: number
  /** Local (or, for the module, global) names mapped to object ids, in binding order. */
  locals: Record<string, string>
  /** Object id of the value being returned, on a `return` step of this frame. */
  returnValue?: string
}

/** The state of the program at one moment. */
export interface TraceStep {
  /** 0-based position in the trace. */
  index: number
  /** What happened. */
  event: StepEvent
  /** The line about to run (`line`), or where the event happened. */
  line: number
  /** Frames, outermost first. */
  frames: TraceFrame[]
  /** Every object reachable from the frames (within the budget), keyed by id. */
  objects: Record<string, TraceObject>
  /** Ids of objects CPython deallocated since the previous step. */
  freed: string[]
  /** Text the program wrote to stdout since the previous step. */
  stdout: string
  /** Text the program wrote to stderr since the previous step. */
  stderr: string
  /** True when the object budget or the per-container item cap left something out. */
  truncated?: boolean
  /** On an `exception` step: the exception being raised. */
  exception?: { type: string; message: string }
}

/** How a run ended. */
export type OutcomeStatus = 'ok' | 'error' | 'stopped'

/** Why a run was stopped before it finished. */
export type StopReason = 'step-limit' | 'time-limit' | 'cancelled' | 'memory'

/** An error raised by the program (or a syntax error, which yields no steps). */
export interface TraceError {
  /** Exception type name, e.g. `ZeroDivisionError`. */
  type: string
  /** The exception's message. */
  message: string
  /** 1-based line in the snippet, when known. */
  line: number | null
  /** 1-based column, for syntax errors. */
  column?: number | null
}

/** The end of a run. */
export interface TraceOutcome {
  /** ok: finished; error: raised or failed to compile; stopped: a limit or the user ended it. */
  status: OutcomeStatus
  /** Present when status is `error`. */
  error?: TraceError
  /** Present when status is `stopped`. */
  reason?: StopReason
}

/** Which interpreter produced a trace. */
export interface PythonInfo {
  /** Always `CPython`. */
  implementation: string
  /** e.g. `3.14.2`. */
  version: string
  /** e.g. `emscripten-wasm32`. */
  platform: string
}

/** A whole trace as exported (`refscope trace` output). */
export interface TraceDocument {
  /** Always `refscope-trace/1`. */
  format: typeof TRACE_FORMAT
  /** The interpreter. */
  python: PythonInfo
  /** The traced snippet. */
  source: string
  /** Every recorded step. */
  steps: TraceStep[]
  /** How the run ended. */
  outcome: TraceOutcome
}

/** Limits and inputs for one run. */
export interface TraceOptions {
  /** Stop after this many steps (default 1,000,000). */
  maxSteps?: number
  /** Stop after this much wall time in milliseconds (default 30,000). */
  timeoutMs?: number
  /** Text that `input()` reads, line by line. */
  stdin?: string
  /** Objects walked per step at most (default 5,000). */
  maxObjects?: number
  /** Items shown per container at most (default 256); the rest are counted in `hiddenRefs`. */
  maxItems?: number
  /** Bytes of stdout+stderr kept per run (default 10 MB). */
  maxOutputBytes?: number
  /** Interpreter heap cap in bytes (default 1 GiB). */
  maxHeapBytes?: number
}
