/**
 * The slice of the engine's API the host relies on, stated structurally so services can be
 * exercised with a stand-in engine in tests.
 */
import type {
  PythonInfo,
  StepEvent,
  TraceOptions,
  TraceOutcome,
  TraceStep,
} from '../shared/trace.ts'

/** A growing trace as the host reads it. */
export interface TraceModelLike {
  /** How the run ended; null while it runs. */
  readonly outcome: TraceOutcome | null
  /** Steps recorded so far. */
  readonly length: number
  /** Full state at one step. */
  getStep(index: number): TraceStep
  /** Line of one step. */
  lineAt(index: number): number
  /** Event of one step. */
  eventAt(index: number): StepEvent
  /** Frame count of one step. */
  depthAt(index: number): number
  /**
   * What one step wrote, when the model can tell without rebuilding the step's state (the host
   * falls back to `getStep` otherwise).
   */
  outputAt?(index: number): { stdout: string; stderr: string }
}

/** One run in progress. */
export interface RunHandleLike {
  /** The trace, growing while the run goes on. */
  readonly model: TraceModelLike
  /** Settles when the run has ended. */
  readonly done: Promise<TraceModelLike>
  /** Stops the run; the recorded steps stay readable. */
  cancel(): void
}

/** An interpreter that traces snippets. */
export interface EngineLike {
  /** Resolves once the interpreter has loaded. */
  ready(): Promise<PythonInfo>
  /** Starts tracing a snippet. */
  run(
    source: string,
    options?: TraceOptions,
    onProgress?: (model: TraceModelLike) => void,
  ): RunHandleLike
  /** Stops every worker. */
  dispose(): Promise<void>
}
