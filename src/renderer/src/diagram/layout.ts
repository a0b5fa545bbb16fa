import type { ElkExtendedEdge, ElkNode, ElkPoint, ElkPort } from 'elkjs/lib/elk-api'
import { HEADER_HEIGHT, ROW_HEIGHT } from './measure'
import type { Box, FrameBox, ObjectNode } from './types'

/** Anything that lays out an ELK graph (the bundled ELK, a worker-backed ELK, a fake). */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>
}

/** Gap between stacked frames. */
export const FRAME_GAP = 12
/** Margin around the drawing. */
export const MARGIN = 16

/** Id of the single node holding the frames column. */
export const FRAMES_NODE = 'frames'

/** One arrow before layout: which row of which box points at which object. */
export interface EdgeSpec {
  id: string
  from: string
  row: number
  to: string
  kind: 'name' | 'slot'
}

/** Positions computed for one structure, reusable across steps with the same structure. */
export interface LayoutResult {
  /** Top-left of every box by id (frames by key). */
  positions: Map<string, { x: number; y: number }>
  /** SVG path of every edge by id. */
  paths: Map<string, string>
  /** Extent of the drawing. */
  width: number
  height: number
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'SPLINES',
  'elk.spacing.nodeNode': '20',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.componentComponent': '32',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.semiInteractive': 'true',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]`,
}

/** Vertical offsets of stacked frames inside the frames column. */
export function frameOffsets(frames: readonly FrameBox[]): number[] {
  const offsets: number[] = []
  let y = 0
  for (const frame of frames) {
    offsets.push(y)
    y += frame.height + FRAME_GAP
  }
  return offsets
}

function rowPortY(offsetY: number): number {
  return offsetY + ROW_HEIGHT / 2
}

/** Builds the ELK graph: the frames column first, then objects in creation order. */
export function elkGraph(
  frames: readonly FrameBox[],
  nodes: readonly ObjectNode[],
  edges: readonly EdgeSpec[],
  seeds: ReadonlyMap<string, { x: number; y: number }>,
): ElkNode {
  const children: ElkNode[] = []
  const sourcePorts = new Map<string, ElkPort[]>()
  const portId = (edge: EdgeSpec) => `${edge.from}#${edge.row}`
  const offsets = frameOffsets(frames)
  const frameIndex = new Map(frames.map((frame, index) => [frame.key, index]))
  const nodeById = new Map(nodes.map((node) => [node.id, node]))
  for (const edge of edges) {
    const ports = sourcePorts.get(edge.from) ?? []
    if (!ports.some((port) => port.id === portId(edge))) {
      const frame = frameIndex.get(edge.from)
      const y =
        frame === undefined
          ? rowPortY(nodeById.get(edge.from)!.rows[edge.row]!.offsetY)
          : offsets[frame]! + rowPortY(frames[frame]!.rows[edge.row]!.offsetY)
      ports.push({ id: portId(edge), x: 0, y, width: 0, height: 0 })
    }
    sourcePorts.set(edge.from, ports)
  }
  if (frames.length > 0) {
    const width = Math.max(...frames.map((frame) => frame.width))
    const height = offsets[offsets.length - 1]! + frames[frames.length - 1]!.height
    const ports = frames.flatMap((frame) => sourcePorts.get(frame.key) ?? [])
    for (const port of ports) port.x = width
    children.push({
      id: FRAMES_NODE,
      width,
      height,
      ports,
      layoutOptions: {
        'elk.portConstraints': 'FIXED_POS',
        'elk.layered.layering.layerConstraint': 'FIRST',
      },
    })
  }
  for (const node of nodes) {
    const ports = (sourcePorts.get(node.id) ?? []).map((port) => ({ ...port, x: node.width }))
    ports.unshift({ id: `${node.id}#in`, x: 0, y: HEADER_HEIGHT / 2, width: 0, height: 0 })
    const seed = seeds.get(node.id)
    children.push({
      id: node.id,
      width: node.width,
      height: node.height,
      ports,
      ...(seed ? { x: seed.x, y: seed.y } : {}),
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    })
  }
  const elkEdges: ElkExtendedEdge[] = edges.map((edge) => ({
    id: edge.id,
    sources: [portId(edge)],
    targets: [`${edge.to}#in`],
  }))
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children, edges: elkEdges }
}

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** SVG path through ELK's section points: cubic Béziers for splines, else a polyline. */
export function sectionPath(start: ElkPoint, bends: readonly ElkPoint[], end: ElkPoint): string {
  const points = [start, ...bends, end]
  let path = `M${fmt(start.x)},${fmt(start.y)}`
  if (bends.length > 0 && (points.length - 1) % 3 === 0) {
    for (let i = 1; i < points.length; i += 3) {
      const [a, b, c] = [points[i]!, points[i + 1]!, points[i + 2]!]
      path += ` C${fmt(a.x)},${fmt(a.y)} ${fmt(b.x)},${fmt(b.y)} ${fmt(c.x)},${fmt(c.y)}`
    }
    return path
  }
  if (bends.length === 0) {
    const dx = Math.max(24, Math.abs(end.x - start.x) / 2)
    return (
      path +
      ` C${fmt(start.x + dx)},${fmt(start.y)} ${fmt(end.x - dx)},${fmt(end.y)} ${fmt(end.x)},${fmt(end.y)}`
    )
  }
  for (const point of points.slice(1)) path += ` L${fmt(point.x)},${fmt(point.y)}`
  return path
}

/** Reads positions and edge paths out of a laid-out ELK graph. */
export function readLayout(graph: ElkNode, frames: readonly FrameBox[]): LayoutResult {
  const positions = new Map<string, { x: number; y: number }>()
  const offsets = frameOffsets(frames)
  for (const child of graph.children ?? []) {
    const at = { x: child.x ?? 0, y: child.y ?? 0 }
    if (child.id === FRAMES_NODE) {
      frames.forEach((frame, index) =>
        positions.set(frame.key, { x: at.x, y: at.y + offsets[index]! }),
      )
    } else {
      positions.set(child.id, at)
    }
  }
  const paths = new Map<string, string>()
  for (const edge of graph.edges ?? []) {
    const section = edge.sections?.[0]
    if (section)
      paths.set(
        edge.id,
        sectionPath(section.startPoint, section.bendPoints ?? [], section.endPoint),
      )
  }
  return { positions, paths, width: graph.width ?? 0, height: graph.height ?? 0 }
}

/** Straight-line fallback path between two boxes' rows (used when a path is missing). */
export function fallbackPath(from: Box, fromY: number, to: Box): string {
  return sectionPath({ x: from.x + from.width, y: from.y + fromY }, [], {
    x: to.x,
    y: to.y + HEADER_HEIGHT / 2,
  })
}
