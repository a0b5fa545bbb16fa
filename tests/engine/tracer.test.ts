/** Behaviour of the tracer (src/engine/tracer.py) as seen through the engine's traces. */
import { afterAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine/index.ts'
import type { TraceDocument, TraceOptions, TraceStep } from '../../src/shared/trace.ts'
import { validateTrace } from '../../src/shared/validateTrace.ts'

const engine = new Engine({ warmSpare: true })
afterAll(() => engine.dispose())

async function trace(source: string, options: TraceOptions = {}): Promise<TraceDocument> {
  const document = (await engine.run(source, options).done).toDocument()
  expect(validateTrace(document).errors).toEqual([])
  return document
}

/** The object a name in the innermost frame points at. */
function named(step: TraceStep, name: string) {
  const frame = step.frames[step.frames.length - 1]
  const id = frame.locals[name]
  return id === undefined ? undefined : { id, ...step.objects[id] }
}

/** The first `line` step about to run `line`. */
function atLine(doc: TraceDocument, line: number, nth = 0): TraceStep {
  const steps = doc.steps.filter((step) => step.event === 'line' && step.line === line)
  expect(steps.length, `no line step for line ${line}`).toBeGreaterThan(nth)
  return steps[nth]
}

const SEED = `import sys
var1 = [10, 20]
print(sys.getrefcount(var1))
var2 = var1
var3 = var1
var3 = None
var2 = None
var1 = None
`

describe('tracer', () => {
  it('records the seed sequence with CPython counts and frees the list at the right step', async () => {
    const doc = await trace(SEED)
    expect(doc.outcome.status).toBe('ok')
    expect(named(atLine(doc, 3), 'var1')?.refcount).toBe(1)
    expect(doc.steps.map((step) => step.stdout).join('')).toBe('2\n')
    expect(named(atLine(doc, 6), 'var1')?.refcount).toBe(3)
    expect(named(atLine(doc, 7), 'var1')?.refcount).toBe(2)
    const beforeLast = atLine(doc, 8)
    const list = named(beforeLast, 'var1')!
    expect(list.refcount).toBe(1)
    expect(list.type).toBe('list')
    for (const ref of list.refs) {
      expect(beforeLast.objects[ref.target].immortal).toBe(true)
      expect(beforeLast.objects[ref.target].refcount).toBeNull()
    }
    const end = doc.steps[doc.steps.length - 1]
    expect(end.event).toBe('end')
    expect(end.freed).toEqual([list.id])
    expect(end.objects[list.id]).toBeUndefined()
    // Only that list was freed in the whole run: its int items are immortal.
    expect(doc.steps.flatMap((step) => step.freed)).toEqual([list.id])
  })

  it('reports frees as facts: unreachable-but-held is not freed, and two frees land in one step', async () => {
    const doc = await trace('a = [1]\nb = [a]\ndel a\nx = 0\ndel b\ny = 0\n')
    const inner = named(atLine(doc, 2), 'a')!.id
    const outer = named(atLine(doc, 3), 'b')!.id
    expect(atLine(doc, 4).freed).toEqual([])
    expect(atLine(doc, 4).objects[inner].refcount).toBe(1)
    expect(atLine(doc, 6).freed.sort()).toEqual([inner, outer].sort())
  })

  it('keeps an object that only a hidden reference holds, and frees it when that goes', async () => {
    const doc = await trace(
      'f = lambda: None\nx = [1, 2]\nf.keep = x\ndel x\nz = 0\ndel f\nz = 1\n',
    )
    const list = named(atLine(doc, 3), 'x')!.id
    const held = atLine(doc, 5)
    expect(held.freed).toEqual([])
    expect(held.objects[list]).toBeUndefined()
    expect(atLine(doc, 7).freed).toContain(list)
  })

  it('gives every lifetime its own id even when CPython reuses the address', async () => {
    const doc = await trace('for i in range(6):\n    x = [i]\n    y = 0\n')
    const lifetimes = new Map<string, number>()
    for (let n = 0; n < 6; n++) {
      const list = named(atLine(doc, 3, n), 'x')!
      lifetimes.set(list.id, list.address)
    }
    expect(lifetimes.size).toBe(6)
    const addresses = [...lifetimes.values()]
    expect(new Set(addresses).size).toBeLessThan(addresses.length)
  })

  it('labels references: items, dict keys, object keys, attributes, slots, closures, methods', async () => {
    const doc = await trace(`class P:
    def __init__(self):
        self.x = [1]
    def m(self):
        return self
class S:
    __slots__ = ('a',)
    def __init__(self):
        self.a = (2, 3)
def outer():
    v = ['v']
    def inner():
        return v
    return inner
p = P()
s = S()
d = {'k': p, (1, 2): s}
f = outer()
bm = p.m
done = 1
`)
    const step = atLine(doc, 20)
    const labels = (name: string) => named(step, name)!.refs.map((ref) => ref.label)
    expect(labels('p')).toEqual(['.x'])
    expect(labels('s')).toEqual(['.a'])
    expect(labels('d')).toEqual(["['k']", 'key→', '→value'])
    expect(labels('f')).toEqual(['.__closure__'])
    const closure = step.objects[named(step, 'f')!.refs[0].target]
    const cell = step.objects[closure.refs[0].target]
    expect(cell.type).toBe('cell')
    expect(cell.refs.map((ref) => ref.label)).toEqual(['.cell_contents'])
    expect(labels('bm')).toEqual(['.__func__', '.__self__'])
    expect(named(step, 'bm')!.refs[1].target).toBe(named(step, 'p')!.id)
    expect(named(step, 'p')!.repr).toBe('<P object>')
  })

  it('shows function frames outermost first, with a return value on return steps', async () => {
    const doc = await trace('def f(a):\n    b = [a]\n    return b\nr = f(5)\n')
    const call = doc.steps.find((step) => step.event === 'call')!
    expect(call.frames.map((frame) => frame.function)).toEqual(['<module>', 'f'])
    expect(Object.keys(call.frames[1].locals)).toEqual(['a'])
    const ret = doc.steps.find((step) => step.event === 'return')!
    const value = ret.frames[1].returnValue!
    expect(value).toBe(ret.frames[1].locals.b)
    expect(ret.objects[value].type).toBe('list')
  })

  it('cuts big heaps at the object budget and says so', async () => {
    const doc = await trace('big = [[i] for i in range(100)]\nx = 0\n', { maxObjects: 20 })
    const step = atLine(doc, 2)
    expect(step.truncated).toBe(true)
    expect(Object.keys(step.objects).length).toBeLessThanOrEqual(20)
  })

  it('shows at most maxItems items of a container and counts the rest', async () => {
    const doc = await trace('big = list(range(1000, 1300))\nx = 0\n', { maxItems: 50 })
    const big = named(atLine(doc, 2), 'big')!
    expect(big.refs).toHaveLength(50)
    expect(big.hiddenRefs).toBe(250)
  })

  it('captures stdout and stderr per step and reads input() from the provided stdin', async () => {
    const doc = await trace(
      'name = input("who? ")\nprint("hi", name)\nimport sys\nprint("warn", file=sys.stderr)\nz = 0\n',
      {
        stdin: 'Ada\n',
      },
    )
    expect(atLine(doc, 2).stdout).toBe('who? Ada\n')
    expect(atLine(doc, 3).stdout).toBe('hi Ada\n')
    expect(atLine(doc, 5).stderr).toBe('warn\n')
  })

  it('says clearly when input() runs out of stdin', async () => {
    const doc = await trace('a = input()\nb = input()\n', { stdin: 'one\n' })
    expect(doc.outcome.status).toBe('error')
    expect(doc.outcome.error?.type).toBe('EOFError')
    expect(doc.outcome.error?.message).toMatch(/no more input/)
    expect(doc.outcome.error?.line).toBe(2)
  })

  it('ends with the uncaught exception, its message and line, after an exception step', async () => {
    const doc = await trace('def div(a, b):\n    return a / b\nx = [1]\ny = div(1, 0)\n')
    expect(doc.outcome).toMatchObject({
      status: 'error',
      error: { type: 'ZeroDivisionError', message: 'division by zero', line: 2 },
    })
    const raised = doc.steps.find((step) => step.event === 'exception')!
    expect(raised.exception).toEqual({ type: 'ZeroDivisionError', message: 'division by zero' })
    const end = doc.steps[doc.steps.length - 1]
    expect(end.event).toBe('end')
    expect(named(end, 'x')?.refcount).toBe(1)
    expect(end.stderr).toMatch(/ZeroDivisionError: division by zero/)
  })

  it('returns no steps and the exact position for a syntax error', async () => {
    const doc = await trace('x = 1\ny = (2 +\n')
    expect(doc.steps).toEqual([])
    expect(doc.outcome.status).toBe('error')
    expect(doc.outcome.error).toMatchObject({ type: 'SyntaxError', line: 2, column: 5 })
  })

  it('stops at the step limit with the steps recorded so far', async () => {
    const doc = await trace('while True:\n    pass\n', { maxSteps: 300 })
    expect(doc.outcome).toEqual({ status: 'stopped', reason: 'step-limit' })
    expect(doc.steps).toHaveLength(300)
  })

  it('does not add a reference to a string that is also a variable name', async () => {
    // `key` is a mortal string that is also the name of a global: held by `key` and by the
    // globals dict as a key. The tracer reports names, but must not hold them while counting.
    const doc = await trace('key = "dyn" + str(7)\nglobals()[key] = 5\nx = 0\n')
    const step = atLine(doc, 3)
    expect(Object.keys(step.frames[0].locals)).toEqual(['key', 'dyn7'])
    expect(named(step, 'key')!.refcount).toBe(2)
  })
})
