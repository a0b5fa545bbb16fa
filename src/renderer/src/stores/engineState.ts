import type { StopReason, TraceOutcome } from '../../../shared/trace'
import type { EngineState } from '../../../shared/ipc'

/** Engine state as the status bar reports it (the `data-state` contract). */
export type EngineStatus = 'loading' | 'ready' | 'running' | 'stopped' | 'error'

/** Facts the engine status is derived from. */
export interface EngineFacts {
  /** State the host last reported. */
  hostState: EngineState | null
  /** A run is in progress. */
  running: boolean
  /** Outcome of the last run, once it ended. */
  outcome: TraceOutcome | null
  /** The host failed (engine crash, bridge error). */
  failure: string | null
}

/** Maps host state, activity and the last outcome to the reported engine status. */
export function engineStatus(facts: EngineFacts): EngineStatus {
  if (facts.failure) return 'error'
  if (facts.running) return 'running'
  if (facts.outcome?.status === 'stopped') return 'stopped'
  if (facts.outcome?.status === 'error') return 'error'
  if (facts.hostState === 'error') return 'error'
  if (facts.hostState === 'ready' || facts.outcome) return 'ready'
  return 'loading'
}

/** The stop reason reported with `stopped`. */
export function stopReason(outcome: TraceOutcome | null): StopReason | null {
  if (outcome?.status !== 'stopped') return null
  return outcome.reason ?? 'cancelled'
}
