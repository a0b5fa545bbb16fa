/**
 * JavaScript-level walls around the interpreter, applied inside the worker after Pyodide has
 * loaded and before any user code runs. Python can still call into JavaScript through
 * Pyodide's proxies and Emscripten's imports; these make every such road a dead end.
 */
import Module from 'node:module'

/** Raised (as a JavaScript error, seen in Python as JsException) when a blocked road is taken. */
export class SandboxError extends Error {
  override name = 'SandboxError'
}

const refuse = (what: string) =>
  function blocked(): never {
    throw new SandboxError(`${what} is disabled in Refscope's sandbox`)
  }

/**
 * Refuse wasm memory growth past `maxBytes`. Emscripten grows the heap through
 * `WebAssembly.Memory.prototype.grow`; a refusal there makes malloc fail, and CPython raises
 * MemoryError while the interpreter lives on. Must run before the interpreter is created.
 */
export function capWasmMemory(maxBytes: number): void {
  const grow = WebAssembly.Memory.prototype.grow
  WebAssembly.Memory.prototype.grow = function cappedGrow(
    this: WebAssembly.Memory,
    pages: number,
  ): number {
    if (this.buffer.byteLength + pages * 65536 > maxBytes) {
      throw new RangeError(`Refscope's interpreter heap is capped at ${maxBytes} bytes`)
    }
    return grow.call(this, pages)
  }
}

/** A child_process stand-in: every command "fails to start" (exit status 126). */
const deadChildProcess = {
  spawnSync: () => ({ status: 126, signal: null, output: [], pid: 0, stdout: null, stderr: null }),
  execSync: refuse('Starting processes'),
  spawn: refuse('Starting processes'),
  exec: refuse('Starting processes'),
  execFile: refuse('Starting processes'),
  fork: refuse('Starting processes'),
}

/** A `ws` stand-in: sockets cannot be opened. */
class DeadWebSocket {
  constructor() {
    throw new SandboxError('Network access is disabled in Refscope\'s sandbox')
  }
}

/**
 * Close every JavaScript road out of the worker: code generation from strings, module
 * loading (require / getBuiltinModule), process bindings, environment, network globals.
 */
export function lockDownJavaScript(): void {
  const moduleInternals = Module as unknown as {
    _load: (request: string) => unknown
    prototype: { require: (request: string) => unknown }
  }
  const replacements: Record<string, unknown> = {
    'node:child_process': deadChildProcess,
    child_process: deadChildProcess,
    ws: DeadWebSocket,
  }
  const load = (request: string): unknown => {
    if (request in replacements) return replacements[request]
    throw new SandboxError(`Loading '${request}' is disabled in Refscope's sandbox`)
  }
  moduleInternals._load = load
  moduleInternals.prototype.require = load

  const globals = globalThis as Record<string, unknown>
  globals.eval = refuse('JavaScript eval')
  for (const fn of [
    function () {},
    async function () {},
    function* () {},
    async function* () {},
  ]) {
    const prototype = Object.getPrototypeOf(fn) as object
    Object.defineProperty(prototype, 'constructor', {
      value: refuse('The Function constructor'),
      writable: false,
      configurable: false,
    })
  }
  for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'Request']) {
    globals[name] = undefined
  }
  const proc = process as unknown as Record<string, unknown>
  for (const name of [
    'binding',
    '_linkedBinding',
    'dlopen',
    'getBuiltinModule',
    'chdir',
    'kill',
    'setuid',
    'setgid',
    'umask',
    'abort',
    'reallyExit',
    'openStdin',
    'mainModule',
  ]) {
    try {
      proc[name] = refuse(`process.${name}`)
    } catch {
      // Some are read-only on some Node versions; the module loader wall still stands.
    }
  }
  proc.env = {}
}
