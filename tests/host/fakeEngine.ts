/** A stand-in engine whose runs the test drives by hand. */
import type { EngineLike, RunHandleLike, TraceModelLike } from '../../src/host/engineTypes.ts'
import type { PythonInfo, TraceOptions, TraceOutcome, TraceStep } from '../../src/shared/trace.ts'

/** Python info the fake reports. */
export const FAKE_PYTHON: PythonInfo = {
  implementation: 'CPython',
  version: '3.14.0',
  platform: 'emscripten-wasm32',
}

/** A run of the fake engine, with controls. */
export interface FakeRun {
  source: string
  options: TraceOptions | undefined
  cancelled: boolean
  /** Appends `count` line steps and reports progress. */
  grow(count: number): void
  /** Ends the run. */
  finish(outcome: TraceOutcome): void
  /** Makes the run's `done` promise reject. */
  crash(error: Error): void
}

function step(index: number): TraceStep {
  return {
    index,
    event: 'line',
    line: index + 1,
    frames: [{ function: '<module>', line: index + 1, locals: {} }],
    objects: {},
    freed: [],
    stdout: '',
    stderr: '',
  }
}

/** An engine that records runs instead of running Python. */
export class FakeEngine implements EngineLike {
  readonly runs: FakeRun[] = []
  disposed = false

  constructor(private readonly readyResult: Promise<PythonInfo> = Promise.resolve(FAKE_PYTHON)) {}

  ready(): Promise<PythonInfo> {
    return this.readyResult
  }

  run(
    source: string,
    options?: TraceOptions,
    onProgress?: (model: TraceModelLike) => void,
  ): RunHandleLike {
    const steps: TraceStep[] = []
    const model = {
      outcome: null as TraceOutcome | null,
      get length() {
        return steps.length
      },
      getStep: (i: number) => steps[i]!,
      lineAt: (i: number) => steps[i]!.line,
      eventAt: (i: number) => steps[i]!.event,
      depthAt: (i: number) => steps[i]!.frames.length,
    }
    let settle!: (m: TraceModelLike) => void
    let fail!: (e: Error) => void
    const done = new Promise<TraceModelLike>((resolve, reject) => {
      settle = resolve
      fail = reject
    })
    const run: FakeRun = {
      source,
      options,
      cancelled: false,
      grow(count) {
        for (let i = 0; i < count; i++) steps.push(step(steps.length))
        onProgress?.(model)
      },
      finish(outcome) {
        model.outcome = outcome
        settle(model)
      },
      crash: (error) => fail(error),
    }
    this.runs.push(run)
    return {
      model,
      done,
      cancel() {
        run.cancelled = true
        run.finish({ status: 'stopped', reason: 'cancelled' })
      },
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true
  }
}
