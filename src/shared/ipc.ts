/**
 * The one contract between the UI and the host (Electron main or the browser host):
 * every request/reply channel, every pushed event, and the bridge the renderer sees.
 */
import type { Annotation, Session } from './session.ts'
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

/** Request of `trace:output`: the program's output at steps `from` (inclusive) to `to` (exclusive). */
export interface OutputRequest {
  /** The run. */
  runId: number
  /** First step index. */
  from: number
  /** One past the last step index (any range: the host indexes output once per run). */
  to: number
}

/** What one step wrote. */
export interface StepOutput {
  /** The step. */
  index: number
  /** Text written to stdout since the previous step. */
  stdout: string
  /** Text written to stderr since the previous step. */
  stderr: string
}

/** Reply of `trace:output`. */
export interface OutputReply {
  /** One past the last step covered: `to`, clamped to the steps recorded so far. */
  to: number
  /** The steps of the range that wrote something, in order. */
  entries: StepOutput[]
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

/** Formats `export:create` produces (the same list as the exporters'). */
export const EXPORT_FORMATS = ['svg', 'png', 'html', 'pdf', 'gif', 'json'] as const

/** One export format. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number]

/** Which steps an export covers; at most one field is set, none means the format's default. */
export interface ExportSteps {
  /** One 0-based trace index. */
  step?: number
  /** Inclusive 0-based range. */
  range?: { from: number; to: number }
  /** Steps that stop on one of these 1-based lines. */
  breakpoints?: number[]
  /** Steps where this object's count changes or it is freed. */
  objectId?: string
  /** Steps where any count changes or an object is freed. */
  changes?: true
}

/** Request of `export:create`: exports the client's current run. */
export interface ExportCreateRequest {
  /** Chosen by the renderer; names the export in progress events and `export:cancel`. */
  exportId: number
  /** The run to export (it must have ended). */
  runId: number
  format: ExportFormatName
  steps?: ExportSteps
  theme?: 'light' | 'dark'
  /** 1, 2 or 3 for png and gif. */
  scale?: number
  /** Draw the code around the current line above svg, png and gif diagrams (default false). */
  codeExcerpt?: boolean
  /** Title of the player and the handout. */
  title?: string
  /** Notes shown by the player and the handout. */
  annotations?: Annotation[]
  /** Write to a path chosen in a native dialog instead of returning the bytes (Electron). */
  saveToFile?: boolean
  /** The session's name without extension, which the save dialog suggests (`basics.pdf`). */
  fileStem?: string
}

/** One exported file, base64-encoded. */
export interface ExportedFile {
  name: string
  base64: string
}

/** Reply of `export:create`. */
export interface ExportCreateReply {
  /** One file, or several that belong in a folder. */
  files: ExportedFile[]
  /** True when the files belong in a folder. */
  folder: boolean
  /** The 0-based steps exported. */
  steps: number[]
  /** Set when the steps were cut to the format's maximum. */
  note: string | null
  /** Where the export was written, when it was saved to a file (empty `files`). */
  savedTo?: string | null
}

/** Request of `export:cancel`. */
export interface ExportCancelRequest {
  exportId: number
}

/** Payload of the `export:progress` event. */
export interface ExportProgress {
  exportId: number
  /** Units of work done (diagrams laid out, frames rendered…). */
  done: number
  total: number
}

/** A session as the renderer sends it for autosave: everything but the trace. */
export type SessionState = Omit<Session, 'trace'>

/** Request of `session:autosave`. */
export interface AutosaveRequest {
  session: SessionState
  /** Name of the session file the state belongs to, if any. */
  fileName: string | null
}

/** Request of `session:state`: what the window close prompt needs to know. */
export interface DocumentState {
  /** True while the session has unsaved changes. */
  dirty: boolean
  /** The session's file name, if it has one. */
  fileName: string | null
}

/** Request of `file:saveSession` (native dialogs; Electron only). */
export interface SaveSessionRequest {
  /** The session file's text. */
  text: string
  /** Ask for a path even when the session already has one. */
  saveAs: boolean
  /** Suggested name when asking. */
  suggestedName: string
}

/** Reply of `file:saveSession` and `file:openSession`: the file, or null when cancelled. */
export interface NativeFileReply {
  /** The file's base name. */
  name: string
  /** Its text (open only). */
  text?: string
}

/** Reply of `session:recover`: what an earlier run left unsaved. */
export interface RecoveryInfo {
  session: SessionState
  fileName: string | null
  /** ISO time of the autosave. */
  savedAt: string
}

/** One entry of File → Open Recent. */
export interface RecentSession {
  /** Names the entry in `recent:open`. */
  id: string
  /** The session file's name. */
  name: string
  /** Where the file is, in hosts that know paths (Electron); null for a copy the host keeps. */
  path: string | null
  /** ISO time it was last opened or saved. */
  savedAt: string
}

/** Request of `recent:open`. */
export interface RecentOpenRequest {
  /** The entry's id from `recent:list`. */
  id: string
}

/** Request of `recent:remember`: a session the browser host's user opened or saved. */
export interface RecentRememberRequest {
  /** The file's name. */
  name: string
  /** The session file's text (kept without its trace). */
  text: string
}

/** Every command the native menu can send to the renderer. */
export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:openRecent',
  'file:save',
  'file:saveAs',
  'file:export',
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
  /** The Open Recent entry, for `file:openRecent`. */
  recentId?: string
}

/** Request and reply type of every invoke channel. */
export interface InvokeChannels {
  'engine:info': { request: EngineInfoRequest | undefined; reply: EngineInfo }
  'trace:run': { request: RunRequest; reply: RunReply }
  'trace:cancel': { request: CancelRequest; reply: void }
  'trace:steps': { request: StepsRequest; reply: TraceStep[] }
  'trace:output': { request: OutputRequest; reply: OutputReply }
  'trace:summary': { request: SummaryRequest; reply: TraceSummary }
  'export:create': { request: ExportCreateRequest; reply: ExportCreateReply }
  'export:cancel': { request: ExportCancelRequest; reply: void }
  'session:autosave': { request: AutosaveRequest; reply: void }
  'session:clearAutosave': { request: undefined; reply: void }
  'session:recover': { request: undefined; reply: RecoveryInfo | null }
  'session:state': { request: DocumentState; reply: void }
  'file:saveSession': { request: SaveSessionRequest; reply: NativeFileReply | null }
  'file:openSession': { request: undefined; reply: NativeFileReply | null }
  'recent:list': { request: undefined; reply: RecentSession[] }
  'recent:open': { request: RecentOpenRequest; reply: NativeFileReply }
  'recent:remember': { request: RecentRememberRequest; reply: RecentSession[] }
  'recent:clear': { request: undefined; reply: void }
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
  'trace:output',
  'trace:summary',
  'export:create',
  'export:cancel',
  'session:autosave',
  'session:clearAutosave',
  'session:recover',
  'session:state',
  'file:saveSession',
  'file:openSession',
  'recent:list',
  'recent:open',
  'recent:remember',
  'recent:clear',
] as const satisfies readonly InvokeChannel[]

/** Payload type of every host-to-renderer event. */
export interface EventChannels {
  'trace:progress': TraceProgress
  'menu:command': MenuCommandEvent
  'export:progress': ExportProgress
}

/** Name of a host-to-renderer event. */
export type EventChannel = keyof EventChannels

/** Every event channel, for bridges that forward them. */
export const EVENT_CHANNELS = [
  'trace:progress',
  'menu:command',
  'export:progress',
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
  /** `trace:output` */
  output(request: OutputRequest): Promise<OutputReply>
  /** `trace:summary` */
  summary(request: SummaryRequest): Promise<TraceSummary>
  /** `export:create`: exports the current run; progress comes as `export:progress` events. */
  exportRun(request: ExportCreateRequest): Promise<ExportCreateReply>
  /** `export:cancel` */
  cancelExport(request: ExportCancelRequest): Promise<void>
  /** `session:autosave`: keeps unsaved work in the host's data folder. */
  autosave(request: AutosaveRequest): Promise<void>
  /** `session:clearAutosave`: after a save, a discard, or a declined recovery. */
  clearAutosave(): Promise<void>
  /** `session:recover`: what a crashed or killed earlier run left unsaved, or null. */
  recover(): Promise<RecoveryInfo | null>
  /** `session:state`: tells the host whether closing the window would lose changes. */
  reportState(request: DocumentState): Promise<void>
  /** `file:saveSession`: saves through a native dialog (Electron); null when cancelled. */
  saveSessionFile(request: SaveSessionRequest): Promise<NativeFileReply | null>
  /** `file:openSession`: opens through a native dialog (Electron); null when cancelled. */
  openSessionFile(): Promise<NativeFileReply | null>
  /** `recent:list`: File → Open Recent, newest first. */
  recentSessions(): Promise<RecentSession[]>
  /** `recent:open`: reads one recent session (a gone file is dropped with a clear error). */
  openRecent(request: RecentOpenRequest): Promise<NativeFileReply>
  /** `recent:remember`: lists a session opened or saved in the browser host. */
  rememberRecent(request: RecentRememberRequest): Promise<RecentSession[]>
  /** `recent:clear`: empties Open Recent. */
  clearRecent(): Promise<void>
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
    output: (request) => invoke('trace:output', request),
    summary: (request) => invoke('trace:summary', request),
    exportRun: (request) => invoke('export:create', request),
    cancelExport: (request) => invoke('export:cancel', request),
    autosave: (request) => invoke('session:autosave', request),
    clearAutosave: () => invoke('session:clearAutosave', undefined),
    recover: () => invoke('session:recover', undefined),
    reportState: (request) => invoke('session:state', request),
    saveSessionFile: (request) => invoke('file:saveSession', request),
    openSessionFile: () => invoke('file:openSession', undefined),
    recentSessions: () => invoke('recent:list', undefined),
    openRecent: (request) => invoke('recent:open', request),
    rememberRecent: (request) => invoke('recent:remember', request),
    clearRecent: () => invoke('recent:clear', undefined),
    on: (event, listener) => subscribe(event, listener),
  }
}
