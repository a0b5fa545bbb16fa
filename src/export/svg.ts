/** A standalone SVG of one diagram model: what the heap panel draws, with styles embedded. */
import type { DiagramModel } from '../renderer/src/diagram/types.ts'
import { diagramStyle } from './svgStyle.ts'
import { frameSvg, objectSvg } from './svgNodes.ts'
import type { ThemeName } from './theme.ts'
import { attrs, escapeXml } from './xml.ts'

/** A few lines of the snippet drawn above the diagram, the current one highlighted. */
export interface CodeExcerpt {
  /** The whole snippet. */
  source: string
  /** 1-based line to highlight. */
  line: number
  /** Lines shown either side of it (default 3). */
  context?: number
}

/** How to draw the SVG. */
export interface SvgOptions {
  /** Colour theme (default light). */
  theme?: ThemeName
  /** Optional code excerpt above the diagram. */
  code?: CodeExcerpt | null
  /** Embed the diagram font (default true; false when the page around it carries the font). */
  embedFont?: boolean
}

const CODE_LINE = 16
const CODE_PAD = 8

function codeBlock(code: CodeExcerpt, width: number): { svg: string; height: number } {
  const lines = code.source.replace(/\n$/, '').split('\n')
  const context = code.context ?? 3
  const first = Math.max(1, code.line - context)
  const last = Math.min(lines.length, code.line + context)
  const digits = String(last).length
  const rows: string[] = []
  for (let number = first; number <= last; number++) {
    const y = CODE_PAD + (number - first) * CODE_LINE
    if (number === code.line) {
      rows.push(
        `<rect class="current-line"${attrs({ x: 1, y, width: width - 2, height: CODE_LINE })}/>`,
      )
    }
    rows.push(
      `<text class="number"${attrs({ x: CODE_PAD, y: y + 12, 'data-line': number })}>${String(number).padStart(digits)}</text>`,
      `<text class="source" xml:space="preserve"${attrs({ x: CODE_PAD + (digits + 2) * 7.2, y: y + 12 })}>${escapeXml(lines[number - 1] ?? '')}</text>`,
    )
  }
  const height = (last - first + 1) * CODE_LINE + 2 * CODE_PAD
  return {
    svg:
      `<g class="code" data-current-line="${code.line}">` +
      `<rect class="panel"${attrs({ x: 0.5, y: 0.5, width: width - 1, height: height - 1, rx: 4 })}/>` +
      rows.join('') +
      '</g>',
    height,
  }
}

/** The longest line of an excerpt, in pixels (monospace 12px). */
function excerptWidth(code: CodeExcerpt): number {
  const lines = code.source.split('\n')
  const digits = String(lines.length).length
  const longest = Math.max(0, ...lines.map((line) => line.length))
  return Math.ceil((longest + digits + 2) * 7.2 + 2 * CODE_PAD)
}

/** Renders a diagram model as a standalone SVG document. */
export function diagramSvg(model: DiagramModel, options: SvgOptions = {}): string {
  const theme = options.theme ?? 'light'
  const width = Math.max(model.width, options.code ? excerptWidth(options.code) : 0)
  const code = options.code ? codeBlock(options.code, width) : null
  const top = code ? code.height + 8 : 0
  const height = model.height + top
  const more = model.more
    ? `<g class="more" data-testid="more-objects" data-count="${model.more.count}" transform="translate(${model.more.x},${model.more.y})">` +
      `<rect width="${model.more.width}" height="${model.more.height}" rx="14"/>` +
      `<text x="${model.more.width / 2}" y="18" text-anchor="middle">${model.more.count} more objects</text></g>`
    : ''
  const edges = model.edges
    .map(
      (edge) =>
        `<path class="edge"${attrs({ d: edge.path, 'data-edge-from': edge.from, 'data-edge-to': edge.to, 'marker-end': 'url(#rs-arrow)' })}/>`,
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      class: 'diagram',
      role: 'img',
      'aria-label': 'Heap diagram',
      'data-step-index': model.stepIndex,
      'data-theme': theme,
    })}>` +
    `<style>${diagramStyle(theme, options.embedFont ?? true)}</style>` +
    '<defs><marker id="rs-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" ' +
    'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/>' +
    '</marker></defs>' +
    `<rect class="rs-bg" width="${width}" height="${height}"/>` +
    (code ? code.svg : '') +
    `<g class="heap" transform="translate(0,${top})">` +
    `<g class="edges">${edges}</g>` +
    model.frames.map(frameSvg).join('') +
    model.nodes.map(objectSvg).join('') +
    more +
    '</g></svg>\n'
  )
}
