import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { HostClient } from '../../src/host/traceService.ts'
import { createNativeFiles, windowOf } from '../../src/main/nativeFiles.ts'
import { emptySession, serializeSession } from '../../src/shared/session.ts'
import { FakeBrowserWindow, app, dialog, resetElectronFake } from './electronFake.ts'

import { clientOf } from './shellFixtures.ts'

vi.mock('electron', () => import('./electronFake.ts'))

let folder: string
let window: FakeBrowserWindow
let client: HostClient

beforeEach(() => {
  resetElectronFake()
  folder = mkdtempSync(join(tmpdir(), 'refscope-native-files-'))
  window = new FakeBrowserWindow()
  client = clientOf(window)
})

/** A valid session file's text (saved at a fixed time, so equal code gives equal text). */
const sessionText = (code: string) =>
  serializeSession(emptySession(code), { now: new Date('2026-01-01T00:00:00Z') })

/** The next save dialog answers `path`. */
function answerSave(path: string): void {
  dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path })
}

/** The next open dialog answers `path`. */
function answerOpen(path: string): void {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] })
}

describe('windowOf', () => {
  it('finds the window of an IPC client and nothing for an unknown or malformed id', () => {
    expect(windowOf(client)).toBe(window)
    expect(windowOf({ id: 'wc-424242', emit: () => {} })).toBeNull()
    expect(windowOf({ id: 'browser-tab', emit: () => {} })).toBeNull()
  })
})

describe('saving a session', () => {
  it('asks where the first time, in the documents folder, as a .refscope file', async () => {
    const files = createNativeFiles()
    const path = join(folder, 'lesson.refscope')
    answerSave(path)
    const saved = await files.saveSession(client, {
      text: sessionText('a = 1\n'),
      saveAs: false,
      suggestedName: 'lesson.refscope',
    })
    expect(saved).toMatchObject({ name: 'lesson.refscope' })
    expect(readFileSync(path, 'utf8')).toBe(sessionText('a = 1\n'))
    const [parent, options] = dialog.showSaveDialog.mock.calls[0]!
    expect(parent).toBe(window)
    expect(options).toMatchObject({
      defaultPath: join(app.getPath('documents'), 'lesson.refscope'),
      filters: [{ extensions: ['refscope'] }],
    })
  })

  it('Save reuses the remembered path and replaces the file atomically', async () => {
    const files = createNativeFiles()
    const path = join(folder, 'lesson.refscope')
    answerSave(path)
    await files.saveSession(client, { text: 'first', saveAs: false, suggestedName: 'x.refscope' })
    const before = statSync(path).ino

    const saved = await files.saveSession(client, {
      text: 'second',
      saveAs: false,
      suggestedName: 'x.refscope',
    })
    expect(saved).toMatchObject({ name: 'lesson.refscope' })
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1)
    expect(readFileSync(path, 'utf8')).toBe('second')
    // A new file renamed over the old one (never the old one rewritten in place), no temp left.
    expect(statSync(path).ino).not.toBe(before)
    expect(readdirSync(folder)).toEqual(['lesson.refscope'])
  })

  it('Save As asks again, starting in the folder of the last save', async () => {
    const files = createNativeFiles()
    answerSave(join(folder, 'one.refscope'))
    await files.saveSession(client, { text: '1', saveAs: false, suggestedName: 'one.refscope' })
    answerSave(join(folder, 'two.refscope'))
    const saved = await files.saveSession(client, {
      text: '2',
      saveAs: true,
      suggestedName: 'two.refscope',
    })
    expect(saved).toMatchObject({ name: 'two.refscope' })
    expect(dialog.showSaveDialog.mock.calls[1]![1]).toMatchObject({
      defaultPath: join(folder, 'two.refscope'),
    })
    expect(readFileSync(join(folder, 'one.refscope'), 'utf8')).toBe('1')
    expect(readFileSync(join(folder, 'two.refscope'), 'utf8')).toBe('2')
  })

  it('a cancelled dialog returns null and writes nothing', async () => {
    const files = createNativeFiles()
    const saved = await files.saveSession(client, {
      text: 'never written',
      saveAs: false,
      suggestedName: 'lesson.refscope',
    })
    expect(saved).toBeNull()
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1)
    expect(readdirSync(folder)).toEqual([])
    const documents = app.getPath('documents')
    expect(existsSync(documents) ? readdirSync(documents) : []).toEqual([])
  })

  it('remembers paths per window', async () => {
    const files = createNativeFiles()
    const other = new FakeBrowserWindow()
    const otherClient = clientOf(other)
    answerSave(join(folder, 'mine.refscope'))
    await files.saveSession(client, { text: 'mine', saveAs: false, suggestedName: 'a.refscope' })
    answerSave(join(folder, 'theirs.refscope'))
    await files.saveSession(otherClient, {
      text: 'theirs',
      saveAs: false,
      suggestedName: 'b.refscope',
    })
    expect(dialog.showSaveDialog.mock.calls[1]![0]).toBe(other)
    expect(readFileSync(join(folder, 'mine.refscope'), 'utf8')).toBe('mine')
    expect(readFileSync(join(folder, 'theirs.refscope'), 'utf8')).toBe('theirs')
  })
})

describe('opening a session', () => {
  it('returns the file and makes it the one Save writes to', async () => {
    const files = createNativeFiles()
    const path = join(folder, 'opened.refscope')
    writeFileSync(path, sessionText('b = 2\n'))
    answerOpen(path)
    const opened = await files.openSession(client)
    expect(opened).toMatchObject({ name: 'opened.refscope', text: sessionText('b = 2\n') })
    expect(dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({
      filters: [{ extensions: ['refscope'] }],
      properties: ['openFile'],
    })

    await files.saveSession(client, { text: 'edited', saveAs: false, suggestedName: 'x.refscope' })
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
    expect(readFileSync(path, 'utf8')).toBe('edited')
  })

  it('a file that failed to parse is returned as text but never saved over', async () => {
    const files = createNativeFiles()
    const path = join(folder, 'damaged.refscope')
    writeFileSync(path, '{"format": "refscope-session/1", "code": ')
    answerOpen(path)
    const opened = await files.openSession(client)
    expect(opened).toMatchObject({
      name: 'damaged.refscope',
      text: '{"format": "refscope-session/1", "code": ',
    })

    // Save asks for a new path; cancelling it leaves the damaged file as it was.
    const saved = await files.saveSession(client, {
      text: 'replacement',
      saveAs: false,
      suggestedName: 'damaged.refscope',
    })
    expect(saved).toBeNull()
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1)
    expect(readFileSync(path, 'utf8')).toBe('{"format": "refscope-session/1", "code": ')

    answerSave(join(folder, 'repaired.refscope'))
    await files.saveSession(client, {
      text: 'replacement',
      saveAs: false,
      suggestedName: 'damaged.refscope',
    })
    expect(readFileSync(join(folder, 'repaired.refscope'), 'utf8')).toBe('replacement')
    expect(readFileSync(path, 'utf8')).toBe('{"format": "refscope-session/1", "code": ')
  })

  it('opening a damaged file forgets the path of the session opened before it', async () => {
    const files = createNativeFiles()
    const good = join(folder, 'good.refscope')
    const damaged = join(folder, 'damaged.refscope')
    writeFileSync(good, sessionText('c = 3\n'))
    writeFileSync(damaged, 'not a session')
    answerOpen(good)
    await files.openSession(client)
    answerOpen(damaged)
    await files.openSession(client)

    const saved = await files.saveSession(client, {
      text: 'edited',
      saveAs: false,
      suggestedName: 'damaged.refscope',
    })
    expect(saved).toBeNull()
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1)
    expect(readFileSync(good, 'utf8')).toBe(sessionText('c = 3\n'))
  })

  it('a cancelled dialog returns null', async () => {
    expect(await createNativeFiles().openSession(client)).toBeNull()
  })
})

describe('choosing where an export goes', () => {
  it('asks with no session filter and returns the path, or null when cancelled', async () => {
    const files = createNativeFiles()
    answerSave(join(folder, 'handout.pdf'))
    expect(await files.chooseExportPath(client, 'handout.pdf')).toBe(join(folder, 'handout.pdf'))
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({ filters: [] })
    expect(await files.chooseExportPath(client, 'handout.pdf')).toBeNull()
  })

  it('asks without a parent window when the client has none', async () => {
    const files = createNativeFiles()
    answerSave(join(folder, 'animation.gif'))
    await files.chooseExportPath({ id: 'wc-424242', emit: () => {} }, 'animation.gif')
    const call = dialog.showSaveDialog.mock.calls[0]!
    expect(call).toHaveLength(1)
    expect(call[0]).toMatchObject({ defaultPath: join(app.getPath('documents'), 'animation.gif') })
  })
})
