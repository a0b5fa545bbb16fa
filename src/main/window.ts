/** The main window, locked down: isolated, sandboxed, no navigation away, no popups. */
import { BrowserWindow, type WebContents } from 'electron'
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
