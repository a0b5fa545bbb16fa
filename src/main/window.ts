/** The main window, locked down: isolated, sandboxed, no navigation away, no popups. */
import { BrowserWindow, dialog, type WebContents } from 'electron'
import type { AppFiles } from '../host/appFiles.ts'
import { sendEvent } from './events.ts'
import { isAppUrl, startUrl } from './appUrl.ts'
import { loadWindowState, trackWindowState } from './windowState.ts'

/** Opens the main window on the app's start page. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const { bounds, maximized } = loadWindowState()
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Refscope',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  if (maximized) window.maximize()
  trackWindowState(window)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(startUrl())
  return window
}

/** How long a window waits for its renderer to report a save before giving up on closing. */
const SAVE_BEFORE_CLOSE_MS = 120_000

/**
 * Asks Save / Don't save / Cancel when a window with unsaved changes is closed. Save runs the
 * renderer's File → Save and closes once it reports the session clean.
 */
export function guardClose(window: BrowserWindow, files: AppFiles): void {
  const clientId = `wc-${window.webContents.id}`
  let closing = false
  // Set while File → Save runs for a close: closing again must not ask or save twice.
  let saving = false
  window.on('close', (event) => {
    const state = files.stateOf(clientId)
    if (closing || !state?.dirty) return
    event.preventDefault()
    if (saving) return
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Save changes to ${state.fileName ?? 'Untitled'}?`,
      detail: "Your changes will be lost if you don't save them.",
    })
    if (choice === 2) return
    if (choice === 1) {
      files.clear(clientId)
      closing = true
      window.close()
      return
    }
    saving = true
    const stopWaiting = files.onState((id, next) => {
      if (id !== clientId || next.dirty) return
      stop()
      closing = true
      window.close()
    })
    const stop = (): void => {
      saving = false
      stopWaiting()
      clearTimeout(timer)
    }
    const timer = setTimeout(stop, SAVE_BEFORE_CLOSE_MS)
    sendEvent(window.webContents, 'menu:command', { command: 'file:save' })
  })
  window.once('closed', () => files.forget(clientId))
}

/** Guards every web contents the app creates: no popups, no leaving the app, no webviews. */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
