/**
 * Runtime checks for every request of the IPC contract. Hosts run them before acting:
 * a renderer is untrusted input as far as the host is concerned.
 */
import type { TraceOptions } from './trace.ts'
import {
  MAX_SOURCE_LENGTH,
  MAX_STEPS_PER_CALL,
  INVOKE_CHANNELS,
  MENU_COMMANDS,
  type CancelRequest,
  type EngineInfoRequest,
  type InvokeChannel,
  type MenuCommand,
  type RequestOf,
  type RunRequest,
  type StepsRequest,
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

/** Checks a `trace:summary` request. */
export function isSummaryRequest(value: unknown): value is SummaryRequest {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['runId', 'from'])) return false
  return isRunId(value.runId) && isStepIndex(value.from)
}

/** The request validator of every invoke channel. */
export const requestValidators: { [C in InvokeChannel]: Validator<RequestOf<C>> } = {
  'engine:info': isEngineInfoRequest,
  'trace:run': isRunRequest,
  'trace:cancel': isCancelRequest,
  'trace:steps': isStepsRequest,
  'trace:summary': isSummaryRequest,
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
