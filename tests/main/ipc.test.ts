import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppFiles } from '../../src/host/appFiles.ts'
import { TraceService } from '../../src/host/traceService.ts'
import { isTrustedSender, registerIpc } from '../../src/main/ipc.ts'
import { INVOKE_CHANNELS } from '../../src/shared/ipc.ts'
import { FakeEngine } from '../host/fakeEngine.ts'
import { APP_PAGE, FakeWebContents, ipcMain, resetElectronFake } from './electronFake.ts'
import type { FakeFrame } from './electronFake.ts'

vi.mock('electron', () => import('./electronFake.ts'))

/** Electron's invoke event, as the code under test takes it. */
type IpcMainInvokeEvent = Parameters<typeof isTrustedSender>[0]

/** An invoke event from `contents`, sent by `frame` (its main frame unless given). */
function eventFrom(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

/** Calls the handler registered for `channel` as Electron would. */
function invoke(channel: string, event: IpcMainInvokeEvent, request?: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`nothing handles ${channel}`)
  return Promise.resolve().then(() => handler(event, request))
}

describe('isTrustedSender', () => {
  const devServer = process.env['ELECTRON_RENDERER_URL']

  afterEach(() => {
    if (devServer === undefined) delete process.env['ELECTRON_RENDERER_URL']
    else process.env['ELECTRON_RENDERER_URL'] = devServer
  })

  it("trusts only the main frame of the app's own page", () => {
    delete process.env['ELECTRON_RENDERER_URL']
    const app = new FakeWebContents(APP_PAGE)
    expect(isTrustedSender(eventFrom(app))).toBe(true)
    expect(isTrustedSender(eventFrom(app, { url: APP_PAGE }))).toBe(false)
    expect(isTrustedSender(eventFrom(app, null))).toBe(false)
    for (const url of [
      'https://example.com/index.html',
      'app://elsewhere/index.html',
      'file:///index.html',
      'about:blank',
      'http://localhost:5173/',
    ]) {
      expect(isTrustedSender(eventFrom(new FakeWebContents(url))), url).toBe(false)
    }
  })

  it("trusts the dev server's origin while developing, and only that origin", () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
    expect(isTrustedSender(eventFrom(new FakeWebContents('http://localhost:5173/')))).toBe(true)
    expect(isTrustedSender(eventFrom(new FakeWebContents('http://localhost:5174/')))).toBe(false)
    expect(isTrustedSender(eventFrom(new FakeWebContents(APP_PAGE)))).toBe(true)
  })
})

describe('registerIpc', () => {
  let dir: string
  let engine: FakeEngine
  let service: TraceService
  let unregister: () => void

  beforeEach(() => {
    resetElectronFake()
    delete process.env['ELECTRON_RENDERER_URL']
    dir = mkdtempSync(join(tmpdir(), 'refscope-ipc-'))
    engine = new FakeEngine()
    service = new TraceService({ createEngine: () => engine })
    unregister = registerIpc(service, new AppFiles(service, dir))
  })

  afterEach(() => {
    unregister()
    rmSync(dir, { recursive: true, force: true })
  })

  it('handles every invoke channel of the contract, and removes them all again', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('answers the main frame of an app page', async () => {
    const app = new FakeWebContents(APP_PAGE)
    expect(await invoke('engine:info', eventFrom(app), { wait: true })).toMatchObject({
      state: 'ready',
    })
    expect(await invoke('trace:run', eventFrom(app), { source: 'x = 1\n' })).toEqual({ runId: 1 })
    expect(engine.runs.map((run) => run.source)).toEqual(['x = 1\n'])
  })

  it('refuses, on every channel, a subframe or a page that is not the app', async () => {
    const app = new FakeWebContents(APP_PAGE)
    const stranger = new FakeWebContents('https://example.com/')
    for (const channel of INVOKE_CHANNELS) {
      for (const event of [eventFrom(app, { url: APP_PAGE }), eventFrom(stranger)]) {
        await expect(invoke(channel, event, { source: 'x = 1\n' })).rejects.toThrow(
          `Refused ${channel} from an untrusted sender`,
        )
      }
    }
    expect(engine.runs).toEqual([])
  })

  it('checks the shape of a trusted request before the service sees it', async () => {
    const app = new FakeWebContents(APP_PAGE)
    await expect(invoke('trace:run', eventFrom(app), { source: 42 })).rejects.toThrow(
      'Invalid request for trace:run',
    )
    expect(engine.runs).toEqual([])
  })

  it("cancels a renderer's run when its page goes away", async () => {
    const app = new FakeWebContents(APP_PAGE)
    await invoke('trace:run', eventFrom(app), { source: 'while True: pass\n' })
    expect(engine.runs[0]!.cancelled).toBe(false)
    app.destroy()
    expect(engine.runs[0]!.cancelled).toBe(true)
  })

  it('offers a reloaded page the unsaved work it autosaved before the reload', async () => {
    const app = new FakeWebContents(APP_PAGE)
    const session = {
      code: 'x = 1\n',
      breakpoints: [],
      currentStep: null,
      annotations: [{ step: 0, text: 'not saved' }],
      view: { theme: 'light', immortalInline: true },
      lessonId: null,
    }
    await invoke('session:autosave', eventFrom(app), { session, fileName: null })
    // While the page lives its work is its own: nothing to offer.
    expect(await invoke('session:recover', eventFrom(app))).toBeNull()
    app.emit('did-navigate')
    expect(await invoke('session:recover', eventFrom(app))).toMatchObject({ session })
  })

  it('keeps one client per renderer: a second run from the same page replaces the first', async () => {
    const first = new FakeWebContents(APP_PAGE)
    const second = new FakeWebContents(APP_PAGE)
    await invoke('trace:run', eventFrom(first), { source: 'a = 1\n' })
    await invoke('trace:run', eventFrom(second), { source: 'b = 2\n' })
    expect(engine.runs.map((run) => run.cancelled)).toEqual([false, false])
    await invoke('trace:run', eventFrom(first), { source: 'c = 3\n' })
    expect(engine.runs.map((run) => run.cancelled)).toEqual([true, false, false])
  })
})
