/** Remembers the main window's position and size across launches. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { app, screen, type BrowserWindow, type Rectangle } from 'electron'

/** Saved geometry of the main window. */
export interface WindowState {
  /** Normal (unmaximized) bounds. */
  bounds: Rectangle
  /** Whether the window was maximized. */
  maximized: boolean
}

const DEFAULT_STATE: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 820 },
  maximized: false,
}

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json')
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(r[k]))
}

/** True when the rectangle overlaps some display (a monitor may have been unplugged). */
function isOnScreen(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    return (
      bounds.x < a.x + a.width &&
      bounds.x + bounds.width > a.x &&
      bounds.y < a.y + a.height &&
      bounds.y + bounds.height > a.y
    )
  })
}

/** The saved state, or a default one when missing, corrupt or off every display. */
export function loadWindowState(): WindowState {
  try {
    const saved = JSON.parse(readFileSync(stateFile(), 'utf8')) as Record<string, unknown>
    if (isRectangle(saved['bounds']) && isOnScreen(saved['bounds'])) {
      return { bounds: saved['bounds'], maximized: saved['maximized'] === true }
    }
  } catch {
    // First launch or an unreadable file: fall back to the default.
  }
  const { workArea } = screen.getPrimaryDisplay()
  const width = Math.min(DEFAULT_STATE.bounds.width, workArea.width)
  const height = Math.min(DEFAULT_STATE.bounds.height, workArea.height)
  return {
    bounds: {
      x: workArea.x + Math.round((workArea.width - width) / 2),
      y: workArea.y + Math.round((workArea.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  }
}

/** Saves the window's geometry whenever it is about to close. */
export function trackWindowState(window: BrowserWindow): void {
  window.on('close', () => {
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    }
    try {
      writeFileSync(stateFile(), JSON.stringify(state))
    } catch {
      // Not worth failing a close over.
    }
  })
}
