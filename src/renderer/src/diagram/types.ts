/** A point in diagram coordinates (pixels at zoom 1). */
export interface Point {
  x: number
  y: number
}

/** An axis-aligned box. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** A reference drawn from a row: either an arrow to a box or the target's value inline. */
export interface RowReference {
  /** Trace id of the referenced object (kept for inline values too). */
  target: string
  /** Text drawn in place of an arrow (immortal scalars inline, or a hidden object), else null. */
  inline: string | null
  /** True when the target exists but is not drawn because of the object cap. */
  hidden: boolean
}

/** One name of a frame. */
export interface NameRow {
  /** The variable name (or `return value`). */
  name: string
  /** What it references. */
  ref: RowReference
  /** Row top, relative to the frame box. */
  offsetY: number
  /** True for the return value shown on a `return` step. */
  isReturnValue: boolean
}

/** One frame in the frames column. */
export interface FrameBox extends Box {
  /** Stable key: `frame:<depth>`. */
  key: string
  /** Function name (`<module>` for the top level). */
  function: string
  /** Line the frame is at. */
  line: number
  /** Names bound in the frame. */
  rows: NameRow[]
  /** True for the innermost (executing) frame. */
  current: boolean
}

/** One slot of an object box (list item, dict entry, attribute…), or a line of its value. */
export interface SlotRow {
  /** Slot label (`[0]`, `['key']`, `.attr`…); empty for a value line. */
  label: string
  /** The reference, or null for a value line. */
  ref: RowReference | null
  /** Text of a value line. */
  text: string | null
  /** Row top, relative to the object box. */
  offsetY: number
}

/** One object box. */
export interface ObjectNode extends Box {
  /** Trace id. */
  id: string
  /** Python type name. */
  type: string
  /** Short repr. */
  repr: string
  /** True count, or null for immortal objects. */
  refcount: number | null
  /** Immortal (drawn with ∞). */
  immortal: boolean
  /** Change against the previous step, or null when unchanged or not comparable. */
  delta: number | null
  /** Did not exist at the previous step. */
  isNew: boolean
  /** Deallocated at this step: drawn as a faded ghost with count 0. */
  freed: boolean
  /** Slots or value lines. */
  rows: SlotRow[]
  /** Slots not drawn because the box is capped. */
  omittedRows: number
  /** Tooltip text. */
  title: string
}

/** An arrow from a frame name or an object slot to an object box. */
export interface Edge {
  /** Unique id. */
  id: string
  /** Frame key or object id the arrow starts from. */
  from: string
  /** Row index within the source. */
  row: number
  /** Target object id. */
  to: string
  /** SVG path data. */
  path: string
  /** Where the arrow starts from. */
  kind: 'name' | 'slot'
}

/** The marker standing for objects not drawn. */
export interface MoreMarker extends Box {
  /** How many objects are not drawn. */
  count: number
}

/** Everything needed to draw one step. */
export interface DiagramModel {
  /** Trace index of the step drawn. */
  stepIndex: number
  /** Drawing size. */
  width: number
  height: number
  /** Frames column, outermost first. */
  frames: FrameBox[]
  /** Object boxes, ghosts included. */
  nodes: ObjectNode[]
  /** Arrows. */
  edges: Edge[]
  /** "n more objects" affordance, when the cap hid some. */
  more: MoreMarker | null
  /** Signature of the structure the layout was computed for (used to reuse layouts). */
  layoutKey: string
}
