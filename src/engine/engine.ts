/**
 * The engine host: owns engine workers (one per run, plus a warm spare so Run starts at
 * once), enforces the wall-time limit and cancellation from outside the interpreter, and
 * collects streamed steps into a TraceModel.
 */
import { Worker } from 'node:worker_threads'
import type { PythonInfo, StopReason, TraceOptions, TraceOutcome } from '../shared/trace.ts'
import { defaultPyodideDir, defaultWorkerUrl, readTracerSource } from './assets.ts'
import type { HostToWorker, RunRequest, WorkerInit, WorkerToHost } from './protocol.ts'
import { TraceModel } from './traceModel.ts'

/** Defaults for every run (each can be overridden per run). */
export const DEFAULT_OPTIONS: Required<TraceOptions> = {
  maxSteps: 1_000_000,
  timeoutMs: 30_000,
  stdin: '',
  maxObjects: 5_000,
  maxItems: 256,
  maxOutputBytes: 10_000_000,
  maxHeapBytes: 1024 * 1024 * 1024,
}

/** How the host finds the engine's files; defaults fit running from node_modules. */
export interface EngineOptions {
  /** Keep a loaded spare worker ready for the next run (default true). */
  warmSpare?: boolean
  /** Folder of Pyodide's distribution. */
  pyodideDir?: string
  /** Worker script URL. */
  workerUrl?: URL
  /** Interpreter heap cap for every worker (default 1 GiB, at most 2 GiB). */
  maxHeapBytes?: number
  /** After a cancel or time limit, how long the program gets to stop by itself (ms). */
  graceMs?: number
}

/** A run in progress. */
export interface RunHandle {
  /** Steps recorded so far (grows while the run streams). */
  model: TraceModel
  /** Resolves once the run has ended, whatever the outcome. */
  done: Promise<TraceModel>
  /** Ask the run to stop; it ends with `stopped: cancelled`. */
  cancel(): void
}

const MAX_HEAP_BYTES = 2 * 1024 * 1024 * 1024 - 64 * 1024
/** A run whose stored trace grows past this is stopped (reason `memory`). */
const MAX_TRACE_BYTES = 1024 * 1024 * 1024
const STOP_REASONS = new Set(['step-limit', 'time-limit', 'cancelled', 'memory'])

/** Whether a value the worker sent is a well-formed TraceOutcome. */
function isOutcome(value: unknown): value is TraceOutcome {
  if (typeof value !== 'object' || value === null) return false
  const outcome = value as Record<string, unknown>
  if (outcome.status === 'ok') return true
  if (outcome.status === 'stopped') return STOP_REASONS.has(outcome.reason as string)
  if (outcome.status !== 'error') return false
  const error = outcome.error as Record<string, unknown> | undefined
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.type === 'string' &&
    typeof error.message === 'string' &&
    (error.line === null || typeof error.line === 'number')
  )
}

class EngineWorker {
  readonly worker: Worker
  readonly ready: Promise<PythonInfo>
  readonly cancelFlag = new SharedArrayBuffer(4)
  private listeners = new Set<(message: WorkerToHost) => void>()
  private exitListeners = new Set<(reason: string) => void>()
  exited = false

  constructor(init: Omit<WorkerInit, 'cancelFlag'>, url: URL) {
    this.worker = new Worker(url, {
      workerData: { ...init, cancelFlag: this.cancelFlag } satisfies WorkerInit,
      env: {},
      stdout: true,
      stderr: true,
    })
    this.worker.unref()
    this.ready = new Promise((resolve, reject) => {
      this.listeners.add((message) => {
        if (message.type === 'ready') resolve(message.python)
        if (message.type === 'failed' && message.id === null) reject(new Error(message.message))
      })
      this.exitListeners.add((reason) => reject(new Error(reason)))
    })
    this.ready.catch(() => {})
    this.worker.on('message', (message: WorkerToHost) => {
      for (const listener of this.listeners) listener(message)
    })
    this.worker.on('error', (error) => this.exit(`engine worker failed: ${error.message}`))
    this.worker.on('exit', (code) => this.exit(`engine worker exited (code ${code})`))
  }

  private exit(reason: string): void {
    if (this.exited) return
    this.exited = true
    for (const listener of this.exitListeners) listener(reason)
  }

  onMessage(listener: (message: WorkerToHost) => void): void {
    this.listeners.add(listener)
  }

  onExit(listener: (reason: string) => void): void {
    if (this.exited) listener('engine worker already exited')
    else this.exitListeners.add(listener)
  }

  post(message: HostToWorker): void {
    this.worker.postMessage(message)
  }

  async terminate(): Promise<void> {
    this.exited = true
    await this.worker.terminate()
  }
}

/** Runs snippets on CPython-in-WebAssembly and records their reference counts. */
export class Engine {
  private spare: EngineWorker | null = null
  private readonly options: Required<Omit<EngineOptions, 'workerUrl' | 'pyodideDir'>> & {
    workerUrl: URL
    pyodideDir: string
  }
  private tracerSource: string
  private nextRunId = 1
  private active = new Set<EngineWorker>()
  private disposed = false

  /** Create an engine; with `warmSpare` (default) a worker starts loading right away. */
  constructor(options: EngineOptions = {}) {
    this.options = {
      warmSpare: options.warmSpare ?? true,
      pyodideDir: options.pyodideDir ?? defaultPyodideDir(),
      workerUrl: options.workerUrl ?? defaultWorkerUrl(),
      maxHeapBytes: Math.min(options.maxHeapBytes ?? DEFAULT_OPTIONS.maxHeapBytes, MAX_HEAP_BYTES),
      graceMs: options.graceMs ?? 500,
    }
    this.tracerSource = readTracerSource()
    if (this.options.warmSpare) this.spare = this.spawn(this.options.maxHeapBytes)
  }

  private spawn(maxHeapBytes: number): EngineWorker {
    const worker = new EngineWorker(
      { pyodideDir: this.options.pyodideDir, tracerSource: this.tracerSource, maxHeapBytes },
      this.options.workerUrl,
    )
    this.active.add(worker)
    worker.onExit(() => this.active.delete(worker))
    return worker
  }

  /** Resolves with the interpreter's version once a worker is loaded. */
  async ready(): Promise<PythonInfo> {
    if (!this.spare || this.spare.exited) this.spare = this.spawn(this.options.maxHeapBytes)
    return this.spare.ready
  }

  /** Trace `source`. Steps stream into `handle.model`; `onProgress` fires for every batch. */
  run(
    source: string,
    options: TraceOptions = {},
    onProgress?: (model: TraceModel) => void,
  ): RunHandle {
    if (this.disposed) throw new Error('engine disposed')
    const settings = { ...DEFAULT_OPTIONS, maxHeapBytes: this.options.maxHeapBytes, ...options }
    const heap = Math.min(settings.maxHeapBytes, MAX_HEAP_BYTES)
    let worker: EngineWorker
    if (this.spare && !this.spare.exited && heap === this.options.maxHeapBytes) {
      worker = this.spare
      this.spare = null
    } else {
      worker = this.spawn(heap)
    }
    if (this.options.warmSpare && !this.spare) this.spare = this.spawn(this.options.maxHeapBytes)

    const model = new TraceModel(source, { implementation: 'CPython', version: '', platform: '' })
    const id = this.nextRunId++
    let settle!: (model: TraceModel) => void
    const done = new Promise<TraceModel>((resolve) => (settle = resolve))
    let timer: NodeJS.Timeout | undefined
    let graceTimer: NodeJS.Timeout | undefined
    let pendingStop: StopReason | null = null

    const end = (outcome: TraceOutcome): void => {
      if (model.outcome) return
      model.outcome = outcome
      clearTimeout(timer)
      clearTimeout(graceTimer)
      void worker.terminate()
      onProgress?.(model)
      settle(model)
    }
    const stop = (reason: StopReason): void => {
      if (model.outcome || pendingStop) return
      pendingStop = reason
      // Ask the tracer to stop by itself (it keeps its last steps)...
      Atomics.store(new Int32Array(worker.cancelFlag), 0, 1)
      // ...and terminate the worker if it does not (C loops, sleeps, swallowed exceptions).
      graceTimer = setTimeout(() => end({ status: 'stopped', reason }), this.options.graceMs)
    }

    // Everything the worker says is untrusted: the snippet runs in there and can forge it.
    worker.onMessage((message) => {
      if (message.type === 'steps' && message.id === id) {
        try {
          model.ingest(message.batch)
        } catch {
          end({
            status: 'error',
            error: {
              type: 'EngineError',
              message: 'the engine sent malformed trace data',
              line: null,
            },
          })
          return
        }
        if (model.storedBytes > MAX_TRACE_BYTES) {
          end({ status: 'stopped', reason: 'memory' })
          return
        }
        onProgress?.(model)
      } else if (message.type === 'done' && message.id === id) {
        if (!isOutcome(message.outcome)) {
          end({
            status: 'error',
            error: {
              type: 'EngineError',
              message: 'the engine sent a malformed outcome',
              line: null,
            },
          })
        } else if (pendingStop && message.outcome.status === 'stopped') {
          end({ status: 'stopped', reason: pendingStop })
        } else {
          end(message.outcome)
        }
      } else if (message.type === 'failed') {
        end({
          status: 'error',
          error: { type: 'EngineError', message: message.message, line: null },
        })
      }
    })
    worker.onExit((reason) => {
      if (pendingStop) end({ status: 'stopped', reason: pendingStop })
      else if (/memory|heap/i.test(reason)) end({ status: 'stopped', reason: 'memory' })
      else end({ status: 'error', error: { type: 'EngineError', message: reason, line: null } })
    })

    worker.ready.then(
      (python) => {
        if (model.outcome) return
        model.python = python
        const { maxHeapBytes: _heap, ...runOptions } = settings
        const request: RunRequest = { type: 'run', id, source, options: runOptions }
        worker.post(request)
        if (settings.timeoutMs > 0) {
          timer = setTimeout(() => stop('time-limit'), settings.timeoutMs + this.options.graceMs)
        }
      },
      (error: Error) =>
        end({
          status: 'error',
          error: { type: 'EngineError', message: error.message, line: null },
        }),
    )

    return { model, done, cancel: () => stop('cancelled') }
  }

  /** Stop every worker. */
  async dispose(): Promise<void> {
    this.disposed = true
    this.spare = null
    await Promise.all([...this.active].map((worker) => worker.terminate()))
    this.active.clear()
  }
}
