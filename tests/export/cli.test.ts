import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { chooseSteps } from '../../src/export/stepChoice.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, BASICS_SOURCE, stepAtLine } from './basicsTrace.ts'
import { parseXml } from './xml.ts'

let dir: string
let traceFile: string
let doc: TraceDocument

beforeAll(async () => {
  doc = await basicsTrace()
  dir = mkdtempSync(join(tmpdir(), 'refscope-cli-export-'))
  traceFile = join(dir, 'basics.json')
  writeFileSync(traceFile, JSON.stringify(doc))
})

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  const chunks: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    const code = await main(args)
    return { code, stderr: chunks.join('') }
  } finally {
    spy.mockRestore()
  }
}

describe('refscope export', () => {
  it('traces a snippet and writes the whole trace as refscope-trace/1 JSON', async () => {
    const py = join(dir, 'lesson.py')
    writeFileSync(py, BASICS_SOURCE)
    const out = join(dir, 'lesson.trace.json')
    const result = await run('export', py, '--format', 'json', '--out', out)
    expect(result).toMatchObject({ code: 0 })
    expect(result.stderr).toContain(`wrote ${out}`)
    const written = JSON.parse(readFileSync(out, 'utf8')) as TraceDocument
    expect(written.format).toBe('refscope-trace/1')
    expect(written.source).toBe(BASICS_SOURCE)
    expect(written.steps.map((step) => step.index)).toEqual(doc.steps.map((step) => step.index))
    expect(written.outcome.status).toBe('ok')
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('exports a built-in lesson by name, with its explanations in the player', async () => {
    const out = join(dir, 'basics-player.html')
    const result = await run('export', 'lesson:basics', '--format', 'html', '--out', out)
    expect(result.code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toContain('The last reference is gone')
    expect(html).toContain('var1 = [10, 20]')
    expect((await run('export', 'lesson:nope', '--format', 'html')).stderr).toMatch(
      /no built-in lesson 'lesson:nope' \(lessons: basics, /,
    )
  })

  it('writes one step as SVG (--step is the 0-based index)', async () => {
    const out = join(dir, 'one.svg')
    const step = stepAtLine(doc, 7)
    expect(
      (await run('export', traceFile, '--format', 'svg', '--step', String(step), '--out', out))
        .code,
    ).toBe(0)
    const root = parseXml(readFileSync(out, 'utf8'))
    expect(root.attributes['data-step-index']).toBe(String(step))
    expect(readFileSync(out, 'utf8')).toContain('data-refcount="3"')
  })

  it('adds the code around the current line to an SVG with --code, and only then', async () => {
    const step = String(stepAtLine(doc, 7))
    const withCode = join(dir, 'with-code.svg')
    const without = join(dir, 'without-code.svg')
    const base = ['export', traceFile, '--format', 'svg', '--step', step]
    expect((await run(...base, '--code', '--out', withCode)).code).toBe(0)
    expect((await run(...base, '--out', without)).code).toBe(0)
    const svg = readFileSync(withCode, 'utf8')
    expect(svg).toContain('data-current-line="7"')
    expect(svg).toContain('var3 = var1')
    expect(readFileSync(without, 'utf8')).not.toContain('data-current-line')
  })

  it('writes an inclusive --steps range as a folder, in the dark theme', async () => {
    const out = join(dir, 'range')
    const result = await run(
      'export',
      traceFile,
      '--format',
      'svg',
      '--steps',
      '2..5',
      '--theme',
      'dark',
      '--out',
      out,
    )
    expect(result.code).toBe(0)
    const files = readdirSync(out)
    expect(files).toEqual(['step-0001.svg', 'step-0002.svg', 'step-0003.svg', 'step-0004.svg'])
    expect(readFileSync(join(out, 'step-0001.svg'), 'utf8')).toContain('data-theme="dark"')
  })

  it('writes the steps where a count changes with --changes, one SVG each', async () => {
    const out = join(dir, 'changes')
    const result = await run('export', traceFile, '--format', 'svg', '--changes', '--out', out)
    expect(result.code).toBe(0)
    const indexes = readdirSync(out).map(
      (name) => parseXml(readFileSync(join(out, name), 'utf8')).attributes['data-step-index'],
    )
    expect(indexes).toEqual(chooseSteps(doc, {}, 'changes').indexes.map(String))
  })

  it('writes a self-contained HTML player of the whole trace', async () => {
    const out = join(dir, 'player.html')
    expect((await run('export', traceFile, '--format', 'html', '--out', out)).code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toContain('data-testid="step-status"')
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//)
    const data = JSON.parse(
      /<script type="application\/json" id="rs-data">(.*?)<\/script>/s.exec(html)![1]!,
    )
    expect(data.steps).toHaveLength(doc.steps.length)
  })

  it('rejects bad flags with one line and exit code 2, writing nothing', async () => {
    const out = join(dir, 'never.svg')
    const cases = [
      ['--format', 'bmp'],
      ['--format', 'svg', '--step=-1'],
      ['--format', 'svg', '--steps', '5..2'],
      ['--format', 'svg', '--step', '1', '--steps', '1..2'],
      ['--format', 'svg', '--step', '4000'],
      ['--format', 'png', '--scale', '4'],
      ['--format', 'svg', '--theme', 'blue'],
    ]
    for (const flags of cases) {
      const result = await run('export', traceFile, ...flags, '--out', out)
      expect(result.code, flags.join(' ')).toBe(2)
      expect(result.stderr.trim().split('\n'), flags.join(' ')).toHaveLength(1)
    }
    expect((await run('export', join(dir, 'missing.py'), '--format', 'svg')).code).toBe(2)
    expect(existsSync(out)).toBe(false)
  })

  it('keeps refscope trace working', async () => {
    const py = join(dir, 'small.py')
    writeFileSync(py, 'x = [1]\n')
    const out = join(dir, 'small.json')
    expect((await run('trace', py, '--out', out)).code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('refscope-trace/1')
  })
})
