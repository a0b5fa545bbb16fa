// Starts the TypeScript worker from source (CLI, tests, browser host): register the TS loader
// in this thread, then load the worker. The Electron build bundles worker.ts instead.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
