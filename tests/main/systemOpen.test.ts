import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppFiles } from '../../src/host/appFiles.ts'
import { openFromSystem, sessionArguments } from '../../src/main/systemOpen.ts'
import { emptySession, serializeSession } from '../../src/shared/session.ts'
import { FakeBrowserWindow, resetElectronFake } from './electronFake.ts'

import { appFilesIn } from './shellFixtures.ts'

vi.mock('electron', () => import('./electronFake.ts'))

type BrowserWindow = Parameters<typeof openFromSystem>[0]

let dir: string
let files: AppFiles

beforeEach(() => {
  resetElectronFake()
  dir = mkdtempSync(join(tmpdir(), 'refscope-system-open-'))
  files = appFilesIn(dir)
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('sessionArguments', () => {
  it('keeps only session files, as absolute paths', () => {
    expect(
      sessionArguments(['.', '--no-sandbox', 'notes.txt', 'lesson.refscope', '/tmp/A.REFSCOPE']),
    ).toEqual([resolve('lesson.refscope'), '/tmp/A.REFSCOPE'])
  })
})

describe('openFromSystem', () => {
  it('lists the file in Open Recent and has the renderer open it once the page has loaded', async () => {
    const path = join(dir, 'lesson.refscope')
    const text = serializeSession(emptySession('x = 1\n'))
    writeFileSync(path, text)
    const window = new FakeBrowserWindow()
    window.webContents.loading = true
    openFromSystem(window as unknown as BrowserWindow, files, path)
    expect(window.webContents.sent).toEqual([])

    window.webContents.finishLoad()
    const [entry] = files.recentSessions()
    expect(entry).toMatchObject({ name: 'lesson.refscope', path })
    expect(window.webContents.sent).toEqual([
      { channel: 'menu:command', payload: { command: 'file:openRecent', recentId: entry!.id } },
    ])
    // What the renderer then asks for is the file itself.
    expect(files.openRecent({ id: 'wc-1', emit: () => {} }, entry!.id).text).toBe(text)
  })
})
