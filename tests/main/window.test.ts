import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppFiles } from '../../src/host/appFiles.ts'
import type { HostClient } from '../../src/host/traceService.ts'
import { guardClose, lockDownContents } from '../../src/main/window.ts'
import { emptySession } from '../../src/shared/session.ts'
import {
  APP_PAGE,
  FakeBrowserWindow,
  FakeWebContents,
  dialog,
  resetElectronFake,
} from './electronFake.ts'

import { appFilesIn, clientOf } from './shellFixtures.ts'

vi.mock('electron', () => import('./electronFake.ts'))

/** Electron's types, as the code under test takes them. */
type BrowserWindow = Parameters<typeof guardClose>[0]
type WebContents = Parameters<typeof lockDownContents>[0]

const SAVE = 0
const DONT_SAVE = 1
const CANCEL = 2

let dir: string
let files: AppFiles
let window: FakeBrowserWindow
let client: HostClient

beforeEach(() => {
  resetElectronFake()
  dir = mkdtempSync(join(tmpdir(), 'refscope-window-'))
  files = appFilesIn(dir)
  window = new FakeBrowserWindow()
  client = clientOf(window)
  guardClose(window as unknown as BrowserWindow, files)
})

afterEach(() => {
  vi.useRealTimers()
  rmSync(dir, { recursive: true, force: true })
})

/** Unsaved work in the window, autosaved as the renderer does every few seconds. */
function editUnsaved(fileName: string | null = 'lesson.refscope'): void {
  const { trace: _trace, ...session } = emptySession('x = [1, 2]\n')
  files.save(client, { session, fileName })
  files.setState(client, { dirty: true, fileName })
}

/** Whether a fresh host (the next launch) would be offered unsaved work. */
function nextLaunchRecovers(): boolean {
  const nextLaunch = appFilesIn(dir)
  return nextLaunch.recover({ id: 'next-launch' }) !== null
}

const saveCommands = () =>
  window.webContents.sent.filter(
    ({ channel, payload }) =>
      channel === 'menu:command' && (payload as { command: string }).command === 'file:save',
  )

describe('closing a window', () => {
  it('closes without asking when the renderer never reported unsaved changes', () => {
    window.close()
    expect(window.isDestroyed()).toBe(true)
    expect(dialog.showMessageBoxSync).not.toHaveBeenCalled()
  })

  it('closes without asking when the session is clean', () => {
    files.setState(client, { dirty: false, fileName: 'lesson.refscope' })
    window.close()
    expect(window.isDestroyed()).toBe(true)
    expect(dialog.showMessageBoxSync).not.toHaveBeenCalled()
  })

  it('asks Save / Don’t Save / Cancel, naming the file, when there are unsaved changes', () => {
    editUnsaved('lesson.refscope')
    window.close()
    expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1)
    const [parent, options] = dialog.showMessageBoxSync.mock.calls[0]!
    expect(parent).toBe(window)
    expect(options).toMatchObject({
      buttons: ['Save', "Don't Save", 'Cancel'],
      cancelId: CANCEL,
      message: 'Save changes to lesson.refscope?',
    })
  })

  it('names an unsaved session Untitled', () => {
    editUnsaved(null)
    window.close()
    expect(dialog.showMessageBoxSync.mock.calls[0]![1]).toMatchObject({
      message: 'Save changes to Untitled?',
    })
  })

  it('Cancel keeps the window open with its state and its autosave', () => {
    editUnsaved()
    dialog.showMessageBoxSync.mockReturnValueOnce(CANCEL)
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(files.stateOf(client.id)?.dirty).toBe(true)
    expect(saveCommands()).toEqual([])
    expect(nextLaunchRecovers()).toBe(true)
  })

  it('Don’t Save clears the autosave and closes', () => {
    editUnsaved()
    expect(nextLaunchRecovers()).toBe(true)
    dialog.showMessageBoxSync.mockReturnValueOnce(DONT_SAVE)
    window.close()
    expect(window.isDestroyed()).toBe(true)
    expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1)
    expect(nextLaunchRecovers()).toBe(false)
    expect(files.stateOf(client.id)).toBeNull()
  })

  it('Save runs File → Save and closes only once the renderer reports the session clean', () => {
    editUnsaved()
    dialog.showMessageBoxSync.mockReturnValueOnce(SAVE)
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(saveCommands()).toHaveLength(1)

    // Another window's clean state, or this one still dirty (the save dialog is open), waits.
    files.setState({ id: 'wc-999', emit: () => {} }, { dirty: false, fileName: null })
    files.setState(client, { dirty: true, fileName: 'lesson.refscope' })
    expect(window.isDestroyed()).toBe(false)

    files.setState(client, { dirty: false, fileName: 'lesson.refscope' })
    expect(window.isDestroyed()).toBe(true)
    expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1)
  })

  it('closing again while that save is pending neither asks nor saves twice', () => {
    editUnsaved()
    dialog.showMessageBoxSync.mockReturnValueOnce(SAVE)
    window.close()
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1)
    expect(saveCommands()).toHaveLength(1)
    files.setState(client, { dirty: false, fileName: 'lesson.refscope' })
    expect(window.isDestroyed()).toBe(true)
  })

  it('stops waiting for a save after two minutes: a later clean state leaves the window open', () => {
    vi.useFakeTimers()
    editUnsaved()
    dialog.showMessageBoxSync.mockReturnValueOnce(SAVE)
    window.close()
    vi.advanceTimersByTime(120_000)
    files.setState(client, { dirty: false, fileName: 'lesson.refscope' })
    expect(window.isDestroyed()).toBe(false)
    // Closing again, now clean, needs no question.
    window.close()
    expect(window.isDestroyed()).toBe(true)
    expect(dialog.showMessageBoxSync).toHaveBeenCalledTimes(1)
  })
})

describe('lockDownContents', () => {
  it('denies popups, webviews and navigation away from the app', () => {
    const contents = new FakeWebContents()
    lockDownContents(contents as unknown as WebContents)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    })
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-navigate', APP_PAGE)).toBe(false)
    expect(contents.navigate('will-redirect', 'app://refscope/lessons.html')).toBe(false)
    let webviewPrevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) })
    expect(webviewPrevented).toBe(true)
  })
})
