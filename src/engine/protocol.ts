/**
 * The message protocol between the engine host (main thread) and its worker.
 * One worker serves one run: it loads a fresh interpreter, waits for `run`, streams `steps`,
 * and ends with `done`; the host then retires it and a warm spare takes its place.
 */
import type { PythonInfo, TraceOptions, TraceOutcome } from '../shared/trace.ts'

/** Data the worker starts with (`workerData`). */
export interface WorkerInit {
  /** Folder holding pyodide.mjs, pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json. */
  pyodideDir: string
  /** Source text of tracer.py. */
  tracerSource: string
  /** Interpreter heap cap in bytes. */
  maxHeapBytes: number
  /** One Int32 the host sets to 1 to ask the running program to stop. */
  cancelFlag: SharedArrayBuffer
}

/** Host → worker: trace this snippet. */
export interface RunRequest {
  type: 'run'
  id: number
  source: string
  options: Required<Omit<TraceOptions, 'maxHeapBytes'>>
}

/** Messages the host sends. */
export type HostToWorker = RunRequest

/** Worker → host: the interpreter is loaded and locked down. */
export interface ReadyMessage {
  type: 'ready'
  python: PythonInfo
}

/** Worker → host: newly recorded steps, a JSON array of compact deltas (see wire.ts). */
export interface StepsMessage {
  type: 'steps'
  id: number
  batch: string
}

/** Worker → host: the run ended (normally, by an error, or by a limit). */
export interface DoneMessage {
  type: 'done'
  id: number
  outcome: TraceOutcome
}

/** Worker → host: the worker itself failed (could not load, or the interpreter died). */
export interface FailedMessage {
  type: 'failed'
  id: number | null
  message: string
}

/** Messages the worker sends. */
export type WorkerToHost = ReadyMessage | StepsMessage | DoneMessage | FailedMessage
