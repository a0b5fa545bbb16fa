import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { Autosave } from '../../src/host/autosave.ts'
import { SessionFiles } from '../../src/host/sessionFiles.ts'
import {
  emptySession,
  parseSession,
  serializeSession,
  SESSION_VERSION,
  SessionError,
} from '../../src/shared/session.ts'
import type { Session } from '../../src/shared/session.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, BASICS_SOURCE } from './basicsTrace.ts'

let doc: TraceDocument
let dir: string

beforeAll(async () => {
  doc = await basicsTrace()
  dir = mkdtempSync(join(tmpdir(), 'refscope-session-'))
})

function basicsSession(): Session {
  return {
    code: BASICS_SOURCE,
    breakpoints: [5, 10],
    currentStep: 7,
    annotations: [
      { step: 5, text: 'three names' },
      { step: 9, objectId: 'o1', text: 'gone' },
    ],
    view: { theme: 'dark', immortalInline: false },
    lessonId: 'basics',
    trace: doc,
  }
}

function openError(text: string, name = 'lesson.refscope'): SessionError {
  try {
    parseSession(text, name)
  } catch (error) {
    expect(error).toBeInstanceOf(SessionError)
    return error as SessionError
  }
  throw new Error('expected the session to be refused')
}

describe('session files', () => {
  it('round-trips: save then open gives the identical state', () => {
    const files = new SessionFiles()
    const path = join(dir, 'basics.refscope')
    const session = basicsSession()
    files.save(path, session)
    const opened = files.open(path)
    expect(opened.staleTrace).toBe(false)
    expect(opened.session).toEqual(session)
    const file = JSON.parse(readFileSync(path, 'utf8'))
    expect(file).toMatchObject({ format: 'refscope-session', version: SESSION_VERSION })
  })

  it('can leave the trace out', () => {
    const text = serializeSession(basicsSession(), { includeTrace: false })
    const opened = parseSession(text, 'x.refscope')
    expect(opened.session.trace).toBeNull()
    expect(opened.session.currentStep).toBe(7)
  })

  it('names the file and the problem for a corrupt file', () => {
    const error = openError('{"format": "refscope-session", "version": 1, "code": ')
    expect(error.kind).toBe('corrupt')
    expect(error.message).toMatch(/^Cannot open lesson\.refscope: it is not valid JSON/)
    expect(openError('{"hello": 1}').message).toBe(
      'Cannot open lesson.refscope: it is not a Refscope session file',
    )
    expect(openError('{"format":"refscope-session","version":1}').message).toContain(
      '"code" is missing',
    )
    expect(
      openError('{"format":"refscope-session","version":1,"code":"","annotations":[{}]}').message,
    ).toContain('annotation 1 needs a step number')
  })

  it('gives a clear message for a newer format version', () => {
    const newer = JSON.stringify({ format: 'refscope-session', version: 2, code: 'x = 1\n' })
    const error = openError(newer, 'from-the-future.refscope')
    expect(error.kind).toBe('newer')
    expect(error.message).toBe(
      'Cannot open from-the-future.refscope: it was saved by a newer Refscope (session format 2); ' +
        'this version reads format 1. Update Refscope to open it.',
    )
  })

  it('never shows a stored trace against different code: it is dropped as stale', () => {
    const session = basicsSession()
    const file = JSON.parse(serializeSession(session))
    file.code = session.code.replace('var1 = [10, 20]', 'var1 = [10, 20, 30]')
    const opened = parseSession(JSON.stringify(file), 'edited.refscope')
    expect(opened.staleTrace).toBe(true)
    expect(opened.session.trace).toBeNull()
    expect(opened.session.code).toContain('[10, 20, 30]')
    expect(serializeSession({ ...session, code: 'x = 1\n' })).toContain('"trace": null')
  })

  it('never overwrites a session file that failed to open', () => {
    const files = new SessionFiles()
    const path = join(dir, 'damaged.refscope')
    writeFileSync(path, 'not json at all')
    expect(() => files.open(path)).toThrow(/Cannot open .*damaged\.refscope: it is not valid JSON/)
    expect(() => files.save(path, emptySession('x = 1\n'))).toThrow(/Not saving over/)
    expect(readFileSync(path, 'utf8')).toBe('not json at all')
    expect(() => files.open(join(dir, 'absent.refscope'))).toThrow(/absent\.refscope: ENOENT/)
  })
})

describe('autosave and crash recovery', () => {
  it('offers the unsaved code and annotations after the host is killed mid-edit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'refscope-autosave-'))
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./autosaveChild.ts', import.meta.url)), folder],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('saved') && resolve())
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)))
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('close', resolve))

    const recovery = new Autosave(folder).recover()
    expect(recovery).not.toBeNull()
    expect(recovery!.session.code).toBe('a = [1, 2]\nb = a\ndel a\n')
    expect(recovery!.session.annotations).toEqual([{ step: 2, text: 'b aliases a' }])
    expect(recovery!.filePath).toBe('/lessons/alias.refscope')
    expect(Date.parse(recovery!.savedAt)).toBeGreaterThan(0)
  })

  it('has nothing to offer after a clean save, and ignores a damaged autosave', () => {
    const folder = mkdtempSync(join(tmpdir(), 'refscope-autosave-'))
    const autosave = new Autosave(folder, 'main', 10)
    autosave.saveNow(emptySession('x = 1\n'))
    expect(autosave.recover()!.session.code).toBe('x = 1\n')
    autosave.clear()
    expect(autosave.recover()).toBeNull()
    writeFileSync(join(folder, 'autosave-main.refscope'), '{')
    expect(autosave.recover()).toBeNull()
  })
})
