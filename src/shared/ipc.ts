/**
 * The one contract between the UI and the host (Electron main or the browser host):
 * every request/reply channel, every pushed event, and the bridge the renderer sees.
 */
import type { PythonInfo, StepEvent, TraceOptions, TraceOutcome, TraceStep } from './trace.ts'

/** Most full steps one `trace:steps` call may ask for. */
export const MAX_STEPS_PER_CALL = 500

/** Most summary entries one `trace:summary` reply carries; ask again from where it ended. */
export const MAX_SUMMARY_PER_CALL = 200_000

/** Longest snippet accepted, in UTF-16 code units. */
export const MAX_SOURCE_LENGTH = 1_000_000

/** Lifecycle of the interpreter behind the host. */
export type EngineState = 'loading' | 'ready' | 'error'

/** Request of `engine:info`. */
export interface EngineInfoRequest {
  /** Resolve only once the engine is ready or has failed. */
  wait?: boolean
}

/** Reply of `engine:info`. */
export interface EngineInfo {
  /** The interpreter, once loaded. */
  python: PythonInfo | null
  /** Where the engine stands. */
  state: EngineState
  /** Why loading failed, when state is `error`. */
  error: string | null
}

/** Request of `trace:run`. */
export interface RunRequest {
  /** The Python snippet. */
  source: string
  /** Limits and stdin. */
  options?: TraceOptions
}

/** Reply of `trace:run`. */
export interface RunReply {
  /** Identifies the run in later requests and events. */
  runId: number
}

/** Request of `trace:cancel`. */
export interface CancelRequest {
  /** The run to stop; its recorded steps stay readable. */
  runId: number
}

/** Request of `trace:steps`: steps `from` (inclusive) to `to` (exclusive). */
export interface StepsRequest {
  /** The run. */
  runId: number
  /** First step index. */
  from: number
  /** One past the last step index; at most `from + MAX_STEPS_PER_CALL`. */
  to: number
}

/** Request of `trace:summary`. */
export interface SummaryRequest {
  /** The run. */
  runId: number
  /** First step index to outline. */
  from: number
}

/** Reply of `trace:summary`: one entry per step from `from` on, plus where the run stands. */
export interface TraceSummary {
  /** Line of each step. */
  lines: number[]
  /** Event of each step. */
  events: StepEvent[]
  /** Frame count of each step. */
  depths: number[]
  /** Steps recorded so far in the whole run. */
  length: number
  /** True once the run has ended. */
  done: boolean
  /** How the run ended, once done. */
  outcome: TraceOutcome | null
}

/** Payload of the `trace:progress` event. */
export interface TraceProgress {
  /** The run. */
  runId: number
  /** Steps recorded so far. */
  length: number
  /** True once the run has ended. */
  done: boolean
  /** How the run ended, once done. */
  outcome: TraceOutcome | null
}

/** Every command the native menu can send to the renderer. */
export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:save',
  'file:exportTrace',
  'run:run',
  'run:stop',
  'run:continue',
  'run:stepOver',
  'run:stepInto',
  'run:stepOut',
  'run:stepBack',
  'run:toStart',
  'run:toEnd',
  'help:shortcuts',
] as const

/** A command from the native menu. */
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** Payload of the `menu:command` event. */
export interface MenuCommandEvent {
  /** What the user picked. */
  command: MenuCommand
}

/** Request and reply type of every invoke channel. */
export interface InvokeChannels {
  'engine:info': { request: EngineInfoRequest | undefined; reply: EngineInfo }
  'trace:run': { request: RunRequest; reply: RunReply }
  'trace:cancel': { request: CancelRequest; reply: void }
  'trace:steps': { request: StepsRequest; reply: TraceStep[] }
  'trace:summary': { request: SummaryRequest; reply: TraceSummary }
}

/** Name of an invoke channel. */
export type InvokeChannel = keyof InvokeChannels

/** Request type of an invoke channel. */
export type RequestOf<C extends InvokeChannel> = InvokeChannels[C]['request']

/** Reply type of an invoke channel. */
export type ReplyOf<C extends InvokeChannel> = InvokeChannels[C]['reply']

/** Every invoke channel, for hosts that register them all. */
export const INVOKE_CHANNELS = [
  'engine:info',
  'trace:run',
  'trace:cancel',
  'trace:steps',
  'trace:summary',
] as const satisfies readonly InvokeChannel[]

/** Payload type of every host-to-renderer event. */
export interface EventChannels {
  'trace:progress': TraceProgress
  'menu:command': MenuCommandEvent
}

/** Name of a host-to-renderer event. */
export type EventChannel = keyof EventChannels

/** Every event channel, for bridges that forward them. */
export const EVENT_CHANNELS = [
  'trace:progress',
  'menu:command',
] as const satisfies readonly EventChannel[]

/** Sends one request over some transport; bridges are built on top of it. */
export type Invoker = <C extends InvokeChannel>(
  channel: C,
  request: RequestOf<C>,
) => Promise<ReplyOf<C>>

/** Subscribes to one event over some transport; returns the unsubscribe function. */
export type Subscriber = <E extends EventChannel>(
  event: E,
  listener: (payload: EventChannels[E]) => void,
) => () => void

/** What the renderer sees as `window.refscope` (Electron) or gets from the web bridge. */
export interface RefscopeBridge {
  /** `engine:info` */
  engineInfo(request?: EngineInfoRequest): Promise<EngineInfo>
  /** `trace:run`: starts a run, cancelling this window's previous one. */
  run(request: RunRequest): Promise<RunReply>
  /** `trace:cancel` */
  cancel(request: CancelRequest): Promise<void>
  /** `trace:steps` */
  steps(request: StepsRequest): Promise<TraceStep[]>
  /** `trace:summary` */
  summary(request: SummaryRequest): Promise<TraceSummary>
  /** Listens to a host event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void
}

/** Builds the bridge from a transport's invoke and subscribe functions. */
export function createBridge(invoke: Invoker, subscribe: Subscriber): RefscopeBridge {
  return {
    engineInfo: (request) => invoke('engine:info', request),
    run: (request) => invoke('trace:run', request),
    cancel: (request) => invoke('trace:cancel', request),
    steps: (request) => invoke('trace:steps', request),
    summary: (request) => invoke('trace:summary', request),
    on: (event, listener) => subscribe(event, listener),
  }
}
