/** Electron entry: a thin shell around the host services and the renderer. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, app, session } from 'electron'
import { AppFiles } from '../host/appFiles.ts'
import { CONTENT_SECURITY_POLICY } from '../host/csp.ts'
import { createDefaultEngine } from '../host/defaultEngine.ts'
import { TraceService } from '../host/traceService.ts'
import { handleAppProtocol, registerAppScheme } from './appProtocol.ts'
import { devServerUrl } from './appUrl.ts'
import { openElectronEngine } from './electronRender.ts'
import { sendEvent } from './events.ts'
import { registerIpc } from './ipc.ts'
import type { RecentSession } from '../shared/ipc.ts'
import { buildMenu, type Send } from './menu.ts'
import { createNativeFiles } from './nativeFiles.ts'
import { openFromSystem, sessionArguments } from './systemOpen.ts'
import { createMainWindow, guardClose, lockDownContents } from './window.ts'

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url))
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

registerAppScheme()
app.enableSandbox()
app.setAboutPanelOptions({
  applicationName: 'Refscope',
  applicationVersion: app.getVersion(),
  credits: 'Reference counts from real CPython, running in WebAssembly.',
})

const service = new TraceService({ createEngine: createDefaultEngine })
let mainWindow: BrowserWindow | null = null
let files: AppFiles | null = null

function openMainWindow(): void {
  mainWindow = createMainWindow(preloadPath)
  if (files) guardClose(mainWindow, files)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

app.on('web-contents-created', (_event, contents) => lockDownContents(contents))

// Session files the OS hands over (macOS sends them even before the app is ready).
const systemPaths = sessionArguments(process.argv.slice(1))
app.on('open-file', (event, path) => {
  event.preventDefault()
  if (files && mainWindow) openFromSystem(mainWindow, files, path)
  else systemPaths.push(path)
})

app.whenReady().then(() => {
  handleAppProtocol(rendererDir)
  // app:// responses carry the policy themselves; this covers the dev server's pages.
  if (devServerUrl()) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        },
      })
    })
  }
  // The renderer asks for nothing beyond what the contract offers.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) =>
    grant(false),
  )
  // Autosaves live in the user-data folder, where the next launch looks for them. PNG, PDF and
  // GIF exports render in Electron's own engine, so the app needs no system browser.
  files = new AppFiles(
    service,
    join(app.getPath('userData'), 'sessions'),
    createNativeFiles(),
    openElectronEngine,
  )
  registerIpc(service, files)
  const appFiles = files
  const send: Send = (command, recentId) => {
    const target = BrowserWindow.getFocusedWindow() ?? mainWindow
    if (target) sendEvent(target.webContents, 'menu:command', { command, recentId })
  }
  const clearRecent = (): void => {
    appFiles.clearRecent()
    app.clearRecentDocuments()
  }
  // The menu is rebuilt whenever Open Recent changes.
  const showMenu = (recent: RecentSession[]): void => {
    app.applicationMenu = buildMenu(send, recent, clearRecent)
  }
  showMenu(appFiles.recentSessions())
  appFiles.onRecentChange(showMenu)
  service.start()
  openMainWindow()
  for (const path of systemPaths.splice(0)) openFromSystem(mainWindow!, appFiles, path)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let disposed = false
app.on('will-quit', (event) => {
  if (disposed) return
  // Let the engine's workers stop cleanly before the process exits.
  event.preventDefault()
  disposed = true
  files?.dispose()
  void service.dispose().finally(() => app.quit())
})
