import type { TraceObject, TraceStep } from '../../../shared/trace'
import {
  BADGE_WIDTH,
  clampWidth,
  FRAME_WIDTH,
  HEADER_HEIGHT,
  MAX_ROWS,
  NODE_WIDTH,
  PADDING,
  ROW_HEIGHT,
  textWidth,
  truncate,
} from './measure'
import type { ObjectSelection } from './select'
import type { FrameBox, NameRow, ObjectNode, RowReference, SlotRow } from './types'

/** Tooltip explaining immortality. */
export const IMMORTAL_TITLE =
  'Immortal object (Python 3.12+, PEP 683): its reference count is pinned, never changes and ' +
  'the object is never freed.'

/** How a reference to `target` is drawn in a row. */
export function rowReference(
  step: TraceStep,
  selection: ObjectSelection,
  drawn: ReadonlySet<string>,
  target: string,
): RowReference {
  if (selection.inline.has(target)) {
    return { target, inline: truncate(step.objects[target]?.repr ?? '?', 18), hidden: false }
  }
  if (drawn.has(target)) return { target, inline: null, hidden: false }
  return { target, inline: '…', hidden: true }
}

/** Frames column boxes (unpositioned: x and y are 0). */
export function frameBoxes(
  step: TraceStep,
  selection: ObjectSelection,
  drawn: ReadonlySet<string>,
): FrameBox[] {
  return step.frames.map((frame, depth) => {
    const rows: NameRow[] = Object.entries(frame.locals).map(([name, target], index) => ({
      name,
      ref: rowReference(step, selection, drawn, target),
      offsetY: HEADER_HEIGHT + index * ROW_HEIGHT,
      isReturnValue: false,
    }))
    if (frame.returnValue) {
      rows.push({
        name: 'return value',
        ref: rowReference(step, selection, drawn, frame.returnValue),
        offsetY: HEADER_HEIGHT + rows.length * ROW_HEIGHT,
        isReturnValue: true,
      })
    }
    const widest = Math.max(
      textWidth(`${frame.function}  line ${frame.line}`),
      ...rows.map((row) => textWidth(row.name) + textWidth(row.ref.inline ?? '') + 40),
    )
    return {
      key: `frame:${depth}`,
      function: frame.function,
      line: frame.line,
      rows,
      current: depth === step.frames.length - 1,
      x: 0,
      y: 0,
      width: clampWidth(widest + 2 * PADDING, FRAME_WIDTH),
      height: HEADER_HEIGHT + Math.max(1, rows.length) * ROW_HEIGHT + PADDING / 2,
    }
  })
}

/** Facts about an object's previous state used for change highlighting. */
export interface ObjectHistory {
  /** The object's record at the previous step, if it existed then. */
  before: TraceObject | undefined
  /** A previous step exists (at step 0 nothing is "new"). */
  hasPrevious: boolean
  /** The object was deallocated at this step. */
  freed: boolean
}

/** An object box (unpositioned) with its rows, badge and change flags. */
export function objectNode(
  id: string,
  object: TraceObject,
  history: ObjectHistory,
  reference: (target: string) => RowReference,
): ObjectNode {
  const visible = object.refs.slice(0, MAX_ROWS)
  const rows: SlotRow[] =
    object.refs.length > 0
      ? visible.map((ref, index) => ({
          label: truncate(ref.label, 18),
          ref: history.freed
            ? { target: ref.target, inline: '', hidden: true }
            : reference(ref.target),
          text: null,
          offsetY: HEADER_HEIGHT + index * ROW_HEIGHT,
        }))
      : [{ label: '', ref: null, text: truncate(object.repr), offsetY: HEADER_HEIGHT }]
  const omittedRows = object.refs.length - visible.length
  const rowWidth = Math.max(
    ...rows.map((row) => textWidth(row.label) + textWidth(row.text ?? row.ref?.inline ?? '') + 36),
  )
  const headerWidth = textWidth(truncate(object.type, 20)) + BADGE_WIDTH + PADDING
  const before = history.before
  const refcount = history.freed ? 0 : object.refcount
  const delta =
    !history.freed && before && before.refcount !== null && object.refcount !== null
      ? object.refcount - before.refcount
      : null
  const title = object.immortal
    ? `${object.type} ${truncate(object.repr, 60)}\n${IMMORTAL_TITLE}`
    : history.freed
      ? `${object.type} ${truncate(object.repr, 60)}\nFreed at this step: its count reached 0.`
      : `${object.type} ${truncate(object.repr, 60)}\nReference count: ${object.refcount}`
  return {
    id,
    type: object.type,
    repr: object.repr,
    refcount,
    immortal: object.immortal && !history.freed,
    delta: delta === 0 ? null : delta,
    isNew: history.hasPrevious && !before && !history.freed,
    freed: history.freed,
    rows,
    omittedRows,
    title,
    x: 0,
    y: 0,
    width: clampWidth(Math.max(rowWidth, headerWidth) + PADDING, NODE_WIDTH),
    height: HEADER_HEIGHT + (rows.length + (omittedRows > 0 ? 1 : 0)) * ROW_HEIGHT + PADDING / 2,
  }
}
