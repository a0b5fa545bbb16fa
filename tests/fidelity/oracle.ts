/**
 * Runs the probe oracle (probe_oracle.py) in a fresh Pyodide loaded directly in this process:
 * nothing of the engine (worker, tracer, trace model) is involved.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { loadPyodide } from 'pyodide'
import type { PyProxy } from 'pyodide/ffi'

/** One probe: the line about to run, its function, and each visible name's refcount. */
export type ProbeRecord = [number, string, Record<string, number | 'immortal'>]

/** What the untraced run produced. */
export interface OracleResult {
  records: ProbeRecord[]
  stdout: string
  /** Type name of the uncaught exception, if any. */
  error: string | null
}

const oracleSource = readFileSync(new URL('./probe_oracle.py', import.meta.url), 'utf8')
const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))

/**
 * Run `source` untraced in one fresh interpreter, twice: first plainly (the true untraced
 * output, collector timing included, from a fresh state like the engine's), then with probes.
 */
export async function runOracle(
  source: string,
): Promise<{ plain: OracleResult; probed: OracleResult }> {
  const py = await loadPyodide({ indexURL: pyodideDir + '/', stdout: () => {}, stderr: () => {} })
  const namespace = py.runPython('{}') as PyProxy
  py.runPython(oracleSource, { globals: namespace, filename: 'probe_oracle.py' })
  const run = namespace.get('run') as (source: string, probes: boolean) => PyProxy
  const once = (probes: boolean): OracleResult => {
    const result = run(source, probes)
    const [records, stdout, error] = result.toJs({ dict_converter: Object.fromEntries }) as [
      ProbeRecord[],
      string,
      string | undefined,
    ]
    result.destroy()
    return { records, stdout, error: error ?? null }
  }
  const plain = once(false)
  const probed = once(true)
  return { plain, probed }
}
