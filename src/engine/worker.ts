/**
 * The engine worker: a fresh CPython 3.14 (Pyodide) per run, locked down, running tracer.py.
 * Started by EngineHost; speaks the protocol in protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { PyodideAPI } from 'pyodide'
import type { PyProxy } from 'pyodide/ffi'
import type { HostToWorker, RunRequest, WorkerInit, WorkerToHost } from './protocol.ts'
import type { PythonInfo, TraceOutcome } from '../shared/trace.ts'
import { capWasmMemory, lockDownJavaScript, lockDownPyodide } from './sandbox.ts'

const init = workerData as WorkerInit
const port = parentPort!
const cancelFlag = new Int32Array(init.cancelFlag)

function send(message: WorkerToHost): void {
  port.postMessage(message)
}

/**
 * Python that removes Python's own roads to JavaScript and the host, after the tracer loaded.
 * Only the first, friendly wall: ctypes can undo anything here, so the real walls are the
 * JavaScript ones in sandbox.ts. What this buys is a clear Python error for the usual tries.
 */
const PYTHON_LOCKDOWN = `
import sys, os
_CLOSED = {
    'js': 'JavaScript', 'pyodide_js': 'JavaScript', 'pyodide.code': 'JavaScript',
    'pyodide.http': 'network access', 'pyodide_http': 'network access',
    'micropip': 'installing packages',
    'socket': 'network access', '_socket': 'network access', 'ssl': 'network access',
    '_ssl': 'network access', 'subprocess': 'starting processes',
    '_posixsubprocess': 'starting processes',
}
class _ClosedFinder:
    """First entry on sys.meta_path: refuses the modules that lead out of the sandbox."""
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        what = _CLOSED.get(name)
        if what is None:
            return None
        raise ModuleNotFoundError(
            "No module named %r: %s is not available in Refscope's sandbox" % (name, what),
            name=name,
        )
for name in _CLOSED:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, _ClosedFinder)
def _refuse(what):
    def refused(*args, **kwargs):
        raise PermissionError(what + " is not available in Refscope's sandbox")
    return refused
for name in ('system', 'popen', 'fork', 'forkpty', 'execv', 'execve', 'execl', 'execle', 'execlp',
             'execlpe', 'execvp', 'execvpe', 'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv',
             'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn', 'posix_spawnp', 'kill', 'killpg'):
    if hasattr(os, name):
        setattr(os, name, _refuse('os.' + name + '() (starting or signalling processes)'))
os.environ.clear()
# Where the worker script lives on the host is not the program's business.
sys.executable = sys._base_executable = ''
sys.orig_argv = []
_install_offline_import_hook()
del _refuse, name, _ClosedFinder
`

async function start(): Promise<void> {
  capWasmMemory(init.maxHeapBytes)
  const { loadPyodide } = (await import(
    pathToFileURL(join(init.pyodideDir, 'pyodide.mjs')).href
  )) as typeof import('pyodide')
  const py: PyodideAPI = await loadPyodide({
    indexURL: init.pyodideDir + '/',
    jsglobals: {},
    env: { HOME: '/home/pyodide' },
    stdout: () => {},
    stderr: () => {},
    checkAPIVersion: true,
  })

  // The tracer lives in a private namespace with its own copy of the builtins.
  const namespace = py.runPython('{}') as PyProxy
  namespace.set('__builtins__', py.runPython('dict(__import__("builtins").__dict__)'))
  namespace.set('__name__', 'refscope_tracer')
  py.runPython(init.tracerSource, { globals: namespace, filename: 'refscope/tracer.py' })

  const python = (
    py.runPython(
      `import sys; {'implementation': 'CPython', 'version': '%d.%d.%d' % sys.version_info[:3], 'platform': sys.platform + '-wasm32'}`,
    ) as PyProxy
  ).toJs({ dict_converter: Object.fromEntries }) as PythonInfo

  // Nothing from here on may reach the host: close Pyodide's own doors, then JavaScript's.
  lockDownPyodide(py)
  py.runPython(PYTHON_LOCKDOWN, { globals: namespace })
  lockDownJavaScript()

  port.once('message', (message: HostToWorker) => {
    if (message.type === 'run') run(py, namespace, message)
  })
  send({ type: 'ready', python })
}

function run(py: PyodideAPI, namespace: PyProxy, request: RunRequest): void {
  let finished = false
  const finish = (outcome: TraceOutcome): void => {
    if (finished) return
    finished = true
    send({ type: 'done', id: request.id, outcome })
  }
  let overflow: number[] = []
  const host = {
    emit(batch: string): number {
      if (batch) send({ type: 'steps', id: request.id, batch })
      return Atomics.load(cancelFlag, 0)
    },
    finish(outcomeJson: string): void {
      finish(JSON.parse(outcomeJson) as TraceOutcome)
    },
    drainOverflow(): string {
      const text = overflow.join(',')
      overflow = []
      return text
    },
  }
  try {
    const Tracer = namespace.get('Tracer') as PyProxy & ((...args: unknown[]) => PyProxy)
    const options = py.toPy(request.options) as PyProxy
    const tracer = Tracer(host, options)
    const [bitmap, freedList, capacity] = (
      tracer.prepare_free_watch(init.maxHeapBytes) as PyProxy
    ).toJs() as number[]
    const module = (py as unknown as { _module: EmscriptenLike })._module
    // Called by CPython for every object it deallocates (PyRefTracer_DESTROY = 1). It must
    // not allocate Python objects, so it only flips bits and appends to a C array.
    const onRefEvent = (address: number, event: number): number => {
      if (event !== 1) return 0
      const heap = module.HEAPU8
      const byte = bitmap + (address >>> 6)
      const bit = 1 << ((address >>> 3) & 7)
      if ((address & 7) === 0 && heap[byte] & bit) {
        heap[byte] &= ~bit
        const words = module.HEAP32
        const base = freedList >>> 2
        const count = words[base]
        if (count < capacity) {
          words[base + 2 + count] = address
          words[base] = count + 1
        } else {
          overflow.push(address)
          words[base + 1] = 1
        }
      }
      return 0
    }
    tracer.install_free_watch(module.addFunction(onRefEvent, 'iiii'))
    const outcomeJson = tracer.run(request.source) as string
    finish(JSON.parse(outcomeJson) as TraceOutcome)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const memory = /memory|heap/i.test(message) && !/SandboxError/.test(message)
    if (memory) finish({ status: 'stopped', reason: 'memory' })
    else
      finish({
        status: 'error',
        error: { type: 'EngineError', message: firstLine(message), line: null },
      })
  }
}

interface EmscriptenLike {
  HEAPU8: Uint8Array
  HEAP32: Int32Array
  addFunction(fn: (...args: number[]) => number, signature: string): number
}

function firstLine(text: string): string {
  const lines = text.trim().split('\n')
  return lines[lines.length - 1] ?? text
}

start().catch((error: unknown) => {
  send({
    type: 'failed',
    id: null,
    message: error instanceof Error ? error.message : String(error),
  })
})
