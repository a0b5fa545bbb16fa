/**
 * Real traces conform to the documented `refscope-trace/1` format: the JSON Schema in
 * src/shared/trace.schema.json plus the rules a schema cannot express (step order, ids that
 * resolve, one id per object lifetime).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { traceSource } from '../../src/engine/index.ts'
import type { TraceDocument, TraceOptions } from '../../src/shared/trace.ts'
import { validateTrace } from '../../src/shared/validateTrace.ts'

const snippet = (name: string): string =>
  readFileSync(new URL(`../fidelity/snippets/${name}`, import.meta.url), 'utf8')

/** Trace once and check the document against the schema (errors listed on failure). */
async function traced(source: string, options: TraceOptions = {}): Promise<TraceDocument> {
  const doc = await traceSource(source, options)
  const result = validateTrace(doc)
  expect(result.errors.slice(0, 10)).toEqual([])
  expect(result.valid).toBe(true)
  checkInvariants(doc)
  return doc
}

/** Rules of the format beyond the schema. */
function checkInvariants(doc: TraceDocument): void {
  const freed = new Set<string>()
  const addressOf = new Map<string, number>()
  doc.steps.forEach((step, i) => {
    expect(step.index).toBe(i)
    for (const id of step.freed) {
      // Freed since the previous step: gone from this step, and never seen again.
      expect(step.objects[id]).toBeUndefined()
      expect(freed.has(id)).toBe(false)
      freed.add(id)
    }
    for (const [id, object] of Object.entries(step.objects)) {
      expect(freed.has(id), `${id} reappears after being freed`).toBe(false)
      const address = addressOf.get(id)
      if (address === undefined) addressOf.set(id, object.address)
      else expect(object.address, `${id} moved`).toBe(address)
      for (const ref of object.refs) {
        expect(step.objects[ref.target], `step ${i}: ${id} ${ref.label}`).toBeDefined()
        if (ref.key !== undefined) expect(step.objects[ref.key]).toBeDefined()
      }
    }
    step.frames.forEach((frame, depth) => {
      for (const id of Object.values(frame.locals)) expect(step.objects[id]).toBeDefined()
      if (frame.returnValue !== undefined) {
        expect(step.event).toBe('return')
        expect(depth).toBe(step.frames.length - 1)
        expect(step.objects[frame.returnValue]).toBeDefined()
      }
    })
    if (step.frames.length > 0) expect(step.frames[step.frames.length - 1].line).toBe(step.line)
  })
  const last = doc.steps[doc.steps.length - 1]
  if (doc.outcome.status === 'stopped') {
    expect(last?.event).not.toBe('end')
  } else if (doc.steps.length > 0) {
    // A finished program (even one that raised) ends with the `end` step at module level.
    expect(last.event).toBe('end')
    expect(last.frames.map((frame) => frame.function)).toEqual(['<module>'])
    expect(doc.steps.filter((step) => step.event === 'end')).toHaveLength(1)
  }
}

/** A small document that satisfies the schema, to break in known ways. */
function minimalDocument(): TraceDocument {
  return {
    format: 'refscope-trace/1',
    python: { implementation: 'CPython', version: '3.14.2', platform: 'emscripten-wasm32' },
    source: 'x = [1]\n',
    steps: [
      {
        index: 0,
        event: 'line',
        line: 1,
        frames: [{ function: '<module>', line: 1, locals: {} }],
        objects: {},
        freed: [],
        stdout: '',
        stderr: '',
      },
      {
        index: 1,
        event: 'end',
        line: 1,
        frames: [{ function: '<module>', line: 1, locals: { x: 'o1' } }],
        objects: {
          o1: {
            type: 'list',
            repr: '[1]',
            address: 4096,
            refcount: 1,
            immortal: false,
            refs: [{ label: '[0]', target: 'o2' }],
          },
          o2: { type: 'int', repr: '1', address: 2048, refcount: null, immortal: true, refs: [] },
        },
        freed: [],
        stdout: '',
        stderr: '',
      },
    ],
    outcome: { status: 'ok' },
  }
}

describe('refscope-trace/1 schema', () => {
  it('accepts the minimal document and extra fields where the format allows them', () => {
    expect(validateTrace(minimalDocument())).toEqual({ valid: true, errors: [] })
    const extended = minimalDocument() as unknown as Record<string, unknown> & TraceDocument
    extended.generator = 'another tool'
    ;(extended.steps[1] as unknown as Record<string, unknown>).note = 'extra'
    ;(extended.steps[1].objects.o1 as unknown as Record<string, unknown>).size = 40
    expect(validateTrace(extended).valid).toBe(true)
  })

  it('rejects broken documents', () => {
    const breakages: [string, (doc: TraceDocument) => void][] = [
      ['wrong format tag', (doc) => ((doc as { format: string }).format = 'refscope-trace/2')],
      ['missing outcome', (doc) => delete (doc as Partial<TraceDocument>).outcome],
      ['bad object id', (doc) => (doc.steps[1].frames[0].locals.x = 'x1')],
      ['bad key in objects', (doc) => (doc.steps[1].objects['1'] = doc.steps[1].objects.o1)],
      ['unknown event', (doc) => ((doc.steps[0] as { event: string }).event = 'jump')],
      ['immortal with a count', (doc) => (doc.steps[1].objects.o2.refcount = 7)],
      ['mortal without a count', (doc) => (doc.steps[1].objects.o1.refcount = null)],
      ['negative address', (doc) => (doc.steps[1].objects.o1.address = -1)],
      ['missing freed', (doc) => delete (doc.steps[0] as Partial<(typeof doc.steps)[0]>).freed],
      ['ref to a non-id', (doc) => (doc.steps[1].objects.o1.refs[0].target = 'list')],
      ['unknown ref field', (doc) => Object.assign(doc.steps[1].objects.o1.refs[0], { via: 1 })],
      ['exception step without exception', (doc) => (doc.steps[0].event = 'exception')],
      ['exception on a line step', (doc) => (doc.steps[0].exception = { type: 'E', message: '' })],
      [
        'unknown stop reason',
        (doc) => (doc.outcome = { status: 'stopped', reason: 'bored' as 'memory' }),
      ],
      ['stopped without a reason', (doc) => (doc.outcome = { status: 'stopped' })],
      ['error without an error', (doc) => (doc.outcome = { status: 'error' })],
      ['unknown status', (doc) => ((doc.outcome as { status: string }).status = 'crashed')],
      [
        'error without a line',
        (doc) => (doc.outcome = { status: 'error', error: { type: 'E', message: '' } as never }),
      ],
    ]
    for (const [what, breakIt] of breakages) {
      const doc = minimalDocument()
      breakIt(doc)
      const result = validateTrace(doc)
      expect(result.valid, what).toBe(false)
      expect(result.errors.length, what).toBeGreaterThan(0)
    }
    expect(validateTrace(null).valid).toBe(false)
    expect(validateTrace('refscope-trace/1').valid).toBe(false)
  })

  it('validates the seed snippet and fails once broken', async () => {
    const doc = await traced(snippet('01-seed.py'))
    expect(doc.outcome).toEqual({ status: 'ok' })
    expect(doc.steps.map((step) => step.stdout).join('')).toBe('2\n')
    const end = doc.steps[doc.steps.length - 1]
    expect(Object.keys(end.frames[0].locals)).toEqual(['var1', 'var2', 'var3'])

    const broken = structuredClone(doc)
    const list = broken.steps[2].objects[broken.steps[2].frames[0].locals.var1]
    ;(list as { refcount: unknown }).refcount = 'one'
    const result = validateTrace(broken)
    expect(result.valid).toBe(false)
    expect(result.errors.map((error) => error.path)).toContain(
      `/steps/2/objects/${broken.steps[2].frames[0].locals.var1}/refcount`,
    )
  })

  it('validates a run with calls, returns, dict keys, caught exceptions and frees', async () => {
    const doc = await traced(
      [
        'class Box:',
        '    def __init__(self, items):',
        '        self.items = items',
        'def make(n):',
        "    label = 'box' + str(n)",
        '    return {label: Box([n, [n]])}',
        'table = make(300)',
        'try:',
        '    table[0]',
        'except KeyError as e:',
        '    caught = e',
        'gen = (k for k in table)',
        'first = next(gen)',
        'gen = None',
        'table = None',
        '',
      ].join('\n'),
    )
    expect(doc.outcome).toEqual({ status: 'ok' })
    const events = new Set(doc.steps.map((step) => step.event))
    for (const event of ['line', 'call', 'return', 'exception', 'end'])
      expect(events).toContain(event)
    const raised = doc.steps.find((step) => step.event === 'exception')!
    expect(raised.exception).toEqual({ type: 'KeyError', message: '0' })
    const returned = doc.steps.find(
      (step) => step.event === 'return' && step.frames[step.frames.length - 1].function === 'make',
    )!
    const value = returned.objects[returned.frames[returned.frames.length - 1].returnValue!]
    expect(value.type).toBe('dict')
    // The dict's key is a computed (mortal) string: the entry names its id.
    expect(value.refs[0].key).toMatch(/^o[0-9]+$/)
    expect(doc.steps.some((step) => step.freed.length > 0)).toBe(true)
  })

  it('validates a run that ends with an uncaught exception', async () => {
    const doc = await traced(snippet('25-uncaught-zerodivision.py'))
    expect(doc.outcome.status).toBe('error')
    expect(doc.outcome.error).toMatchObject({ type: 'ZeroDivisionError', line: 3 })
    const raised = doc.steps.filter((step) => step.event === 'exception')
    expect(raised.length).toBeGreaterThan(0)
    expect(raised[0].exception?.type).toBe('ZeroDivisionError')
    expect(doc.steps.map((step) => step.stderr).join('')).toContain('ZeroDivisionError')
    expect(doc.steps.map((step) => step.stdout).join('')).toBe('2.0\n')
  })

  it('validates a syntax error: no steps, an error with line and column', async () => {
    const doc = await traced('x = 1\ny = (2,\nprint(x y)\n')
    expect(doc.steps).toEqual([])
    expect(doc.outcome.status).toBe('error')
    expect(doc.outcome.error?.type).toBe('SyntaxError')
    expect(doc.outcome.error?.line).toBeGreaterThanOrEqual(2)
    expect(doc.outcome.error?.column).toBeGreaterThanOrEqual(1)
  })

  it('validates a run that reads input() from the stdin option', async () => {
    const doc = await traced("name = input('Name? ')\nage = int(input())\nprint(name, age + 1)\n", {
      stdin: 'Ada\n36\n',
    })
    expect(doc.outcome).toEqual({ status: 'ok' })
    expect(doc.steps.map((step) => step.stdout).join('')).toBe('Name? Ada\n36\nAda 37\n')
    const end = doc.steps[doc.steps.length - 1]
    expect(end.objects[end.frames[0].locals.name].repr).toBe("'Ada'")
  })

  it('validates a run stopped by the step limit', async () => {
    const doc = await traced('n = 0\nwhile True:\n    n += 1\n', { maxSteps: 50 })
    expect(doc.outcome).toEqual({ status: 'stopped', reason: 'step-limit' })
    expect(doc.steps.length).toBeGreaterThan(0)
    expect(doc.steps.length).toBeLessThanOrEqual(50)
  })

  it('validates a run whose walk was cut short (hiddenRefs, truncated)', async () => {
    const doc = await traced('rows = [[i] for i in range(12)]\nwide = list(range(300, 330))\n', {
      maxItems: 8,
      maxObjects: 20,
    })
    expect(doc.outcome).toEqual({ status: 'ok' })
    const end = doc.steps[doc.steps.length - 1]
    expect(end.truncated).toBe(true)
    const wide = end.objects[end.frames[0].locals.wide]
    expect(wide.hiddenRefs).toBeGreaterThan(0)
    expect(wide.refs.length + (wide.hiddenRefs ?? 0)).toBe(30)
  })
})
