import { describe, expect, it } from 'vitest'
import type { TraceModelLike } from '../../src/host/engineTypes.ts'
import { OutputIndex } from '../../src/host/outputIndex.ts'
import { TraceService, type HostClient } from '../../src/host/traceService.ts'
import { isOutputRequest } from '../../src/shared/ipcValidators.ts'
import type { TraceStep } from '../../src/shared/trace.ts'
import { FakeEngine } from './fakeEngine.ts'

function step(index: number, stdout = '', stderr = ''): TraceStep {
  return {
    index,
    event: 'line',
    line: 1,
    frames: [],
    objects: {},
    freed: [],
    stdout,
    stderr,
  }
}

/** A model of `length` steps where step i prints `i` every `every` steps; counts getStep calls. */
function printingModel(length: number, every: number) {
  const reads = { getStep: 0, outputAt: 0 }
  const model: TraceModelLike = {
    outcome: null,
    length,
    getStep(i) {
      reads.getStep++
      return step(i, i % every === 0 ? `${i}\n` : '', i === 7 ? 'warning\n' : '')
    },
    lineAt: () => 1,
    eventAt: () => 'line',
    depthAt: () => 0,
  }
  return { model, reads }
}

describe('OutputIndex', () => {
  it('answers any range with only the steps that wrote something', async () => {
    const { model, reads } = printingModel(10_000, 1000)
    const index = new OutputIndex(model)
    expect(await index.range(0, 10)).toEqual({
      to: 10,
      entries: [
        { index: 0, stdout: '0\n', stderr: '' },
        { index: 7, stdout: '', stderr: 'warning\n' },
      ],
    })
    const far = await index.range(10, 5001)
    expect(far.to).toBe(5001)
    expect(far.entries.map((entry) => entry.index)).toEqual([1000, 2000, 3000, 4000, 5000])
    // Each step is read once, whatever the requests.
    await index.range(0, 5001)
    expect(reads.getStep).toBe(5001)
  })

  it('clamps to the steps recorded so far and picks up new ones later', async () => {
    const { model } = printingModel(3, 1)
    const index = new OutputIndex(model)
    expect((await index.range(1, 100)).to).toBe(3)
    expect(await index.range(5, 9)).toEqual({ to: 5, entries: [] })
    ;(model as { length: number }).length = 5
    expect((await index.range(3, 100)).entries.map((entry) => entry.index)).toEqual([3, 4])
  })

  it('uses the model’s own per-step output when it has one', async () => {
    const { model, reads } = printingModel(100, 10)
    model.outputAt = (i) => {
      reads.outputAt++
      return { stdout: i === 50 ? 'x' : '', stderr: '' }
    }
    const index = new OutputIndex(model)
    expect((await index.range(0, 100)).entries).toEqual([{ index: 50, stdout: 'x', stderr: '' }])
    expect(reads).toEqual({ getStep: 0, outputAt: 100 })
  })

  it('serves concurrent requests from one scan', async () => {
    const { model, reads } = printingModel(50_000, 10_000)
    const index = new OutputIndex(model)
    const [a, b] = await Promise.all([index.range(0, 30_000), index.range(0, 50_000)])
    expect(a.entries.map((entry) => entry.index)).toEqual([0, 7, 10_000, 20_000])
    expect(b.entries.map((entry) => entry.index)).toEqual([0, 7, 10_000, 20_000, 30_000, 40_000])
    expect(reads.getStep).toBe(50_000)
  })
})

describe('trace:output', () => {
  it('validates requests', () => {
    expect(isOutputRequest({ runId: 1, from: 0, to: 100_000 })).toBe(true)
    expect(isOutputRequest({ runId: 1, from: 5, to: 4 })).toBe(false)
    expect(isOutputRequest({ runId: 0, from: 0, to: 1 })).toBe(false)
    expect(isOutputRequest({ runId: 1, from: 0, to: 1, extra: true })).toBe(false)
    expect(isOutputRequest({ runId: 1, from: -1, to: 1 })).toBe(false)
  })

  it('is served per client run by the trace service', async () => {
    const engine = new FakeEngine()
    const service = new TraceService({ createEngine: () => engine })
    const client: HostClient = { id: 'a', emit: () => undefined }
    const { runId } = service.run(client, { source: 'print(1)' })
    engine.runs[0]!.grow(4)
    expect(await service.output(client, { runId, from: 0, to: 10 })).toEqual({ to: 4, entries: [] })
    await expect(service.output(client, { runId: runId + 1, from: 0, to: 1 })).rejects.toThrow(
      /Unknown run/,
    )
  })
})
