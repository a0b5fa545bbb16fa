import { createPinia, setActivePinia } from 'pinia'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { zipOf } from '../../src/renderer/src/logic/download'
import { downloadName, folderName } from '../../src/shared/exportNames'
import {
  drawingOptionsFor,
  ExportChoiceError,
  naturalSteps,
  stepsFor,
} from '../../src/renderer/src/export/exportRequest'
import type { ExportChoice } from '../../src/renderer/src/export/exportRequest'
import {
  sessionFileName,
  useDocumentStore,
  windowTitle,
} from '../../src/renderer/src/stores/document'
import { setEngineBridge } from '../../src/renderer/src/stores/enginePort'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { useTraceStore } from '../../src/renderer/src/stores/trace'
import { serializeSession, emptySession } from '../../src/shared/session'
import { FakeBridge } from './fakeBridge'
import { BASICS_SOURCE, basicsTrace } from './fixtures/basics'
import { until, useFreshStores } from './storeSetup'

useFreshStores()

function calls(bridge: FakeBridge, channel: string): unknown[] {
  return bridge.calls.filter((call) => call.channel === channel).map((call) => call.request)
}

describe('document store', () => {
  it('names files and titles the window with an unsaved dot', () => {
    expect(sessionFileName('notes')).toBe('notes.refscope')
    expect(sessionFileName('a.refscope')).toBe('a.refscope')
    expect(sessionFileName('  ')).toBe('Untitled.refscope')
    expect(windowTitle(null, false)).toBe('Untitled — Refscope')
    expect(windowTitle('a.refscope', true)).toBe('● a.refscope — Refscope')
  })

  it('becomes dirty on edits and notes, and clean again once saved', async () => {
    setEngineBridge(new FakeBridge({}))
    const doc = useDocumentStore()
    const session = useSessionStore()
    expect(doc.dirty).toBe(false)
    session.setCode('x = 1\n')
    expect(doc.dirty).toBe(true)
    expect(doc.title).toBe('● Untitled — Refscope')
    doc.markSaved('x.refscope')
    expect(doc.dirty).toBe(false)
    expect(doc.title).toBe('x.refscope — Refscope')
    doc.addAnnotation(0, '  a note  ', 'o1')
    expect(doc.annotations).toEqual([{ step: 0, text: 'a note', objectId: 'o1' }])
    expect(doc.dirty).toBe(true)
    doc.removeAnnotation(0)
    expect(doc.dirty).toBe(false)
  })

  it('saves and opens a session with the same code, breakpoints, notes and step', async () => {
    setEngineBridge(new FakeBridge({ [BASICS_SOURCE]: basicsTrace }))
    const session = useSessionStore()
    const trace = useTraceStore()
    const doc = useDocumentStore()
    session.setCode(BASICS_SOURCE)
    session.setBreakpoints([2, 3])
    await trace.refreshEngineInfo()
    await trace.run()
    await until(() => trace.done && trace.currentStep !== null)
    await trace.goTo(3)
    doc.addAnnotation(3, 'b joins a')
    const text = await doc.serialize()
    const saved = JSON.parse(text)
    expect(saved.trace.source).toBe(BASICS_SOURCE)

    setActivePinia(createPinia())
    const bridge = new FakeBridge({ [BASICS_SOURCE]: basicsTrace })
    setEngineBridge(bridge)
    const reopened = useDocumentStore()
    useSessionStore().setCode('something else')
    expect(await reopened.openText(text, 'basics.refscope')).toBe(true)
    const again = useTraceStore()
    await until(() => again.currentIndex === 3 && again.currentStep !== null)
    expect(useSessionStore().code).toBe(BASICS_SOURCE)
    expect(useSessionStore().breakpoints).toEqual([2, 3])
    expect(reopened.annotations).toEqual([{ step: 3, text: 'b joins a' }])
    expect(reopened.currentNotes.map(({ annotation }) => annotation.text)).toEqual(['b joins a'])
    expect(reopened.fileName).toBe('basics.refscope')
    expect(reopened.dirty).toBe(false)
    expect(reopened.message).toBeNull()
  })

  it('names the file and the problem for corrupt and newer files, changing nothing', async () => {
    setEngineBridge(new FakeBridge({}))
    const doc = useDocumentStore()
    const session = useSessionStore()
    session.setCode('keep = 1\n')
    expect(await doc.openText('{ not json', 'broken.refscope')).toBe(false)
    expect(doc.message?.kind).toBe('error')
    expect(doc.message?.text).toMatch(/^Cannot open broken\.refscope: it is not valid JSON/)
    const newer = JSON.stringify({ format: 'refscope-session', version: 9, code: '' })
    expect(await doc.openText(newer, 'future.refscope')).toBe(false)
    expect(doc.message?.text).toMatch(/future\.refscope.*newer Refscope/)
    expect(session.code).toBe('keep = 1\n')
  })

  it('re-runs a session whose stored trace belongs to other code, and says so', async () => {
    const bridge = new FakeBridge({ [BASICS_SOURCE]: basicsTrace })
    setEngineBridge(bridge)
    const doc = useDocumentStore()
    const text = serializeSession({ ...emptySession(BASICS_SOURCE), trace: basicsTrace })
    const stale = text.replace(JSON.stringify(BASICS_SOURCE), JSON.stringify(BASICS_SOURCE + '\n'))
    expect(await doc.openText(stale, 'old.refscope')).toBe(true)
    expect(doc.message?.kind).toBe('info')
    expect(doc.message?.text).toMatch(/did not match the code/)
    expect(calls(bridge, 'trace:run')).toHaveLength(1)
  })

  it('autosaves new changes once, and offers and restores what a crash left', async () => {
    const bridge = new FakeBridge({})
    setEngineBridge(bridge)
    const doc = useDocumentStore()
    const session = useSessionStore()
    await doc.autosaveTick()
    expect(calls(bridge, 'session:autosave')).toHaveLength(0)
    session.setCode('')
    doc.addAnnotation(0, 'n')
    await doc.autosaveTick()
    await doc.autosaveTick()
    expect(calls(bridge, 'session:autosave')).toEqual([{ session: doc.state(), fileName: null }])
    doc.markSaved('n.refscope')
    expect(calls(bridge, 'session:clearAutosave')).toHaveLength(1)

    setActivePinia(createPinia())
    const next = new FakeBridge({})
    next.recovery = {
      session: { ...emptySession(''), annotations: [{ step: 0, text: 'lost' }] },
      fileName: 'n.refscope',
      savedAt: '2026-01-01T00:00:00.000Z',
    }
    delete (next.recovery.session as { trace?: unknown }).trace
    setEngineBridge(next)
    const relaunched = useDocumentStore()
    await relaunched.checkRecovery()
    expect(relaunched.recovery?.fileName).toBe('n.refscope')
    await relaunched.restore()
    expect(relaunched.annotations).toEqual([{ step: 0, text: 'lost' }])
    expect(relaunched.fileName).toBe('n.refscope')
    expect(relaunched.dirty).toBe(true)
    expect(relaunched.recovery).toBeNull()
  })

  it('lists opened sessions in Open Recent and reopens them; a gone one gets a message', async () => {
    const bridge = new FakeBridge({ [BASICS_SOURCE]: basicsTrace })
    setEngineBridge(bridge)
    const doc = useDocumentStore()
    const session = { ...emptySession(BASICS_SOURCE), annotations: [{ step: 0, text: 'first' }] }
    expect(await doc.openText(serializeSession(session), 'basics.refscope')).toBe(true)
    await doc.rememberRecent('basics.refscope')
    expect(doc.recent.map((entry) => entry.name)).toEqual(['basics.refscope'])
    // The copy carries the session without its trace.
    expect(JSON.parse(bridge.recent[0]!.text)).toMatchObject({ code: BASICS_SOURCE })
    expect(JSON.parse(bridge.recent[0]!.text).trace ?? null).toBeNull()

    doc.newDocument()
    expect(await doc.openRecent(doc.recent[0]!.id)).toBe(true)
    expect(doc.annotations).toEqual([{ step: 0, text: 'first' }])
    expect(doc.fileName).toBe('basics.refscope')
    expect(doc.dirty).toBe(false)

    expect(await doc.openRecent('ffffffffffffffff')).toBe(false)
    expect(doc.message).toEqual({ kind: 'error', text: 'Cannot open that session: it is gone.' })
    expect(doc.fileName).toBe('basics.refscope')
    await doc.clearRecent()
    expect(doc.recent).toEqual([])
    await doc.refreshRecent()
    expect(doc.recent).toEqual([])
  })

  it('discards a recovery offer by clearing the autosave', async () => {
    const bridge = new FakeBridge({})
    setEngineBridge(bridge)
    const doc = useDocumentStore()
    await doc.discardRecovery()
    expect(calls(bridge, 'session:clearAutosave')).toHaveLength(1)
  })
})

describe('export choice', () => {
  const base: ExportChoice = {
    format: 'svg',
    steps: 'current',
    from: 0,
    to: 0,
    objectId: '',
    theme: 'light',
    scale: 1,
    codeExcerpt: false,
  }
  const context = { currentIndex: 4, length: 8, breakpoints: [3] }

  it('turns each step choice into the request', () => {
    expect(stepsFor(base, context)).toEqual({ step: 4 })
    expect(stepsFor({ ...base, steps: 'all' }, context)).toEqual({ range: { from: 0, to: 7 } })
    expect(stepsFor({ ...base, steps: 'range', from: 2, to: 5 }, context)).toEqual({
      range: { from: 2, to: 5 },
    })
    expect(stepsFor({ ...base, steps: 'breakpoints' }, context)).toEqual({ breakpoints: [3] })
    expect(stepsFor({ ...base, steps: 'anyChange' }, context)).toEqual({ changes: true })
    expect(stepsFor({ ...base, steps: 'changes', objectId: ' o3 ' }, context)).toEqual({
      objectId: 'o3',
    })
  })

  it('knows each format’s natural steps: one diagram, the whole player, or the changes', () => {
    expect(naturalSteps('svg')).toBe('current')
    expect(naturalSteps('png')).toBe('current')
    expect(naturalSteps('html')).toBe('all')
    expect(naturalSteps('json')).toBe('all')
    expect(naturalSteps('pdf')).toBe('anyChange')
    expect(naturalSteps('gif')).toBe('anyChange')
  })

  it('explains choices that cannot be exported', () => {
    expect(() => stepsFor({ ...base, steps: 'range', from: 5, to: 9 }, context)).toThrow(
      ExportChoiceError,
    )
    expect(() =>
      stepsFor({ ...base, steps: 'breakpoints' }, { ...context, breakpoints: [] }),
    ).toThrow(/no breakpoints/)
    expect(() => stepsFor({ ...base, steps: 'changes' }, context)).toThrow(/Select an object/)
  })

  it('asks for a code excerpt only where diagrams can show it, and a scale only for images', () => {
    const withCode = { ...base, scale: 2, codeExcerpt: true }
    expect(drawingOptionsFor(withCode)).toEqual({ codeExcerpt: true })
    expect(drawingOptionsFor({ ...withCode, format: 'png' })).toEqual({
      scale: 2,
      codeExcerpt: true,
    })
    expect(drawingOptionsFor({ ...withCode, format: 'gif' })).toEqual({
      scale: 2,
      codeExcerpt: true,
    })
    expect(drawingOptionsFor({ ...base, format: 'png' })).toEqual({
      scale: 1,
      codeExcerpt: false,
    })
    for (const format of ['html', 'pdf', 'json'] as const) {
      expect(drawingOptionsFor({ ...withCode, format })).toEqual({})
    }
  })

  it('names downloads after the session', () => {
    expect(downloadName('basics.refscope', 'step-0001.svg')).toBe('basics.svg')
    expect(downloadName('basics', 'player.html')).toBe('basics.html')
    expect(downloadName('', 'handout.pdf')).toBe('refscope.pdf')
    expect(folderName('basics.refscope', 'png')).toBe('basics-png')
  })

  it('packs a several-file export into one zip inside its folder', () => {
    const zip = zipOf('basics-svg', [
      { name: 'step-0001.svg', base64: btoa('<svg id="a"/>') },
      { name: 'step-0002.svg', base64: btoa('<svg id="b"/>') },
    ])
    const entries = unzipSync(zip)
    expect(Object.keys(entries)).toEqual(['basics-svg/step-0001.svg', 'basics-svg/step-0002.svg'])
    expect(strFromU8(entries['basics-svg/step-0002.svg']!)).toBe('<svg id="b"/>')
  })
})
