import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TraceService, UnknownRunError, type HostClient } from '../../src/host/traceService.ts'
import type { TraceProgress } from '../../src/shared/ipc.ts'
import { FAKE_PYTHON, FakeEngine } from './fakeEngine.ts'

function client(id: string): HostClient & { progress: TraceProgress[] } {
  const progress: TraceProgress[] = []
  return {
    id,
    progress,
    emit(event, payload) {
      if (event === 'trace:progress') progress.push(payload as TraceProgress)
    },
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('TraceService', () => {
  let engine: FakeEngine
  let service: TraceService

  beforeEach(() => {
    engine = new FakeEngine()
    service = new TraceService({ createEngine: () => engine })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reports the engine state and interpreter', async () => {
    expect(await service.info(true)).toEqual({ python: FAKE_PYTHON, state: 'ready', error: null })
  })

  it('reports a failed engine load', async () => {
    const failing = new TraceService({
      createEngine: () => new FakeEngine(Promise.reject(new Error('no wasm'))),
    })
    expect(await failing.info(true)).toEqual({ python: null, state: 'error', error: 'no wasm' })
  })

  it('serves steps and summaries of a client run and ends with the outcome', async () => {
    const a = client('a')
    const { runId } = service.run(a, { source: 'x = 1', options: { maxSteps: 9 } })
    expect(engine.runs[0]!.options).toEqual({ maxSteps: 9 })
    engine.runs[0]!.grow(5)
    expect(service.steps(a, { runId, from: 1, to: 3 }).map((s) => s.index)).toEqual([1, 2])
    expect(service.steps(a, { runId, from: 4, to: 400 })).toHaveLength(1)
    expect(service.summary(a, { runId, from: 3 })).toEqual({
      lines: [4, 5],
      events: ['line', 'line'],
      depths: [1, 1],
      length: 5,
      done: false,
      outcome: null,
    })
    engine.runs[0]!.finish({ status: 'ok' })
    await flush()
    expect(service.summary(a, { runId, from: 5 })).toMatchObject({
      length: 5,
      done: true,
      outcome: { status: 'ok' },
    })
    expect(a.progress.at(-1)).toEqual({ runId, length: 5, done: true, outcome: { status: 'ok' } })
  })

  it('keeps runs apart per client and replaces a client run with its next one', async () => {
    const a = client('a')
    const b = client('b')
    const first = service.run(a, { source: '1' })
    const other = service.run(b, { source: '2' })
    expect(() => service.summary(b, { runId: first.runId, from: 0 })).toThrow(UnknownRunError)
    const second = service.run(a, { source: '3' })
    expect(engine.runs[0]!.cancelled).toBe(true)
    expect(engine.runs[1]!.cancelled).toBe(false)
    expect(() => service.steps(a, { runId: first.runId, from: 0, to: 1 })).toThrow(UnknownRunError)
    expect(service.summary(a, { runId: second.runId, from: 0 }).length).toBe(0)
    expect(service.summary(b, { runId: other.runId, from: 0 }).length).toBe(0)
    await flush()
    // The replaced run says nothing more.
    expect(a.progress.every((p) => p.runId === second.runId)).toBe(true)
  })

  it('cancels on request and keeps the recorded steps readable', async () => {
    const a = client('a')
    const { runId } = service.run(a, { source: 'while True: pass' })
    engine.runs[0]!.grow(3)
    service.cancel(a, runId)
    await flush()
    expect(engine.runs[0]!.cancelled).toBe(true)
    expect(service.steps(a, { runId, from: 0, to: 10 })).toHaveLength(3)
    expect(a.progress.at(-1)).toMatchObject({ runId, done: true, outcome: { reason: 'cancelled' } })
  })

  it('throttles progress to one event per interval plus the final one', async () => {
    vi.useFakeTimers()
    const a = client('a')
    const { runId } = service.run(a, { source: 'for i in range(9): pass' })
    const run = engine.runs[0]!
    run.grow(1) // leading event
    for (let i = 0; i < 20; i++) run.grow(1) // coalesced
    expect(a.progress).toHaveLength(1)
    vi.advanceTimersByTime(100)
    expect(a.progress).toHaveLength(2)
    expect(a.progress[1]).toEqual({ runId, length: 21, done: false, outcome: null })
    run.grow(1)
    run.finish({ status: 'ok' })
    await vi.runAllTimersAsync()
    expect(a.progress.at(-1)).toEqual({ runId, length: 22, done: true, outcome: { status: 'ok' } })
    expect(a.progress.filter((p) => p.done)).toHaveLength(1)
  })

  it('turns an engine crash into an error outcome', async () => {
    const a = client('a')
    const { runId } = service.run(a, { source: 'x' })
    engine.runs[0]!.crash(new Error('worker died'))
    await flush()
    expect(service.summary(a, { runId, from: 0 }).outcome).toEqual({
      status: 'error',
      error: { type: 'EngineError', message: 'worker died', line: null },
    })
  })

  it('cancels a released client run and disposes the engine', async () => {
    const a = client('a')
    service.run(a, { source: 'x' })
    service.release(a)
    expect(engine.runs[0]!.cancelled).toBe(true)
    await service.dispose()
    expect(engine.disposed).toBe(true)
  })
})
