/**
 * Runtime checks for every request of the IPC contract. Hosts run them before acting:
 * a renderer is untrusted input as far as the host is concerned.
 */
import { isPlainFileName } from './exportNames.ts'
import type { TraceOptions } from './trace.ts'
import {
  EXPORT_FORMATS,
  MAX_SOURCE_LENGTH,
  MAX_STEPS_PER_CALL,
  INVOKE_CHANNELS,
  MENU_COMMANDS,
  type AutosaveRequest,
  type DocumentState,
  type SaveSessionRequest,
  type RecentOpenRequest,
  type RecentRememberRequest,
  type CancelRequest,
  type ExportCancelRequest,
  type ExportCreateRequest,
  type ExportSteps,
  type SessionState,
  type EngineInfoRequest,
  type InvokeChannel,
  type MenuCommand,
  type RequestOf,
  type RunRequest,
  type StepsRequest,
  type OutputRequest,
  type SummaryRequest,
} from './ipc.ts'

/** A type guard for one request shape. */
export type Validator<T> = (value: unknown) => value is T

/** Inclusive bounds for each numeric trace option; generous, but keep the host safe. */
export const TRACE_OPTION_BOUNDS = {
  maxSteps: [1, 10_000_000],
  timeoutMs: [1, 600_000],
  maxObjects: [1, 1_000_000],
  maxOutputBytes: [0, 1_073_741_824],
  maxHeapBytes: [16_777_216, 4_294_967_296],
} as const satisfies Record<string, readonly [number, number]>

/** Longest stdin accepted, in UTF-16 code units. */
export const MAX_STDIN_LENGTH = 10_000_000

type Plain = Record<string, unknown>

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** True when every own key is one of `allowed` (extra keys mean a confused or hostile sender). */
function hasOnlyKeys(value: Plain, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key))
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
}

function isRunId(value: unknown): value is number {
  return isIntegerIn(value, 1, Number.MAX_SAFE_INTEGER)
}

function isStepIndex(value: unknown): value is number {
  return isIntegerIn(value, 0, Number.MAX_SAFE_INTEGER)
}

/** Checks trace options: known keys only, bounded integers, stdin a bounded string. */
export function isTraceOptions(value: unknown): value is TraceOptions {
  if (!isPlainObject(value)) return false
  const numeric = Object.keys(TRACE_OPTION_BOUNDS) as (keyof typeof TRACE_OPTION_BOUNDS)[]
  if (!hasOnlyKeys(value, [...numeric, 'stdin'])) return false
  for (const key of numeric) {
    const [min, max] = TRACE_OPTION_BOUNDS[key]
    if (value[key] !== undefined && !isIntegerIn(value[key], min, max)) return false
  }
  const { stdin } = value
  return stdin === undefined || (typeof stdin === 'string' && stdin.length <= MAX_STDIN_LENGTH)
}

/** Checks an `engine:info` request (absent, or `{ wait?: boolean }`). */
export function isEngineInfoRequest(value: unknown): value is EngineInfoRequest | undefined {
  if (value === undefined) return true
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['wait'])) return false
  return value.wait === undefined || typeof value.wait === 'boolean'
}

/** Checks a `trace:run` request. */
export function isRunRequest(value: unknown): value is RunRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['source', 'options'])) return false
  if (typeof value.source !== 'string' || value.source.length > MAX_SOURCE_LENGTH) return false
  return value.options === undefined || isTraceOptions(value.options)
}

/** Checks a `trace:cancel` request. */
export function isCancelRequest(value: unknown): value is CancelRequest {
  return isPlainObject(value) && hasOnlyKeys(value, ['runId']) && isRunId(value.runId)
}

/** Checks a `trace:steps` request: `from <= to <= from + MAX_STEPS_PER_CALL`. */
export function isStepsRequest(value: unknown): value is StepsRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['runId', 'from', 'to'])) return false
  const { runId, from, to } = value
  if (!isRunId(runId) || !isStepIndex(from) || !isStepIndex(to)) return false
  return to >= from && to - from <= MAX_STEPS_PER_CALL
}

/** Checks a `trace:output` request: `from <= to`. */
export function isOutputRequest(value: unknown): value is OutputRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['runId', 'from', 'to'])) return false
  const { runId, from, to } = value
  return isRunId(runId) && isStepIndex(from) && isStepIndex(to) && to >= from
}

/** Checks a `trace:summary` request. */
export function isSummaryRequest(value: unknown): value is SummaryRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['runId', 'from'])) return false
  return isRunId(value.runId) && isStepIndex(value.from)
}

/** Longest export title or annotation text accepted. */
export const MAX_NOTE_LENGTH = 100_000

/** Most annotations one request may carry. */
export const MAX_ANNOTATIONS = 10_000

function isExportId(value: unknown): value is number {
  return isIntegerIn(value, 1, Number.MAX_SAFE_INTEGER)
}

function isShortString(value: unknown, max = MAX_NOTE_LENGTH): value is string {
  return typeof value === 'string' && value.length <= max
}

function isLineList(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length <= 100_000 &&
    value.every((line) => isIntegerIn(line, 1, Number.MAX_SAFE_INTEGER))
  )
}

/** Checks annotations: a list of `{ step, text, objectId? }`. */
export function isAnnotationList(value: unknown): value is ExportCreateRequest['annotations'] {
  if (!Array.isArray(value) || value.length > MAX_ANNOTATIONS) return false
  return value.every(
    (item) =>
      isPlainObject(item) &&
      hasOnlyKeys(item, ['step', 'text', 'objectId']) &&
      isStepIndex(item.step) &&
      isShortString(item.text) &&
      (item.objectId === undefined || isShortString(item.objectId, 200)),
  )
}

/** Checks an export's step choice: at most one of step, range, breakpoints, objectId. */
export function isExportSteps(value: unknown): value is ExportSteps {
  const keys = ['step', 'range', 'breakpoints', 'objectId', 'changes']
  if (!isPlainObject(value) || !hasOnlyKeys(value, keys)) return false
  if (Object.keys(value).length > 1) return false
  const { step, range, breakpoints, objectId, changes } = value
  if (changes !== undefined && changes !== true) return false
  if (step !== undefined && !isStepIndex(step)) return false
  if (range !== undefined) {
    if (!isPlainObject(range) || !hasOnlyKeys(range, ['from', 'to'])) return false
    if (!isStepIndex(range.from) || !isStepIndex(range.to) || range.to < range.from) return false
  }
  if (breakpoints !== undefined && !isLineList(breakpoints)) return false
  return objectId === undefined || isShortString(objectId, 200)
}

/** Checks an `export:create` request. */
export function isExportCreateRequest(value: unknown): value is ExportCreateRequest {
  const keys = [
    'exportId',
    'runId',
    'format',
    'steps',
    'theme',
    'scale',
    'codeExcerpt',
    'title',
    'annotations',
    'saveToFile',
    'fileStem',
  ]
  if (!isPlainObject(value) || !hasOnlyKeys(value, keys)) return false
  if (!isExportId(value.exportId) || !isRunId(value.runId)) return false
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(value.format)) return false
  if (value.steps !== undefined && !isExportSteps(value.steps)) return false
  if (value.theme !== undefined && value.theme !== 'light' && value.theme !== 'dark') return false
  if (value.scale !== undefined && !isIntegerIn(value.scale, 1, 3)) return false
  if (value.codeExcerpt !== undefined && typeof value.codeExcerpt !== 'boolean') return false
  if (value.title !== undefined && !isShortString(value.title, 1000)) return false
  if (value.saveToFile !== undefined && typeof value.saveToFile !== 'boolean') return false
  if (value.fileStem !== undefined) {
    if (typeof value.fileStem !== 'string' || !isPlainFileName(value.fileStem)) return false
  }
  return value.annotations === undefined || isAnnotationList(value.annotations)
}

/** Checks an `export:cancel` request. */
export function isExportCancelRequest(value: unknown): value is ExportCancelRequest {
  return isPlainObject(value) && hasOnlyKeys(value, ['exportId']) && isExportId(value.exportId)
}

/** Checks the session state a renderer sends for autosave. */
export function isSessionState(value: unknown): value is SessionState {
  const keys = ['code', 'breakpoints', 'currentStep', 'annotations', 'view', 'lessonId']
  if (!isPlainObject(value) || !hasOnlyKeys(value, keys)) return false
  if (!isShortString(value.code, MAX_SOURCE_LENGTH) || !isLineList(value.breakpoints)) return false
  if (value.currentStep !== null && !isStepIndex(value.currentStep)) return false
  if (!isAnnotationList(value.annotations)) return false
  if (value.lessonId !== null && !isShortString(value.lessonId, 200)) return false
  const view = value.view
  if (!isPlainObject(view) || !hasOnlyKeys(view, ['theme', 'immortalInline'])) return false
  return (
    (view.theme === 'light' || view.theme === 'dark' || view.theme === 'system') &&
    typeof view.immortalInline === 'boolean'
  )
}

/** Checks a `session:autosave` request. */
export function isAutosaveRequest(value: unknown): value is AutosaveRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['session', 'fileName'])) return false
  const { fileName } = value
  return isSessionState(value.session) && (fileName === null || isShortString(fileName, 1000))
}

/** Checks a `session:state` request. */
export function isDocumentState(value: unknown): value is DocumentState {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['dirty', 'fileName'])) return false
  const { fileName } = value
  return typeof value.dirty === 'boolean' && (fileName === null || isShortString(fileName, 1000))
}

/** Longest session file text accepted for saving (the trace included). */
export const MAX_SESSION_TEXT = 24 * 1024 * 1024

/** Checks a `file:saveSession` request. */
export function isSaveSessionRequest(value: unknown): value is SaveSessionRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['text', 'saveAs', 'suggestedName'])) {
    return false
  }
  return (
    isShortString(value.text, MAX_SESSION_TEXT) &&
    typeof value.saveAs === 'boolean' &&
    isShortString(value.suggestedName, 1000)
  )
}

/** Checks a `recent:open` request: an id as `recent:list` gives them. */
export function isRecentOpenRequest(value: unknown): value is RecentOpenRequest {
  return (
    isPlainObject(value) &&
    hasOnlyKeys(value, ['id']) &&
    typeof value.id === 'string' &&
    /^[0-9a-f]{16}$/.test(value.id)
  )
}

/** Checks a `recent:remember` request. */
export function isRecentRememberRequest(value: unknown): value is RecentRememberRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['name', 'text'])) return false
  return (
    isShortString(value.name, 1000) &&
    value.name.trim() !== '' &&
    isShortString(value.text, MAX_SESSION_TEXT)
  )
}

/** Checks a request that carries nothing. */
export function isEmptyRequest(value: unknown): value is undefined {
  return value === undefined || value === null
}

/** The request validator of every invoke channel. */
export const requestValidators: { [C in InvokeChannel]: Validator<RequestOf<C>> } = {
  'engine:info': isEngineInfoRequest,
  'trace:run': isRunRequest,
  'trace:cancel': isCancelRequest,
  'trace:steps': isStepsRequest,
  'trace:output': isOutputRequest,
  'trace:summary': isSummaryRequest,
  'export:create': isExportCreateRequest,
  'export:cancel': isExportCancelRequest,
  'session:autosave': isAutosaveRequest,
  'session:clearAutosave': isEmptyRequest,
  'session:recover': isEmptyRequest,
  'session:state': isDocumentState,
  'file:saveSession': isSaveSessionRequest,
  'file:openSession': isEmptyRequest,
  'recent:list': isEmptyRequest,
  'recent:open': isRecentOpenRequest,
  'recent:remember': isRecentRememberRequest,
  'recent:clear': isEmptyRequest,
}

/** True for a known invoke channel name. */
export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value)
}

/** True for a known menu command. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
}

/** Thrown when a request fails validation; hosts report it without acting. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError'
  constructor(channel: string) {
    super(`Invalid request for ${channel}`)
  }
}

/** Returns the request typed for its channel, or throws InvalidRequestError. */
export function validateRequest<C extends InvokeChannel>(channel: C, value: unknown): RequestOf<C> {
  const validator = requestValidators[channel] as Validator<RequestOf<C>>
  if (!validator(value)) throw new InvalidRequestError(channel)
  return value
}
