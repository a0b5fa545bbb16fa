/** Diagram font size in pixels. */
export const FONT_SIZE = 12
/** Advance of one monospace character. */
export const CHAR_WIDTH = FONT_SIZE * 0.6
/** Height of a slot or name row. */
export const ROW_HEIGHT = 20
/** Height of an object's or frame's header. */
export const HEADER_HEIGHT = 24
/** Horizontal padding inside boxes. */
export const PADDING = 8
/** Width reserved for the refcount badge (and its delta). */
export const BADGE_WIDTH = 64
/** Narrowest and widest object box. */
export const NODE_WIDTH = { min: 96, max: 280 } as const
/** Width of the frames column. */
export const FRAME_WIDTH = { min: 150, max: 260 } as const
/** Longest text drawn in one row, in characters. */
export const MAX_TEXT = 28
/** Most slots drawn in one box before "+n more". */
export const MAX_ROWS = 40

/** Shortens text to `max` characters with an ellipsis. */
export function truncate(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…'
}

/** Width in pixels of monospace text. */
export function textWidth(text: string): number {
  return text.length * CHAR_WIDTH
}

/** Clamps a width into a range. */
export function clampWidth(width: number, range: { min: number; max: number }): number {
  return Math.ceil(Math.max(range.min, Math.min(range.max, width)))
}
