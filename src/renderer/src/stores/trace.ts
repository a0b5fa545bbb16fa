import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { TRACE_FORMAT } from '../../../shared/trace'
import type { PythonInfo, TraceDocument, TraceOutcome, TraceStep } from '../../../shared/trace'
import * as nav from '../logic/navigation'
import type { TraceOutline } from '../logic/navigation'
import type { EngineState, TraceProgress } from '../../../shared/ipc'
import { engineBridge, hasEngineBridge } from './enginePort'
import { engineStatus, stopReason } from './engineState'
import { OutputLog } from './outputLog'
import type { OutputEntry } from './outputLog'
import { StepCache } from './stepCache'
import { useSessionStore } from './session'

/** How long the summary pump waits for a progress event before polling anyway. */
const PROGRESS_POLL_MS = 200

/** One run of the engine: its streamed outline, cached steps, position and outcome. */
export const useTraceStore = defineStore('trace', () => {
  const session = useSessionStore()

  const python = ref<PythonInfo | null>(null)
  const hostState = ref<EngineState | null>(null)
  const failure = ref<string | null>(null)

  const runId = ref<number | null>(null)
  /** The code the current trace was recorded from. */
  const runSource = ref<string | null>(null)
  const running = ref(false)
  const done = ref(false)
  const outcome = ref<TraceOutcome | null>(null)
  const outline = shallowRef<TraceOutline>({ events: [], lines: [], depths: [] })
  const currentIndex = ref(0)
  const currentStep = shallowRef<TraceStep | null>(null)
  const previousStep = shallowRef<TraceStep | null>(null)
  const output = shallowRef<OutputEntry[]>([])

  let cache: StepCache | null = null
  let log = new OutputLog()
  /** Pieces of output currently shown (see OutputLog.countUpTo). */
  let outputCount = 0
  let outputScan: Promise<void> = Promise.resolve()
  let navigationToken = 0
  /** Token of the latest navigation whose step has been shown (or skipped). */
  let shownToken = 0
  let navigation: Promise<void> | null = null
  let outputRefresh: Promise<void> = Promise.resolve()
  let runCounter = 0
  let wakePump: (() => void) | null = null
  let unsubscribe: (() => void) | null = null

  /** Steps recorded so far. */
  const length = computed(() => outline.value.events.length)
  /** True when a trace with at least one step is loaded. */
  const hasSteps = computed(() => length.value > 0)
  /** The editor's code differs from the code that was traced. */
  const stale = computed(() => runSource.value !== null && runSource.value !== session.code)
  /** Engine state for the status bar. */
  const status = computed(() =>
    engineStatus({
      hostState: hostState.value,
      running: running.value,
      outcome: outcome.value,
      failure: failure.value,
    }),
  )
  /** Why the last run was stopped, if it was. */
  const reason = computed(() => stopReason(outcome.value))
  /** The program's error (runtime or syntax), if the run ended with one. */
  const error = computed(() => outcome.value?.error ?? null)
  /** Line of the current step. */
  const currentLine = computed(() => outline.value.lines[currentIndex.value] ?? null)
  /** Line of the step before the current one (the line that just ran). */
  const previousLine = computed(() =>
    currentIndex.value > 0 ? (outline.value.lines[currentIndex.value - 1] ?? null) : null,
  )
  /** Enabled state of backward/forward controls. */
  const availability = computed(() => nav.moveAvailability(outline.value, currentIndex.value))

  function ensureSubscribed(): void {
    if (unsubscribe || !hasEngineBridge()) return
    unsubscribe = engineBridge().on('trace:progress', (progress: TraceProgress) => {
      if (progress.runId === runId.value) wakePump?.()
    })
  }

  /** Asks the host for the interpreter and engine state, polling while it loads. */
  async function refreshEngineInfo(): Promise<void> {
    if (!hasEngineBridge()) return
    ensureSubscribed()
    try {
      const info = await engineBridge().engineInfo()
      python.value = info.python
      hostState.value = info.state
      if (info.state === 'error') failure.value = info.error ?? 'The Python engine failed to load'
      if (info.state === 'loading') setTimeout(() => void refreshEngineInfo(), 500)
    } catch (cause) {
      failure.value = cause instanceof Error ? cause.message : String(cause)
    }
  }

  function resetRun(source: string): void {
    navigationToken++
    // Navigations of the previous run never show their steps now.
    shownToken = navigationToken
    runSource.value = source
    running.value = true
    done.value = false
    outcome.value = null
    failure.value = null
    outline.value = { events: [], lines: [], depths: [] }
    currentIndex.value = 0
    currentStep.value = null
    previousStep.value = null
    output.value = []
    outputCount = 0
    log = new OutputLog()
    cache?.clear()
    cache = null
  }

  /** Traces `source` (the session's code by default), replacing any active run. */
  async function run(source: string = session.code): Promise<void> {
    ensureSubscribed()
    // The host cancels this window's previous run when a new one starts.
    resetRun(source)
    runId.value = null
    const attempt = ++runCounter
    try {
      const started = await engineBridge().run({ source })
      if (attempt !== runCounter) return
      runId.value = started.runId
      const id = started.runId
      cache = new StepCache((from, to) => engineBridge().steps({ runId: id, from, to }))
      await pump(id)
    } catch (cause) {
      running.value = false
      failure.value = cause instanceof Error ? cause.message : String(cause)
    }
  }

  async function pump(id: number): Promise<void> {
    while (runId.value === id) {
      const summary = await engineBridge().summary({ runId: id, from: outline.value.events.length })
      if (runId.value !== id) return
      const current = outline.value
      const wasEmpty = current.events.length === 0
      if (summary.events.length > 0) {
        outline.value = {
          events: current.events.concat(summary.events),
          lines: current.lines.concat(summary.lines),
          depths: current.depths.concat(summary.depths),
        }
      }
      if (wasEmpty && outline.value.events.length > 0) void goTo(0)
      if (summary.done) {
        done.value = true
        running.value = false
        outcome.value = summary.outcome
        return
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, PROGRESS_POLL_MS)
        wakePump = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wakePump = null
    }
  }

  /** Stops the active run; what was recorded stays navigable. */
  async function cancel(): Promise<void> {
    if (runId.value === null || !running.value) return
    await engineBridge().cancel({ runId: runId.value })
    wakePump?.()
  }

  /** Fetches a step through the cache. */
  async function fetchStep(index: number): Promise<TraceStep | null> {
    return cache ? cache.get(index, length.value) : null
  }

  /**
   * Makes the log cover steps up to `upTo`. The host indexes output per run, so a long jump is
   * one small request; requests run one after another, each extending the log where it stands.
   */
  function scanOutput(upTo: number): Promise<void> {
    const id = runId.value
    const current = log
    outputScan = outputScan
      .then(async () => {
        if (id === null || runId.value !== id || log !== current || current.scanned > upTo) return
        const from = current.scanned
        const reply = await engineBridge().output({ runId: id, from, to: upTo + 1 })
        current.addRange(reply.entries, reply.to, from)
      })
      .catch(() => undefined)
    return outputScan
  }

  /**
   * Shows step `index` (clamped): loads it and its predecessor, then the output up to it.
   * Resolves once the latest requested step is shown with its output. Requests made while a
   * step loads are coalesced: only the latest is loaded next, so dragging the timeline over a
   * long trace loads a step per frame at most, never every step passed over.
   */
  function goTo(index: number): Promise<void> {
    if (!hasSteps.value) return Promise.resolve()
    currentIndex.value = nav.clampIndex(outline.value, index)
    navigationToken++
    navigation ??= showLatest().finally(() => {
      navigation = null
    })
    return navigation.then(() => outputRefresh)
  }

  async function showLatest(): Promise<void> {
    while (shownToken < navigationToken) {
      const token = navigationToken
      const target = currentIndex.value
      const [step, before] = await Promise.all([
        fetchStep(target),
        target > 0 ? fetchStep(target - 1) : Promise.resolve(null),
      ])
      // A run started meanwhile: its own navigation takes over.
      if (token <= shownToken) continue
      shownToken = token
      if (!step) continue
      currentStep.value = step
      previousStep.value = before
      if (token === navigationToken) outputRefresh = refreshOutput(token, target)
    }
  }

  async function refreshOutput(token: number, target: number): Promise<void> {
    await scanOutput(target)
    if (token !== navigationToken) return
    // The same pieces as shown: keep the array, so the console does not re-render.
    const count = log.countUpTo(target)
    if (count !== outputCount) {
      outputCount = count
      output.value = log.upTo(target)
    }
  }

  const breakpoints = () => session.breakpointSet
  const at = () => currentIndex.value

  /** Next step of any kind. */
  const stepForward = () => goTo(nav.stepForward(outline.value, at()))
  /** Previous step of any kind. */
  const stepBack = () => goTo(nav.stepBack(outline.value, at()))
  /** F10. */
  const stepOver = () => goTo(nav.stepOver(outline.value, breakpoints(), at()))
  /** F11. */
  const stepInto = () => goTo(nav.stepInto(outline.value, breakpoints(), at()))
  /** Shift+F11. */
  const stepOut = () => goTo(nav.stepOut(outline.value, breakpoints(), at()))
  /** F5 while paused. */
  const continueForward = () => goTo(nav.continueForward(outline.value, breakpoints(), at()))
  /** Back to the previous breakpoint hit. */
  const reverseContinue = () => goTo(nav.reverseContinue(outline.value, breakpoints(), at()))
  /** Ctrl+F10. */
  const runToLine = (line: number) => goTo(nav.runToLine(outline.value, breakpoints(), at(), line))
  /** First step. */
  const firstStep = () => goTo(nav.firstStep())
  /** Last known step. */
  const lastStep = () => goTo(nav.lastStep(outline.value))

  /** Refcount history of one object over the whole trace (null where it is absent). */
  async function refcountHistory(
    objectId: string,
    onChunk?: (values: (number | null)[]) => void,
    isCancelled: () => boolean = () => false,
    limit = 20_000,
  ): Promise<(number | null)[]> {
    const id = runId.value
    const total = Math.min(length.value, limit)
    const values: (number | null)[] = []
    for (let from = 0; from < total && id !== null && runId.value === id; from += 500) {
      const steps = await engineBridge().steps({ runId: id, from, to: Math.min(total, from + 500) })
      if (isCancelled()) return values
      for (const step of steps) {
        const object = step.objects[objectId]
        values.push(object ? (object.immortal ? null : object.refcount) : null)
      }
      onChunk?.(values)
    }
    return values
  }

  /** The recorded trace as a `refscope-trace/1` document (steps fetched in chunks). */
  async function exportDocument(): Promise<TraceDocument | null> {
    const id = runId.value
    if (id === null || !python.value || !outcome.value || runSource.value === null) return null
    const steps: TraceStep[] = []
    for (let from = 0; from < length.value; from += 500) {
      const to = Math.min(length.value, from + 500)
      steps.push(...(await engineBridge().steps({ runId: id, from, to })))
    }
    return {
      format: TRACE_FORMAT,
      python: python.value,
      source: runSource.value,
      steps,
      outcome: outcome.value,
    }
  }

  return {
    exportDocument,
    python,
    hostState,
    failure,
    runId,
    runSource,
    running,
    done,
    outcome,
    outline,
    length,
    hasSteps,
    currentIndex,
    currentStep,
    previousStep,
    currentLine,
    previousLine,
    output,
    stale,
    status,
    reason,
    error,
    availability,
    refreshEngineInfo,
    run,
    cancel,
    goTo,
    fetchStep,
    stepForward,
    stepBack,
    stepOver,
    stepInto,
    stepOut,
    continueForward,
    reverseContinue,
    runToLine,
    firstStep,
    lastStep,
    refcountHistory,
  }
})
