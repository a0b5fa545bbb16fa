import { describe, expect, it } from 'vitest'
import { OutputLog } from '../../src/renderer/src/stores/outputLog'

describe('OutputLog', () => {
  it('merges runs of one stream and cuts them at any step', () => {
    const log = new OutputLog()
    log.addRange(
      [
        { index: 2, stdout: 'a\n', stderr: '' },
        { index: 5, stdout: 'b\n', stderr: '' },
        { index: 9, stdout: '', stderr: 'oops\n' },
        { index: 12, stdout: 'c\n', stderr: '' },
      ],
      20,
    )
    expect(log.scanned).toBe(20)
    expect(log.upTo(1)).toEqual([])
    expect(log.upTo(4)).toEqual([{ index: 2, stream: 'stdout', text: 'a\n' }])
    expect(log.upTo(8)).toEqual([{ index: 5, stream: 'stdout', text: 'a\nb\n' }])
    expect(log.upTo(19)).toEqual([
      { index: 5, stream: 'stdout', text: 'a\nb\n' },
      { index: 9, stream: 'stderr', text: 'oops\n' },
      { index: 12, stream: 'stdout', text: 'c\n' },
    ])
    expect([log.countUpTo(1), log.countUpTo(5), log.countUpTo(100)]).toEqual([0, 2, 4])
  })

  it('only extends where it stands, one step or a range at a time', () => {
    const log = new OutputLog()
    log.addRange([{ index: 3, stdout: 'x', stderr: '' }], 5, 2)
    expect(log.scanned).toBe(0)
    log.add({
      index: 0,
      event: 'line',
      line: 1,
      frames: [],
      objects: {},
      freed: [],
      stdout: 'first',
      stderr: 'err',
    })
    expect(log.scanned).toBe(1)
    log.addRange([{ index: 3, stdout: 'x', stderr: '' }], 5)
    expect(log.scanned).toBe(5)
    expect(log.upTo(4)).toEqual([
      { index: 0, stream: 'stdout', text: 'first' },
      { index: 0, stream: 'stderr', text: 'err' },
      { index: 3, stream: 'stdout', text: 'x' },
    ])
  })
})
