/**
 * The sandbox: a snippet from a stranger must not reach the host. Every known road out of
 * the interpreter (Python → JavaScript → Node) is tried here and must fail, while a canary
 * file, a canary environment variable and a loopback listener on the host stay untouched.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine/index.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'

const CANARY_TEXT = 'refscope-canary-7f3a9c'
const SECRET = 'secret'

let engine: Engine
let dir: string
let canaryFile: string
let forbiddenFile: string
let server: Server
let port: number
let connections = 0

interface Result {
  doc: TraceDocument
  stdout: string
  stderr: string
}

/** Python string literal of a path. */
const py = (text: string): string => JSON.stringify(text)

/** Trace `source` (with CANARY, FORBIDDEN, DIR and PORT defined) and check nothing leaked. */
async function trace(source: string): Promise<Result> {
  const prelude =
    `CANARY = ${py(canaryFile)}\nFORBIDDEN = ${py(forbiddenFile)}\n` +
    `DIR = ${py(dir)}\nPORT = ${port}\n`
  const model = await engine.run(prelude + source, { timeoutMs: 20_000 }).done
  const doc = model.toDocument()
  const stdout = doc.steps.map((step) => step.stdout).join('')
  const stderr = doc.steps.map((step) => step.stderr).join('')
  const seen = stdout + stderr + JSON.stringify(doc.outcome)
  expect(seen).not.toContain(SECRET)
  expect(seen).not.toContain(CANARY_TEXT)
  expect(stdout).not.toContain('ESCAPED')
  return { doc, stdout, stderr }
}

/**
 * Python that runs `attempt`, prints the refusal it gets and re-raises it (so the outcome is
 * the error); prints ESCAPED if the attempt went through.
 */
function attempt(code: string): string {
  const body = code
    .trim()
    .split('\n')
    .map((line) => '    ' + line)
    .join('\n')
  return [
    'try:',
    body,
    'except BaseException as error:',
    "    print('BLOCKED:', type(error).__name__, error)",
    '    raise',
    "print('ESCAPED')",
    '',
  ].join('\n')
}

/** The run failed with a Python error whose text (as the snippet printed it) matches. */
function expectBlocked(result: Result, type: string, message: RegExp): void {
  expect(result.doc.outcome.status).toBe('error')
  expect(result.doc.outcome.error?.type).toBe(type)
  expect(result.stdout).toMatch(/BLOCKED:/)
  expect(result.stdout).toMatch(message)
}

/** The run could not go on at all: a clean engine error, never success. */
function expectEngineError(result: Result, message: RegExp): void {
  expect(result.doc.outcome.status).toBe('error')
  expect(result.doc.outcome.error?.type).toBe('EngineError')
  expect(result.doc.outcome.error?.message).toMatch(message)
}

beforeAll(async () => {
  process.env.REFSCOPE_CANARY = SECRET
  dir = await mkdtemp(join(tmpdir(), 'refscope-sandbox-'))
  canaryFile = join(dir, 'canary.txt')
  forbiddenFile = join(dir, 'created-by-snippet')
  await writeFile(canaryFile, CANARY_TEXT)
  server = createServer((socket) => {
    connections++
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
  engine = new Engine()
  await engine.ready()
})

afterEach(async () => {
  // The host is untouched: canary file intact, nothing created, nobody connected.
  expect(await readFile(canaryFile, 'utf8')).toBe(CANARY_TEXT)
  expect(existsSync(forbiddenFile)).toBe(false)
  expect(connections).toBe(0)
  expect(process.env.REFSCOPE_CANARY).toBe(SECRET)
})

afterAll(async () => {
  await engine?.dispose()
  await new Promise((resolve) => server?.close(resolve))
  await rm(dir, { recursive: true, force: true })
  delete process.env.REFSCOPE_CANARY
})

describe('Python cannot import its way out', () => {
  it.each([
    ['import js', /No module named 'js': JavaScript is not available/],
    ['import js\njs.process.env', /No module named 'js': JavaScript is not available/],
    ['import pyodide_js', /No module named 'pyodide_js': JavaScript is not available/],
    ['from pyodide.code import run_js', /'pyodide.code': JavaScript is not available/],
    ['import pyodide.http', /'pyodide.http': network access is not available/],
    ['import micropip', /'micropip': installing packages is not available/],
    ['import subprocess', /'subprocess': starting processes is not available/],
    ['import socket', /'socket': network access is not available/],
  ])('%s', async (code, message) => {
    expectBlocked(await trace(attempt(code)), 'ModuleNotFoundError', message)
  })

  it('pyodide.code.run_js("process.env") through the already imported package', async () => {
    const result = await trace(attempt("import pyodide\npyodide.code.run_js('process.env')"))
    expectBlocked(result, 'ModuleNotFoundError', /No module named 'js'/)
  })

  it('third-party packages fail with the offline message', async () => {
    const result = await trace('import numpy\n')
    expect(result.doc.outcome.status).toBe('error')
    expect(result.doc.outcome.error?.type).toBe('ModuleNotFoundError')
    expect(result.doc.outcome.error?.message).toMatch(
      /No module named 'numpy': Refscope runs offline with CPython's standard library only/,
    )
    expect(result.stderr).toMatch(/runs offline/)
  })
})

describe('JavaScript proxies lead nowhere', () => {
  const globalThisCode = ".constructor.constructor('return globalThis')()"

  it('pyodide.ffi.to_js({}) → Function constructor', async () => {
    const result = await trace(attempt(`from pyodide.ffi import to_js\nto_js({})${globalThisCode}`))
    expectBlocked(result, 'JsException', /The Function constructor is disabled/)
  })

  it('every JsProxy found by scanning gc.get_objects() → Function constructor', async () => {
    // The scan runs as untraced code (another file name): tracing 50,000 objects is slow.
    const scan = `
import gc
from pyodide.ffi import JsProxy
found = []
for holder in gc.get_objects():
    values = holder.values() if type(holder) is dict else [holder]
    for value in list(values):
        if isinstance(value, JsProxy) and not isinstance(value, type):
            found.append(value)
refused = 0
for proxy in found:
    try:
        fn = proxy.constructor.constructor
    except AttributeError:
        refused += 1
        continue
    try:
        fn('return globalThis')()
        print('ESCAPED')
    except Exception as error:
        if 'disabled' in str(error):
            refused += 1
print('proxies', len(found), 'refused', refused)
del found, proxy, fn
`
    const result = await trace(`exec(compile(${py(scan)}, 'scan', 'exec'), {})\n`)
    const [, found, refused] = /proxies (\d+) refused (\d+)/.exec(result.stdout) ?? []
    expect(Number(found)).toBeGreaterThan(0)
    expect(refused).toBe(found)
  })

  it.each([
    ['Function constructor', `api${globalThisCode}`, /The Function constructor is disabled/],
    [
      'AsyncFunction constructor',
      "api.public_api.runPythonAsync.constructor('return 1')",
      /Function constructor is disabled/,
    ],
    ['loadBinaryFile (host file read)', 'api.loadBinaryFile(CANARY)', /loadBinaryFile is disabled/],
    ['mountNodeFS', "api.public_api.mountNodeFS('/mnt', DIR)", /mountNodeFS is disabled/],
    ['mountNativeFS', "api.public_api.mountNativeFS('/mnt', None)", /mountNativeFS is disabled/],
    [
      'FS.mount(NODEFS)',
      "fs = api.public_api.FS\nfs.mount(fs.filesystems.NODEFS, to_js({'root': '/'}), '/mnt')",
      /NODEFS/,
    ],
    ['Module.NODEFS', "api.public_api._module.NODEFS.mount(None, None, '/mnt')", /NODEFS/],
    ['initializeNodeSockFS', 'api.initializeNodeSockFS()', /initializeNodeSockFS is disabled/],
    ['useNodeSockFS', 'api.public_api.useNodeSockFS()', /useNodeSockFS is disabled/],
    ['loadPackage', "api.public_api.loadPackage('numpy')", /loadPackage is disabled/],
    ['loadDynlib', "api.loadDynlib('/lib/libc.so', True)", /loadDynlib is disabled/],
  ])('sys.modules leftover pyodide_js._api → %s', async (_name, code, message) => {
    const setup =
      "import sys\nfrom pyodide.ffi import to_js\napi = sys.modules['pyodide_js._api']\n"
    const result = await trace(setup + attempt(code))
    expect(result.doc.outcome.status).toBe('error')
    expect(result.stdout).toMatch(/BLOCKED:/)
    expect(result.stdout).toMatch(message)
  })
})

describe('Emscripten imports reached through ctypes', () => {
  it.each([
    ['emscripten_run_script_string', 'process.env.REFSCOPE_CANARY'],
    ['emscripten_run_script', "require('fs').writeFileSync(FORBIDDEN_JS, 'x')"],
    ['emscripten_run_script_int', "require('child_process').execSync('id')"],
    [
      'emscripten_run_script',
      "import('node:fs').then((fs) => fs.writeFileSync(FORBIDDEN_JS, 'x'))",
    ],
  ])('%s(%s) is refused (eval is gone)', async (fn, js) => {
    const script = js.replace('FORBIDDEN_JS', JSON.stringify(forbiddenFile))
    const source = `
import ctypes
f = ctypes.CDLL(None).${fn}
f.restype = ctypes.c_char_p if '${fn}'.endswith('string') else ctypes.c_int
print(f(${py(script)}.encode()))
print('ESCAPED')
`
    expectEngineError(await trace(source), /JavaScript eval is disabled/)
  })

  it("dynamic import('node:fs') through a proxy's Function constructor is refused", async () => {
    const code = `from pyodide.ffi import to_js
to_js({}).constructor.constructor("return import('node:fs')")()`
    expectBlocked(await trace(attempt(code)), 'JsException', /Function constructor is disabled/)
  })
})

describe('Python cannot start host processes', () => {
  it.each([
    ["os.system(f'touch {FORBIDDEN}')", /os.system\(\) \(starting or signalling processes\)/],
    ["os.popen(f'touch {FORBIDDEN}').read()", /os.popen\(\)/],
    ["os.execv('/bin/sh', ['sh', '-c', f'touch {FORBIDDEN}'])", /os.execv\(\)/],
    ['os.kill(1, 9)', /os.kill\(\)/],
  ])('%s', async (code, message) => {
    expectBlocked(await trace(attempt(`import os\n${code}`)), 'PermissionError', message)
  })

  it('subprocess.run is refused', async () => {
    const result = await trace(attempt(`import subprocess\nsubprocess.run(['touch', FORBIDDEN])`))
    expectBlocked(result, 'ModuleNotFoundError', /starting processes is not available/)
  })

  it.each([
    [
      'posix.system (below the os wrappers)',
      "import posix\nstatus = posix.system(f'touch {FORBIDDEN}')",
    ],
    [
      'libc system() via ctypes',
      "import ctypes\nstatus = ctypes.CDLL(None).system(f'touch {FORBIDDEN}'.encode())",
    ],
  ])('%s fails to start the command', async (_name, code) => {
    const result = await trace(`${code}\nprint('status', status)\n`)
    // The C library's system() reports "command could not be executed" (126 << 8).
    expect(result.stdout).toMatch(/status (\d+)/)
    expect(Number(/status (\d+)/.exec(result.stdout)![1])).not.toBe(0)
  })
})

describe('Python has no network', () => {
  it('socket.create_connection to a host listener is refused', async () => {
    const result = await trace(
      attempt("import socket\nsocket.create_connection(('127.0.0.1', PORT), timeout=2)"),
    )
    expectBlocked(result, 'ModuleNotFoundError', /network access is not available/)
  })

  it('with the Python wall removed, connect() still fails (no route out of wasm)', async () => {
    const source =
      'import sys\nsys.meta_path.pop(0)\nimport socket\n' +
      attempt("socket.create_connection(('127.0.0.1', PORT), timeout=2)")
    const result = await trace(source)
    expect(result.doc.outcome.status).toBe('error')
    expect(result.stdout).toMatch(/BLOCKED: (OSError|TimeoutError|ConnectionRefusedError)/)
  })

  it('with the Python wall removed, listen() on a port fails', async () => {
    const source =
      'import sys\nsys.meta_path.pop(0)\nimport socket\n' +
      attempt("s = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()")
    const result = await trace(source)
    expectBlocked(result, 'PermissionError', /Operation not permitted/)
  })

  it('pyodide.http.pyfetch is refused', async () => {
    const result = await trace(
      attempt("from pyodide.http import pyfetch\npyfetch(f'http://127.0.0.1:{PORT}/')"),
    )
    expectBlocked(result, 'ModuleNotFoundError', /network access is not available/)
  })

  it('js.fetch is refused', async () => {
    const result = await trace(attempt("from js import fetch\nfetch(f'http://127.0.0.1:{PORT}/')"))
    expectBlocked(result, 'ModuleNotFoundError', /JavaScript is not available/)
  })
})

describe('Python sees only its in-memory file system and environment', () => {
  it("open('/etc/passwd') does not read the host's", async () => {
    const result = await trace(attempt("open('/etc/passwd').read()"))
    expectBlocked(result, 'FileNotFoundError', /No such file or directory/)
  })

  it('the canary file cannot be read', async () => {
    const result = await trace(attempt('open(CANARY).read()'))
    expectBlocked(result, 'FileNotFoundError', /No such file or directory/)
  })

  it('a file cannot be created on the host', async () => {
    const result = await trace(attempt("open(FORBIDDEN, 'w').write('x')"))
    expectBlocked(result, 'FileNotFoundError', /No such file or directory/)
  })

  it("os.listdir('/') lists the in-memory root only", async () => {
    const result = await trace("import os\nprint(sorted(os.listdir('/')))\n")
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    const names = JSON.parse(result.stdout.trim().replace(/'/g, '"')) as string[]
    for (const name of names) expect(['dev', 'home', 'lib', 'proc', 'tmp']).toContain(name)
    expect(names).not.toContain('etc')
  })

  it('os.environ shows no host variables', async () => {
    const source = `import os, posix
print(sorted(os.environ))
print('REFSCOPE_CANARY' in os.environ, b'REFSCOPE_CANARY' in posix.environ)
print(os.getenv('REFSCOPE_CANARY'))
`
    const result = await trace(source)
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    expect(result.stdout).toContain('False False\nNone\n')
    expect(result.stdout).not.toMatch(/REFSCOPE_CANARY'|PATH|HOME/)
  })

  it('where the app is installed on the host is not visible', async () => {
    const source = `import sys
api = sys.modules['pyodide_js._api']
print(sys.executable, sys._base_executable, sys.orig_argv, sys.argv)
print(api.config.indexURL, api.config.packageCacheDir, api.public_api.lockfileBaseUrl)
`
    const result = await trace(source)
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    expect(result.stdout).not.toMatch(/node_modules|worker|engine|\/(home|Users|work)\//)
  })
})

describe('the host stays in control', () => {
  it('forged trace data sent through the tracer’s host object cannot crash the host', async () => {
    const find =
      "tracer = next(o for o in __import__('gc').get_objects() if type(o).__name__ == 'Tracer')"
    const source = `exec(compile(${py(find)}, 'find', 'exec'), globals())
tracer.host.emit('{this is not a step')
print('after')
`
    const result = await trace(source)
    expect(result.doc.outcome.status).toBe('error')
    // And the engine keeps working.
    const next = await trace("print('fine')\n")
    expect(next.stdout).toBe('fine\n')
  })
})

/**
 * The second wall on its own: JavaScript running in a locked-down worker (as if Python had
 * found a way to run JavaScript) tries Node's doors to the host directly.
 */
const FOOTHOLD = `
const { workerData, parentPort } = require('node:worker_threads')
;(async () => {
  ;(await import(workerData.tsx)).register()
  const { lockDownJavaScript } = await import(workerData.sandbox)
  lockDownJavaScript()
  const { canary, forbidden, port } = workerData
  const results = {}
  const attempt = async (name, fn) => {
    try {
      results[name] = 'ESCAPED: ' + String(await fn()).slice(0, 200)
    } catch (error) {
      results[name] = 'refused: ' + (error && error.message)
    }
  }
  await attempt('fs.readFileSync', async () => (await import('node:fs')).readFileSync(canary, 'utf8'))
  await attempt('fs.writeFileSync', async () => (await import('node:fs')).writeFileSync(forbidden, 'x'))
  await attempt('fs/promises.readFile', async () => (await import('node:fs/promises')).readFile(canary, 'utf8'))
  await attempt('child_process.execSync', async () => (await import('node:child_process')).execSync('touch ' + forbidden))
  await attempt('child_process.spawnSync', async () => (await import('node:child_process')).spawnSync('touch', [forbidden]).status)
  await attempt('net.connect', async () => (await import('node:net')).connect(port, '127.0.0.1'))
  await attempt('http.get', async () => (await import('node:http')).get('http://127.0.0.1:' + port + '/'))
  await attempt('http.globalAgent', async () => (await import('node:http')).globalAgent.createConnection({ port, host: '127.0.0.1' }))
  await attempt('_tls_wrap.connect', async () => (await import('node:_tls_wrap')).connect({ port, host: '127.0.0.1' }))
  await attempt('dns.lookup', async () => (await import('node:dns')).lookup('localhost', () => {}))
  await attempt('fetch', async () => fetch('http://127.0.0.1:' + port + '/'))
  await attempt('process.env', async () => process.env.REFSCOPE_CANARY ?? (() => { throw new Error('absent') })())
  await attempt('process.binding', async () => process.binding('fs'))
  await attempt('process.report', async () => JSON.stringify(process.report.getReport().environmentVariables))
  await attempt('os.userInfo', async () => (await import('node:os')).userInfo().username)
  await attempt('eval', async () => eval('1 + 1'))
  await attempt('Function', async () => Function('return 1')())
  await attempt('AsyncFunction', async () => (async () => {}).constructor('return 1')())
  await attempt('vm.runInThisContext', async () => (await import('node:vm')).runInThisContext('1 + 1'))
  await attempt('require', async () => require('node:fs'))
  await attempt('module.createRequire', async () => (await import('node:module')).createRequire(canary)('node:fs'))
  await attempt('Module.prototype._compile', async () => new (await import('node:module')).default('x')._compile('1', 'x.js'))
  await attempt('module.register', async () => (await import('node:module')).register('data:text/javascript,'))
  await attempt('data: import', async () => import('data:text/javascript,import fs from "node:fs"; fs.writeFileSync(' + JSON.stringify(forbidden) + ', "x")'))
  await attempt('Worker', async () => new (await import('node:worker_threads')).Worker('1', { eval: true }))
  await attempt('inspector.Session', async () => new (await import('node:inspector')).Session().connectToMainThread())
  await attempt('inspector.open', async () => (await import('node:inspector')).open(0))
  await attempt('v8.writeHeapSnapshot', async () => (await import('node:v8')).writeHeapSnapshot(forbidden))
  await attempt('process.dlopen', async () => process.dlopen({ exports: {} }, canary))
  await attempt('process.kill', async () => process.kill(process.pid, 0))
  await attempt('wasi', async () => new (await import('node:wasi')).WASI({ version: 'preview1', preopens: { '/': '/' } }))
  await attempt('crypto.setEngine', async () => (await import('node:crypto')).setEngine(canary))
  await attempt('node:test run', async () => (await import('node:test')).run({ files: [canary] }))
  parentPort.postMessage(results)
})().catch((error) => parentPort.postMessage({ harness: 'failed: ' + error.stack }))
`

describe('a JavaScript foothold in a locked-down worker', () => {
  it('finds every Node door to the host closed', async () => {
    const require = createRequire(import.meta.url)
    const worker = new Worker(FOOTHOLD, {
      eval: true,
      stderr: true,
      workerData: {
        // tsx's ES module entry (the package's own CommonJS one cannot register in a worker).
        tsx: pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href,
        sandbox: new URL('../../src/engine/sandbox.ts', import.meta.url).href,
        canary: canaryFile,
        forbidden: forbiddenFile,
        port,
      },
    })
    const results = await new Promise<Record<string, string>>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(results.harness).toBeUndefined()
    expect(Object.keys(results).length).toBeGreaterThan(30)
    for (const [name, result] of Object.entries(results)) {
      expect(`${name}: ${result}`).toMatch(/: refused: /)
    }
    expect(JSON.stringify(results)).not.toContain(CANARY_TEXT)
    expect(JSON.stringify(results)).not.toContain(SECRET)
  })
})
