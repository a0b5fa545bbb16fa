/**
 * A stand-in for the part of `electron` that src/main/electronRender.ts uses, where each
 * BrowserWindow's webContents is a real page of a playwright-core Chromium: loadURL is goto,
 * executeJavaScript is evaluate, printToPDF is pdf (with Electron's defaults), and a session's
 * webRequest filter decides, for real, which of the page's requests go out.
 */
import { EventEmitter } from 'node:events'
import type { Browser, BrowserContext, Page } from 'playwright-core'

type BeforeRequest = (
  details: { url: string },
  callback: (response: { cancel?: boolean }) => void,
) => void

/** A session that remembers its request filter and its permission handler. */
export class FakeSession {
  beforeRequest: BeforeRequest | null = null
  permissionHandler: unknown = null
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest | null) => {
      this.beforeRequest = listener
    },
  }

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: unknown): void {
    this.permissionHandler = handler
  }
}

const partitions = new Map<string, FakeSession>()

/** `electron.session`: one session per partition name, as Electron keeps them. */
export const session = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    let found = partitions.get(partition)
    if (!found) {
      found = new FakeSession(partition)
      partitions.set(partition, found)
    }
    return found
  },
}

let browser: Browser | null = null
let displayScale = 1

/** Backs windows opened from now on with pages of `chromium` on a display of `scale`. */
export function useChromium(chromium: Browser | null, scale = 1): void {
  browser = chromium
  displayScale = scale
}

/** Electron's printToPDF options this fake knows how to pass on. */
interface PrintOptions {
  pageSize?: string
  preferCSSPageSize?: boolean
  printBackground?: boolean
  margins?: { top?: number; bottom?: number; left?: number; right?: number }
  displayHeaderFooter?: boolean
  headerTemplate?: string
  footerTemplate?: string
}

const PRINT_OPTIONS = new Set([
  'pageSize',
  'preferCSSPageSize',
  'printBackground',
  'margins',
  'displayHeaderFooter',
  'headerTemplate',
  'footerTemplate',
])

/** Electron's margin, in inches, as playwright's; Electron leaves 1 cm where none is given. */
function margin(inches: number | undefined): string {
  return inches === undefined ? '1cm' : `${inches}in`
}

async function openPage(owner: FakeSession): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('useChromium() first')
  const context = await browser.newContext({ deviceScaleFactor: displayScale })
  await context.route('**/*', (route) => {
    const filter = owner.beforeRequest
    if (!filter) return route.continue()
    filter({ url: route.request().url() }, ({ cancel }) =>
      cancel ? void route.abort('blockedbyclient') : void route.continue(),
    )
  })
  return { context, page: await context.newPage() }
}

/** A window's contents, backed by one page. */
export class FakeWebContents extends EventEmitter {
  private readonly opened: Promise<{ context: BrowserContext; page: Page }>
  private destroyed = false

  constructor(owner: FakeSession) {
    super()
    this.opened = openPage(owner)
  }

  async loadURL(url: string): Promise<void> {
    await (await this.opened).page.goto(url)
  }

  async executeJavaScript(code: string): Promise<unknown> {
    return (await this.opened).page.evaluate(code)
  }

  async printToPDF(options: PrintOptions): Promise<Buffer> {
    const unknown = Object.keys(options).filter((key) => !PRINT_OPTIONS.has(key))
    if (unknown.length) throw new Error(`the fake cannot print with ${unknown.join(', ')}`)
    const { page } = await this.opened
    return page.pdf({
      format: options.pageSize ?? 'Letter',
      preferCSSPageSize: options.preferCSSPageSize ?? false,
      printBackground: options.printBackground ?? false,
      margin: {
        top: margin(options.margins?.top),
        bottom: margin(options.margins?.bottom),
        left: margin(options.margins?.left),
        right: margin(options.margins?.right),
      },
      displayHeaderFooter: options.displayHeaderFooter ?? false,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
    })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  async destroy(): Promise<void> {
    this.destroyed = true
    await (await this.opened).context.close()
  }
}

/** Options a window was created with (the part the tests look at). */
export interface WindowOptions {
  show?: boolean
  webPreferences?: {
    session?: FakeSession
    partition?: string
    preload?: string
    sandbox?: boolean
    contextIsolation?: boolean
    nodeIntegration?: boolean
  }
}

/** `electron.BrowserWindow`; every window ever created is kept in `BrowserWindow.created`. */
export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = []
  readonly webContents: FakeWebContents
  /** Settles once the page behind the window is closed. */
  closedPage: Promise<void> = Promise.resolve()
  private destroyed = false

  constructor(readonly options: WindowOptions = {}) {
    super()
    const preferences = options.webPreferences ?? {}
    const owner =
      preferences.session ??
      (preferences.partition ? session.fromPartition(preferences.partition) : null) ??
      session.defaultSession
    this.webContents = new FakeWebContents(owner)
    BrowserWindow.created.push(this)
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    // Callers of Electron's synchronous destroy() never wait; a page whose browser the test's
    // cleanup already closed is not an error.
    this.closedPage = this.webContents.destroy().catch(() => undefined)
    this.emit('closed')
  }
}
