import { nextTick, ref, shallowRef, watch } from 'vue'
import { buildDiagram, DEFAULT_MAX_OBJECTS, LayoutCache, shareUnchanged } from '../diagram/model'
import type { DiagramModel } from '../diagram/model'
import { workerLayoutEngine } from '../diagram/workerEngine'
import { useSettingsStore } from '../stores/settings'
import { useTraceStore } from '../stores/trace'

/**
 * Keeps the diagram model in step with the trace: lays out the latest requested step only
 * (older requests are dropped while scrubbing) and reports which step is fully drawn.
 */
export function useDiagram() {
  const trace = useTraceStore()
  const settings = useSettingsStore()
  const model = shallowRef<DiagramModel | null>(null)
  /** Step index whose drawing (layout included) is on screen; null while none is. */
  const drawnIndex = ref<number | null>(null)
  /** Extra boxes allowed beyond the default cap (the "n more objects" affordance). */
  const maxObjects = ref(DEFAULT_MAX_OBJECTS)
  const layoutMs = ref(0)
  const cache = new LayoutCache()
  let generation = 0
  let busy = false
  let pending = false

  async function draw(): Promise<void> {
    if (busy) {
      pending = true
      return
    }
    busy = true
    try {
      do {
        pending = false
        const step = trace.currentStep
        const token = ++generation
        if (!step) {
          model.value = null
          drawnIndex.value = null
          continue
        }
        const started = performance.now()
        const next = await buildDiagram(step, trace.previousStep, {
          immortalInline: settings.immortalInline,
          maxObjects: maxObjects.value,
          previous: model.value,
          cache,
          engine: workerLayoutEngine(),
        })
        layoutMs.value = performance.now() - started
        if (token !== generation) continue
        // Drawn even when a newer step is already waiting: while the timeline is dragged, every
        // finished picture is shown on the way to the latest one instead of none at all.
        model.value = shareUnchanged(next, model.value)
        await nextTick()
        drawnIndex.value = next.stepIndex
      } while (pending)
    } finally {
      busy = false
    }
    schedulePrefetch()
  }

  /** Prefetches once the browser is idle, so it never delays painting the step just drawn. */
  function schedulePrefetch(): void {
    const whenIdle = (
      globalThis as {
        requestIdleCallback?: (run: () => void, options: { timeout: number }) => void
      }
    ).requestIdleCallback
    if (whenIdle) whenIdle(() => void prefetchNext(), { timeout: 500 })
    else setTimeout(() => void prefetchNext(), 0)
  }

  /** Lays out the next step in the background so stepping forward finds it cached. */
  async function prefetchNext(): Promise<void> {
    const current = model.value
    const step = trace.currentStep
    if (!current || !step || step.index + 1 >= trace.length) return
    const token = generation
    const next = await trace.fetchStep(step.index + 1)
    if (!next || token !== generation || busy) return
    await buildDiagram(next, step, {
      immortalInline: settings.immortalInline,
      maxObjects: maxObjects.value,
      previous: current,
      cache,
      engine: workerLayoutEngine(),
    })
  }

  watch(
    () => [trace.currentStep, trace.previousStep, settings.immortalInline, maxObjects.value],
    () => {
      drawnIndex.value = null
      void draw()
    },
    { immediate: true },
  )
  watch(
    () => trace.runId,
    () => (maxObjects.value = DEFAULT_MAX_OBJECTS),
  )

  /** Draws more of a large heap. */
  function showMore(): void {
    maxObjects.value += DEFAULT_MAX_OBJECTS
  }

  return { model, drawnIndex, layoutMs, showMore }
}
