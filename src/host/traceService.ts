/**
 * Host-side tracing service shared by the Electron main process and the browser host:
 * owns one engine, keeps one run per client and pushes throttled progress events.
 * It must never import electron.
 */
import {
  MAX_SUMMARY_PER_CALL,
  type EngineInfo,
  type EngineState,
  type EventChannel,
  type EventChannels,
  type OutputReply,
  type OutputRequest,
  type RunReply,
  type RunRequest,
  type StepsRequest,
  type SummaryRequest,
  type TraceProgress,
  type TraceSummary,
} from '../shared/ipc.ts'
import { TRACE_FORMAT } from '../shared/trace.ts'
import type {
  PythonInfo,
  StepEvent,
  TraceDocument,
  TraceOutcome,
  TraceStep,
} from '../shared/trace.ts'
import type { EngineLike, RunHandleLike } from './engineTypes.ts'
import { OutputIndex } from './outputIndex.ts'
import { createThrottle, type Throttle } from './throttle.ts'

/** One window (Electron) or WebSocket connection (browser host). */
export interface HostClient {
  /** Stable for the client's lifetime, unique within the host. */
  readonly id: string
  /** Pushes an event to this client. */
  emit<E extends EventChannel>(event: E, payload: EventChannels[E]): void
}

/** Options of a TraceService. */
export interface TraceServiceOptions {
  /** Makes the engine, on first use (see createDefaultEngine for the real one). */
  createEngine: () => EngineLike
  /** Least time between two progress events of a run, in ms (default 100). */
  progressIntervalMs?: number
}

/** Thrown for a run id that is not this client's current run. */
export class UnknownRunError extends Error {
  override readonly name = 'UnknownRunError'
  constructor(runId: number) {
    super(`Unknown run ${runId}`)
  }
}

interface RunRecord {
  readonly runId: number
  readonly source: string
  readonly client: HostClient
  readonly handle: RunHandleLike
  readonly throttle: Throttle
  /** The run's stdout/stderr by step, indexed on first use. */
  readonly output: OutputIndex
  /** Set when the run has ended (normally, by cancel, or by an engine failure). */
  outcome: TraceOutcome | null
  /** False once another run replaced this one or the client left: no more events. */
  live: boolean
}

function engineFailure(error: unknown): TraceOutcome {
  const message = error instanceof Error ? error.message : String(error)
  return { status: 'error', error: { type: 'EngineError', message, line: null } }
}

/** Runs snippets for many clients over one engine. */
export class TraceService {
  private readonly createEngine: () => EngineLike
  private readonly progressIntervalMs: number
  private engine: EngineLike | null = null
  private readiness: Promise<void> | null = null
  private state: EngineState = 'loading'
  private python: PythonInfo | null = null
  private loadError: string | null = null
  private nextRunId = 1
  private readonly runs = new Map<string, RunRecord>()

  constructor(options: TraceServiceOptions) {
    this.createEngine = options.createEngine
    this.progressIntervalMs = options.progressIntervalMs ?? 100
  }

  /** Starts loading the interpreter (idempotent); the first request would do it anyway. */
  start(): EngineLike {
    if (this.engine) return this.engine
    const engine = this.createEngine()
    this.engine = engine
    this.readiness = engine.ready().then(
      (python) => {
        this.python = python
        this.state = 'ready'
      },
      (error: unknown) => {
        this.loadError = error instanceof Error ? error.message : String(error)
        this.state = 'error'
      },
    )
    return engine
  }

  /** `engine:info`: the interpreter and engine state, optionally once loading has settled. */
  async info(wait = false): Promise<EngineInfo> {
    this.start()
    if (wait) await this.readiness
    return { python: this.python, state: this.state, error: this.loadError }
  }

  /** `trace:run`: starts a run for the client, cancelling the client's previous run. */
  run(client: HostClient, request: RunRequest): RunReply {
    const engine = this.start()
    this.release(client)
    const runId = this.nextRunId++
    let record: RunRecord | null = null
    const throttle = createThrottle(() => {
      if (record) this.emitProgress(record)
    }, this.progressIntervalMs)
    const handle = engine.run(request.source, request.options, () => throttle.schedule())
    record = {
      runId,
      source: request.source,
      client,
      handle,
      throttle,
      output: new OutputIndex(handle.model),
      outcome: null,
      live: true,
    }
    const current = record
    this.runs.set(client.id, current)
    handle.done.then(
      (model) => this.finish(current, model.outcome ?? handle.model.outcome),
      (error: unknown) => this.finish(current, engineFailure(error)),
    )
    return { runId }
  }

  /** `trace:cancel`: stops the client's run; its recorded steps stay readable. */
  cancel(client: HostClient, runId: number): void {
    const record = this.recordOf(client, runId)
    if (!record.outcome) record.handle.cancel()
  }

  /** `trace:steps`: full steps `from`..`to` (exclusive), clamped to what is recorded. */
  steps(client: HostClient, request: StepsRequest): TraceStep[] {
    const { model } = this.recordOf(client, request.runId).handle
    const to = Math.min(request.to, model.length)
    const steps: TraceStep[] = []
    for (let i = request.from; i < to; i++) steps.push(model.getStep(i))
    return steps
  }

  /** `trace:output`: what steps `from`..`to` (exclusive) wrote, without sending the steps. */
  async output(client: HostClient, request: OutputRequest): Promise<OutputReply> {
    return this.recordOf(client, request.runId).output.range(request.from, request.to)
  }

  /** `trace:summary`: line, event and depth of each step from `from` on. */
  summary(client: HostClient, request: SummaryRequest): TraceSummary {
    const record = this.recordOf(client, request.runId)
    const { model } = record.handle
    const length = model.length
    const to = Math.min(length, request.from + MAX_SUMMARY_PER_CALL)
    const lines: number[] = []
    const events: StepEvent[] = []
    const depths: number[] = []
    for (let i = request.from; i < to; i++) {
      lines.push(model.lineAt(i))
      events.push(model.eventAt(i))
      depths.push(model.depthAt(i))
    }
    const done = record.outcome !== null
    return { lines, events, depths, length, done, outcome: record.outcome }
  }

  /** The client's ended run as a `refscope-trace/1` document (for exports). */
  document(client: HostClient, runId: number): TraceDocument {
    const record = this.recordOf(client, runId)
    if (!record.outcome || !this.python) throw new Error('The run has not finished yet')
    const { model } = record.handle
    const steps: TraceStep[] = []
    for (let i = 0; i < model.length; i++) steps.push(model.getStep(i))
    return {
      format: TRACE_FORMAT,
      python: this.python,
      source: record.source,
      steps,
      outcome: record.outcome,
    }
  }

  /** Forgets a client (window closed, connection dropped), cancelling its run. */
  release(client: HostClient): void {
    const record = this.runs.get(client.id)
    if (!record) return
    this.runs.delete(client.id)
    record.live = false
    record.throttle.cancel()
    if (!record.outcome) record.handle.cancel()
  }

  /** Cancels every run and stops the engine. */
  async dispose(): Promise<void> {
    for (const record of [...this.runs.values()]) this.release(record.client)
    const engine = this.engine
    this.engine = null
    await engine?.dispose()
  }

  private recordOf(client: HostClient, runId: number): RunRecord {
    const record = this.runs.get(client.id)
    if (!record || record.runId !== runId) throw new UnknownRunError(runId)
    return record
  }

  private finish(record: RunRecord, outcome: TraceOutcome | null): void {
    record.outcome = outcome ?? engineFailure('The run ended without an outcome')
    record.throttle.cancel()
    this.emitProgress(record)
  }

  private emitProgress(record: RunRecord): void {
    if (!record.live) return
    const progress: TraceProgress = {
      runId: record.runId,
      length: record.handle.model.length,
      done: record.outcome !== null,
      outcome: record.outcome,
    }
    record.client.emit('trace:progress', progress)
  }
}
