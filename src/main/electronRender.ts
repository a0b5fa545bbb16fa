/**
 * The Electron app's render engine for PNG, PDF and GIF exports: hidden, sandboxed windows of
 * Electron's own Chromium, in an in-memory session that refuses every request, so exports work
 * without a system browser and never reach the network.
 *
 * PNG and GIF frames are drawn on a canvas in the page (src/export/rasterise.ts), not taken with
 * `capturePage()`: a canvas has exactly the pixels asked for, whatever the display's scale
 * factor, the screen's size (a hidden window cannot grow past it everywhere) or whether the
 * window is painted at all while hidden.
 */
import { BrowserWindow, session } from 'electron'
import type { RenderProcessGoneDetails, Session, WebContents } from 'electron'
import type { PdfPageSetup, RenderEngine } from '../export/renderEngine.ts'
import { electronPdfOptions, writeDocumentExpression } from '../export/writeDocument.ts'

/** Session of the export windows; without a `persist:` prefix it lives in memory only. */
const EXPORT_PARTITION = 'refscope-export'

/** Where export windows start: an empty page, replaced by writing into it (no URL size limit). */
const BLANK_PAGE = 'about:blank'

/** True for the only URLs an export page may load: its blank page and inline data. */
export function isInlineUrl(url: string): boolean {
  return url === BLANK_PAGE || url.startsWith('data:')
}

/** The export session, set to cancel every request that is not inline and to deny permissions. */
function offlineSession(): Session {
  const exportSession = session.fromPartition(EXPORT_PARTITION)
  exportSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isInlineUrl(details.url) }),
  )
  exportSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false))
  return exportSession
}

/** A hidden, sandboxed, isolated window with no preload, showing the blank page. */
async function openHiddenWindow(exportSession: Session): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 768,
    webPreferences: {
      session: exportSession,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Hidden windows are throttled by default; an export should not wait on that.
      backgroundThrottling: false,
    },
  })
  try {
    await window.webContents.loadURL(BLANK_PAGE)
    return window
  } catch (error) {
    window.destroy()
    throw error
  }
}

/** `work`, rejected instead of left pending if the page's renderer process dies first. */
function whileAlive<T>(contents: WebContents, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const gone = (_event: unknown, details: RenderProcessGoneDetails) =>
      reject(new Error(`the export page stopped (${details.reason})`))
    contents.once('render-process-gone', gone)
    work.then(resolve, reject).finally(() => contents.off('render-process-gone', gone))
  })
}

/** Opens Electron's engine for one export (Electron is always there, so it never fails over). */
export async function openElectronEngine(): Promise<RenderEngine> {
  const exportSession = offlineSession()
  const windows = new Set<BrowserWindow>()
  let blankWindow: Promise<BrowserWindow> | null = null

  async function hiddenWindow(): Promise<BrowserWindow> {
    const window = await openHiddenWindow(exportSession)
    windows.add(window)
    return window
  }

  function release(window: BrowserWindow): void {
    windows.delete(window)
    if (!window.isDestroyed()) window.destroy()
  }

  return {
    async evaluate(expression) {
      blankWindow ??= hiddenWindow()
      const { webContents } = await blankWindow
      return whileAlive(webContents, webContents.executeJavaScript(expression))
    },
    async printPdf(html: string, setup: PdfPageSetup) {
      const window = await hiddenWindow()
      try {
        const { webContents } = window
        await whileAlive(webContents, webContents.executeJavaScript(writeDocumentExpression(html)))
        const pdf = await whileAlive(webContents, webContents.printToPDF(electronPdfOptions(setup)))
        return new Uint8Array(pdf)
      } finally {
        release(window)
      }
    },
    async close() {
      await blankWindow?.catch(() => undefined)
      for (const window of [...windows]) release(window)
    },
  }
}
