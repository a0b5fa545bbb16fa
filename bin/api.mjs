// The Node API (`import { traceSource, Engine } from 'refscope'`), loaded through tsx.
import { register } from 'tsx/esm/api'

register()
const api = await import('../src/engine/index.ts')

export const { Engine, TraceModel, traceSource, DEFAULT_OPTIONS } = api
