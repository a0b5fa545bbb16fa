import { describe, expect, it } from 'vitest'
import * as nav from '../../src/renderer/src/logic/navigation'
import type { TraceOutline } from '../../src/renderer/src/logic/navigation'
import type { TraceDocument } from '../../src/shared/trace'
import { basicsTrace } from './fixtures/basics'
import { callsTrace } from './fixtures/calls'

function outlineOf(document: TraceDocument): TraceOutline {
  return {
    events: document.steps.map((step) => step.event),
    lines: document.steps.map((step) => step.line),
    depths: document.steps.map((step) => step.frames.length),
  }
}

const none = new Set<number>()
const calls = outlineOf(callsTrace)
const basics = outlineOf(basicsTrace)

/**
 * A loop calling a function twice:
 *   1 def g(): 2 return 1 / 4 for i in range(2): 5 g() / 6 print()
 * index: 0:l1 1:l4 2:l5 3:call1 4:l2 5:ret2 6:l4 7:l5 8:call1 9:l2 10:ret2 11:l4 12:l6 13:end
 */
const loop: TraceOutline = {
  events: [
    'line',
    'line',
    'line',
    'call',
    'line',
    'return',
    'line',
    'line',
    'call',
    'line',
    'return',
    'line',
    'line',
    'end',
  ],
  lines: [1, 4, 5, 1, 2, 2, 4, 5, 1, 2, 2, 4, 6, 6],
  depths: [1, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2, 1, 1, 1],
}

describe('step forward and back', () => {
  it('visits every step, call and return included, and stops at the ends', () => {
    const visited = [0]
    let index = 0
    for (let i = 0; i < 20; i++) visited.push((index = nav.stepForward(calls, index)))
    expect(visited.slice(0, 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(visited.at(-1)).toBe(8)
    expect(nav.stepBack(calls, 3)).toBe(2)
    expect(nav.stepBack(calls, 0)).toBe(0)
  })

  it('first and last', () => {
    expect(nav.firstStep()).toBe(0)
    expect(nav.lastStep(calls)).toBe(8)
    expect(nav.lastStep({ events: [], lines: [], depths: [] })).toBe(0)
  })

  it('reports availability at the ends', () => {
    expect(nav.moveAvailability(calls, 0)).toEqual({ canGoBack: false, canGoForward: true })
    expect(nav.moveAvailability(calls, 4)).toEqual({ canGoBack: true, canGoForward: true })
    expect(nav.moveAvailability(calls, 8)).toEqual({ canGoBack: true, canGoForward: false })
    const empty = { events: [], lines: [], depths: [] }
    expect(nav.moveAvailability(empty, 0)).toEqual({ canGoBack: false, canGoForward: false })
  })
})

describe('step into', () => {
  it('enters the function at its first line, skipping the call event', () => {
    expect(nav.stepInto(calls, none, 2)).toBe(4)
  })
  it('skips the return event back to the caller', () => {
    expect(nav.stepInto(calls, none, 5)).toBe(7)
  })
  it('stops at the end step', () => {
    expect(nav.stepInto(calls, none, 7)).toBe(8)
    expect(nav.stepInto(calls, none, 8)).toBe(8)
  })
})

describe('step over', () => {
  it('runs a call made by the current line', () => {
    expect(nav.stepOver(calls, none, 2)).toBe(7)
  })
  it('moves line by line inside a function and returns to the caller', () => {
    expect(nav.stepOver(calls, none, 4)).toBe(5)
    expect(nav.stepOver(calls, none, 5)).toBe(7)
  })
  it('from a call event goes to the first line of the callee', () => {
    expect(nav.stepOver(calls, none, 3)).toBe(4)
  })
  it('stops at a breakpoint inside the called function', () => {
    expect(nav.stepOver(calls, new Set([3]), 2)).toBe(5)
  })
  it('walks a loop at module level', () => {
    const seen = [1]
    let index = 1
    while (index < 13) seen.push((index = nav.stepOver(loop, none, index)))
    expect(seen).toEqual([1, 2, 6, 7, 11, 12, 13])
  })
})

describe('step out', () => {
  it("stops at the caller's next step after the call returns", () => {
    expect(nav.stepOut(calls, none, 4)).toBe(7)
    expect(nav.stepOut(calls, none, 6)).toBe(7)
    expect(nav.stepOut(loop, none, 9)).toBe(11)
  })
  it('from the call event leaves that call too', () => {
    expect(nav.stepOut(calls, none, 3)).toBe(7)
  })
  it('runs to the end at module level', () => {
    expect(nav.stepOut(calls, none, 1)).toBe(8)
  })
  it('stops early at a breakpoint', () => {
    expect(nav.stepOut(calls, new Set([3]), 4)).toBe(5)
  })
})

describe('continue and reverse continue', () => {
  it('goes to the next breakpoint hit, then the end', () => {
    const breakpoints = new Set([2])
    expect(nav.continueForward(loop, breakpoints, 0)).toBe(4)
    expect(nav.continueForward(loop, breakpoints, 4)).toBe(9)
    expect(nav.continueForward(loop, breakpoints, 9)).toBe(13)
  })
  it('ignores return events on a breakpoint line', () => {
    expect(nav.continueForward(loop, new Set([2]), 4)).not.toBe(5)
  })
  it('without breakpoints runs to the last step', () => {
    expect(nav.continueForward(basics, none, 0)).toBe(basics.events.length - 1)
  })
  it('reverse continue goes to the previous hit, then the first step', () => {
    const breakpoints = new Set([2])
    expect(nav.reverseContinue(loop, breakpoints, 13)).toBe(9)
    expect(nav.reverseContinue(loop, breakpoints, 9)).toBe(4)
    expect(nav.reverseContinue(loop, breakpoints, 4)).toBe(0)
  })
})

describe('run to cursor', () => {
  it('goes to the next time the line is about to run', () => {
    expect(nav.runToLine(loop, none, 0, 5)).toBe(2)
    expect(nav.runToLine(loop, none, 2, 5)).toBe(7)
    expect(nav.runToLine(loop, none, 0, 6)).toBe(12)
  })
  it('runs to the end when the line is never reached again', () => {
    expect(nav.runToLine(loop, none, 12, 5)).toBe(13)
  })
  it('stops at a breakpoint on the way', () => {
    expect(nav.runToLine(loop, new Set([2]), 0, 6)).toBe(4)
  })
})

describe('clamping', () => {
  it('clamps indices into the known steps', () => {
    expect(nav.clampIndex(calls, -4)).toBe(0)
    expect(nav.clampIndex(calls, 99)).toBe(8)
    expect(nav.clampIndex(calls, 3.7)).toBe(3)
  })
})
