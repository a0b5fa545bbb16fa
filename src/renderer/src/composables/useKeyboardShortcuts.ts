import { onBeforeUnmount, onMounted } from 'vue'
import type { DebugCommands } from './useDebugCommands'

/** True when the key event comes from a text field or the code editor. */
function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return (
    target.closest('.monaco-editor') !== null ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.isContentEditable
  )
}

/** Resolves a key event to the command it triggers (VS Code keys), or null. */
export function commandForKey(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>,
): keyof DebugCommands | null {
  const { key, shiftKey, ctrlKey, altKey, metaKey } = event
  const plain = !shiftKey && !ctrlKey && !altKey && !metaKey
  if (key === 'F5') return shiftKey ? 'cancel' : plain ? 'runOrContinue' : null
  if (key === 'F10') {
    if (ctrlKey && !shiftKey) return 'runToCursor'
    if (shiftKey && !ctrlKey) return 'stepBack'
    return plain ? 'stepOver' : null
  }
  if (key === 'F11') return shiftKey ? 'stepOut' : plain ? 'stepInto' : null
  if (altKey && !ctrlKey && !shiftKey && !metaKey) {
    if (key === 'ArrowLeft') return 'stepBack'
    if (key === 'ArrowRight') return 'stepForward'
  }
  if (plain && !isTyping(event.target)) {
    if (key === 'Home') return 'firstStep'
    if (key === 'End') return 'lastStep'
  }
  return null
}

/** Installs the global debugger shortcuts for the component's lifetime. */
export function useKeyboardShortcuts(commands: DebugCommands): void {
  function onKeyDown(event: KeyboardEvent): void {
    const name = commandForKey(event)
    if (!name) return
    event.preventDefault()
    event.stopPropagation()
    const command = commands[name]
    if (typeof command === 'function') (command as () => void)()
  }
  onMounted(() => window.addEventListener('keydown', onKeyDown, { capture: true }))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeyDown, { capture: true }))
}
