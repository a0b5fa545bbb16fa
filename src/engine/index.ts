/** The engine's public API (Node): used by the app's main process, the CLI and the tests. */
import type { TraceDocument, TraceOptions } from '../shared/trace.ts'
import { Engine } from './engine.ts'

export { Engine, DEFAULT_OPTIONS } from './engine.ts'
export type { EngineOptions, RunHandle } from './engine.ts'
export { TraceModel } from './traceModel.ts'

/** Trace one snippet on a fresh engine and return the whole trace document. */
export async function traceSource(
  source: string,
  options: TraceOptions = {},
): Promise<TraceDocument> {
  const engine = new Engine({ warmSpare: false, maxHeapBytes: options.maxHeapBytes })
  try {
    const model = await engine.run(source, options).done
    return model.toDocument()
  } finally {
    await engine.dispose()
  }
}
