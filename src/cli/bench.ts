/**
 * `npm run bench`: traces fixed workloads and prints steps, steps per second, stored bytes per
 * step and the traced/untraced time ratio, each measured in this same run. `--json` prints one
 * JSON object instead of the table; `--ui` measures the workbench instead (see benchUi.ts) and
 * `--exports` the teacher's handout-and-player flow (benchExports.ts).
 */
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadPyodide } from 'pyodide'
import { Engine } from '../engine/index.ts'

/** One benchmark workload. */
interface Workload {
  name: string
  source: string
  maxSteps?: number
}

const WORKLOADS: Workload[] = [
  { name: 'loop-100k', source: 'total = 0\nfor i in range(100000):\n    total += i\n' },
  {
    name: 'fib-20',
    source:
      'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nresult = fib(20)\n',
  },
  { name: 'dict-10k', source: 'd = {}\nfor i in range(10000):\n    d[i] = i * i\n' },
  {
    name: 'classes',
    source: [
      'class Point:',
      '    def __init__(self, x, y):',
      '        self.x = x',
      '        self.y = y',
      '    def moved(self, dx):',
      '        return Point(self.x + dx, self.y)',
      '',
      'points = []',
      'p = Point(0, 0)',
      'for i in range(3000):',
      '    p = p.moved(1)',
      '    if i % 10 == 0:',
      '        points.append(p)',
      '',
    ].join('\n'),
  },
  { name: 'million-steps', source: 'n = 0\nwhile True:\n    n += 1\n', maxSteps: 1_000_000 },
]

/** Figures for one workload. */
interface Result {
  workload: string
  steps: number
  outcome: string
  tracedMs: number
  untracedMs: number
  stepsPerSecond: number
  bytesPerStep: number
  ratio: number
  heapUsedMB: number
}

async function untracedMs(source: string, maxSteps?: number): Promise<number> {
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))
  const py = await loadPyodide({ indexURL: pyodideDir + '/', stdout: () => {} })
  // An endless workload is bounded by its step budget when traced: time the same number of
  // iterations untraced (two steps per iteration).
  const code = maxSteps ? source.replace('while True:', `for _ in range(${maxSteps / 2}):`) : source
  py.runPython('import gc; gc.collect()')
  const started = performance.now()
  py.runPython(code, { globals: py.toPy({}) })
  return performance.now() - started
}

async function measure(engine: Engine, workload: Workload): Promise<Result> {
  await engine.ready()
  const started = performance.now()
  const model = await engine.run(workload.source, {
    maxSteps: workload.maxSteps ?? 5_000_000,
    timeoutMs: 600_000,
  }).done
  const tracedMs = performance.now() - started
  const baseline = await untracedMs(workload.source, workload.maxSteps)
  const outcome = model.outcome
  return {
    workload: workload.name,
    steps: model.length,
    outcome:
      outcome?.status === 'stopped' ? `stopped (${outcome.reason})` : (outcome?.status ?? '?'),
    tracedMs: Math.round(tracedMs),
    untracedMs: Math.round(baseline * 10) / 10,
    stepsPerSecond: Math.round(model.length / (tracedMs / 1000)),
    bytesPerStep: Math.round(model.storedBytes / model.length),
    ratio: Math.round(tracedMs / baseline),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  }
}

/** Run every workload (or those named on the command line) and print the figures. */
export async function bench(argv: string[]): Promise<void> {
  if (argv.includes('--exports')) {
    const { benchExports } = await import('./benchExports.ts')
    await benchExports(argv)
    return
  }
  if (argv.includes('--ui')) {
    const { benchUi } = await import('./benchUi.ts')
    await benchUi(argv)
    return
  }
  const json = argv.includes('--json')
  const names = argv.filter((arg) => !arg.startsWith('--'))
  const engine = new Engine({ warmSpare: true })
  const results: Result[] = []
  try {
    for (const workload of WORKLOADS) {
      if (names.length && !names.includes(workload.name)) continue
      const result = await measure(engine, workload)
      results.push(result)
      if (!json) {
        console.log(
          `${result.workload.padEnd(14)} ${String(result.steps).padStart(8)} steps  ` +
            `${String(result.stepsPerSecond).padStart(7)} steps/s  ` +
            `${String(result.bytesPerStep).padStart(4)} B/step  ` +
            `traced ${result.tracedMs} ms / untraced ${result.untracedMs} ms = ×${result.ratio}  ` +
            `${result.outcome}`,
        )
      }
    }
  } finally {
    await engine.dispose()
  }
  if (json) console.log(JSON.stringify({ results }))
}
