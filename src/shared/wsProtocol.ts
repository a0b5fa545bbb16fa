/**
 * Messages of the WebSocket bridge the browser host speaks: the IPC contract as JSON frames.
 */
import type { EventChannel, EventChannels, InvokeChannel } from './ipc.ts'

/** Path the browser host accepts WebSocket upgrades on. */
export const WS_PATH = '/ws'

/** Query parameter that carries the per-launch token (page and WebSocket). */
export const TOKEN_PARAM = 'token'

/** Largest frame either side accepts, in bytes. */
export const WS_MAX_PAYLOAD = 32 * 1024 * 1024

/** Client to host: one request on an invoke channel. */
export interface WsRequest {
  /** Correlates the reply; unique per connection. */
  id: number
  /** The invoke channel. */
  channel: InvokeChannel
  /** The request; absent for channels whose request may be undefined. */
  request?: unknown
}

/** Host to client: the reply to one request. */
export type WsReply =
  { id: number; ok: true; reply: unknown } | { id: number; ok: false; error: string }

/** Host to client: one pushed event. */
export interface WsEvent<E extends EventChannel = EventChannel> {
  /** The event channel. */
  event: E
  /** Its payload. */
  payload: EventChannels[E]
}

/** Anything the host sends. */
export type WsServerMessage = WsReply | WsEvent

/** Checks the envelope of a client frame; the request itself is validated per channel. */
export function isWsRequestEnvelope(value: unknown): value is Omit<WsRequest, 'channel'> & {
  channel: string
} {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { id, channel } = value as Record<string, unknown>
  return Number.isSafeInteger(id) && typeof channel === 'string'
}
