import { frameOffsets, MARGIN, sectionPath } from './layout'
import type { EdgeSpec, LayoutResult } from './layout'
import { HEADER_HEIGHT, ROW_HEIGHT } from './measure'
import type { FrameBox, ObjectNode } from './types'

/** Vertical gap between boxes in a column. */
const GAP_Y = 16
/** Horizontal gap between columns. */
const GAP_X = 56

/**
 * A fast layered layout for heaps too large for ELK to lay out interactively: each object goes
 * in the column after its first drawn referrer (breadth-first from the frames), ordered by where
 * that referrer's row sits; unreferenced boxes (ghosts) go in the last column.
 */
export function quickLayout(
  frames: readonly FrameBox[],
  nodes: readonly ObjectNode[],
  edges: readonly EdgeSpec[],
): LayoutResult {
  const positions = new Map<string, { x: number; y: number }>()
  const offsets = frameOffsets(frames)
  const framesWidth = frames.length > 0 ? Math.max(...frames.map((frame) => frame.width)) : 0
  frames.forEach((frame, index) =>
    positions.set(frame.key, { x: MARGIN, y: MARGIN + offsets[index]! }),
  )

  const outgoing = new Map<string, EdgeSpec[]>()
  for (const edge of edges) {
    const list = outgoing.get(edge.from) ?? []
    list.push(edge)
    outgoing.set(edge.from, list)
  }
  const column = new Map<string, number>()
  const rank = new Map<string, number>()
  const columns: string[][] = []
  let frontier = frames.map((frame) => frame.key)
  let depth = 0
  let order = 0
  while (frontier.length > 0) {
    const next: string[] = []
    for (const source of frontier) {
      for (const edge of outgoing.get(source) ?? []) {
        if (column.has(edge.to)) continue
        column.set(edge.to, depth)
        rank.set(edge.to, order++)
        ;(columns[depth] ??= []).push(edge.to)
        next.push(edge.to)
      }
    }
    frontier = next
    depth++
  }
  const leftovers = nodes.filter((node) => !column.has(node.id)).map((node) => node.id)
  if (leftovers.length > 0) columns.push(leftovers)

  const byId = new Map(nodes.map((node) => [node.id, node]))
  let x = MARGIN + framesWidth + (frames.length > 0 ? GAP_X : 0)
  let height = MARGIN + (offsets.at(-1) ?? 0) + (frames.at(-1)?.height ?? 0)
  for (const ids of columns) {
    let y = MARGIN
    let width = 0
    for (const id of ids) {
      const node = byId.get(id)
      if (!node) continue
      positions.set(id, { x, y })
      y += node.height + GAP_Y
      width = Math.max(width, node.width)
    }
    height = Math.max(height, y)
    x += width + GAP_X
  }

  const boxes = new Map<string, FrameBox | ObjectNode>()
  for (const frame of frames) boxes.set(frame.key, frame)
  for (const node of nodes) boxes.set(node.id, node)
  const paths = new Map<string, string>()
  for (const edge of edges) {
    const from = boxes.get(edge.from)!
    const fromAt = positions.get(edge.from)!
    const toAt = positions.get(edge.to)!
    const width = frames.includes(from as FrameBox) ? framesWidth : from.width
    const start = {
      x: fromAt.x + width,
      y: fromAt.y + from.rows[edge.row]!.offsetY + ROW_HEIGHT / 2,
    }
    paths.set(edge.id, sectionPath(start, [], { x: toAt.x, y: toAt.y + HEADER_HEIGHT / 2 }))
  }
  return { positions, paths, width: x - GAP_X + MARGIN, height: height + MARGIN }
}
