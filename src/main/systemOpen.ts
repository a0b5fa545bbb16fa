/**
 * Session files the operating system hands the app: a file argument at launch, or (macOS) a
 * file opened from Finder or the Dock's recent documents. Each is listed in Open Recent and
 * opened by the window's renderer like an Open Recent entry, so it asks before losing changes.
 */
import { resolve } from 'node:path'
import type { BrowserWindow } from 'electron'
import type { AppFiles } from '../host/appFiles.ts'
import { SESSION_EXTENSION } from '../shared/session.ts'
import { sendEvent } from './events.ts'

/** The session files among command-line arguments (flags and other files are ignored). */
export function sessionArguments(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(SESSION_EXTENSION))
    .map((arg) => resolve(arg))
}

/** Opens `path` in `window` once its page has loaded. */
export function openFromSystem(window: BrowserWindow, files: AppFiles, path: string): void {
  const entry = files.rememberRecentPath(path)
  const contents = window.webContents
  const send = (): void =>
    sendEvent(contents, 'menu:command', { command: 'file:openRecent', recentId: entry.id })
  if (contents.isLoading()) contents.once('did-finish-load', send)
  else send()
}
