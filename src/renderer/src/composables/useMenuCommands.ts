import { onBeforeUnmount, onMounted } from 'vue'
import type { MenuCommand, MenuCommandEvent } from '../../../shared/ipc'
import { engineBridge, hasEngineBridge } from '../stores/enginePort'
import type { DebugCommands } from './useDebugCommands'

/** Which debugger command each native menu item triggers. */
const MENU_ACTIONS: Partial<Record<MenuCommand, keyof DebugCommands>> = {
  'run:run': 'run',
  'run:stop': 'cancel',
  'run:continue': 'continueForward',
  'run:stepOver': 'stepOver',
  'run:stepInto': 'stepInto',
  'run:stepOut': 'stepOut',
  'run:stepBack': 'stepBack',
  'run:toStart': 'firstStep',
  'run:toEnd': 'lastStep',
}

/** Menu commands handled outside the debugger (files, help). */
export type AppMenuHandlers = Partial<Record<MenuCommand, (event: MenuCommandEvent) => void>>

/** Routes the native application menu's commands to the debugger and the app's handlers. */
export function useMenuCommands(commands: DebugCommands, handlers: AppMenuHandlers = {}): void {
  let unsubscribe: (() => void) | null = null
  onMounted(() => {
    if (!hasEngineBridge()) return
    unsubscribe = engineBridge().on('menu:command', (event) => {
      const { command } = event
      const own = handlers[command]
      if (own) return own(event)
      const action = MENU_ACTIONS[command]
      const handler = action ? commands[action] : null
      if (typeof handler === 'function') (handler as () => void)()
    })
  })
  onBeforeUnmount(() => unsubscribe?.())
}
