/** One row of the keyboard reference. */
export interface ShortcutRow {
  keys: string
  action: string
}

/** The debugger's keyboard shortcuts (VS Code keys where VS Code has them). */
export const SHORTCUTS: readonly ShortcutRow[] = [
  { keys: 'F5', action: 'Run; Continue to the next breakpoint while paused' },
  { keys: 'Shift+F5', action: 'Cancel the run' },
  { keys: 'F10', action: 'Step over' },
  { keys: 'F11', action: 'Step into' },
  { keys: 'Shift+F11', action: 'Step out' },
  { keys: 'Shift+F10 or Alt+←', action: 'Step back' },
  { keys: 'Alt+→', action: 'Step forward (next step of any kind)' },
  { keys: 'Ctrl+F10', action: 'Run to cursor' },
  { keys: 'Home / End', action: 'First / last step (outside the editor)' },
  { keys: 'Click the gutter', action: 'Toggle a breakpoint' },
]
