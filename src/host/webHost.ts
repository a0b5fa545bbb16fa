/**
 * The browser host: serves the built renderer and the IPC contract over a WebSocket on
 * 127.0.0.1 only, gated by a per-launch token, so Refscope runs without the Electron binary.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { isInvokeChannel } from '../shared/ipcValidators.ts'
import {
  TOKEN_PARAM,
  WS_MAX_PAYLOAD,
  WS_PATH,
  isWsRequestEnvelope,
  type WsServerMessage,
} from '../shared/wsProtocol.ts'
import { CONTENT_SECURITY_POLICY } from './csp.ts'
import { AppFiles } from './appFiles.ts'
import { createDispatch } from './dispatch.ts'
import { mimeTypeOf, resolveStaticFile } from './staticFiles.ts'
import { createToken, tokenMatches } from './token.ts'
import { TraceService, type HostClient } from './traceService.ts'

/** The only interface the browser host listens on. */
export const WEB_HOST_ADDRESS = '127.0.0.1'

/** Options of startWebHost. */
export interface WebHostOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number
  /** Folder of the built renderer (index.html and assets), usually `out/renderer`. */
  rendererDir: string
  /** Fixed token instead of a random one (tests). */
  token?: string
  /** Service to use; by default the host makes one and disposes it on close. */
  service?: TraceService
  /** Where autosaves live; by default a fresh folder under the system's temp folder. */
  dataDir?: string
}

/** A running browser host. */
export interface WebHost {
  /** The page to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  readonly url: string
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string
  /** The bound port. */
  readonly port: number
  /** The per-launch token. */
  readonly token: string
  /** The tracing service behind the WebSocket bridge. */
  readonly service: TraceService
  /** The folder autosaves are kept in. */
  readonly dataDir: string
  /** Closes connections and the server (and the service, if the host made it). */
  close(): Promise<void>
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The token is in the page URL: never send it anywhere as a referrer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

// Loaded on demand so a host given its own service never touches the engine module.
async function defaultService(): Promise<TraceService> {
  const { createDefaultEngine } = await import('./defaultEngine.ts')
  return new TraceService({ createEngine: createDefaultEngine })
}

/** Starts the browser host on 127.0.0.1 and resolves once it is listening. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken()
  const ownsService = !options.service
  const service = options.service ?? (await defaultService())
  // Without a chosen folder, autosaves live only as long as this launch.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'refscope-data-'))
  const files = new AppFiles(service, dataDir)
  const dispatch = createDispatch(service, files)
  const server = createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD })

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, WEB_HOST_ADDRESS, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://${WEB_HOST_ADDRESS}:${port}`
  // Names this host may be reached by; anything else is DNS rebinding or a stray client.
  const hosts = new Set([`${WEB_HOST_ADDRESS}:${port}`, `localhost:${port}`])
  const origins = new Set([...hosts].map((h) => `http://${h}`))
  // Cookies ignore ports, so the name carries it: two hosts must not clobber each other.
  const cookieName = `refscope_${port}`

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts.has(req.headers.host ?? '')) return plain(res, 403, 'Forbidden')
    const url = new URL(req.url ?? '/', origin)
    const queryToken = url.searchParams.get(TOKEN_PARAM)
    const authorized =
      tokenMatches(queryToken, token) ||
      tokenMatches(cookieValue(req.headers.cookie, cookieName), token)
    if (!authorized) return plain(res, 403, 'Forbidden')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return plain(res, 405, 'Method Not Allowed')
    }

    // The page's own asset requests carry no query: let them authenticate by cookie.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/'
    const found = await resolveStaticFile(options.rendererDir, rawPath)
    if ('miss' in found) {
      return plain(res, found.miss === 'bad-path' ? 400 : 404, 'Not Found')
    }
    const body = await readFile(found.file)
    const type = mimeTypeOf(found.file)
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    }
    if (queryToken !== null) {
      headers['Set-Cookie'] = `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`
    }
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  server.on('request', (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal Server Error')
      else res.destroy()
    })
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname !== WS_PATH) return rejectUpgrade(socket, 404, 'Not Found')
    if (!hosts.has(req.headers.host ?? '')) return rejectUpgrade(socket, 403, 'Forbidden')
    if (!tokenMatches(url.searchParams.get(TOKEN_PARAM), token)) {
      return rejectUpgrade(socket, 403, 'Forbidden')
    }
    // Browsers always send Origin; a foreign one is another site trying to drive the engine.
    const requestOrigin = req.headers.origin
    if (requestOrigin !== undefined && !origins.has(requestOrigin)) {
      return rejectUpgrade(socket, 403, 'Forbidden')
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  let nextClient = 1
  wss.on('connection', (ws: WebSocket) => {
    const send = (message: WsServerMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
    }
    const client: HostClient = {
      id: `ws-${nextClient++}`,
      emit: (event, payload) => send({ event, payload }),
    }
    ws.on('message', (data: RawData, isBinary: boolean) => {
      let message: unknown
      try {
        message = isBinary ? undefined : JSON.parse(data.toString())
      } catch {
        message = undefined
      }
      if (!isWsRequestEnvelope(message)) return ws.close(1003, 'Malformed frame')
      const { id, channel, request } = message
      if (!isInvokeChannel(channel)) {
        return send({ id, ok: false, error: `Unknown channel ${channel}` })
      }
      dispatch(client, channel, request).then(
        (reply) => send({ id, ok: true, reply: reply ?? null }),
        (error: unknown) =>
          send({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      )
    })
    ws.on('close', () => {
      service.release(client)
      files.forget(client.id)
    })
  })

  if (ownsService) service.start()

  return {
    url: `${origin}/?${TOKEN_PARAM}=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    service,
    dataDir,
    async close() {
      files.dispose()
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((done) => wss.close(() => done()))
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      if (ownsService) await service.dispose()
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
