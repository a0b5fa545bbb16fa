import { describe, expect, it } from 'vitest'
import { MAX_SOURCE_LENGTH, MAX_STEPS_PER_CALL } from '../../src/shared/ipc.ts'
import {
  InvalidRequestError,
  isCancelRequest,
  isEngineInfoRequest,
  isInvokeChannel,
  isMenuCommand,
  isRunRequest,
  isStepsRequest,
  isSummaryRequest,
  isTraceOptions,
  validateRequest,
} from '../../src/shared/ipcValidators.ts'

describe('engine:info requests', () => {
  it('accepts nothing or a wait flag', () => {
    expect(isEngineInfoRequest(undefined)).toBe(true)
    expect(isEngineInfoRequest({})).toBe(true)
    expect(isEngineInfoRequest({ wait: true })).toBe(true)
  })
  it('rejects other shapes', () => {
    for (const bad of [null, 1, 'x', [], { wait: 'yes' }, { wait: true, extra: 1 }]) {
      expect(isEngineInfoRequest(bad)).toBe(false)
    }
  })
})

describe('trace:run requests', () => {
  it('accepts a source with or without options', () => {
    expect(isRunRequest({ source: 'x = []' })).toBe(true)
    expect(isRunRequest({ source: '', options: {} })).toBe(true)
    expect(
      isRunRequest({
        source: 'input()',
        options: { maxSteps: 10, timeoutMs: 1000, stdin: 'a\n', maxObjects: 50 },
      }),
    ).toBe(true)
  })
  it('rejects bad shapes', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'x = 1',
      [],
      {},
      { source: 42 },
      { source: 'x', extra: true },
      { source: 'x', options: null },
      { source: 'x', options: [] },
      { source: 'x'.repeat(MAX_SOURCE_LENGTH + 1) },
      Object.assign(Object.create({ inherited: 1 }) as object, { source: 'x' }),
    ]
    for (const value of bad) expect(isRunRequest(value), JSON.stringify(value)).toBe(false)
  })
  it('rejects out-of-range or non-integer options and unknown option keys', () => {
    const bad: unknown[] = [
      { maxSteps: 0 },
      { maxSteps: 1.5 },
      { maxSteps: Number.NaN },
      { maxSteps: Number.POSITIVE_INFINITY },
      { maxSteps: '10' },
      { timeoutMs: -1 },
      { timeoutMs: 3_600_000 },
      { maxHeapBytes: 1024 },
      { stdin: 5 },
      { unknownLimit: 1 },
    ]
    for (const options of bad) {
      expect(isTraceOptions(options), JSON.stringify(options)).toBe(false)
      expect(isRunRequest({ source: 'x', options })).toBe(false)
    }
  })
})

describe('trace:cancel, trace:steps and trace:summary requests', () => {
  it('accept well-formed requests', () => {
    expect(isCancelRequest({ runId: 1 })).toBe(true)
    expect(isStepsRequest({ runId: 3, from: 0, to: MAX_STEPS_PER_CALL })).toBe(true)
    expect(isStepsRequest({ runId: 3, from: 7, to: 7 })).toBe(true)
    expect(isSummaryRequest({ runId: 3, from: 0 })).toBe(true)
  })
  it('reject bad run ids', () => {
    for (const runId of [0, -1, 1.5, '1', null, undefined, Number.MAX_SAFE_INTEGER + 2]) {
      expect(isCancelRequest({ runId })).toBe(false)
      expect(isSummaryRequest({ runId, from: 0 })).toBe(false)
      expect(isStepsRequest({ runId, from: 0, to: 1 })).toBe(false)
    }
  })
  it('reject reversed, negative or oversized step ranges', () => {
    expect(isStepsRequest({ runId: 1, from: 5, to: 4 })).toBe(false)
    expect(isStepsRequest({ runId: 1, from: -1, to: 4 })).toBe(false)
    expect(isStepsRequest({ runId: 1, from: 0, to: MAX_STEPS_PER_CALL + 1 })).toBe(false)
    expect(isStepsRequest({ runId: 1, from: 0 })).toBe(false)
    expect(isStepsRequest({ runId: 1, from: 0, to: 1, extra: 0 })).toBe(false)
    expect(isSummaryRequest({ runId: 1, from: -3 })).toBe(false)
    expect(isSummaryRequest({ runId: 1 })).toBe(false)
  })
})

describe('channel names and menu commands', () => {
  it('know the contract', () => {
    expect(isInvokeChannel('trace:run')).toBe(true)
    expect(isInvokeChannel('trace:progress')).toBe(false)
    expect(isInvokeChannel('__proto__')).toBe(false)
    expect(isMenuCommand('run:stepOver')).toBe(true)
    expect(isMenuCommand('rm -rf')).toBe(false)
  })
})

describe('validateRequest', () => {
  it('returns a valid request and throws InvalidRequestError otherwise', () => {
    expect(validateRequest('trace:cancel', { runId: 2 })).toEqual({ runId: 2 })
    expect(() => validateRequest('trace:run', { source: 1 })).toThrow(InvalidRequestError)
  })
})
