import { describe, expect, it } from 'vitest'
import { explainRefcount } from '../../src/renderer/src/logic/referrers'
import { basicsTrace } from './fixtures/basics'
import { callsTrace } from './fixtures/calls'

describe('explainRefcount', () => {
  it('lists the names referencing an object and nothing unseen when they explain the count', () => {
    const explanation = explainRefcount(basicsTrace.steps[3]!, 'o1')!
    expect(explanation.refcount).toBe(3)
    expect(explanation.referrers.map((item) => item.kind === 'name' && item.name)).toEqual([
      'var1',
      'var2',
      'var3',
    ])
    expect(explanation.unseen).toBe(0)
  })

  it('counts the remainder as references not visible as names', () => {
    // On the return step the list's count (4) includes the value being returned.
    const explanation = explainRefcount(callsTrace.steps[6]!, 'o2')!
    expect(explanation.referrers.map((item) => item.kind)).toEqual([
      'name',
      'name',
      'name',
      'return',
    ])
    expect(explanation.unseen).toBe(1)
  })

  it('includes container slots and reports immortals without a count', () => {
    const explanation = explainRefcount(basicsTrace.steps[2]!, 'o2')!
    expect(explanation.referrers).toEqual([
      { kind: 'slot', ownerId: 'o1', ownerType: 'list', label: '[0]' },
    ])
    expect(explanation.refcount).toBeNull()
    expect(explanation.unseen).toBeNull()
  })

  it('returns null for an object not alive at the step', () => {
    expect(explainRefcount(basicsTrace.steps[6]!, 'o1')).toBeNull()
  })
})
