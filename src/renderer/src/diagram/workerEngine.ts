import ElkApi from 'elkjs/lib/elk-api.js'
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url'
import type { LayoutEngine } from './layout'
import { defaultLayoutEngine } from './model'

let engine: LayoutEngine | null = null

/**
 * ELK running in a Web Worker so large layouts never block input; falls back to the in-thread
 * ELK where workers are unavailable.
 */
export function workerLayoutEngine(): LayoutEngine {
  if (engine) return engine
  try {
    const worker = new ElkApi({ workerUrl: elkWorkerUrl })
    engine = {
      layout: (graph) =>
        worker.layout(graph).catch(() => {
          engine = defaultLayoutEngine()
          return engine.layout(graph)
        }),
    }
  } catch {
    engine = defaultLayoutEngine()
  }
  return engine
}
