/** The real engine: CPython in WebAssembly, in worker threads. */
import { Engine } from '../engine/index.ts'
import type { EngineLike } from './engineTypes.ts'

/** Makes the Pyodide engine, keeping a spare worker warm so the next run starts at once. */
export function createDefaultEngine(): EngineLike {
  return new Engine({ warmSpare: true })
}
