/**
 * Limits: whatever a snippet does (C loops, sleeps, swallowed exceptions, deep recursion,
 * exits, huge allocations, output floods, tampering with the interpreter), the run ends with
 * a clean outcome within its time limit, the host stays responsive, and the next run on the
 * same engine starts from a clean interpreter. The tracer never runs the program's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine/index.ts'
import type { TraceOptions, TraceDocument } from '../../src/shared/trace.ts'

const TIMEOUT_MS = 3000
/** Time limit + the engine's grace for a stop request + grace before terminating + slack. */
const DEADLINE_MS = TIMEOUT_MS + 500 + 500 + 3000

let engine: Engine
let ticks = 0
let ticker: NodeJS.Timeout

interface Timed {
  doc: TraceDocument
  stdout: string
  stderr: string
  elapsed: number
  ticks: number
}

/** Run `source` on `on` once a worker is loaded; report how long it took and the host ticks. */
async function timed(source: string, options: TraceOptions = {}, on = engine): Promise<Timed> {
  await on.ready()
  const startTicks = ticks
  const start = Date.now()
  const model = await on.run(source, { timeoutMs: TIMEOUT_MS, ...options }).done
  const elapsed = Date.now() - start
  const doc = model.toDocument()
  return {
    doc,
    stdout: doc.steps.map((step) => step.stdout).join(''),
    stderr: doc.steps.map((step) => step.stderr).join(''),
    elapsed,
    ticks: ticks - startTicks,
  }
}

/** Ended in time, cleanly, and the host's event loop kept running all along. */
function expectContained(result: Timed): void {
  expect(result.elapsed).toBeLessThan(DEADLINE_MS)
  // A 50 ms interval: even a busy test machine runs it several times a second.
  expect(result.ticks).toBeGreaterThanOrEqual(Math.floor(result.elapsed / 250))
  expect(['error', 'stopped']).toContain(result.doc.outcome.status)
}

function expectTimeLimit(result: Timed): void {
  expectContained(result)
  expect(result.doc.outcome).toEqual({ status: 'stopped', reason: 'time-limit' })
}

beforeAll(async () => {
  ticker = setInterval(() => ticks++, 50)
  engine = new Engine()
  await engine.ready()
})

afterAll(async () => {
  clearInterval(ticker)
  await engine?.dispose()
})

describe('runaway programs are stopped from outside', () => {
  it('a C-level loop: sum(range(10**18))', async () => {
    expectTimeLimit(await timed('sum(range(10**18))\n'))
  })

  it('time.sleep(10**6)', async () => {
    expectTimeLimit(await timed('import time\ntime.sleep(10**6)\n'))
  })

  it('a while True loop that swallows BaseException', async () => {
    const source = `
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
`
    expectTimeLimit(await timed(source))
  })

  it('deep Python recursion ends (RecursionError or the time limit)', async () => {
    const result = await timed('def f():\n    f()\nf()\n')
    expectContained(result)
    if (result.doc.outcome.status === 'error') {
      expect(result.doc.outcome.error?.type).toBe('RecursionError')
    } else {
      expect(result.doc.outcome.reason).toBe('time-limit')
    }
  })

  // The nesting is built by untraced code (another file name) so only the C recursion counts.
  const nest =
    "exec(compile('x = []\\nfor _ in range(100000):\\n    x = [x]', 'build', 'exec'), globals())\n"

  it.each([
    ['repr of a deeply nested list', `${nest}print(len(repr(x)))\n`],
    ['json.dumps of a deeply nested list', `import json\n${nest}print(len(json.dumps(x)))\n`],
    ['json.loads of deeply nested text', "import json\njson.loads('[' * 100000 + ']' * 100000)\n"],
  ])('C-level deep recursion: %s', async (_name, source) => {
    const result = await timed(source)
    expectContained(result)
    if (result.doc.outcome.status === 'error') {
      expect(result.doc.outcome.error?.type).toMatch(/^(RecursionError|MemoryError|EngineError)$/)
    }
  })

  it('os._exit(3) ends the run with an error', async () => {
    const result = await timed("import os\nprint('before')\nos._exit(3)\n")
    expectContained(result)
    expect(result.doc.outcome.status).toBe('error')
  })

  it('cancel() stops `while True: pass` and keeps the steps so far', async () => {
    await engine.ready()
    const handle = engine.run('n = 0\nwhile True:\n    n += 1\n', { timeoutMs: 60_000 })
    await expect
      .poll(() => handle.model.length, { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(10)
    const start = Date.now()
    handle.cancel()
    const model = await handle.done
    expect(Date.now() - start).toBeLessThan(3000)
    expect(model.outcome).toEqual({ status: 'stopped', reason: 'cancelled' })
    expect(model.length).toBeGreaterThan(10)
    expect(model.toDocument().steps.length).toBe(model.length)
  })
})

describe('memory', () => {
  const HEAP = 256 * 1024 * 1024
  let small: Engine

  beforeAll(() => {
    small = new Engine({ maxHeapBytes: HEAP, warmSpare: false })
  })

  afterAll(async () => {
    await small?.dispose()
  })

  function expectOutOfMemory(result: Timed): void {
    expectContained(result)
    const outcome = result.doc.outcome
    if (outcome.status === 'error') expect(outcome.error?.type).toBe('MemoryError')
    else expect(outcome.reason).toBe('memory')
  }

  it.each([
    ["'x' * 10**9", "s = 'x' * 10**9\n"],
    ['[0] * 10**9', 'l = [0] * 10**9\n'],
    ['bytearray(700_000_000)', 'b = bytearray(700_000_000)\n'],
  ])('%s with a 256 MiB engine heap raises MemoryError', async (_name, source) => {
    expectOutOfMemory(await timed(source, {}, small))
  })

  it.each([
    ["'x' * 10**9", "s = 'x' * 10**9\n"],
    ['bytearray(700_000_000)', 'b = bytearray(700_000_000)\n'],
  ])('%s with a 256 MiB run heap raises MemoryError', async (_name, source) => {
    expectOutOfMemory(await timed(source, { maxHeapBytes: HEAP }, small))
  })

  it('the next run on the same engine works', async () => {
    const result = await timed('print(len([1, 2]))\n', {}, small)
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    expect(result.stdout).toBe('2\n')
  })
})

describe('output', () => {
  it('an output flood is cut at the limit with a note', async () => {
    const result = await timed("while True:\n    print('x' * 10000)\n")
    expectTimeLimit(result)
    expect(result.stdout.length).toBeLessThanOrEqual(10_000_000 + 200)
    expect(result.stdout.length).toBeGreaterThan(1_000_000)
    expect(result.stdout).toMatch(/output truncated/)
  })
})

describe('every run starts from a clean interpreter', () => {
  it('monkeypatched builtins, atexit, threads, sys state do not leak into the next run', async () => {
    const dirty = `
import builtins, atexit, sys, os, threading
builtins.len = None
builtins.print = None
atexit.register(lambda: sys.__stdout__.write('ATEXIT'))
try:
    threading.Thread(target=lambda: None).start()
except Exception:
    pass
try:
    sys.settrace(lambda *a: None)
except RuntimeError:
    pass
sys.setrecursionlimit(50)
sys.modules['json'] = None
os.chdir('/tmp')
open('/tmp/leftover', 'w').write('x')
`
    const first = await timed(dirty, { timeoutMs: 20_000 })
    expect(first.doc.outcome.status).toBe('ok')
    const clean = `
import json, os, sys
print(len([1, 2, 3]), os.getcwd(), os.path.exists('/tmp/leftover'), sys.getrecursionlimit())
`
    const second = await timed(clean, { timeoutMs: 20_000 })
    expect(second.doc.outcome).toEqual({ status: 'ok' })
    expect(second.stdout).toBe('3 /home/pyodide False 1000\n')
    expect(second.stdout + second.stderr).not.toContain('ATEXIT')
  })

  it('sys.settrace(None) and sys.monitoring.free_tool_id(7) get a RuntimeError; tracing goes on', async () => {
    const source = `
import sys
try:
    sys.settrace(None)
except RuntimeError as error:
    print('settrace:', error)
try:
    sys.monitoring.free_tool_id(7)
except RuntimeError as error:
    print('monitoring:', error)
x = 1
print('after', x)
`
    const result = await timed(source, { timeoutMs: 20_000 })
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    expect(result.stdout).toMatch(/settrace: sys.settrace\(\) is unavailable: Refscope is tracing/)
    expect(result.stdout).toMatch(/monitoring: sys.monitoring tool 7 is reserved/)
    expect(result.stdout).toMatch(/after 1/)
    // Steps were still recorded after the attempts, down to the last line.
    const lines = result.doc.steps.map((step) => step.line)
    expect(lines).toContain(11)
    expect(lines).toContain(12)
  })
})

describe('the tracer never runs the program’s code', () => {
  it('dunder methods, properties and __getattribute__ run only when the program calls them', async () => {
    const source = `
class Spy:
    def __init__(self):
        self.value = [1, 2]
    def __repr__(self):
        print('REPR')
        return 'Spy'
    def __str__(self):
        print('STR')
        return 'Spy'
    def __eq__(self, other):
        print('EQ')
        return False
    def __hash__(self):
        print('HASH')
        return 1
    def __len__(self):
        print('LEN')
        return 0
    def __iter__(self):
        print('ITER')
        return iter(())
    def __getattribute__(self, name):
        print('GETATTR', name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        print('GETATTR_MISSING', name)
        raise AttributeError(name)
    @property
    def prop(self):
        print('PROP')
        return 1
    def __del__(self):
        print('DEL')

def use(obj):
    inner = [obj]
    return inner

s = Spy()
items = [s, s]
box = {'k': s}
pair = (s, 1)
back = use(s)
del s, items, box, pair, back
print('end')
`
    const result = await timed(source, { timeoutMs: 20_000 })
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    // __init__ sets self.value through object.__setattr__: no marker. __del__ runs when the
    // program drops the last reference, exactly as untraced.
    expect(result.stdout).toBe('DEL\nend\n')
  })

  it('a metaclass’s __eq__ / __hash__ and a class’s odd __module__ are not called', async () => {
    const source = `
class Meta(type):
    def __eq__(cls, other):
        print('META_EQ')
        return False
    def __hash__(cls):
        print('META_HASH')
        return 1

class Weird:
    def __eq__(self, other):
        print('MODULE_EQ')
        return False
    __hash__ = object.__hash__

class Spy(metaclass=Meta):
    pass

class Odd:
    __module__ = Weird()

s = Spy()
o = Odd()
x = [s, o, Spy, Odd]
print('end')
`
    const result = await timed(source, { timeoutMs: 20_000 })
    expect(result.doc.outcome).toEqual({ status: 'ok' })
    expect(result.stdout).toBe('end\n')
  })

  it('an uncaught exception’s __getattribute__ / __str__ are not called', async () => {
    const source = `
class Boom(Exception):
    def __getattribute__(self, name):
        print('GETATTR', name)
        return Exception.__getattribute__(self, name)
    def __str__(self):
        print('STR')
        return 'boom'

raise Boom('bang')
`
    const result = await timed(source, { timeoutMs: 20_000 })
    expect(result.doc.outcome.status).toBe('error')
    expect(result.doc.outcome.error?.type).toBe('Boom')
    expect(result.doc.outcome.error?.message).toBe('bang')
    expect(result.stdout).toBe('')
  })
})
