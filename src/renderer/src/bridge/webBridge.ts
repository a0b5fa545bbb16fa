/**
 * The RefscopeBridge over the browser host's WebSocket, for when the UI runs in a plain
 * browser instead of Electron. The per-launch token comes from the page's query string.
 */
import {
  createBridge,
  type EventChannel,
  type EventChannels,
  type InvokeChannel,
  type RefscopeBridge,
  type ReplyOf,
  type RequestOf,
} from '../../../shared/ipc.ts'
import {
  TOKEN_PARAM,
  WS_PATH,
  type WsRequest,
  type WsServerMessage,
} from '../../../shared/wsProtocol.ts'

interface Pending {
  resolve(reply: unknown): void
  reject(error: Error): void
}

type Listener = (payload: unknown) => void

/** Where the WebSocket of the host that served `location` lives. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM) ?? ''
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`
}

/** Opens the bridge lazily on first use; a dropped connection fails pending calls. */
export function createWebBridge(url: string = webSocketUrl(window.location)): RefscopeBridge {
  let socket: Promise<WebSocket> | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventChannel, Set<Listener>>()

  function failAll(reason: string): void {
    for (const call of pending.values()) call.reject(new Error(reason))
    pending.clear()
  }

  function onMessage(event: MessageEvent): void {
    let message: WsServerMessage
    try {
      message = JSON.parse(String(event.data)) as WsServerMessage
    } catch {
      return
    }
    if ('event' in message) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
      return
    }
    const call = pending.get(message.id)
    if (!call) return
    pending.delete(message.id)
    if (message.ok) call.resolve(message.reply)
    else call.reject(new Error(message.error))
  }

  function connect(): Promise<WebSocket> {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.addEventListener('open', () => resolve(ws))
      ws.addEventListener('message', onMessage)
      ws.addEventListener('close', () => {
        // Reconnect on the next call; a restarted host would need a fresh token anyway.
        socket = null
        failAll('Connection to the Refscope host closed')
        reject(new Error('Could not connect to the Refscope host'))
      })
    })
    return socket
  }

  async function invoke<C extends InvokeChannel>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<ReplyOf<C>> {
    const ws = await connect()
    const id = nextId++
    const frame: WsRequest = { id, channel, request }
    return new Promise<ReplyOf<C>>((resolve, reject) => {
      pending.set(id, { resolve: (reply) => resolve(reply as ReplyOf<C>), reject })
      ws.send(JSON.stringify(frame))
    })
  }

  function subscribe<E extends EventChannel>(
    event: E,
    listener: (payload: EventChannels[E]) => void,
  ): () => void {
    // Events only flow on an open socket: subscribing opens it.
    void connect().catch(() => undefined)
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    const wrapped: Listener = (payload) => listener(payload as EventChannels[E])
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  return createBridge(invoke, subscribe)
}
