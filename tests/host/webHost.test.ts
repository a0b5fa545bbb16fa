import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket as WsClient } from 'ws'
import { TraceService } from '../../src/host/traceService.ts'
import { startWebHost, type WebHost } from '../../src/host/webHost.ts'
import { createWebBridge } from '../../src/renderer/src/bridge/webBridge.ts'
import type { TraceProgress } from '../../src/shared/ipc.ts'
import { FakeEngine } from './fakeEngine.ts'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A raw GET: the path goes out exactly as written, unnormalized. */
function get(host: WebHost, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, headers: { ...headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Opens a WebSocket and reports whether the host accepted it (and its status if not). */
function tryWebSocket(url: string, origin?: string): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WsClient(url, origin ? { origin } : {})
    ws.on('open', () => {
      ws.close()
      resolve('open')
    })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
    })
    ws.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

// Node 20 has no global WebSocket; the browser bridge gets ws's, which speaks the same API.
Object.assign(globalThis, { WebSocket: globalThis.WebSocket ?? WsClient })

const SECRET = 'top secret next to the renderer'

describe('web host', () => {
  let dir: string
  let rendererDir: string
  let engine: FakeEngine
  let host: WebHost

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refscope-webhost-'))
    rendererDir = join(dir, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Refscope</title>')
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(rendererDir, 'assets', 'font.woff2'), 'woff2')
    await writeFile(join(dir, 'secret.txt'), SECRET)
    engine = new FakeEngine()
    host = await startWebHost({
      rendererDir,
      service: new TraceService({ createEngine: () => engine }),
    })
  })

  afterAll(async () => {
    await host.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 with a token in its URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(24)
  })

  it('answers 403 without the token or with a wrong one', async () => {
    expect((await get(host, '/')).status).toBe(403)
    expect((await get(host, '/index.html')).status).toBe(403)
    expect((await get(host, '/?token=nope')).status).toBe(403)
    expect((await get(host, `/?token=${host.token}x`)).status).toBe(403)
    expect((await get(host, '/assets/app.js')).status).toBe(403)
  })

  it('answers 403 to a foreign Host header', async () => {
    const res = await get(host, `/?token=${host.token}`, { Host: 'evil.example:80' })
    expect(res.status).toBe(403)
  })

  it('serves the index with the token, then assets by cookie, with the right types', async () => {
    const page = await get(host, `/?token=${host.token}`)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.body).toContain('<title>Refscope</title>')
    const cookie = String(page.headers['set-cookie']?.[0]).split(';')[0]!
    expect(cookie).toBe(`refscope_${host.port}=${host.token}`)

    const js = await get(host, '/assets/app.js', { Cookie: cookie })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    const font = await get(host, '/assets/font.woff2', { Cookie: cookie })
    expect(font.headers['content-type']).toBe('font/woff2')
    expect((await get(host, '/assets/missing.js', { Cookie: cookie })).status).toBe(404)
    expect((await get(host, '/assets/app.js', { Cookie: `refscope_${host.port}=x` })).status).toBe(
      403,
    )
  })

  it('refuses methods other than GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, method: 'POST' },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(405)
  })

  it('never serves files outside the renderer folder', async () => {
    const q = `?token=${host.token}`
    const attempts = [
      `/../secret.txt${q}`,
      `/assets/../../secret.txt${q}`,
      `/%2e%2e/secret.txt${q}`,
      `/..%2fsecret.txt${q}`,
      `/assets/..%2f..%2fsecret.txt${q}`,
      `/%2e%2e%2fsecret.txt${q}`,
      `/..%5csecret.txt${q}`,
      `/assets%2f..%2f..%2fsecret.txt${q}`,
      `/%00${q}`,
      `/%E0%A4%A${q}`,
    ]
    for (const path of attempts) {
      const res = await get(host, path)
      expect([400, 404], path).toContain(res.status)
      expect(res.body).not.toContain(SECRET)
    }
  })

  it('refuses WebSockets without the token, with a wrong one, or from a foreign origin', async () => {
    const ws = `ws://127.0.0.1:${host.port}/ws`
    expect(await tryWebSocket(ws)).toBe(403)
    expect(await tryWebSocket(`${ws}?token=wrong`)).toBe(403)
    expect(await tryWebSocket(`${ws}?token=${host.token}`, 'http://evil.example')).toBe(403)
    expect(await tryWebSocket(`${ws}?token=${host.token}`, 'http://127.0.0.1:1')).toBe(403)
    expect(await tryWebSocket(`ws://127.0.0.1:${host.port}/other?token=${host.token}`)).toBe(404)
    expect(await tryWebSocket(`${ws}?token=${host.token}`, host.origin)).toBe('open')
  })

  it('carries the contract over the WebSocket bridge', async () => {
    const bridge = createWebBridge(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`)
    const progress: TraceProgress[] = []
    const off = bridge.on('trace:progress', (p) => progress.push(p))
    expect(await bridge.engineInfo({ wait: true })).toMatchObject({ state: 'ready' })
    const { runId } = await bridge.run({ source: 'x = []' })
    const run = engine.runs.at(-1)!
    expect(run.source).toBe('x = []')
    run.grow(3)
    run.finish({ status: 'ok' })
    await expect.poll(() => progress.at(-1)?.done).toBe(true)
    expect(progress.at(-1)).toEqual({ runId, length: 3, done: true, outcome: { status: 'ok' } })
    expect((await bridge.steps({ runId, from: 0, to: 3 })).map((s) => s.line)).toEqual([1, 2, 3])
    expect(await bridge.summary({ runId, from: 2 })).toMatchObject({ lines: [3], done: true })
    await expect(bridge.steps({ runId, from: 0, to: 100_000 })).rejects.toThrow(/Invalid request/)
    await expect(bridge.summary({ runId: runId + 1, from: 0 })).rejects.toThrow(/Unknown run/)
    off()
  })
})
