import ELK from 'elkjs/lib/elk.bundled.js'
import type { TraceStep } from '../../../shared/trace'
import { frameBoxes, objectNode, rowReference } from './boxes'
import { elkGraph, fallbackPath, MARGIN, readLayout } from './layout'
import type { EdgeSpec, LayoutEngine, LayoutResult } from './layout'
import { HEADER_HEIGHT, ROW_HEIGHT } from './measure'
import { quickLayout } from './quickLayout'
import { byCreation, selectObjects } from './select'
import type { DiagramModel, Edge, FrameBox, MoreMarker, ObjectNode, RowReference } from './types'

export type { DiagramModel, Edge, FrameBox, MoreMarker, ObjectNode } from './types'
export type { LayoutEngine } from './layout'

/** Default cap on object boxes drawn. */
export const DEFAULT_MAX_OBJECTS = 300

/** Above this many boxes the fast built-in layout replaces ELK (which needs seconds there). */
export const DEFAULT_ELK_MAX_NODES = 120

/** Remembers layouts by structure so revisiting a picture reuses it exactly. */
export class LayoutCache {
  private readonly entries = new Map<string, LayoutResult>()

  /** @param capacity layouts kept before the least recently used is dropped */
  constructor(private readonly capacity = 64) {}

  /** The layout for a structure key, if cached. */
  get(key: string): LayoutResult | undefined {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  /** Stores a layout. */
  set(key: string, layout: LayoutResult): void {
    this.entries.set(key, layout)
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
  }
}

/** Knobs of the diagram. */
export interface DiagramOptions {
  /** Draw immortal scalars inline in their slot (default true). */
  immortalInline?: boolean
  /** Most object boxes drawn (default 300). */
  maxObjects?: number
  /** The previously drawn model: its positions seed the layout so the picture stays put. */
  previous?: DiagramModel | null
  /** Layouts to reuse by structure. */
  cache?: LayoutCache
  /** Layout engine (defaults to the bundled ELK). */
  engine?: LayoutEngine
  /** Most boxes laid out with ELK; larger heaps use the fast layered layout (default 120). */
  elkMaxNodes?: number
}

let bundledEngine: LayoutEngine | null = null

/** The in-thread ELK, created on first use. */
export function defaultLayoutEngine(): LayoutEngine {
  bundledEngine ??= new ELK()
  return bundledEngine
}

function edgesOf(frames: readonly FrameBox[], nodes: readonly ObjectNode[]): EdgeSpec[] {
  const drawn = new Set(nodes.filter((node) => !node.freed).map((node) => node.id))
  const edges: EdgeSpec[] = []
  for (const frame of frames) {
    frame.rows.forEach((row, index) => {
      if (row.ref.inline === null && drawn.has(row.ref.target)) {
        edges.push({
          id: `${frame.key}#${index}`,
          from: frame.key,
          row: index,
          to: row.ref.target,
          kind: 'name',
        })
      }
    })
  }
  for (const node of nodes) {
    node.rows.forEach((row, index) => {
      if (row.ref && row.ref.inline === null && drawn.has(row.ref.target)) {
        edges.push({
          id: `${node.id}#${index}`,
          from: node.id,
          row: index,
          to: row.ref.target,
          kind: 'slot',
        })
      }
    })
  }
  return edges
}

/** A signature of everything the layout depends on: box sizes and connections. */
export function structureKey(
  frames: readonly FrameBox[],
  nodes: readonly ObjectNode[],
  edges: readonly EdgeSpec[],
): string {
  return [
    frames.map((frame) => `${frame.key}:${frame.width}x${frame.height}`).join(','),
    nodes.map((node) => `${node.id}:${node.width}x${node.height}`).join(','),
    edges.map((edge) => `${edge.id}>${edge.to}`).join(','),
  ].join('|')
}

function moreMarker(count: number, width: number, height: number): MoreMarker | null {
  if (count <= 0) return null
  return { count, x: MARGIN, y: height + 8, width: 180, height: 28 }
}

/**
 * Turns one trace step into a positioned diagram: frames column, object boxes with refcount
 * badges and change flags (against `previousStep`), freed ghosts and arrows. Pure apart from the
 * optional layout cache; never touches the DOM, so exporters can share it.
 */
export async function buildDiagram(
  step: TraceStep,
  previousStep: TraceStep | null,
  options: DiagramOptions = {},
): Promise<DiagramModel> {
  const immortalInline = options.immortalInline ?? true
  const maxObjects = options.maxObjects ?? DEFAULT_MAX_OBJECTS
  const selection = selectObjects(step, maxObjects, immortalInline)
  const drawn = new Set(selection.drawn)
  const reference = (target: string) => rowReference(step, selection, drawn, target)
  const frames = frameBoxes(step, selection, drawn)
  const hasPrevious = previousStep !== null
  const nodes: ObjectNode[] = selection.drawn.map((id) =>
    objectNode(
      id,
      step.objects[id]!,
      { before: previousStep?.objects[id], hasPrevious, freed: false },
      reference,
    ),
  )
  const ghosts = step.freed
    .filter((id) => previousStep?.objects[id] && !step.objects[id])
    .sort(byCreation)
    .slice(0, Math.max(0, maxObjects - nodes.length))
    .map((id) =>
      objectNode(
        id,
        previousStep!.objects[id]!,
        { before: previousStep!.objects[id], hasPrevious, freed: true },
        reference,
      ),
    )
  nodes.push(...ghosts)
  const edgeSpecs = edgesOf(frames, nodes)
  const key = structureKey(frames, nodes, edgeSpecs)

  let layout =
    options.previous?.layoutKey === key ? layoutOfModel(options.previous) : options.cache?.get(key)
  if (!layout) {
    const seeds = new Map<string, { x: number; y: number }>()
    for (const node of options.previous?.nodes ?? []) seeds.set(node.id, { x: node.x, y: node.y })
    layout =
      nodes.length > (options.elkMaxNodes ?? DEFAULT_ELK_MAX_NODES)
        ? quickLayout(frames, nodes, edgeSpecs, seeds)
        : await elkLayout(frames, nodes, edgeSpecs, seeds, options.engine)
  }
  options.cache?.set(key, layout)
  return assemble(step.index, frames, nodes, edgeSpecs, layout, key, selection.hiddenCount)
}

async function elkLayout(
  frames: readonly FrameBox[],
  nodes: readonly ObjectNode[],
  edges: readonly EdgeSpec[],
  seeds: ReadonlyMap<string, { x: number; y: number }>,
  engine: LayoutEngine = defaultLayoutEngine(),
): Promise<LayoutResult> {
  try {
    return readLayout(await engine.layout(elkGraph(frames, nodes, edges, seeds)), frames)
  } catch {
    // A layout failure must never leave the step undrawn.
    return quickLayout(frames, nodes, edges)
  }
}

function layoutOfModel(model: DiagramModel): LayoutResult {
  const positions = new Map<string, { x: number; y: number }>()
  for (const frame of model.frames) positions.set(frame.key, { x: frame.x, y: frame.y })
  for (const node of model.nodes) positions.set(node.id, { x: node.x, y: node.y })
  const paths = new Map(model.edges.map((edge) => [edge.id, edge.path]))
  const height = model.more ? model.more.y - 8 : model.height
  return { positions, paths, width: model.width, height }
}

function assemble(
  stepIndex: number,
  frames: FrameBox[],
  nodes: ObjectNode[],
  specs: readonly EdgeSpec[],
  layout: LayoutResult,
  layoutKey: string,
  hiddenCount: number,
): DiagramModel {
  const place = <T extends { x: number; y: number }>(box: T, id: string): T => {
    const at = layout.positions.get(id)
    return at ? { ...box, x: at.x, y: at.y } : box
  }
  const placedFrames = frames.map((frame) => place(frame, frame.key))
  const placedNodes = nodes.map((node) => place(node, node.id))
  const boxes = new Map<string, FrameBox | ObjectNode>()
  for (const frame of placedFrames) boxes.set(frame.key, frame)
  for (const node of placedNodes) boxes.set(node.id, node)
  const edges: Edge[] = specs.map((spec) => {
    const from = boxes.get(spec.from)!
    const rowY = from.rows[spec.row]!.offsetY + ROW_HEIGHT / 2
    const path = layout.paths.get(spec.id) ?? fallbackPath(from, rowY, boxes.get(spec.to)!)
    return { ...spec, path }
  })
  let width = Math.max(
    layout.width,
    ...[...boxes.values()].map((box) => box.x + box.width + MARGIN),
  )
  let height = Math.max(
    layout.height,
    ...[...boxes.values()].map((box) => box.y + box.height + MARGIN),
  )
  const more = moreMarker(hiddenCount, width, height)
  if (more) {
    height = more.y + more.height + MARGIN
    width = Math.max(width, more.x + more.width + MARGIN)
  }
  return {
    stepIndex,
    width: Math.ceil(width),
    height: Math.ceil(Math.max(height, HEADER_HEIGHT)),
    frames: placedFrames,
    nodes: placedNodes,
    edges,
    more,
    layoutKey,
  }
}

function sameReference(a: RowReference | null, b: RowReference | null): boolean {
  if (a === b) return true
  return !!a && !!b && a.target === b.target && a.inline === b.inline && a.hidden === b.hidden
}

function sameFields<T>(a: T, b: T, keys: readonly (keyof T)[]): boolean {
  for (const key of keys) if (a[key] !== b[key]) return false
  return true
}

/** Rows are equal when the listed fields and the reference they draw are. */
function sameRows<R extends { ref: RowReference | null }>(
  a: readonly R[],
  b: readonly R[],
  keys: readonly (keyof R)[],
): boolean {
  if (a.length !== b.length) return false
  return a.every((row, index) => {
    const other = b[index]!
    return sameFields(row, other, keys) && sameReference(row.ref, other.ref)
  })
}

// Every drawn field but the position, and the row fields they draw.
const NODE_FIELDS = [
  'id',
  'type',
  'repr',
  'refcount',
  'immortal',
  'delta',
  'isNew',
  'freed',
  'omittedRows',
  'title',
  'width',
  'height',
] as const satisfies readonly (keyof ObjectNode)[]
const NODE_ROW_FIELDS = [
  'label',
  'text',
  'offsetY',
] as const satisfies readonly (keyof ObjectNode['rows'][number])[]
const FRAME_FIELDS = [
  'key',
  'function',
  'line',
  'current',
  'x',
  'y',
  'width',
  'height',
] as const satisfies readonly (keyof FrameBox)[]
const FRAME_ROW_FIELDS = [
  'name',
  'offsetY',
  'isReturnValue',
] as const satisfies readonly (keyof FrameBox['rows'][number])[]

/** Fails to compile when `T` has a field the comparison lists neither compare nor skip. */
type Covers<T, Listed> = Exclude<keyof T, Listed> extends never ? true : Exclude<keyof T, Listed>
const nodeFieldsCovered: Covers<ObjectNode, (typeof NODE_FIELDS)[number] | 'x' | 'y' | 'rows'> =
  true
const frameFieldsCovered: Covers<FrameBox, (typeof FRAME_FIELDS)[number] | 'rows'> = true
const rowFieldsCovered: [
  Covers<ObjectNode['rows'][number], (typeof NODE_ROW_FIELDS)[number] | 'ref'>,
  Covers<FrameBox['rows'][number], (typeof FRAME_ROW_FIELDS)[number] | 'ref'>,
] = [true, true]
void [nodeFieldsCovered, frameFieldsCovered, rowFieldsCovered]

/**
 * True when two object boxes draw the same thing wherever they are placed: every field but `x`
 * and `y` is equal. Renderers use it to keep a moved but otherwise unchanged box as it is.
 */
export function sameNodeContent(a: ObjectNode, b: ObjectNode): boolean {
  return a === b || (sameFields(a, b, NODE_FIELDS) && sameRows(a.rows, b.rows, NODE_ROW_FIELDS))
}

/** True when two frame boxes are equal, position included. */
export function sameFrame(a: FrameBox, b: FrameBox): boolean {
  return a === b || (sameFields(a, b, FRAME_FIELDS) && sameRows(a.rows, b.rows, FRAME_ROW_FIELDS))
}

/** True when two arrows are equal. */
export function sameEdge(a: Edge, b: Edge): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.from === b.from &&
      a.row === b.row &&
      a.to === b.to &&
      a.path === b.path &&
      a.kind === b.kind)
  )
}

/**
 * Returns `next` with every frame, node and edge that is unchanged since `previous` replaced by
 * the previous object, so renderers that compare by identity redraw only what changed.
 */
export function shareUnchanged(next: DiagramModel, previous: DiagramModel | null): DiagramModel {
  if (!previous) return next
  const oldNodes = new Map(previous.nodes.map((node) => [node.id, node]))
  const oldFrames = new Map(previous.frames.map((frame) => [frame.key, frame]))
  const oldEdges = new Map(previous.edges.map((edge) => [edge.id, edge]))
  return {
    ...next,
    nodes: next.nodes.map((node) => {
      const old = oldNodes.get(node.id)
      return old && old.x === node.x && old.y === node.y && sameNodeContent(node, old) ? old : node
    }),
    frames: next.frames.map((frame) => {
      const old = oldFrames.get(frame.key)
      return old && sameFrame(frame, old) ? old : frame
    }),
    edges: next.edges.map((edge) => {
      const old = oldEdges.get(edge.id)
      return old && sameEdge(edge, old) ? old : edge
    }),
  }
}
