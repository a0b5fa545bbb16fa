import type {
  AutosaveRequest,
  DocumentState,
  NativeFileReply,
  SaveSessionRequest,
  EngineInfo,
  ExportCancelRequest,
  ExportCreateReply,
  ExportCreateRequest,
  RecoveryInfo,
  RecentOpenRequest,
  RecentRememberRequest,
  RecentSession,
  EventChannel,
  EventChannels,
  OutputReply,
  RefscopeBridge,
  TraceSummary,
} from '../../src/shared/ipc'
import type { TraceDocument, TraceOutcome, TraceStep } from '../../src/shared/trace'

interface FakeRun {
  document: TraceDocument
  /** Steps released so far (streaming). */
  released: number
  outcome: TraceOutcome | null
}

/**
 * A bridge serving recorded trace documents. By default a run is complete at once; with
 * `streaming: true` steps appear only as `release()` hands them out.
 */
export class FakeBridge implements RefscopeBridge {
  /** Calls made, for assertions. */
  readonly calls: Array<{ channel: string; request: unknown }> = []
  private readonly runs = new Map<number, FakeRun>()
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  private nextRunId = 1

  /**
   * @param traces documents served by source; `fallback` serves any other source
   * @param options streaming: release steps manually
   */
  constructor(
    private readonly traces: Record<string, TraceDocument>,
    private readonly fallback: TraceDocument | null = null,
    private readonly options: { streaming?: boolean } = {},
  ) {}

  /** Id of the latest run. */
  get lastRunId(): number {
    return this.nextRunId - 1
  }

  async engineInfo(): Promise<EngineInfo> {
    this.calls.push({ channel: 'engine:info', request: undefined })
    return {
      python: { implementation: 'CPython', version: '3.14.2', platform: 'emscripten-wasm32' },
      state: 'ready',
      error: null,
    }
  }

  async run(request: { source: string }): Promise<{ runId: number }> {
    this.calls.push({ channel: 'trace:run', request })
    const document = this.traces[request.source] ?? this.fallback
    if (!document) throw new Error(`No fixture for source ${JSON.stringify(request.source)}`)
    const runId = this.nextRunId++
    const streaming = this.options.streaming ?? false
    this.runs.set(runId, {
      document,
      released: streaming ? 0 : document.steps.length,
      outcome: streaming ? null : document.outcome,
    })
    return { runId }
  }

  /** Releases `count` more steps of a streaming run (and finishes it when all are out). */
  release(count: number, runId = this.lastRunId): void {
    const run = this.runs.get(runId)!
    run.released = Math.min(run.document.steps.length, run.released + count)
    if (run.released === run.document.steps.length) run.outcome = run.document.outcome
    this.emit('trace:progress', {
      runId,
      length: run.released,
      done: run.outcome !== null,
      outcome: run.outcome,
    })
  }

  /** What `session:recover` answers. */
  recovery: RecoveryInfo | null = null

  async exportRun(request: ExportCreateRequest): Promise<ExportCreateReply> {
    this.calls.push({ channel: 'export:create', request })
    const data = btoa(`<svg data-format="${request.format}"/>`)
    return {
      files: [{ name: 'step-0001.svg', base64: data }],
      folder: false,
      steps: [0],
      note: null,
    }
  }

  async cancelExport(request: ExportCancelRequest): Promise<void> {
    this.calls.push({ channel: 'export:cancel', request })
  }

  async autosave(request: AutosaveRequest): Promise<void> {
    this.calls.push({ channel: 'session:autosave', request })
  }

  async clearAutosave(): Promise<void> {
    this.calls.push({ channel: 'session:clearAutosave', request: undefined })
  }

  async reportState(request: DocumentState): Promise<void> {
    this.calls.push({ channel: 'session:state', request })
  }

  async saveSessionFile(request: SaveSessionRequest): Promise<NativeFileReply | null> {
    this.calls.push({ channel: 'file:saveSession', request })
    return null
  }

  async openSessionFile(): Promise<NativeFileReply | null> {
    this.calls.push({ channel: 'file:openSession', request: undefined })
    return null
  }

  /** Open Recent as this fake host keeps it: entries, newest first, and their texts. */
  recent: Array<RecentSession & { text: string }> = []

  async recentSessions(): Promise<RecentSession[]> {
    this.calls.push({ channel: 'recent:list', request: undefined })
    return this.recent.map(({ text: _text, ...entry }) => entry)
  }

  async openRecent(request: RecentOpenRequest): Promise<NativeFileReply> {
    this.calls.push({ channel: 'recent:open', request })
    const entry = this.recent.find((item) => item.id === request.id)
    if (!entry) throw new Error('Cannot open that session: it is gone.')
    return { name: entry.name, text: entry.text }
  }

  async rememberRecent(request: RecentRememberRequest): Promise<RecentSession[]> {
    this.calls.push({ channel: 'recent:remember', request })
    const id = String(this.recent.length).padStart(16, '0')
    const rest = this.recent.filter((item) => item.name !== request.name)
    this.recent = [{ id, path: null, savedAt: '', ...request }, ...rest]
    return this.recentSessions()
  }

  async clearRecent(): Promise<void> {
    this.calls.push({ channel: 'recent:clear', request: undefined })
    this.recent = []
  }

  async recover(): Promise<RecoveryInfo | null> {
    this.calls.push({ channel: 'session:recover', request: undefined })
    return this.recovery
  }

  async cancel(request: { runId: number }): Promise<void> {
    this.calls.push({ channel: 'trace:cancel', request })
    const run = this.runs.get(request.runId)
    if (run && !run.outcome) {
      run.outcome = { status: 'stopped', reason: 'cancelled' }
      this.emit('trace:progress', {
        runId: request.runId,
        length: run.released,
        done: true,
        outcome: run.outcome,
      })
    }
  }

  async steps(request: { runId: number; from: number; to: number }): Promise<TraceStep[]> {
    this.calls.push({ channel: 'trace:steps', request })
    if (request.to - request.from > 500) throw new Error('Too many steps requested')
    const run = this.runs.get(request.runId)!
    return run.document.steps.slice(request.from, Math.min(request.to, run.released))
  }

  async output(request: { runId: number; from: number; to: number }): Promise<OutputReply> {
    this.calls.push({ channel: 'trace:output', request })
    const run = this.runs.get(request.runId)!
    const to = Math.min(request.to, run.released)
    const entries = run.document.steps
      .slice(request.from, to)
      .filter((step) => step.stdout || step.stderr)
      .map(({ index, stdout, stderr }) => ({ index, stdout, stderr }))
    return { to: Math.max(request.from, to), entries }
  }

  async summary(request: { runId: number; from: number }): Promise<TraceSummary> {
    this.calls.push({ channel: 'trace:summary', request })
    const run = this.runs.get(request.runId)!
    const steps = run.document.steps.slice(request.from, run.released)
    return {
      lines: steps.map((step) => step.line),
      events: steps.map((step) => step.event),
      depths: steps.map((step) => step.frames.length),
      length: run.released,
      done: run.outcome !== null,
      outcome: run.outcome,
    }
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    set.add(listener as (payload: never) => void)
    return () => set.delete(listener as (payload: never) => void)
  }

  /** Pushes an event to subscribers. */
  emit<E extends EventChannel>(event: E, payload: EventChannels[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      ;(listener as (value: EventChannels[E]) => void)(payload)
    }
  }
}
