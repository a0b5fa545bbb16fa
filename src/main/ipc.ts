/**
 * Wires the IPC contract to the trace service: every request is checked for its sender (only
 * the app's own pages) and its shape before the service sees it.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { AppFiles } from '../host/appFiles.ts'
import { createDispatch } from '../host/dispatch.ts'
import type { HostClient, TraceService } from '../host/traceService.ts'
import { INVOKE_CHANNELS } from '../shared/ipc.ts'
import { isAppUrl } from './appUrl.ts'
import { sendEvent } from './events.ts'

/** True when the request comes from the main frame of one of the app's own pages. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return !!frame && frame === event.sender.mainFrame && isAppUrl(frame.url)
}

/** Registers a handler for every invoke channel; returns a function that removes them. */
export function registerIpc(service: TraceService, files?: AppFiles): () => void {
  const dispatch = createDispatch(service, files)
  const clients = new Map<number, HostClient>()

  // One client per renderer: its run is cancelled when the renderer goes away.
  function clientFor(contents: WebContents): HostClient {
    let client = clients.get(contents.id)
    if (!client) {
      const created: HostClient = {
        id: `wc-${contents.id}`,
        emit: (event, payload) => sendEvent(contents, event, payload),
      }
      clients.set(contents.id, created)
      contents.once('destroyed', () => {
        clients.delete(contents.id)
        service.release(created)
        files?.forget(created.id)
      })
      // A reload starts the page afresh: its unsaved work becomes something to offer back.
      contents.on('did-navigate', () => files?.forget(created.id))
      client = created
    }
    return client
  }

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!isTrustedSender(event)) throw new Error(`Refused ${channel} from an untrusted sender`)
      return dispatch(clientFor(event.sender), channel, request)
    })
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
  }
}
