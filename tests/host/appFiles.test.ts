import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { AppFiles, type NativeFiles } from '../../src/host/appFiles.ts'
import { isHostAlive } from '../../src/host/autosave.ts'
import { createDispatch } from '../../src/host/dispatch.ts'
import { TraceService, type HostClient } from '../../src/host/traceService.ts'
import type { ExportProgress, SessionState } from '../../src/shared/ipc.ts'
import { emptySession, parseSession, serializeSession } from '../../src/shared/session.ts'
import { FakeEngine } from './fakeEngine.ts'

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function client(id: string): HostClient & { progress: ExportProgress[] } {
  const progress: ExportProgress[] = []
  return {
    id,
    progress,
    emit(event, payload) {
      if (event === 'export:progress') progress.push(payload as ExportProgress)
    },
  }
}

function state(code: string): SessionState {
  const { trace: _trace, ...rest } = emptySession(code)
  return { ...rest, breakpoints: [2], annotations: [{ step: 1, text: 'look here' }] }
}

describe('AppFiles', () => {
  let dir: string
  let engine: FakeEngine
  let service: TraceService

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refscope-appfiles-'))
    engine = new FakeEngine()
    service = new TraceService({ createEngine: () => engine })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps autosaved work for the next launch and forgets it once cleared', async () => {
    const files = new AppFiles(service, dir)
    expect(files.recover(client('a'))).toBeNull()
    files.save(client('b'), { session: state('x = 1\n'), fileName: 'lesson.refscope' })

    const nextLaunch = new AppFiles(service, dir)
    const recovered = nextLaunch.recover(client('a'))
    expect(recovered?.session).toEqual(state('x = 1\n'))
    expect(recovered?.fileName).toBe('lesson.refscope')
    expect(recovered?.savedAt).toMatch(/^\d{4}-/)

    nextLaunch.clear('a')
    expect(new AppFiles(service, dir).recover(client('a'))).toBeNull()
  })

  it('gives every window its own autosave, offers only work no open window owns', () => {
    const files = new AppFiles(service, dir)
    files.save(client('a'), { session: state('a = 1\n'), fileName: null })
    files.save(client('b'), { session: state('b = 2\n'), fileName: null })
    expect(readdirSync(dir).filter((name) => name.endsWith('.refscope'))).toHaveLength(2)
    // Both windows are open: a third one is offered nothing.
    expect(files.recover(client('c'))).toBeNull()

    // Window b's page goes away with unsaved work: the next window is offered it, once.
    files.forget('b')
    expect(files.recover(client('c'))?.session.code).toBe('b = 2\n')
    expect(files.recover(client('d'))).toBeNull()
    // c declines: b's work is gone, a's stays.
    files.clear('c')
    files.forget('a')
    expect(new AppFiles(service, dir).recover(client('e'))?.session.code).toBe('a = 1\n')
  })

  it('marks its host alive in the data folder until disposed', () => {
    const files = new AppFiles(service, dir)
    expect(isHostAlive(dir, process.pid)).toBe(true)
    files.dispose()
    expect(isHostAlive(dir, process.pid)).toBe(false)
    expect(existsSync(join(dir, `host-${process.pid}.alive`))).toBe(false)
  })

  it('leaves the autosaves of another live host process alone', () => {
    const files = new AppFiles(service, dir)
    files.save(client('a'), { session: state('a = 1\n'), fileName: null })
    const meta = readdirSync(dir).find((name) => /^autosave-.*\.json$/.test(name))!
    const written = JSON.parse(readFileSync(join(dir, meta), 'utf8'))
    // The parent of this test process is alive and is not this process: a host while it beats.
    writeFileSync(join(dir, meta), JSON.stringify({ ...written, hostPid: process.ppid }))
    const heartbeat = join(dir, `host-${process.ppid}.alive`)
    writeFileSync(heartbeat, '')
    expect(new AppFiles(service, dir).recover(client('x'))).toBeNull()
    // A stale heartbeat means the pid now belongs to something else: the work is offered.
    const longAgo = new Date(Date.now() - 3_600_000)
    utimesSync(heartbeat, longAgo, longAgo)
    expect(new AppFiles(service, dir).recover(client('y'))?.session.code).toBe('a = 1\n')
    // A host that is gone leaves its work to whoever comes next.
    writeFileSync(join(dir, meta), JSON.stringify({ ...written, hostPid: 2 ** 22 + 1 }))
    writeFileSync(join(dir, `host-${2 ** 22 + 1}.alive`), '')
    expect(new AppFiles(service, dir).recover(client('z'))?.session.code).toBe('a = 1\n')
  })

  it('exports a finished run through the dispatcher as base64 files', async () => {
    const dispatch = createDispatch(service, new AppFiles(service, dir))
    const a = client('a')
    await service.info(true)
    const { runId } = service.run(a, { source: 'x = 1\ny = 2\n' })
    engine.runs[0]!.grow(2)
    engine.runs[0]!.finish({ status: 'ok' })
    await flush()
    const reply = await dispatch(a, 'export:create', { exportId: 1, runId, format: 'json' })
    expect(reply.folder).toBe(false)
    expect(reply.files).toHaveLength(1)
    const doc = JSON.parse(Buffer.from(reply.files[0]!.base64, 'base64').toString('utf8'))
    expect(doc.source).toBe('x = 1\ny = 2\n')
    expect(doc.steps).toHaveLength(2)
  })

  it('passes the code excerpt choice on to the SVG exporter', async () => {
    const dispatch = createDispatch(service, new AppFiles(service, dir))
    const a = client('a')
    await service.info(true)
    const { runId } = service.run(a, { source: 'first = 1\nsecond = 2\n' })
    engine.runs[0]!.grow(2)
    engine.runs[0]!.finish({ status: 'ok' })
    await flush()
    const svgAt = async (exportId: number, codeExcerpt?: boolean): Promise<string> => {
      const request = { exportId, runId, format: 'svg', steps: { step: 1 }, codeExcerpt }
      const reply = await dispatch(a, 'export:create', request)
      return Buffer.from(reply.files[0]!.base64, 'base64').toString('utf8')
    }
    const withCode = await svgAt(1, true)
    expect(withCode).toContain('data-current-line="2"')
    expect(withCode).toContain('second = 2')
    for (const without of [await svgAt(2, false), await svgAt(3)]) {
      expect(without).not.toContain('data-current-line')
      expect(without).not.toContain('second = 2')
    }
  })

  it('refuses to export a run that is still going, and malformed requests', async () => {
    const dispatch = createDispatch(service, new AppFiles(service, dir))
    const a = client('a')
    await service.info(true)
    const { runId } = service.run(a, { source: 'x = 1' })
    engine.runs[0]!.grow(1)
    await expect(
      dispatch(a, 'export:create', { exportId: 1, runId, format: 'json' }),
    ).rejects.toThrow(/not finished/)
    await expect(
      dispatch(a, 'export:create', { exportId: 1, runId, format: 'bmp' }),
    ).rejects.toThrow(/Invalid request/)
  })

  it('answers recover with null on a host without a data folder', async () => {
    const dispatch = createDispatch(service)
    expect(await dispatch(client('a'), 'session:recover', undefined)).toBeNull()
    expect(await dispatch(client('a'), 'recent:list', undefined)).toEqual([])
    await expect(dispatch(client('a'), 'session:clearAutosave', undefined)).rejects.toThrow(
      /no files/,
    )
  })

  it('tracks each client’s unsaved state for the close prompt', () => {
    const files = new AppFiles(service, dir)
    const seen: string[] = []
    const stop = files.onState((id, next) => seen.push(`${id}:${next.dirty}`))
    expect(files.stateOf('a')).toBeNull()
    files.setState(client('a'), { dirty: true, fileName: null })
    files.setState(client('a'), { dirty: false, fileName: 'x.refscope' })
    stop()
    files.setState(client('a'), { dirty: true, fileName: 'x.refscope' })
    expect(seen).toEqual(['a:true', 'a:false'])
    expect(files.stateOf('a')).toEqual({ dirty: true, fileName: 'x.refscope' })
    files.forget('a')
    expect(files.stateOf('a')).toBeNull()
  })

  it('saves exports to the path a native dialog chose, or nothing when cancelled', async () => {
    const target = join(dir, 'out.json')
    let answer: string | null = target
    const suggested: string[] = []
    const native: NativeFiles = {
      saveSession: async () => null,
      openSession: async () => null,
      adoptSession: () => {},
      chooseExportPath: async (_client, suggestedName) => {
        suggested.push(suggestedName)
        return answer
      },
    }
    const dispatch = createDispatch(service, new AppFiles(service, dir, native))
    const a = client('a')
    await service.info(true)
    const { runId } = service.run(a, { source: 'x = 1\n' })
    engine.runs[0]!.grow(1)
    engine.runs[0]!.finish({ status: 'ok' })
    await flush()
    const request = { exportId: 1, runId, format: 'json', saveToFile: true }
    const reply = await dispatch(a, 'export:create', request)
    expect(reply).toMatchObject({ files: [], savedTo: target })
    expect(JSON.parse(readFileSync(target, 'utf8')).source).toBe('x = 1\n')
    answer = null
    const cancelled = await dispatch(a, 'export:create', { ...request, exportId: 2 })
    expect(cancelled.savedTo).toBeNull()
    // The dialog suggests names after the session, as downloads are named.
    await dispatch(a, 'export:create', { ...request, exportId: 3, fileStem: 'basics' })
    await dispatch(a, 'export:create', {
      ...request,
      exportId: 4,
      format: 'svg',
      steps: { range: { from: 0, to: 0 } },
      fileStem: 'basics',
    })
    expect(suggested).toEqual(['refscope.json', 'refscope.json', 'basics.json', 'basics-svg'])
  })

  it('refuses native dialogs and saved exports in a host without them', async () => {
    const dispatch = createDispatch(service, new AppFiles(service, dir))
    const a = client('a')
    const save = { text: '{}', saveAs: true, suggestedName: 'a.refscope' }
    await expect(dispatch(a, 'file:saveSession', save)).rejects.toThrow(/downloads/)
    await expect(dispatch(a, 'file:openSession', undefined)).rejects.toThrow(/file input/)
    expect(existsSync(join(dir, 'a.refscope'))).toBe(false)
  })

  it('keeps Open Recent in the browser host as copies without the trace', async () => {
    const dispatch = createDispatch(service, new AppFiles(service, dir))
    const a = client('a')
    const text = serializeSession({ ...emptySession('x = 1\n'), annotations: [] })
    const listed = await dispatch(a, 'recent:remember', { name: 'one.refscope', text })
    expect(listed).toMatchObject([{ name: 'one.refscope', path: null }])
    const again = serializeSession(emptySession('x = 2\n'))
    await dispatch(a, 'recent:remember', { name: 'two.refscope', text: again })
    const newest = await dispatch(a, 'recent:remember', { name: 'one.refscope', text: again })
    expect(newest.map((entry) => entry.name)).toEqual(['one.refscope', 'two.refscope'])
    // Only the latest copy of one.refscope is kept.
    expect(readdirSync(join(dir, 'recent'))).toHaveLength(2)

    const opened = await dispatch(a, 'recent:open', { id: newest[0]!.id })
    expect(opened.name).toBe('one.refscope')
    expect(parseSession(opened.text!, 'one.refscope').session.code).toBe('x = 2\n')

    await expect(
      dispatch(a, 'recent:remember', { name: 'bad.refscope', text: '{' }),
    ).rejects.toThrow(/bad.refscope/)
    await expect(dispatch(a, 'recent:open', { id: '../../etc/passwd' })).rejects.toThrow(
      /Invalid request/,
    )
    await expect(dispatch(a, 'recent:open', { id: '0123456789abcdef' })).rejects.toThrow(
      /no longer in Open Recent/,
    )
    await dispatch(a, 'recent:clear', undefined)
    expect(await dispatch(a, 'recent:list', undefined)).toEqual([])
    expect(existsSync(join(dir, 'recent'))).toBe(false)
  })

  it('lists natively saved and opened files by path; a file that is gone leaves the list', async () => {
    const path = join(dir, 'lesson.refscope')
    const adopted: string[] = []
    const native: NativeFiles = {
      saveSession: async (_client, request) => {
        writeFileSync(path, request.text)
        return { name: 'lesson.refscope', path }
      },
      openSession: async () => ({
        name: 'lesson.refscope',
        path,
        text: readFileSync(path, 'utf8'),
      }),
      adoptSession: (_client, adoptedPath) => adopted.push(adoptedPath),
      chooseExportPath: async () => null,
    }
    const files = new AppFiles(service, dir, native)
    const menus: string[][] = []
    files.onRecentChange((list) => menus.push(list.map((entry) => entry.name)))
    const dispatch = createDispatch(service, files)
    const a = client('a')
    const text = serializeSession(emptySession('y = 3\n'))
    const saved = await dispatch(a, 'file:saveSession', { text, saveAs: true, suggestedName: 'x' })
    // The renderer learns the name, never the path.
    expect(saved).toEqual({ name: 'lesson.refscope' })
    const [entry] = await dispatch(a, 'recent:list', undefined)
    expect(entry).toMatchObject({ name: 'lesson.refscope', path })
    expect(menus.at(-1)).toEqual(['lesson.refscope'])
    // Copies are for hosts without paths.
    await dispatch(a, 'recent:remember', { name: 'other.refscope', text })
    expect(await dispatch(a, 'recent:list', undefined)).toHaveLength(1)

    const reopened = await dispatch(a, 'recent:open', { id: entry!.id })
    expect(reopened.text).toBe(text)
    expect(adopted).toEqual([path])

    rmSync(path)
    const [again] = await dispatch(a, 'recent:list', undefined)
    await expect(dispatch(a, 'recent:open', { id: again!.id })).rejects.toThrow(
      `Cannot open lesson.refscope (${path}): it is gone. It was removed from Open Recent.`,
    )
    expect(await dispatch(a, 'recent:list', undefined)).toEqual([])
    expect(menus.at(-1)).toEqual([])
  })
})
