import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS as EXPORTER_FORMATS } from '../../src/export/index.ts'
import { EXPORT_FORMATS } from '../../src/shared/ipc.ts'
import {
  isAutosaveRequest,
  isDocumentState,
  isEmptyRequest,
  isExportCancelRequest,
  isExportCreateRequest,
  isExportSteps,
  isSaveSessionRequest,
  isSessionState,
} from '../../src/shared/ipcValidators.ts'

const session = {
  code: 'x = 1\n',
  breakpoints: [1],
  currentStep: 0,
  annotations: [{ step: 0, text: 'hi', objectId: 'o1' }],
  view: { theme: 'system', immortalInline: true },
  lessonId: null,
}

describe('export:create requests', () => {
  it('offers the exporters’ formats', () => {
    expect([...EXPORT_FORMATS]).toEqual([...EXPORTER_FORMATS])
  })

  it('accept each format with optional steps, theme, scale, title and notes', () => {
    for (const format of EXPORT_FORMATS) {
      expect(isExportCreateRequest({ exportId: 1, runId: 2, format })).toBe(true)
    }
    expect(
      isExportCreateRequest({
        exportId: 1,
        runId: 2,
        format: 'png',
        steps: { range: { from: 0, to: 3 } },
        theme: 'dark',
        scale: 2,
        title: 'Basics',
        annotations: [{ step: 2, text: 'note' }],
      }),
    ).toBe(true)
  })

  it('reject unknown formats, scales, themes, keys and bad notes', () => {
    const base = { exportId: 1, runId: 2, format: 'svg' }
    for (const bad of [
      { ...base, format: 'bmp' },
      { ...base, scale: 4 },
      { ...base, scale: 1.5 },
      { ...base, theme: 'sepia' },
      { ...base, path: '/etc/passwd' },
      { ...base, exportId: 0 },
      { ...base, annotations: [{ step: -1, text: 'x' }] },
      { ...base, annotations: [{ step: 1 }] },
      null,
    ]) {
      expect(isExportCreateRequest(bad)).toBe(false)
    }
  })

  it('take at most one step choice, each well formed', () => {
    expect(isExportSteps({})).toBe(true)
    expect(isExportSteps({ step: 3 })).toBe(true)
    expect(isExportSteps({ breakpoints: [2, 5] })).toBe(true)
    expect(isExportSteps({ objectId: 'o7' })).toBe(true)
    expect(isExportSteps({ changes: true })).toBe(true)
    expect(isExportSteps({ changes: false })).toBe(false)
    expect(isExportSteps({ changes: true, step: 2 })).toBe(false)
    expect(isExportSteps({ step: 1, objectId: 'o7' })).toBe(false)
    expect(isExportSteps({ range: { from: 4, to: 2 } })).toBe(false)
    expect(isExportSteps({ breakpoints: [0] })).toBe(false)
  })

  it('cancel by export id', () => {
    expect(isExportCancelRequest({ exportId: 3 })).toBe(true)
    expect(isExportCancelRequest({ exportId: 'a' })).toBe(false)
    expect(isExportCancelRequest({ exportId: 3, runId: 1 })).toBe(false)
  })
})

describe('session requests', () => {
  it('accept the session state without a trace', () => {
    expect(isSessionState(session)).toBe(true)
    expect(isAutosaveRequest({ session, fileName: null })).toBe(true)
    expect(isAutosaveRequest({ session, fileName: 'a.refscope' })).toBe(true)
  })

  it('reject a trace, bad views or breakpoints', () => {
    expect(isSessionState({ ...session, trace: null })).toBe(false)
    expect(isSessionState({ ...session, view: { theme: 'pink', immortalInline: true } })).toBe(
      false,
    )
    expect(isSessionState({ ...session, breakpoints: [0] })).toBe(false)
    expect(isAutosaveRequest({ session })).toBe(false)
  })

  it('take no payload for recover and clear', () => {
    expect(isEmptyRequest(undefined)).toBe(true)
    expect(isEmptyRequest(null)).toBe(true)
    expect(isEmptyRequest({})).toBe(false)
  })
})

describe('window state and native file requests', () => {
  it('accept a dirty flag with a file name', () => {
    expect(isDocumentState({ dirty: true, fileName: null })).toBe(true)
    expect(isDocumentState({ dirty: false, fileName: 'a.refscope' })).toBe(true)
    expect(isDocumentState({ dirty: 'yes', fileName: null })).toBe(false)
    expect(isDocumentState({ dirty: true })).toBe(false)
  })

  it('accept a session text to save, never a path', () => {
    const save = { text: '{}', saveAs: false, suggestedName: 'a.refscope' }
    expect(isSaveSessionRequest(save)).toBe(true)
    expect(isSaveSessionRequest({ ...save, path: '/etc/passwd' })).toBe(false)
    expect(isSaveSessionRequest({ ...save, saveAs: 1 })).toBe(false)
  })

  it('take a saveToFile flag on exports', () => {
    const base = { exportId: 1, runId: 2, format: 'pdf' }
    expect(isExportCreateRequest({ ...base, saveToFile: true })).toBe(true)
    expect(isExportCreateRequest({ ...base, saveToFile: 'yes' })).toBe(false)
    expect(isExportCreateRequest({ ...base, saveToFile: true, fileStem: 'basics' })).toBe(true)
    for (const fileStem of ['', '..', '.', '../basics', 'a/b', 'a\\b', 'x'.repeat(256), 7]) {
      expect(isExportCreateRequest({ ...base, fileStem }), String(fileStem)).toBe(false)
    }
  })

  it('take a code excerpt flag on exports, as a boolean only', () => {
    const base = { exportId: 1, runId: 2, format: 'svg' }
    expect(isExportCreateRequest({ ...base, codeExcerpt: true })).toBe(true)
    expect(isExportCreateRequest({ ...base, codeExcerpt: false })).toBe(true)
    for (const bad of ['yes', 1, 0, null, {}, [true]]) {
      expect(isExportCreateRequest({ ...base, codeExcerpt: bad })).toBe(false)
    }
  })
})
