import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createExport, writeExport } from '../../src/export/index.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, stepAtLine } from './basicsTrace.ts'
import { allElements, parseXml, textOf } from './xml.ts'
import type { XmlElement } from './xml.ts'

let doc: TraceDocument

beforeAll(async () => {
  doc = await basicsTrace()
})

async function svgAt(step: number, extra: { codeExcerpt?: boolean; theme?: 'dark' } = {}) {
  const output = await createExport(doc, { format: 'svg', steps: { step }, ...extra })
  expect(output.folder).toBe(false)
  return parseXml(output.files[0]!.data as string)
}

function objects(root: XmlElement): XmlElement[] {
  return allElements(root).filter((element) => element.attributes['data-object-id'])
}

function listBox(root: XmlElement): XmlElement {
  const lists = objects(root).filter((element) => element.attributes['data-type'] === 'list')
  expect(lists).toHaveLength(1)
  return lists[0]!
}

function badge(element: XmlElement): string {
  const found = allElements(element).find(
    (item) => item.attributes['data-testid'] === 'refcount-badge',
  )
  return textOf(found!).trim()
}

describe('SVG export of the basics lesson', () => {
  it('is a standalone SVG document with embedded styles', async () => {
    const root = await svgAt(stepAtLine(doc, 4))
    expect(root.name).toBe('svg')
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg')
    expect(Number(root.attributes.width)).toBeGreaterThan(100)
    expect(root.attributes.viewBox).toBe(`0 0 ${root.attributes.width} ${root.attributes.height}`)
    const style = root.children.find((child) => child.name === 'style')!
    expect(style.text).toContain('.badge rect { fill: #0969da; }')
    expect(allElements(root).some((element) => element.name === 'marker')).toBe(true)
  })

  it('keeps to SVG 1.1 paint and text that tools outside browsers understand', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const output = await createExport(doc, {
        format: 'svg',
        steps: { step: stepAtLine(doc, 7) },
        theme,
        codeExcerpt: true,
      })
      const style = (output.files[0]!.data as string).replace(/@font-face \{[^}]*\}/g, '')
      expect(style).not.toMatch(/rgba\(|hsla?\(|transparent|text-transform|var\(/)
      expect(style).toMatch(/\.code \.current-line \{ fill: #ffd500; fill-opacity: 0\.\d+; \}/)
    }
  })

  it('embeds its font (regular and bold), and the player carries it once for all diagrams', async () => {
    const root = await svgAt(stepAtLine(doc, 4))
    const style = root.children.find((child) => child.name === 'style')!.text
    const faces = style.match(/@font-face \{[^}]*\}/g) ?? []
    expect(faces).toHaveLength(2)
    for (const face of faces) {
      expect(face).toContain("font-family: 'JetBrains Mono'")
      expect(face).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{10000,}\)/)
    }
    expect(style).toMatch(/\.heap-object[^{]*\{ font-family: 'JetBrains Mono', /)
    const player = (await createExport(doc, { format: 'html' })).files[0]!.data as string
    expect(player.match(/@font-face/g)).toHaveLength(2)
  })

  it('shows the badges 1, 3, 2, 1 as the names come and go', async () => {
    const expected: Array<[line: number, count: string]> = [
      [4, '1'], // after var1 = [10, 20]
      [7, '3'], // after var3 = var1
      [9, '2'], // after var3 = None
      [10, '1'], // after var2 = None
    ]
    for (const [line, count] of expected) {
      const list = listBox(await svgAt(stepAtLine(doc, line)))
      expect(list.attributes['data-refcount']).toBe(count)
      expect(badge(list)).toBe(count)
      expect(list.attributes['data-freed']).toBeUndefined()
    }
  })

  it('draws the freed list as a ghost with count 0 when var1 = None runs', async () => {
    const root = await svgAt(stepAtLine(doc, 13))
    const list = listBox(root)
    expect(list.attributes).toMatchObject({ 'data-freed': 'true', 'data-refcount': '0' })
    expect(list.attributes.class).toContain('freed')
    expect(badge(list)).toBe('0')
    // Written in capitals: text-transform is CSS that SVG tools outside browsers ignore.
    expect(textOf(list)).toContain('FREED')
  })

  it('shows deltas, the frame with its names and the arrows', async () => {
    const root = await svgAt(stepAtLine(doc, 7))
    const list = listBox(root)
    expect(list.attributes['data-delta']).toBe('1')
    const frame = allElements(root).find((element) => element.attributes['data-frame'])!
    expect(frame.attributes['data-frame']).toBe('<module>')
    const names = allElements(frame).map((element) => element.attributes['data-name'])
    expect(names).toEqual(expect.arrayContaining(['var1', 'var2', 'var3']))
    const edges = allElements(root).filter((element) => element.attributes['data-edge-to'])
    const id = list.attributes['data-object-id']
    expect(edges.filter((edge) => edge.attributes['data-edge-to'] === id)).toHaveLength(3)
  })

  it('marks immortal objects', async () => {
    const root = await createExport(doc, {
      format: 'svg',
      steps: { step: stepAtLine(doc, 10) },
      immortalInline: false,
    })
    const tree = parseXml(root.files[0]!.data as string)
    const none = objects(tree).find((element) => element.attributes['data-type'] === 'NoneType')!
    expect(none.attributes['data-refcount']).toBe('immortal')
    expect(badge(none)).toBe('∞')
  })

  it('adds a code excerpt with the current line and draws the dark theme', async () => {
    const line = stepAtLine(doc, 7)
    const root = await svgAt(line, { codeExcerpt: true, theme: 'dark' })
    const code = allElements(root).find((element) => element.attributes.class === 'code')!
    expect(code.attributes['data-current-line']).toBe('7')
    expect(textOf(code)).toContain('var3 = var1')
    expect(root.attributes['data-theme']).toBe('dark')
    expect(root.children.find((child) => child.name === 'style')!.text).toContain('#2d2d30')
  })

  it('writes a range as a folder of step-0001.svg… files, atomically', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'refscope-svg-')), 'steps')
    const from = stepAtLine(doc, 4)
    const output = await createExport(doc, {
      format: 'svg',
      steps: { range: { from, to: from + 3 } },
    })
    writeExport(output, folder)
    expect(readdirSync(folder)).toEqual([
      'step-0001.svg',
      'step-0002.svg',
      'step-0003.svg',
      'step-0004.svg',
    ])
    const last = parseXml(readFileSync(join(folder, 'step-0004.svg'), 'utf8'))
    expect(last.attributes['data-step-index']).toBe(String(from + 3))
    expect(readdirSync(join(folder, '..'))).toEqual(['steps'])
    writeExport(output, folder)
    expect(existsSync(join(folder, 'step-0001.svg'))).toBe(true)
    expect(readdirSync(join(folder, '..'))).toEqual(['steps'])
  })

  it('takes the last step when no step is given, and rejects steps outside the trace', async () => {
    const output = await createExport(doc, { format: 'svg' })
    expect(output.steps).toEqual([doc.steps.length - 1])
    await expect(createExport(doc, { format: 'svg', steps: { step: 999 } })).rejects.toThrow(
      /outside the trace/,
    )
  })
})
