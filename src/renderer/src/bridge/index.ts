/** The one way the UI reaches the host, in Electron and in a plain browser alike. */
import type { RefscopeBridge } from '../../../shared/ipc.ts'
import { createWebBridge } from './webBridge.ts'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    refscope?: RefscopeBridge
  }
}

let web: RefscopeBridge | null = null

/** The preload's bridge under Electron, else (once) a WebSocket bridge to the browser host. */
export function getBridge(): RefscopeBridge {
  if (window.refscope) return window.refscope
  web ??= createWebBridge()
  return web
}
