/** SVG markup of frames and object boxes, element for element as HeapFrame.vue and HeapObject.vue. */
import { HEADER_HEIGHT, ROW_HEIGHT } from '../renderer/src/diagram/measure.ts'
import type { FrameBox, ObjectNode } from '../renderer/src/diagram/types.ts'
import { attrs, escapeXml } from './xml.ts'

/** One frame box of the frames column. */
export function frameSvg(frame: FrameBox): string {
  const rows = frame.rows
    .map((row) => {
      const classes = ['name-row', row.isReturnValue ? 'return-value' : ''].filter(Boolean)
      const value =
        row.ref.inline !== null
          ? `<text class="inline"${attrs({ x: frame.width - 8, y: row.offsetY + 14, 'text-anchor': 'end' })}>${escapeXml(row.ref.inline)}</text>`
          : `<circle class="port"${attrs({ cx: frame.width - 6, cy: row.offsetY + ROW_HEIGHT / 2, r: 3 })}/>`
      return (
        `<g${attrs({
          class: classes.join(' '),
          'data-name': row.isReturnValue ? undefined : row.name,
          'data-return-value': row.isReturnValue ? 'true' : undefined,
          'data-target': row.ref.target,
        })}>` +
        `<rect class="row-bg"${attrs({ x: 1, y: row.offsetY, width: frame.width - 2, height: ROW_HEIGHT })}/>` +
        `<text class="name"${attrs({ x: 8, y: row.offsetY + 14 })}>${escapeXml(row.name)}</text>` +
        value +
        '</g>'
      )
    })
    .join('')
  const empty =
    frame.rows.length === 0
      ? `<text class="empty" x="8" y="${HEADER_HEIGHT + 14}">(no names yet)</text>`
      : ''
  return (
    `<g${attrs({
      class: frame.current ? 'heap-frame current' : 'heap-frame',
      transform: `translate(${frame.x},${frame.y})`,
      'data-frame': frame.function,
      'data-line': frame.line,
    })}>` +
    `<rect class="box"${attrs({ width: frame.width, height: frame.height, rx: 5 })}/>` +
    `<text class="title" x="8" y="16">${escapeXml(frame.function)}</text>` +
    `<text class="line"${attrs({ x: frame.width - 8, y: 16, 'text-anchor': 'end' })}>line ${frame.line}</text>` +
    `<line class="divider"${attrs({ x1: 0, x2: frame.width, y1: HEADER_HEIGHT, y2: HEADER_HEIGHT })}/>` +
    empty +
    rows +
    '</g>'
  )
}

/** The badge text: the count, or ∞ for immortal objects (0 for a freed ghost). */
export function badgeText(node: ObjectNode): string {
  return node.immortal ? '∞' : String(node.refcount ?? '?')
}

/** The `data-refcount` value of the test contract. */
export function dataRefcount(node: ObjectNode): string {
  return node.freed ? '0' : node.immortal ? 'immortal' : String(node.refcount)
}

function deltaText(delta: number | null): string | null {
  if (delta === null) return null
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`
}

function slotRows(node: ObjectNode): string {
  return node.rows
    .map((row, index) => {
      const divider =
        index > 0
          ? `<line class="divider"${attrs({ x1: 0, x2: node.width, y1: row.offsetY, y2: row.offsetY })}/>`
          : ''
      let value = ''
      if (row.text !== null) {
        value = `<text class="value"${attrs({ x: 8, y: row.offsetY + 14 })}>${escapeXml(row.text)}</text>`
      } else if (row.ref && row.ref.inline !== null) {
        value =
          `<text${attrs({
            class: row.ref.hidden ? 'inline hidden' : 'inline',
            x: node.width - 8,
            y: row.offsetY + 14,
            'text-anchor': 'end',
            'data-target': row.ref.target,
          })}>` + `${escapeXml(row.ref.inline)}</text>`
      } else if (row.ref) {
        value = `<circle class="port"${attrs({ cx: node.width - 6, cy: row.offsetY + ROW_HEIGHT / 2, r: 3, 'data-target': row.ref.target })}/>`
      }
      return (
        `<g class="row"${attrs({ 'data-slot': row.label || undefined })}>` +
        divider +
        `<text class="label"${attrs({ x: 8, y: row.offsetY + 14 })}>${escapeXml(row.label)}</text>` +
        value +
        '</g>'
      )
    })
    .join('')
}

/** One object box with its badge, delta, tags and slots. */
export function objectSvg(node: ObjectNode): string {
  const badge = badgeText(node)
  const badgeWidth = Math.max(22, badge.length * 8 + 12)
  const delta = deltaText(node.delta)
  const classes = ['heap-object']
  if (node.freed) classes.push('freed')
  if (node.isNew) classes.push('fresh')
  if (node.immortal) classes.push('immortal')
  const label = node.freed
    ? 'freed'
    : node.immortal
      ? 'immortal'
      : `reference count ${node.refcount}`
  const w = node.width
  return (
    `<g${attrs({
      class: classes.join(' '),
      transform: `translate(${node.x},${node.y})`,
      'data-object-id': node.id,
      'data-type': node.type,
      'data-refcount': dataRefcount(node),
      'data-freed': node.freed ? 'true' : undefined,
      'data-new': node.isNew ? 'true' : undefined,
      'data-delta': node.delta ?? undefined,
      'aria-label': `${node.type} object, ${label}`,
    })}>` +
    `<title>${escapeXml(node.title)}</title>` +
    `<rect class="box"${attrs({ width: w, height: node.height, rx: 5 })}/>` +
    `<path class="header" d="M0,${HEADER_HEIGHT} V5 Q0,0 5,0 H${w - 5} Q${w},0 ${w},5 V${HEADER_HEIGHT} Z"/>` +
    `<text class="type" x="8" y="16">${escapeXml(node.type)}</text>` +
    (node.isNew ? '<text class="tag new-tag" x="0" y="-5">NEW</text>' : '') +
    (node.freed ? '<text class="tag freed-tag" x="0" y="-5">FREED</text>' : '') +
    `<g class="badge" transform="translate(${w - badgeWidth - 5},4)" data-testid="refcount-badge">` +
    `<rect width="${badgeWidth}" height="16" rx="8"/>` +
    `<text x="${badgeWidth / 2}" y="12" text-anchor="middle">${badge}</text></g>` +
    (delta
      ? `<text${attrs({
          class: (node.delta ?? 0) > 0 ? 'delta up' : 'delta down',
          x: w - badgeWidth - 10,
          y: 16,
          'text-anchor': 'end',
        })}>${delta}</text>`
      : '') +
    slotRows(node) +
    (node.omittedRows > 0
      ? `<text class="more-rows" x="8" y="${HEADER_HEIGHT + node.rows.length * ROW_HEIGHT + 14}">+${node.omittedRows} more</text>`
      : '') +
    '</g>'
  )
}
