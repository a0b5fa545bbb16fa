/**
 * Small fakes of the electron APIs the shell's logic uses (dialogs, windows, web contents, IPC,
 * app paths, screens), for tests that run without the Electron binary:
 * `vi.mock('electron', () => import('./electronFake.ts'))`.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'

/** The app's own start page (see src/main/appUrl.ts). */
export const APP_PAGE = 'app://refscope/index.html'

/** An event whose default action a handler can prevent. */
export interface FakeEvent {
  preventDefault(): void
}

/** Emits `name` with a preventable event first; true when a listener prevented it. */
function emitPreventable(emitter: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false
  emitter.emit(name, { preventDefault: () => (prevented = true) } satisfies FakeEvent, ...args)
  return prevented
}

/** A frame of a page, identified by its object as in Electron. */
export interface FakeFrame {
  url: string
}

/** A webContents: an id, a main frame, the events sent to it; emits 'destroyed'. */
export class FakeWebContents extends EventEmitter {
  static readonly byId = new Map<number, FakeWebContents>()
  private static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly mainFrame: FakeFrame
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  private destroyed = false

  constructor(url = APP_PAGE) {
    super()
    this.mainFrame = { url }
    FakeWebContents.byId.set(this.id, this)
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  /** True when a listener prevented the navigation to `url`. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    return emitPreventable(this, kind, url)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** True until the test says the page has loaded (`finishLoad`). */
  loading = false

  isLoading(): boolean {
    return this.loading
  }

  /** Ends the page load, as Electron's `did-finish-load`. */
  finishLoad(): void {
    this.loading = false
    this.emit('did-finish-load')
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    FakeWebContents.byId.delete(this.id)
    this.emit('destroyed')
  }
}

/** A BrowserWindow: a 'close' listener may prevent closing; an actual close emits 'closed'. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly open = new Set<FakeBrowserWindow>()
  readonly webContents = new FakeWebContents()
  private destroyed = false

  constructor() {
    super()
    FakeBrowserWindow.open.add(this)
  }

  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return [...FakeBrowserWindow.open].find((window) => window.webContents === contents) ?? null
  }

  close(): void {
    if (this.destroyed || emitPreventable(this, 'close')) return
    this.destroyed = true
    FakeBrowserWindow.open.delete(this)
    this.emit('closed')
    this.webContents.destroy()
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
}
export { FakeBrowserWindow as BrowserWindow }

/** Result of a save dialog. */
export interface SaveDialogResult {
  canceled: boolean
  filePath?: string
}

/** Result of an open dialog. */
export interface OpenDialogResult {
  canceled: boolean
  filePaths: string[]
}

/** Dialogs: each answers what the test queued (default: Cancel) and records how it was asked. */
export const dialog = {
  showMessageBoxSync: vi.fn((..._args: unknown[]): number => 2),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<SaveDialogResult> => ({
    canceled: true,
  })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<OpenDialogResult> => ({
    canceled: true,
    filePaths: [],
  })),
}

let userRoot: string | null = null

/** `app`: its paths are folders of one temp directory. */
export const app = {
  getPath: vi.fn((name: string): string => {
    userRoot ??= mkdtempSync(join(tmpdir(), 'refscope-electron-fake-'))
    return join(userRoot, name)
  }),
  name: 'Refscope',
  showAboutPanel: vi.fn(),
  addRecentDocument: vi.fn(),
  clearRecentDocuments: vi.fn(),
}

/** `Menu`: building a menu keeps its template, so tests can read and click its items. */
export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
}

/** `webContents.fromId`, over the fake contents that are alive. */
export const webContents = {
  fromId: (id: number): FakeWebContents | undefined => FakeWebContents.byId.get(id),
}

type InvokeHandler = (event: unknown, request: unknown) => unknown

/** `ipcMain`: remembers one handler per channel, as Electron does. */
export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`a handler for '${channel}' is already set`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

const workArea = { x: 0, y: 0, width: 1920, height: 1080 }

/** `screen`: one 1920×1080 display. */
export const screen = {
  getAllDisplays: () => [{ workArea }],
  getPrimaryDisplay: () => ({ workArea }),
}

/** Forgets every window, contents, handler and queued dialog answer. */
export function resetElectronFake(): void {
  FakeBrowserWindow.open.clear()
  FakeWebContents.byId.clear()
  ipcMain.handlers.clear()
  dialog.showMessageBoxSync.mockReset().mockReturnValue(2)
  dialog.showSaveDialog.mockReset().mockResolvedValue({ canceled: true })
  dialog.showOpenDialog.mockReset().mockResolvedValue({ canceled: true, filePaths: [] })
  app.addRecentDocument.mockClear()
  app.clearRecentDocuments.mockClear()
}
