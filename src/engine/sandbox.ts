/**
 * JavaScript-level walls around the interpreter, applied inside the worker after Pyodide has
 * loaded and before any user code runs.
 *
 * The threat model: the snippet is hostile and Python offers no wall of its own (ctypes reads
 * and writes the whole wasm memory and calls any exported C function, so it can reach every
 * JavaScript value Pyodide keeps and every JavaScript function wasm imports). So the walls
 * are here, in the worker's own JavaScript realm: every Node capability that touches the
 * host (files, processes, sockets, DNS, inspector, code generation, environment) is replaced
 * in place by a refusal, so whatever JavaScript road Python finds ends at one.
 *
 * Worker threads have their own instances of Node's built-in modules, so none of this
 * touches the main thread.
 */
import Module from 'node:module'

/** Raised (as a JavaScript error, seen in Python as JsException) when a blocked road is taken. */
export class SandboxError extends Error {
  override name = 'SandboxError'
  /** Node-style code: Emscripten's NODEFS turns it into EACCES, a clean Python OSError. */
  readonly code = 'EACCES'
}

const refusal = (what: string): SandboxError =>
  new SandboxError(`${what} is disabled in Refscope's sandbox`)

const refuse = (what: string) =>
  function blocked(): never {
    throw refusal(what)
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
const deadChildProcess = Object.freeze({
  spawnSync: () => ({ status: 126, signal: null, output: [], pid: 0, stdout: null, stderr: null }),
  execSync: refuse('Starting processes'),
  execFileSync: refuse('Starting processes'),
  spawn: refuse('Starting processes'),
  exec: refuse('Starting processes'),
  execFile: refuse('Starting processes'),
  fork: refuse('Starting processes'),
})

/**
 * An error Emscripten's system calls turn into a failing errno (EPERM) instead of letting it
 * unwind through the interpreter.
 */
class SyscallRefusal extends SandboxError {
  override name = 'ErrnoError'
  readonly errno = 63
}

/** A `ws` stand-in: sockets cannot be opened (connect, bind and listen fail with EPERM). */
class DeadWebSocket {
  constructor() {
    throw new SyscallRefusal("Network access is disabled in Refscope's sandbox")
  }

  static Server = DeadWebSocket
}

/**
 * Built-in modules the worker keeps as they are: pure computation, streams, events, timers,
 * or (`crypto`) needed by Emscripten at run time. Every other built-in, including ones a
 * future Node adds, is closed: every function (and every method of every class) it exports
 * is replaced by a refusal. `module`, `process` and `worker_threads` are handled apart.
 */
const OPEN_MODULES = new Set([
  '_stream_duplex',
  '_stream_passthrough',
  '_stream_readable',
  '_stream_transform',
  '_stream_wrap',
  '_stream_writable',
  'assert',
  'assert/strict',
  'async_hooks',
  'buffer',
  'console',
  'constants',
  'crypto',
  'diagnostics_channel',
  'domain',
  'events',
  'path',
  'path/posix',
  'path/win32',
  'perf_hooks',
  'punycode',
  'querystring',
  'stream',
  'stream/consumers',
  'stream/promises',
  'stream/web',
  'string_decoder',
  'sys',
  'timers',
  'timers/promises',
  'url',
  'util',
  'util/types',
  'zlib',
])

/** Built-ins handled apart from the generic closing. */
const SPECIAL_MODULES = new Set(['module', 'process', 'worker_threads'])

/** Built-ins reachable only with the `node:` prefix (absent from `builtinModules`). */
const PREFIX_ONLY_MODULES = ['test', 'test/reporters', 'sea', 'sqlite']

/** Exports kept in modules that are otherwise closed (plain values, no capability). */
const KEEP = new Set(['constants', 'EOL', 'devNull', 'default'])

/** `process` members that reach the host (signals, bindings, reports, files, identity). */
const PROCESS_CLOSED = [
  'binding',
  '_linkedBinding',
  'dlopen',
  'getBuiltinModule',
  'chdir',
  'kill',
  '_kill',
  '_debugProcess',
  '_debugEnd',
  '_startProfilerIdleNotifier',
  '_stopProfilerIdleNotifier',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'initgroups',
  'getuid',
  'getgid',
  'geteuid',
  'getegid',
  'getgroups',
  'umask',
  'abort',
  'reallyExit',
  'openStdin',
  'loadEnvFile',
  'setSourceMapsEnabled',
  'execve',
  'mainModule',
]

/** Set a property, redefining it when plain assignment is not allowed. */
function replace(target: object, key: string | symbol, value: unknown): void {
  try {
    Object.defineProperty(target, key, { value, writable: false, configurable: false })
  } catch {
    try {
      ;(target as Record<string | symbol, unknown>)[key] = value
    } catch {
      // Frozen by Node itself: nothing Python could change either.
    }
  }
}

/** Classes shared with the rest of the runtime: never closed, whatever module exports them. */
const SHARED_CLASSES = new Set<unknown>([Object, Function, Array, Error, Promise, Map, Set])

/** Replace every method a class's prototype owns by a refusal (instances made before, too). */
function closePrototype(constructor: unknown, what: string): void {
  if (typeof constructor !== 'function' || SHARED_CLASSES.has(constructor)) return
  const prototype = (constructor as { prototype?: unknown }).prototype
  if (!prototype || typeof prototype !== 'object' || Object.isFrozen(prototype)) return
  for (const key of Object.getOwnPropertyNames(prototype)) {
    if (key === 'constructor') continue
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key)
    if (descriptor && typeof descriptor.value === 'function') {
      replace(prototype, key, refuse(`${what}.prototype.${key}`))
    }
  }
}

/** Replace every function a module exports (and its classes' methods) by a refusal. */
function closeModule(name: string, exports: Record<string, unknown>): void {
  for (const key of Object.getOwnPropertyNames(exports)) {
    if (KEEP.has(key)) continue
    const descriptor = Object.getOwnPropertyDescriptor(exports, key)
    if (!descriptor || !('value' in descriptor)) continue
    const value = descriptor.value as unknown
    if (typeof value === 'function') {
      closePrototype(value, `${name}.${key}`)
      replace(exports, key, refuse(`${name}.${key}`))
    } else if (key === 'globalAgent' && value && typeof value === 'object') {
      // http(s).globalAgent was made before: its class's methods open connections.
      closePrototype((value as { constructor?: unknown }).constructor, `${name}.Agent`)
    }
  }
}

/** Load a built-in module by name before the module loader is closed (undefined if absent). */
function builtin(name: string): Record<string, unknown> | undefined {
  const getBuiltin = (process as unknown as { getBuiltinModule?: (id: string) => unknown })
    .getBuiltinModule
  try {
    if (getBuiltin) return getBuiltin(`node:${name}`) as Record<string, unknown> | undefined
    return Module.createRequire(import.meta.url)(`node:${name}`) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** Refuse code generation from strings: eval, the Function constructors, vm. */
function closeCodeGeneration(): void {
  const globals = globalThis as Record<string, unknown>
  globals.eval = refuse('JavaScript eval')
  const noStrings = <T extends object>(constructor: T): T =>
    new Proxy(constructor, {
      apply: refuse('The Function constructor'),
      construct: refuse('The Function constructor'),
    })
  for (const fn of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    const prototype = Object.getPrototypeOf(fn) as { constructor: object }
    Object.defineProperty(prototype, 'constructor', {
      value: noStrings(prototype.constructor),
      writable: false,
      configurable: false,
    })
  }
  replace(globalThis, 'Function', noStrings(Function))
}

/**
 * Close every JavaScript road out of the worker: code generation from strings, module
 * loading (require / getBuiltinModule / register), Node's host-facing built-in modules,
 * process bindings and signals, environment, network globals.
 */
export function lockDownJavaScript(): void {
  const syncBuiltinESMExports = Module.syncBuiltinESMExports
  for (const name of ['events', 'stream']) {
    const exports = builtin(name) as Record<string, unknown> | undefined
    const shared = name === 'events' ? [exports?.EventEmitter] : Object.values(exports ?? {})
    for (const value of shared) if (typeof value === 'function') SHARED_CLASSES.add(value)
  }
  const modules = new Map<string, Record<string, unknown>>()
  for (const name of [...Module.builtinModules, ...PREFIX_ONLY_MODULES, 'worker_threads']) {
    if (OPEN_MODULES.has(name) || (SPECIAL_MODULES.has(name) && name !== 'worker_threads')) {
      continue
    }
    const exports = builtin(name)
    if (exports) modules.set(name, exports)
  }

  // The module loader: require() gets stand-ins for the two modules Emscripten asks for at
  // run time (system() → child_process, sockets → ws), and a refusal for anything else.
  const replacements: Record<string, unknown> = {
    'node:child_process': deadChildProcess,
    child_process: deadChildProcess,
    ws: DeadWebSocket,
  }
  const load = (request: unknown): unknown => {
    if (typeof request === 'string' && Object.hasOwn(replacements, request)) {
      return replacements[request]
    }
    throw refusal(`Loading '${String(request)}'`)
  }
  const moduleInternals = Module as unknown as Record<string, unknown> & {
    prototype: Record<string, unknown>
  }
  moduleInternals._load = load
  moduleInternals.prototype.require = load
  for (const name of ['_compile', 'load']) {
    moduleInternals.prototype[name] = refuse(`Module.prototype.${name}`)
  }
  for (const name of [
    'register',
    'enableCompileCache',
    'runMain',
    '_resolveFilename',
    '_findPath',
    '_initPaths',
    '_preloadModules',
    'wrap',
  ]) {
    moduleInternals[name] = refuse(`module.${name}`)
  }
  // Pyodide defines its own global require (a table of fs, crypto, ws, child_process).
  replace(globalThis, 'require', load)

  for (const [name, exports] of modules) {
    if (name === 'worker_threads') {
      // The worker needs parentPort; it never starts workers of its own. (Worker's methods
      // stay: Node's module loader talks to its hooks thread through them.)
      replace(exports, 'Worker', refuse('worker_threads.Worker'))
    } else {
      closeModule(name, exports)
    }
  }
  // Open, except this one: it loads an OpenSSL engine, a native library, from a host path.
  const crypto = builtin('crypto')
  if (crypto) replace(crypto, 'setEngine', refuse('crypto.setEngine'))
  // `import('node:fs')` & co. hand out ES module namespaces: make them see the refusals.
  syncBuiltinESMExports()

  closeCodeGeneration()

  for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'Request']) {
    replace(globalThis, name, undefined)
  }

  const proc = process as unknown as Record<string, unknown>
  for (const name of PROCESS_CLOSED) replace(proc, name, refuse(`process.${name}`))
  replace(proc, 'report', Object.freeze({}))
  replace(proc, 'env', Object.freeze({}))
  replace(proc, 'argv', Object.freeze(['node']))
  replace(proc, 'execArgv', Object.freeze([]))
  replace(proc, 'execPath', '')
  replace(proc, 'title', 'node')
  replace(proc, 'cwd', () => '/')
}

/** The slice of Pyodide's API object the lockdown touches (it is a plain JavaScript object). */
interface PyodideLike {
  unregisterJsModule(name: string): void
  FS: unknown
}

/** Public API members that mount host folders, open sockets or fetch packages. */
const PYODIDE_CLOSED = [
  'mountNodeFS',
  'mountNativeFS',
  'useNodeSockFS',
  'loadPackage',
  'loadPackagesFromImports',
]

/** Internal API (`pyodide._api`) members that read host files, load code or open sockets. */
const PYODIDE_INTERNAL_CLOSED = [
  'loadBinaryFile',
  'initializeNodeSockFS',
  'loadDynlib',
  'install',
  'rawRun',
  'restoreSnapshot',
  'makeSnapshot',
]

/**
 * Close Pyodide's own doors to the host: the `js` and `pyodide_js` modules, the NODEFS
 * file system (host folders), node sockets, package loading and host file reads. Run once
 * Pyodide (and the tracer) have loaded and before any user code.
 */
export function lockDownPyodide(py: PyodideLike): void {
  py.unregisterJsModule('js')
  py.unregisterJsModule('pyodide_js')
  const api = py as unknown as Record<string, unknown>
  for (const name of PYODIDE_CLOSED) replace(api, name, refuse(name))
  const internal = api._api as Record<string, unknown> | undefined
  if (internal) {
    // Loading options hold host paths (where the app is installed, the user's name in it).
    const config = internal.config as Record<string, unknown> | undefined
    if (config) {
      for (const [key, value] of Object.entries(config)) {
        if (typeof value === 'string' && /[/\\]/.test(value)) replace(config, key, '')
      }
    }
    for (const name of PYODIDE_INTERNAL_CLOSED) replace(internal, name, refuse(name))
    const manager = internal.packageManager as Record<string, unknown> | undefined
    if (manager) {
      for (const name of ['loadPackage', 'loadPackagesFromImports', 'install']) {
        replace(manager, name, refuse(name))
      }
    }
  }
  const module = api._module as Record<string, unknown> | undefined
  const fs = (module?.FS ?? py.FS) as { filesystems: Record<string, Record<string, unknown>> }
  for (const name of ['NODEFS', 'NODESOCKFS', 'WORKERFS', 'PROXYFS', 'IDBFS']) {
    const type = fs.filesystems[name] ?? (module?.[name] as Record<string, unknown> | undefined)
    if (type) replace(type, 'mount', refuse(`Mounting ${name}`))
    delete fs.filesystems[name]
  }
  if (module) {
    for (const name of ['NODEFS', 'WORKERFS', 'PROXYFS', 'IDBFS']) delete module[name]
  }
}
