import type { RefscopeBridge } from '../../../shared/ipc'

let activeBridge: RefscopeBridge | null = null

/** Installs the bridge the stores talk to (the app's bridge, or a fake in tests). */
export function setEngineBridge(bridge: RefscopeBridge | null): void {
  activeBridge = bridge
}

/** The installed bridge; throws when none was installed. */
export function engineBridge(): RefscopeBridge {
  if (!activeBridge) throw new Error('No engine bridge installed')
  return activeBridge
}

/** True once a bridge is installed. */
export function hasEngineBridge(): boolean {
  return activeBridge !== null
}
