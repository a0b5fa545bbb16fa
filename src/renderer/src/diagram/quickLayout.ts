import { frameOffsets, MARGIN, sectionPath } from './layout'
import type { EdgeSpec, LayoutResult } from './layout'
import { HEADER_HEIGHT, ROW_HEIGHT } from './measure'
import type { FrameBox, ObjectNode } from './types'

/** Vertical gap between boxes in a column. */
const GAP_Y = 16
/** Horizontal gap between columns. */
const GAP_X = 56

/** Least space kept between two boxes when a seeded position is checked. */
const CLEARANCE = 8

/**
 * A fast layered layout for heaps too large for ELK to lay out interactively: each object goes
 * in the column after its first drawn referrer (breadth-first from the frames), ordered by where
 * that referrer's row sits; unreferenced boxes (ghosts) go in the last column.
 *
 * With `seeds` (the positions of the picture drawn before), boxes stay where they were whenever
 * that overlaps nothing, so a step that only moves references keeps the picture still; the
 * other boxes take their layered position, or the first free place in that column.
 */
export function quickLayout(
  frames: readonly FrameBox[],
  nodes: readonly ObjectNode[],
  edges: readonly EdgeSpec[],
  seeds?: ReadonlyMap<string, { x: number; y: number }>,
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
    x += width + GAP_X
  }
  if (seeds && seeds.size > 0) keepSeededPlaces(positions, frames, framesWidth, nodes, seeds)

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
  const frameKeys = new Set(frames.map((frame) => frame.key))
  let width = 0
  let height = 0
  for (const [id, box] of boxes) {
    const at = positions.get(id)!
    width = Math.max(width, at.x + (frameKeys.has(id) ? framesWidth : box.width))
    height = Math.max(height, at.y + box.height)
  }
  return { positions, paths, width: width + MARGIN, height: height + MARGIN }
}

interface Placed {
  x: number
  y: number
  width: number
  height: number
}

function overlaps(a: Placed, b: Placed): boolean {
  return (
    a.x < b.x + b.width + CLEARANCE &&
    b.x < a.x + a.width + CLEARANCE &&
    a.y < b.y + b.height + CLEARANCE &&
    b.y < a.y + a.height + CLEARANCE
  )
}

/**
 * Moves every box that has a seed back to it when it overlaps nothing there, then fits the
 * others in: at their layered place if it is free, else in the first gap of that column.
 */
function keepSeededPlaces(
  positions: Map<string, { x: number; y: number }>,
  frames: readonly FrameBox[],
  framesWidth: number,
  nodes: readonly ObjectNode[],
  seeds: ReadonlyMap<string, { x: number; y: number }>,
): void {
  const placed: Placed[] = frames.map((frame) => ({
    ...positions.get(frame.key)!,
    width: framesWidth,
    height: frame.height,
  }))
  const free = (box: Placed) => placed.every((other) => !overlaps(box, other))
  const rest: ObjectNode[] = []
  for (const node of nodes) {
    const seed = seeds.get(node.id)
    const box = seed && { x: seed.x, y: seed.y, width: node.width, height: node.height }
    if (box && box.x >= MARGIN && box.y >= MARGIN && free(box)) {
      placed.push(box)
      positions.set(node.id, seed)
    } else {
      rest.push(node)
    }
  }
  for (const node of rest) {
    const at = positions.get(node.id)!
    const box = { x: at.x, y: at.y, width: node.width, height: node.height }
    if (!free(box)) {
      // The first gap in this column, top to bottom.
      box.y = MARGIN
      const column = placed
        .filter(
          (other) =>
            other.x < box.x + box.width + CLEARANCE && box.x < other.x + other.width + CLEARANCE,
        )
        .sort((a, b) => a.y - b.y)
      for (const other of column) {
        if (!overlaps(box, other)) continue
        box.y = other.y + other.height + GAP_Y
      }
    }
    placed.push(box)
    positions.set(node.id, { x: box.x, y: box.y })
  }
}
