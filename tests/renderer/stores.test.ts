import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { LESSONS } from '../../src/renderer/src/lessons'
import { setEngineBridge } from '../../src/renderer/src/stores/enginePort'
import { SESSION_KEY, useSessionStore } from '../../src/renderer/src/stores/session'
import { SETTINGS_KEY, useSettingsStore } from '../../src/renderer/src/stores/settings'
import { useTraceStore } from '../../src/renderer/src/stores/trace'
import { FakeBridge } from './fakeBridge'
import { BASICS_SOURCE, basicsTrace } from './fixtures/basics'
import { frame, traceDocument } from './fixtures/build'
import { CALLS_SOURCE, callsTrace } from './fixtures/calls'
import { until, useFreshStores } from './storeSetup'

const freshStorage = useFreshStores()

describe('settings store', () => {
  it('defaults, clamps and persists under a versioned key', async () => {
    const settings = useSettingsStore()
    expect(settings.theme).toBe('system')
    expect(settings.immortalInline).toBe(true)
    settings.setTheme('dark')
    settings.setFontSize(99)
    settings.setImmortalInline(false)
    await nextTick()
    expect(settings.effectiveTheme).toBe('dark')
    expect(settings.fontSize).toBe(24)
    expect(JSON.parse(freshStorage().getItem(SETTINGS_KEY)!)).toEqual({
      theme: 'dark',
      fontSize: 24,
      immortalInline: false,
    })
    setActivePinia(createPinia())
    const reloaded = useSettingsStore()
    expect(reloaded.theme).toBe('dark')
    expect(reloaded.immortalInline).toBe(false)
  })

  it('ignores corrupt saved settings', () => {
    freshStorage().setItem(SETTINGS_KEY, '{"theme":"neon","fontSize":"x"}')
    const settings = useSettingsStore()
    expect(settings.theme).toBe('system')
    expect(settings.fontSize).toBe(14)
  })
})

describe('session store', () => {
  it('starts with the basics lesson and persists code and breakpoints', async () => {
    const session = useSessionStore()
    expect(session.code).toBe(LESSONS[0]!.code)
    expect(session.lesson?.id).toBe('basics')
    session.setCode('x = 1\n')
    session.toggleBreakpoint(3)
    session.toggleBreakpoint(1)
    session.toggleBreakpoint(3)
    await nextTick()
    expect(session.lesson).toBeNull()
    expect(JSON.parse(freshStorage().getItem(SESSION_KEY)!)).toEqual({
      code: 'x = 1\n',
      breakpoints: [1],
      lessonId: null,
    })
    setActivePinia(createPinia())
    const restored = useSessionStore()
    expect(restored.code).toBe('x = 1\n')
    expect([...restored.breakpointSet]).toEqual([1])
  })

  it('opens lessons and loads #code= fragments', () => {
    const session = useSessionStore()
    session.openLesson('closures')
    expect(session.code).toBe(LESSONS.find((item) => item.id === 'closures')!.code)
    expect(session.loadFromFragment('#code=cHJpbnQoMSk')).toBe(true)
    expect(session.code).toBe('print(1)')
    expect(session.loadFromFragment('#nothing')).toBe(false)
    expect(session.shareLink('http://127.0.0.1:5/?token=abc#old')).toBe(
      'http://127.0.0.1:5/?token=abc#code=cHJpbnQoMSk',
    )
  })
})

describe('trace store', () => {
  it('runs, shows step 0 first and navigates over the stored trace', async () => {
    const bridge = new FakeBridge({ [BASICS_SOURCE]: basicsTrace })
    setEngineBridge(bridge)
    const session = useSessionStore()
    session.setCode(BASICS_SOURCE)
    const trace = useTraceStore()
    await trace.run()
    await until(() => trace.currentStep !== null)
    expect(trace.currentIndex).toBe(0)
    expect(trace.length).toBe(8)
    expect(trace.status).toBe('ready')
    await trace.stepForward()
    expect(trace.currentStep?.index).toBe(1)
    expect(trace.previousStep?.index).toBe(0)
    await trace.lastStep()
    expect(trace.currentIndex).toBe(7)
    expect(trace.output).toEqual([{ index: 7, stream: 'stdout', text: 'done\n' }])
    await trace.stepBack()
    expect(trace.output).toEqual([])
    expect(trace.availability).toEqual({ canGoBack: true, canGoForward: true })
    const runs = bridge.calls.filter((call) => call.channel === 'trace:run')
    await trace.firstStep()
    expect(bridge.calls.filter((call) => call.channel === 'trace:run')).toEqual(runs)
  })

  it('steps into and out of a function and honours breakpoints', async () => {
    setEngineBridge(new FakeBridge({ [CALLS_SOURCE]: callsTrace }))
    const session = useSessionStore()
    session.setCode(CALLS_SOURCE)
    const trace = useTraceStore()
    await trace.run()
    await until(() => trace.currentStep !== null)
    await trace.goTo(2)
    await trace.stepInto()
    expect(trace.currentStep?.frames.at(-1)?.function).toBe('f')
    expect(trace.currentLine).toBe(2)
    await trace.stepOut()
    expect(trace.currentIndex).toBe(7)
    session.toggleBreakpoint(3)
    await trace.firstStep()
    await trace.continueForward()
    expect(trace.currentIndex).toBe(5)
    await trace.reverseContinue()
    expect(trace.currentIndex).toBe(0)
    await trace.runToLine(7)
    expect(trace.currentIndex).toBe(5)
  })

  it('marks the trace stale when the code changes after a run', async () => {
    setEngineBridge(new FakeBridge({}, basicsTrace))
    const session = useSessionStore()
    const trace = useTraceStore()
    await trace.run()
    expect(trace.stale).toBe(false)
    session.setCode(session.code + '\nx = 1')
    expect(trace.stale).toBe(true)
  })

  it('streams a long run: stepping starts before it completes; cancel stops it', async () => {
    const bridge = new FakeBridge({}, basicsTrace, { streaming: true })
    setEngineBridge(bridge)
    const trace = useTraceStore()
    const running = trace.run()
    await until(() => bridge.lastRunId === 1)
    expect(trace.status).toBe('running')
    bridge.release(3)
    await until(() => trace.currentStep !== null)
    expect(trace.length).toBe(3)
    await trace.stepForward()
    expect(trace.currentIndex).toBe(1)
    await trace.cancel()
    await running
    expect(trace.status).toBe('stopped')
    expect(trace.reason).toBe('cancelled')
    expect(trace.currentIndex).toBe(1)
  })

  it('reports a syntax error with its position and no steps', async () => {
    const broken = traceDocument('x = (', [], {
      status: 'error',
      error: { type: 'SyntaxError', message: "'(' was never closed", line: 1, column: 5 },
    })
    setEngineBridge(new FakeBridge({}, broken))
    const trace = useTraceStore()
    await trace.run('x = (')
    expect(trace.hasSteps).toBe(false)
    expect(trace.status).toBe('error')
    expect(trace.error).toMatchObject({ type: 'SyntaxError', line: 1, column: 5 })
  })

  it('coalesces a burst of jumps into the latest and reads output without the steps', async () => {
    const specs = Array.from({ length: 400 }, (_, index) => ({
      line: 1 + (index % 3),
      frames: [frame('<module>', 1, {})],
      objects: {},
      stdout: index % 100 === 0 ? `${index}\n` : '',
    }))
    const bridge = new FakeBridge({}, traceDocument('loop', specs))
    setEngineBridge(bridge)
    const trace = useTraceStore()
    await trace.run('loop')
    await until(() => trace.currentStep !== null)
    const before = bridge.calls.length
    const jumps = [50, 120, 250, 390].map((index) => trace.goTo(index))
    await Promise.all(jumps)
    expect(trace.currentIndex).toBe(390)
    expect(trace.currentStep?.index).toBe(390)
    expect(trace.previousStep?.index).toBe(389)
    const calls = bridge.calls.slice(before)
    const fetched = calls
      .filter((call) => call.channel === 'trace:steps')
      .map((call) => (call.request as { from: number }).from)
    // The first jump's chunk, then only the latest target's chunk: 120 and 250 are skipped.
    expect(fetched).toEqual([32, 384])
    expect(calls.filter((call) => call.channel === 'trace:output')).toHaveLength(1)
    expect(trace.output).toEqual([{ index: 300, stream: 'stdout', text: '0\n100\n200\n300\n' }])
    const shown = trace.output
    await trace.stepBack()
    expect(trace.output).toBe(shown)
  })

  it('collects a refcount history in chunks', async () => {
    setEngineBridge(new FakeBridge({}, basicsTrace))
    const trace = useTraceStore()
    await trace.run()
    const history = await trace.refcountHistory('o1')
    expect(history).toEqual([null, 1, 2, 3, 2, 1, null, null])
  })

  it('exports the recorded run as a trace document', async () => {
    setEngineBridge(new FakeBridge({}, basicsTrace))
    const trace = useTraceStore()
    await trace.refreshEngineInfo()
    await trace.run(BASICS_SOURCE)
    const document = await trace.exportDocument()
    expect(document?.format).toBe('refscope-trace/1')
    expect(document?.steps).toEqual(basicsTrace.steps)
    expect(document?.outcome).toEqual({ status: 'ok' })
    expect(document?.source).toBe(BASICS_SOURCE)
  })
})
