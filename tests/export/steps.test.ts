import { beforeAll, describe, expect, it } from 'vitest'
import { changesAt, describeChange } from '../../src/export/changes.ts'
import { createExport, ExportCancelled, parseRange } from '../../src/export/index.ts'
import { chooseSteps } from '../../src/export/stepChoice.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, stepAtLine } from './basicsTrace.ts'

let doc: TraceDocument

beforeAll(async () => {
  doc = await basicsTrace()
})

describe('step choice', () => {
  it('parses inclusive ranges and refuses backwards ones', () => {
    expect(parseRange('2..5')).toEqual({ from: 2, to: 5 })
    expect(() => parseRange('5..2')).toThrow(/end comes before the start/)
    expect(() => parseRange('2-5')).toThrow(/A\.\.B/)
  })

  it('defaults pdf and gif to the steps where a count changes or an object is freed', () => {
    const { indexes, note } = chooseSteps(doc, {}, 'changes')
    expect(note).toBeNull()
    for (const line of [4, 6, 7, 9, 10, 13]) expect(indexes).toContain(stepAtLine(doc, line))
    expect(indexes).not.toContain(stepAtLine(doc, 8))
    for (const index of indexes) expect(changesAt(doc, index).length).toBeGreaterThan(0)
  })

  it('takes the changing steps when asked, whatever the format’s default', () => {
    expect(chooseSteps(doc, { changes: true }, 'last').indexes).toEqual(
      chooseSteps(doc, {}, 'changes').indexes,
    )
  })

  it('cuts to the maximum with a note', () => {
    const { indexes, note } = chooseSteps(doc, {}, 'all', 5)
    expect(indexes).toEqual([0, 1, 2, 3, 4])
    expect(note).toBe(
      `Showing the first 5 of ${doc.steps.length} steps (${doc.steps.length - 5} more left out).`,
    )
  })

  it('follows one object and describes its changes', () => {
    const { indexes } = chooseSteps(doc, { objectId: 'o1' }, 'changes')
    expect(indexes[indexes.length - 1]).toBe(stepAtLine(doc, 13))
    const freed = changesAt(doc, stepAtLine(doc, 13)).find((change) => change.id === 'o1')!
    expect(describeChange(freed)).toBe('list [10, 20] (o1): 1 → 0, freed')
    const up = changesAt(doc, stepAtLine(doc, 6)).find((change) => change.id === 'o1')!
    expect(describeChange(up)).toBe('list [10, 20] (o1): 1 → 2 (+1)')
  })

  it('a cancelled export stops with ExportCancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      createExport(doc, {
        format: 'svg',
        steps: { range: { from: 0, to: 5 } },
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(ExportCancelled)
  })
})
