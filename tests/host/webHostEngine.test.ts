import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket as WsClient } from 'ws'
import { startWebHost, type WebHost } from '../../src/host/webHost.ts'
import { createWebBridge } from '../../src/renderer/src/bridge/webBridge.ts'
import type { TraceProgress } from '../../src/shared/ipc.ts'

// Node 20 has no global WebSocket; the browser bridge gets ws's, which speaks the same API.
Object.assign(globalThis, { WebSocket: globalThis.WebSocket ?? WsClient })

describe('web host with the real engine', () => {
  let dir: string
  let host: WebHost

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refscope-webhost-engine-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html>')
    host = await startWebHost({ rendererDir: dir })
  })

  afterAll(async () => {
    await host?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('traces a snippet sent over the WebSocket bridge', async () => {
    const bridge = createWebBridge(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`)
    const info = await bridge.engineInfo({ wait: true })
    expect(info.state).toBe('ready')
    expect(info.python?.implementation).toBe('CPython')

    let last: TraceProgress | null = null
    bridge.on('trace:progress', (p) => (last = p))
    const { runId } = await bridge.run({ source: 'x = []\ny = x\ndel x\n' })
    await expect.poll(() => last?.done, { timeout: 60_000 }).toBe(true)
    expect(last!.runId).toBe(runId)
    expect(last!.outcome).toEqual({ status: 'ok' })

    const summary = await bridge.summary({ runId, from: 0 })
    expect(summary.length).toBe(last!.length)
    expect(summary.lines.length).toBe(summary.length)
    const steps = await bridge.steps({ runId, from: 0, to: summary.length })
    expect(steps.map((s) => s.index)).toEqual([...steps.keys()])
    // After `y = x` runs, the list is bound twice: refcount at least 2.
    const atDel = steps.find((s) => s.event === 'line' && s.line === 3)!
    const frame = atDel.frames[0]!
    expect(frame.locals['x']).toBe(frame.locals['y'])
    expect(atDel.objects[frame.locals['x']!]!.refcount).toBeGreaterThanOrEqual(2)
  })
})
