/** Where the engine finds its files: Pyodide's distribution, tracer.py and the worker. */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** Folder of the bundled `pyodide` npm package (wasm, stdlib zip, lock file). */
export function defaultPyodideDir(): string {
  const require = createRequire(import.meta.url)
  return dirname(require.resolve('pyodide/package.json'))
}

/** tracer.py's source: next to this file (sources) or next to the bundled main (build). */
export function readTracerSource(): string {
  for (const candidate of [join(here, 'tracer.py'), join(here, '..', 'engine', 'tracer.py')]) {
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8')
  }
  throw new Error(`tracer.py not found next to ${here}`)
}

/** The worker to start: the bundled worker.js in a build, else the TypeScript source via tsx. */
export function defaultWorkerUrl(): URL {
  const built = new URL('./worker.js', import.meta.url)
  if (!import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(built))) return built
  return new URL('./worker-entry.mjs', import.meta.url)
}
