import { execFileSync, spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { createExport } from '../../src/export/index.ts'
import { svgSize } from '../../src/export/png.ts'
import { THEMES } from '../../src/export/theme.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, stepAtLine } from './basicsTrace.ts'
import { pngPixels } from './imageFacts.ts'
import type { PngPixels } from './imageFacts.ts'
import { allElements, parseXml } from './xml.ts'

// librsvg is the SVG engine of GNOME, many converters and slide pipelines: it ignores browser-only
// CSS, so drawing the export right there shows the SVG stands on its own.
const rsvg = spawnSync('rsvg-convert', ['--version']).status === 0
if (!rsvg)
  console.warn('SKIP SVG-outside-a-browser tests: no rsvg-convert (apt-get install librsvg2-bin)')

let doc: TraceDocument

beforeAll(async () => {
  doc = await basicsTrace()
})

function hex(color: string): [number, number, number] {
  const value = Number.parseInt(color.slice(1), 16)
  return [value >> 16, (value >> 8) & 0xff, value & 0xff]
}

function expectColour(pixels: PngPixels, x: number, y: number, rgb: number[], what: string): void {
  const [r, g, b] = pixels.at(Math.round(x), Math.round(y))
  const distance = Math.max(Math.abs(r - rgb[0]!), Math.abs(g - rgb[1]!), Math.abs(b - rgb[2]!))
  expect(distance, `${what} at (${x}, ${y}) is rgb(${r}, ${g}, ${b})`).toBeLessThanOrEqual(12)
}

function translation(transform: string | undefined): [number, number] {
  const match = /translate\(([\d.-]+),([\d.-]+)\)/.exec(transform ?? '')
  if (!match) throw new Error(`no translation in ${transform}`)
  return [Number(match[1]), Number(match[2])]
}

describe.skipIf(!rsvg)('SVG export drawn outside a browser (librsvg)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`draws the ${theme} background, the refcount badge and the highlighted line`, async () => {
      const output = await createExport(doc, {
        format: 'svg',
        steps: { step: stepAtLine(doc, 7) },
        theme,
        codeExcerpt: true,
      })
      const svg = output.files[0]!.data as string
      const pixels = pngPixels(execFileSync('rsvg-convert', ['--format', 'png'], { input: svg }))
      const { width, height } = svgSize(svg)
      expect([pixels.width, pixels.height]).toEqual([width, height])
      const colours = THEMES[theme]
      expectColour(pixels, 1, height - 2, hex(colours.bgPanel), 'the background')

      const elements = allElements(parseXml(svg))
      const [, heapTop] = translation(
        elements.find((e) => e.attributes.class === 'heap')!.attributes.transform,
      )
      const list = elements.find((e) => e.attributes['data-type'] === 'list')!
      expect(list.attributes['data-refcount']).toBe('3')
      const [listX, listY] = translation(list.attributes.transform)
      const badge = allElements(list).find((e) => e.attributes.class === 'badge')!
      const [badgeX, badgeY] = translation(badge.attributes.transform)
      // Just inside the pill's left end, clear of the white digit.
      expectColour(
        pixels,
        listX + badgeX + 3,
        heapTop + listY + badgeY + 8,
        hex(colours.badgeBg),
        'the badge',
      )

      const line = elements.find((e) => e.attributes.class === 'current-line')!
      const [, alpha] = /fill-opacity: ([\d.]+)/.exec(svg)!.map(Number)
      const panel = hex(colours.bgAlt)
      const blended = hex('#ffd500').map((c, i) => c * alpha! + panel[i]! * (1 - alpha!))
      const lineX = Number(line.attributes.x) + 4
      const lineY = Number(line.attributes.y) + 2
      expectColour(pixels, lineX, lineY, blended, 'the highlighted line')
    })
  }
})
