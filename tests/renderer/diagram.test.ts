import { describe, expect, it } from 'vitest'
import {
  buildDiagram,
  LayoutCache,
  sameNodeContent,
  shareUnchanged,
} from '../../src/renderer/src/diagram/model'
import type { DiagramModel } from '../../src/renderer/src/diagram/model'
import type { TraceObject, TraceStep } from '../../src/shared/trace'
import { basicsTrace } from './fixtures/basics'
import { frame, immortal, obj } from './fixtures/build'
import { callsTrace } from './fixtures/calls'

const steps = basicsTrace.steps
const at = (index: number) => steps[index]!
const node = (model: DiagramModel, id: string) => model.nodes.find((item) => item.id === id)

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('buildDiagram', () => {
  it('draws the frames column and the list with its true count', async () => {
    const model = await buildDiagram(at(1), at(0))
    expect(model.stepIndex).toBe(1)
    expect(model.frames).toHaveLength(1)
    expect(model.frames[0]!.function).toBe('<module>')
    expect(model.frames[0]!.rows.map((row) => [row.name, row.ref.target])).toEqual([['var1', 'o1']])
    const list = node(model, 'o1')!
    expect(list).toMatchObject({ type: 'list', refcount: 1, isNew: true, freed: false })
    expect(list.rows.map((row) => [row.label, row.ref?.inline])).toEqual([
      ['[0]', '10'],
      ['[1]', '20'],
    ])
    expect(model.edges).toEqual([
      expect.objectContaining({ from: 'frame:0', to: 'o1', kind: 'name' }),
    ])
    expect(model.edges[0]!.path).toMatch(/^M[\d.]+,[\d.]+ /)
  })

  it('puts frames left of the objects and keeps boxes apart', async () => {
    const model = await buildDiagram(callsTrace.steps[5]!, callsTrace.steps[4]!)
    const frameRight = Math.max(...model.frames.map((item) => item.x + item.width))
    for (const item of model.nodes) expect(item.x).toBeGreaterThanOrEqual(frameRight)
    const boxes = [...model.frames, ...model.nodes]
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false)
    }
    expect(model.frames.map((item) => item.function)).toEqual(['<module>', 'f'])
    expect(model.frames[0]!.y).toBeLessThan(model.frames[1]!.y)
    expect(model.frames[1]!.current).toBe(true)
  })

  it('shows the delta against the previous step', async () => {
    expect(node(await buildDiagram(at(2), at(1)), 'o1')).toMatchObject({ refcount: 2, delta: 1 })
    expect(node(await buildDiagram(at(3), at(2)), 'o1')).toMatchObject({ refcount: 3, delta: 1 })
    expect(node(await buildDiagram(at(4), at(3)), 'o1')).toMatchObject({ refcount: 2, delta: -1 })
    const unchanged = node(await buildDiagram(at(2), at(2)), 'o1')!
    expect(unchanged.delta).toBeNull()
    expect(unchanged.isNew).toBe(false)
  })

  it('marks nothing new on the first step', async () => {
    const model = await buildDiagram(at(1), null)
    expect(node(model, 'o1')!.isNew).toBe(false)
  })

  it('draws a freed object as a ghost with count 0 and no arrows', async () => {
    const model = await buildDiagram(at(6), at(5))
    const ghost = node(model, 'o1')!
    expect(ghost).toMatchObject({ freed: true, refcount: 0, delta: null, isNew: false })
    expect(model.edges.some((edge) => edge.from === 'o1' || edge.to === 'o1')).toBe(false)
    expect((await buildDiagram(at(7), at(6))).nodes.some((item) => item.id === 'o1')).toBe(false)
  })

  it('draws the return value on a return step', async () => {
    const model = await buildDiagram(callsTrace.steps[6]!, callsTrace.steps[5]!)
    const rows = model.frames[1]!.rows
    expect(rows.at(-1)).toMatchObject({ name: 'return value', isReturnValue: true })
    expect(rows.at(-1)!.ref.target).toBe('o2')
  })

  it('keeps immortal scalars inline by default, and as ∞ boxes on request', async () => {
    const inline = await buildDiagram(at(4), at(3))
    expect(inline.nodes.map((item) => item.id)).toEqual(['o1'])
    const var3 = inline.frames[0]!.rows.find((row) => row.name === 'var3')!
    expect(var3.ref).toEqual({ target: 'o4', inline: 'None', hidden: false })
    const boxes = await buildDiagram(at(4), at(3), { immortalInline: false })
    expect(boxes.nodes.map((item) => item.id).sort()).toEqual(['o1', 'o2', 'o3', 'o4'])
    expect(node(boxes, 'o4')).toMatchObject({ immortal: true, refcount: null })
    expect(node(boxes, 'o4')!.title).toMatch(/Immortal/)
  })

  it('reuses the previous layout when only counts changed', async () => {
    const cache = new LayoutCache()
    const first = await buildDiagram(at(1), at(0), { cache })
    const engine = {
      layout: () => Promise.reject(new Error('layout should have been reused')),
    }
    const again = await buildDiagram(at(1), at(0), { cache, engine })
    expect(again.nodes).toEqual(first.nodes)
    const previous = await buildDiagram(at(2), at(1))
    const stepped = await buildDiagram(
      { ...at(2), objects: { ...at(2).objects, o1: { ...at(2).objects.o1!, refcount: 9 } } },
      at(1),
      { previous, engine },
    )
    expect(node(stepped, 'o1')).toMatchObject({ x: node(previous, 'o1')!.x, refcount: 9 })
  })

  it('keeps surviving boxes in place when a new object appears', async () => {
    const before = await buildDiagram(callsTrace.steps[2]!, callsTrace.steps[1]!)
    const after = await buildDiagram(callsTrace.steps[3]!, callsTrace.steps[2]!, {
      previous: before,
    })
    const list = (model: DiagramModel) => node(model, 'o2')!
    expect(Math.abs(list(after).y - list(before).y)).toBeLessThan(80)
  })

  it('caps the boxes drawn and reports the rest, without failing on 1,000 objects', async () => {
    const objects: Record<string, TraceObject> = {}
    const locals: Record<string, string> = { big: 'o0' }
    const refs: Array<[string, string]> = []
    for (let i = 1; i <= 1000; i++) {
      objects[`o${i}`] = obj('float', `${i}.5`, 1)
      refs.push([`[${i - 1}]`, `o${i}`])
    }
    objects.o0 = obj('list', '[…]', 1, refs)
    objects.o5000 = immortal('NoneType', 'None')
    const step: TraceStep = {
      index: 0,
      event: 'line',
      line: 1,
      frames: [frame('<module>', 1, { ...locals, nothing: 'o5000' })],
      objects,
      freed: [],
      stdout: '',
      stderr: '',
    }
    const started = performance.now()
    const model = await buildDiagram(step, null)
    expect(performance.now() - started).toBeLessThan(30_000)
    expect(model.nodes).toHaveLength(41)
    expect(model.more).toMatchObject({ count: 960 })
    const big = node(model, 'o0')!
    expect(big.rows).toHaveLength(40)
    expect(big.omittedRows).toBe(960)
    expect(model.height).toBeGreaterThan(model.more!.y)
  })

  it('draws at most 300 boxes of a wide 1,000-object heap', async () => {
    const objects: Record<string, TraceObject> = {}
    const locals: Record<string, string> = {}
    let next = 1
    for (let group = 0; group < 40; group++) {
      const refs: Array<[string, string]> = []
      for (let item = 0; item < 24; item++) {
        const id = `o${next++}`
        objects[id] = obj('float', `${group}.${item}`, 1)
        refs.push([`[${item}]`, id])
      }
      const listId = `o${next++}`
      objects[listId] = obj('list', '[…]', 1, refs)
      locals[`group${group}`] = listId
    }
    const step: TraceStep = {
      index: 3,
      event: 'line',
      line: 1,
      frames: [frame('<module>', 1, locals)],
      objects,
      freed: [],
      stdout: '',
      stderr: '',
    }
    const model = await buildDiagram(step, null)
    expect(Object.keys(objects)).toHaveLength(1000)
    expect(model.nodes).toHaveLength(300)
    expect(model.more!.count).toBe(700)
    expect(model.nodes.some((item) => item.rows.some((row) => row.ref?.hidden))).toBe(true)
  })
})

describe('large heaps (the fast layout)', () => {
  /** 150 named one-item lists, and `a` naming list number `target`; the next step names another. */
  function namedLists(index: number, target: number, grown = -1): TraceStep {
    const objects: Record<string, TraceObject> = {}
    // `a` first: the layered layout puts what it names at the top of the column.
    const locals: Record<string, string> = { a: `o${target}` }
    for (let i = 1; i <= 150; i++) {
      const items: Array<[string, string]> = [['[0]', 'o999']]
      if (i === grown) items.push(['[1]', 'o999'])
      objects[`o${i}`] = obj('list', '[0]', i === target ? 2 : 1, items)
      locals[`v${i}`] = `o${i}`
    }
    objects.o999 = immortal('int', '0')
    return {
      index,
      event: 'line',
      line: 1,
      frames: [frame('<module>', 1, locals)],
      objects,
      freed: [],
      stdout: '',
      stderr: '',
    }
  }

  const positions = (model: DiagramModel) =>
    new Map(model.nodes.map((item) => [item.id, `${item.x},${item.y}`]))

  function expectApart(model: DiagramModel) {
    const boxes = [...model.frames, ...model.nodes]
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false)
    }
  }

  it('keeps every box in place when a step only moves a reference', async () => {
    const first = await buildDiagram(namedLists(0, 10), null)
    expect(first.nodes).toHaveLength(150)
    const second = await buildDiagram(namedLists(1, 20), namedLists(0, 10), { previous: first })
    expect(positions(second)).toEqual(positions(first))
    expectApart(second)
    // Without the previous picture the layered layout alone reorders the column.
    const fresh = await buildDiagram(namedLists(1, 20), namedLists(0, 10))
    expect(positions(fresh)).not.toEqual(positions(first))
  })

  it('moves only what must move when a box grows, and keeps boxes apart', async () => {
    const first = await buildDiagram(namedLists(0, 10), null)
    const grown = await buildDiagram(namedLists(1, 10, 30), namedLists(0, 10), { previous: first })
    expectApart(grown)
    const before = positions(first)
    const moved = [...positions(grown)].filter(([id, at]) => before.get(id) !== at)
    expect(moved.length).toBeGreaterThan(0)
    expect(moved.length).toBeLessThan(10)
  })
})

describe('shareUnchanged', () => {
  it('keeps unchanged boxes identical and replaces changed ones', async () => {
    const before = await buildDiagram(callsTrace.steps[4]!, callsTrace.steps[3]!)
    const after = shareUnchanged(
      await buildDiagram(callsTrace.steps[4]!, callsTrace.steps[3]!, { previous: before }),
      before,
    )
    expect(after.nodes.every((item, index) => item === before.nodes[index])).toBe(true)
    const changed = shareUnchanged(
      await buildDiagram(callsTrace.steps[5]!, callsTrace.steps[4]!, { previous: before }),
      before,
    )
    expect(changed.nodes.find((item) => item.id === 'o2')).not.toBe(
      before.nodes.find((item) => item.id === 'o2'),
    )
    expect(changed.nodes.find((item) => item.id === 'o1')).toBe(
      before.nodes.find((item) => item.id === 'o1'),
    )
  })
})

describe('sameNodeContent', () => {
  it('ignores the position and notices a change in any other field', async () => {
    const model = await buildDiagram(callsTrace.steps[5]!, callsTrace.steps[4]!)
    const original = model.nodes.find((item) => item.rows.some((row) => row.ref))!
    const copy = structuredClone(original)
    expect(sameNodeContent(original, { ...copy, x: copy.x + 50, y: copy.y - 3 })).toBe(true)
    // Every field but x and y counts, fields added later included.
    for (const key of Object.keys(original) as (keyof typeof original)[]) {
      if (key === 'x' || key === 'y') continue
      const changed = structuredClone(original) as unknown as Record<string, unknown>
      const value = changed[key]
      changed[key] =
        typeof value === 'number'
          ? value + 1
          : typeof value === 'boolean'
            ? !value
            : typeof value === 'string'
              ? value + '!'
              : value === null
                ? 1
                : []
      expect(sameNodeContent(original, changed as unknown as typeof original), key).toBe(false)
    }
    const row = structuredClone(original)
    row.rows[0]!.ref = { ...row.rows[0]!.ref!, target: 'other' }
    expect(sameNodeContent(original, row)).toBe(false)
  })
})
