/** The native application menu; its commands go to the renderer as `menu:command` events. */
import { Menu, app, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand, RecentSession } from '../shared/ipc.ts'

/** Delivers a menu command to the focused window (with the Open Recent entry, if any). */
export type Send = (command: MenuCommand, recentId?: string) => void

function item(label: string, command: MenuCommand, send: Send, accelerator?: string) {
  return { label, accelerator, click: () => send(command) } satisfies MenuItemConstructorOptions
}

/** File → Open Recent: one item per session (its path as tooltip), then Clear. */
export function recentMenu(
  recent: readonly RecentSession[],
  send: Send,
  clearRecent: () => void,
): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No Recent Sessions', enabled: false }]
  return [
    ...recent.map((entry) => ({
      label: entry.name,
      toolTip: entry.path ?? undefined,
      click: () => send('file:openRecent', entry.id),
    })),
    { type: 'separator' },
    { label: 'Clear Recently Opened', click: clearRecent },
  ]
}

/** Builds the File, Edit, View, Run and Help menus (plus the app menu on macOS). */
export function buildMenu(
  send: Send,
  recent: readonly RecentSession[] = [],
  clearRecent: () => void = () => {},
): Menu {
  const mac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        item('New Session', 'file:new', send, 'CmdOrCtrl+N'),
        item('Open…', 'file:open', send, 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentMenu(recent, send, clearRecent) },
        item('Save', 'file:save', send, 'CmdOrCtrl+S'),
        item('Save As…', 'file:saveAs', send, 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Export…', 'file:export', send, 'CmdOrCtrl+E'),
        item('Export Trace…', 'file:exportTrace', send, 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: 'Edit', role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        // The default F11 belongs to Step Into here.
        { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'CmdOrCtrl+Shift+F' },
      ],
    },
    {
      label: 'Run',
      submenu: [
        item('Run', 'run:run', send, 'F5'),
        item('Stop', 'run:stop', send, 'Shift+F5'),
        item('Continue', 'run:continue', send, 'F8'),
        { type: 'separator' },
        item('Step Over', 'run:stepOver', send, 'F10'),
        item('Step Into', 'run:stepInto', send, 'F11'),
        item('Step Out', 'run:stepOut', send, 'Shift+F11'),
        item('Step Back', 'run:stepBack', send, 'Shift+F10'),
        { type: 'separator' },
        item('Go to First Step', 'run:toStart', send, 'Alt+Home'),
        item('Go to Last Step', 'run:toEnd', send, 'Alt+End'),
      ],
    },
    {
      label: 'Help',
      role: 'help',
      submenu: [
        item('Keyboard Shortcuts', 'help:shortcuts', send, 'CmdOrCtrl+/'),
        { type: 'separator' },
        { label: `About ${app.name}`, click: () => app.showAboutPanel() },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
