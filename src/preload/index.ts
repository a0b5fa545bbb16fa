/**
 * Exposes exactly the IPC contract as `window.refscope`; the raw ipcRenderer never leaves
 * this file. Built as CommonJS because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  EVENT_CHANNELS,
  createBridge,
  type EventChannel,
  type EventChannels,
  type InvokeChannel,
  type ReplyOf,
  type RequestOf,
} from '../shared/ipc.ts'

function invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<ReplyOf<C>>
}

function subscribe<E extends EventChannel>(
  event: E,
  listener: (payload: EventChannels[E]) => void,
): () => void {
  // The renderer may only listen to the contract's events, whatever it passes in.
  if (!(EVENT_CHANNELS as readonly string[]).includes(event)) {
    throw new Error(`Unknown event ${String(event)}`)
  }
  const handler = (_event: IpcRendererEvent, payload: EventChannels[E]): void => listener(payload)
  ipcRenderer.on(event, handler)
  return () => {
    ipcRenderer.removeListener(event, handler)
  }
}

contextBridge.exposeInMainWorld('refscope', createBridge(invoke, subscribe))
