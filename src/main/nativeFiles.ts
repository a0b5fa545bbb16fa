/** Native Open/Save dialogs for sessions and exports; files are written atomically. */
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { BrowserWindow, app, dialog, webContents } from 'electron'
import { writeFileAtomic } from '../export/atomicWrite.ts'
import type { NativeFiles } from '../host/appFiles.ts'
import type { HostClient } from '../host/traceService.ts'
import { SESSION_EXTENSION, parseSession } from '../shared/session.ts'

const SESSION_FILTERS = [{ name: 'Refscope session', extensions: [SESSION_EXTENSION.slice(1)] }]

/** The window of an IPC client (`wc-ID`, see registerIpc). */
export function windowOf(client: HostClient): BrowserWindow | null {
  const id = Number(client.id.replace(/^wc-/, ''))
  const contents = Number.isInteger(id) ? webContents.fromId(id) : undefined
  return contents ? BrowserWindow.fromWebContents(contents) : null
}

/** Native dialogs that remember each window's session path. */
export function createNativeFiles(): NativeFiles {
  const paths = new Map<string, string>()
  let lastFolder = app.getPath('documents')

  async function askSavePath(client: HostClient, suggested: string): Promise<string | null> {
    const window = windowOf(client)
    const options = {
      defaultPath: join(lastFolder, suggested),
      filters: suggested.endsWith(SESSION_EXTENSION) ? SESSION_FILTERS : [],
    }
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    lastFolder = dirname(result.filePath)
    return result.filePath
  }

  // Save writes back to an opened file only if it parsed: a damaged or newer-format file is
  // never saved over (the renderer reports the problem and Save asks for a new path).
  function adoptSession(client: HostClient, path: string, text: string): void {
    paths.delete(client.id)
    try {
      parseSession(text, basename(path))
      paths.set(client.id, path)
    } catch {
      // left unadopted on purpose
    }
  }

  return {
    async saveSession(client, request) {
      let path = request.saveAs ? undefined : paths.get(client.id)
      path ??= (await askSavePath(client, request.suggestedName)) ?? undefined
      if (!path) return null
      writeFileAtomic(path, request.text)
      paths.set(client.id, path)
      app.addRecentDocument(path)
      return { name: basename(path), path }
    },
    async openSession(client) {
      const window = windowOf(client)
      const options = {
        defaultPath: lastFolder,
        filters: SESSION_FILTERS,
        properties: ['openFile' as const],
      }
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      const path = result.filePaths[0]
      if (result.canceled || !path) return null
      lastFolder = dirname(path)
      const text = readFileSync(path, 'utf8')
      adoptSession(client, path, text)
      app.addRecentDocument(path)
      return { name: basename(path), text, path }
    },
    adoptSession,
    chooseExportPath: (client, suggestedName) => askSavePath(client, suggestedName),
  }
}
