import { computed } from 'vue'
import { useSelectionStore } from '../stores/selection'
import { useTraceStore } from '../stores/trace'

/** The debugger's commands with their enabled states, shared by toolbar, keys and menus. */
export function useDebugCommands() {
  const trace = useTraceStore()
  const selection = useSelectionStore()

  const navigable = computed(() => trace.hasSteps && !trace.stale)
  const canGoBack = computed(() => navigable.value && trace.availability.canGoBack)
  const canGoForward = computed(() => navigable.value && trace.availability.canGoForward)
  const canRun = computed(() => trace.status !== 'loading')
  const canCancel = computed(() => trace.running)

  /** Traces the editor's code. */
  function run(): void {
    if (canRun.value) void trace.run()
  }

  /** F5: continue when paused on a current trace, else run. */
  function runOrContinue(): void {
    if (navigable.value && !trace.running && canGoForward.value) void trace.continueForward()
    else if (!trace.running || trace.stale) run()
  }

  /** Run to the editor cursor's line (Ctrl+F10). */
  function runToCursor(line = selection.cursorLine): void {
    if (canGoForward.value) void trace.runToLine(line)
  }

  return {
    canRun,
    canCancel,
    canGoBack,
    canGoForward,
    run,
    runOrContinue,
    runToCursor,
    cancel: () => void trace.cancel(),
    continueForward: () => canGoForward.value && void trace.continueForward(),
    reverseContinue: () => canGoBack.value && void trace.reverseContinue(),
    stepOver: () => canGoForward.value && void trace.stepOver(),
    stepInto: () => canGoForward.value && void trace.stepInto(),
    stepOut: () => canGoForward.value && void trace.stepOut(),
    stepBack: () => canGoBack.value && void trace.stepBack(),
    stepForward: () => canGoForward.value && void trace.stepForward(),
    firstStep: () => canGoBack.value && void trace.firstStep(),
    lastStep: () => canGoForward.value && void trace.lastStep(),
  }
}

/** The commands object returned by useDebugCommands. */
export type DebugCommands = ReturnType<typeof useDebugCommands>
