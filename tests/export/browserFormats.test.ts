import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { findChromium } from '../../src/export/index.ts'
import { svgSize } from '../../src/export/png.ts'
import { chooseSteps } from '../../src/export/stepChoice.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, BASICS_SOURCE, stepAtLine } from './basicsTrace.ts'
import { gifFacts, pngSize } from './imageFacts.ts'

const chromium = findChromium()
if (!chromium)
  console.warn('SKIP png/pdf/gif export tests: no Chromium found (set REFSCOPE_CHROMIUM)')

let dir: string
let traceFile: string
let doc: TraceDocument

beforeAll(async () => {
  doc = await basicsTrace()
  dir = mkdtempSync(join(tmpdir(), 'refscope-browser-export-'))
  traceFile = join(dir, 'basics.json')
  writeFileSync(traceFile, JSON.stringify(doc))
})

async function cli(...args: string[]): Promise<number> {
  return main(['export', traceFile, '--quiet', ...args])
}

describe.skipIf(!chromium)('exports rendered by Chromium', () => {
  it('PNG at 2× is twice the SVG size', async () => {
    const step = String(stepAtLine(doc, 7))
    const svgOut = join(dir, 'step.svg')
    const pngOut = join(dir, 'step.png')
    expect(await cli('--format', 'svg', '--step', step, '--out', svgOut)).toBe(0)
    expect(await cli('--format', 'png', '--step', step, '--scale', '2', '--out', pngOut)).toBe(0)
    const svg = svgSize(readFileSync(svgOut, 'utf8'))
    expect(svg.width).toBeGreaterThan(100)
    expect(pngSize(readFileSync(pngOut))).toEqual({ width: svg.width * 2, height: svg.height * 2 })
  })

  it('PNG range writes a folder of step-0001.png…', async () => {
    const out = join(dir, 'pngs')
    expect(await cli('--format', 'png', '--steps', '3..4', '--out', out)).toBe(0)
    expect(pngSize(readFileSync(join(out, 'step-0002.png'))).width).toBeGreaterThan(100)
  })

  it('PDF handout: a code page plus one page per changing step, with the code in its text', async () => {
    const out = join(dir, 'handout.pdf')
    expect(await cli('--format', 'pdf', '--title', 'Basics handout', '--out', out)).toBe(0)
    const expected = chooseSteps(doc, {}, 'changes').indexes.length
    expect(expected).toBeGreaterThanOrEqual(6)
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' })
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(1 + expected)
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })
    expect(text).toContain('Basics handout')
    for (const line of [
      'var1 = [10, 20]',
      'print(sys.getrefcount(var1))',
      'def true_count(obj):',
    ]) {
      expect(text).toContain(line)
    }
    expect(text).toContain('The last reference is gone')
    expect(text).toMatch(/2 → 3 \(\+1\)/)
    expect(text).toMatch(/\b2 \/ 8\b|\b2 \/ \d+\b/)
  })

  it('PDF of a breakpoint line has one page per stop', async () => {
    const out = join(dir, 'breakpoints.pdf')
    expect(await cli('--format', 'pdf', '--breakpoints', '5,6', '--out', out)).toBe(0)
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' })
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(3)
  })

  it('GIF of a step range decodes to one frame per step', async () => {
    const out = join(dir, 'anim.gif')
    expect(await cli('--format', 'gif', '--steps', '2..9', '--scale', '1', '--out', out)).toBe(0)
    const facts = gifFacts(readFileSync(out))
    expect(facts.frames).toBe(8)
    expect(facts.width).toBeGreaterThan(100)
  })

  it('the snippet itself can be exported straight to a handout', async () => {
    const py = join(dir, 'lesson.py')
    writeFileSync(py, BASICS_SOURCE)
    const out = join(dir, 'lesson.pdf')
    expect(await main(['export', py, '--quiet', '--format', 'pdf', '--out', out])).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
