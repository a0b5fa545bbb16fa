/** Typed pushes from main to a renderer. */
import type { WebContents } from 'electron'
import type { EventChannel, EventChannels } from '../shared/ipc.ts'

/** Sends one contract event to a renderer, unless it is already gone. */
export function sendEvent<E extends EventChannel>(
  contents: WebContents,
  event: E,
  payload: EventChannels[E],
): void {
  if (!contents.isDestroyed()) contents.send(event, payload)
}
