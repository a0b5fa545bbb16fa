import { diagramFontFaces } from './font.ts'
import { MONO_FONT, THEMES } from './theme.ts'
import type { ThemeName } from './theme.ts'

/**
 * A fill in SVG 1.1 terms, which tools outside browsers (Inkscape, slide software) read:
 * `rgba()` becomes a hex colour plus `fill-opacity`.
 */
export function fillOf(color: string): string {
  const rgba = /^rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)$/.exec(color)
  if (!rgba) return `fill: ${color};`
  const hex = rgba
    .slice(1, 4)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('')
  return `fill: #${hex}; fill-opacity: ${Number(rgba[4])};`
}

/**
 * The heap panel's styles (HeapPanel.vue, HeapFrame.vue, HeapObject.vue) with the theme's
 * colours written in, for a standalone SVG that renders the same in any viewer; with the font
 * embedded unless the page around the SVG carries it once for all its diagrams.
 */
export function diagramStyle(theme: ThemeName, embedFont = true): string {
  const c = THEMES[theme]
  return `${embedFont ? diagramFontFaces() : ''}
.rs-bg { fill: ${c.bgPanel}; }
.edge { fill: none; stroke: ${c.edge}; stroke-width: 1.5; }
.arrow-head { fill: ${c.edge}; }
.heap-frame, .heap-object, .more, .code { font-family: ${MONO_FONT}; font-size: 12px; }
.heap-frame .box { fill: ${c.frameBg}; stroke: ${c.nodeBorder}; }
.heap-frame.current .box { fill: ${c.frameCurrent}; stroke: ${c.accent}; }
.heap-frame .title { font-weight: 700; fill: ${c.fg}; }
.heap-frame .line, .heap-frame .empty { fill: ${c.fgMuted}; }
.divider { stroke: ${c.border}; }
.row-bg { fill: none; }
.heap-frame .name { fill: ${c.fg}; }
.return-value .name { fill: ${c.fgMuted}; font-style: italic; }
.inline { fill: ${c.fg}; }
.inline.hidden { fill: ${c.fgMuted}; }
.port { fill: ${c.edge}; }
.heap-object .box { fill: ${c.nodeBg}; stroke: ${c.nodeBorder}; stroke-width: 1; }
.heap-object .header { fill: ${c.nodeHeader}; }
.heap-object .type { fill: ${c.fg}; font-weight: 600; }
.heap-object .label { fill: ${c.fgMuted}; }
.heap-object .value { fill: ${c.fg}; }
.badge rect { fill: ${c.badgeBg}; }
.badge text { fill: ${c.badgeFg}; font-weight: 700; font-size: 12px; }
.immortal .badge rect { fill: ${c.immortalBg}; }
.delta { font-weight: 700; }
.delta.up { fill: ${c.success}; }
.delta.down { fill: ${c.danger}; }
.tag { font-size: 10px; font-weight: 700; }
.new-tag { fill: ${c.newColor}; }
.freed-tag { fill: ${c.danger}; }
.fresh .box { stroke: ${c.newColor}; stroke-width: 2; }
.freed { opacity: 0.4; }
.freed .box { stroke-dasharray: 4 3; stroke: ${c.danger}; }
.freed .badge rect { fill: ${c.danger}; }
.more-rows { fill: ${c.fgMuted}; font-style: italic; }
.more rect { fill: ${c.bgAlt}; stroke: ${c.accent}; stroke-dasharray: 4 3; }
.more text { fill: ${c.accent}; font-weight: 600; }
.code .panel { fill: ${c.bgAlt}; stroke: ${c.border}; }
.code .current-line { ${fillOf(c.currentLine)} }
.code .number { fill: ${c.fgMuted}; }
.code .source { fill: ${c.fg}; }
`
}
