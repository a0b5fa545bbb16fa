import type { StepEvent } from '../../../shared/trace'

/** The per-step facts navigation needs, as the trace summary delivers them. */
export interface TraceOutline {
  /** Event of every known step. */
  events: readonly StepEvent[]
  /** Frame count (call depth) of every known step. */
  depths: readonly number[]
  /** Line of every known step. */
  lines: readonly number[]
}

/** Lines that carry a breakpoint. */
export type BreakpointLines = ReadonlySet<number>

/** Index of the last known step, or -1 when there are none. */
export function lastIndex(outline: TraceOutline): number {
  return outline.events.length - 1
}

/** Clamps an index into the known steps (0 when the trace is empty). */
export function clampIndex(outline: TraceOutline, index: number): number {
  return Math.max(0, Math.min(lastIndex(outline), Math.trunc(index)))
}

/** True when a debugger would pause on this step: a line about to run, an exception or the end. */
export function isPausable(event: StepEvent): boolean {
  return event === 'line' || event === 'exception' || event === 'end'
}

/** True when step `index` is a line event on a breakpointed line. */
export function hitsBreakpoint(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
): boolean {
  return outline.events[index] === 'line' && breakpoints.has(outline.lines[index] ?? -1)
}

/** First step, or 0 for an empty trace. */
export function firstStep(): number {
  return 0
}

/** Last known step. */
export function lastStep(outline: TraceOutline): number {
  return Math.max(0, lastIndex(outline))
}

/** Next step of any kind (`call` and `return` included), staying on the last one. */
export function stepForward(outline: TraceOutline, index: number): number {
  return clampIndex(outline, index + 1)
}

/** Previous step of any kind, staying on the first one. */
export function stepBack(outline: TraceOutline, index: number): number {
  return clampIndex(outline, index - 1)
}

/**
 * Walks forward from `index` to the first step `accept` takes, stopping early on a breakpoint hit;
 * lands on the last step when nothing matches.
 */
function seekForward(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
  accept: (i: number) => boolean,
): number {
  const last = lastIndex(outline)
  for (let i = index + 1; i <= last; i++) {
    if (accept(i) || hitsBreakpoint(outline, breakpoints, i)) return i
  }
  return Math.max(0, last)
}

/** Next pausable step at any depth: enters a called function at its first line (F11). */
export function stepInto(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
): number {
  return seekForward(outline, breakpoints, index, (i) => isPausable(outline.events[i]!))
}

/**
 * Next pausable step in the same frame or a caller (F10): calls made by the current line run
 * through unless they hit a breakpoint.
 */
export function stepOver(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
): number {
  const depth = outline.depths[index] ?? 0
  return seekForward(
    outline,
    breakpoints,
    index,
    (i) => (outline.depths[i] ?? 0) <= depth && isPausable(outline.events[i]!),
  )
}

/**
 * Runs until the current frame has returned (Shift+F11): stops at the caller's next step after
 * the return, whatever its kind; at module level this runs to the end. Breakpoints stop it early.
 */
export function stepOut(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
): number {
  const depth = outline.depths[index] ?? 0
  return seekForward(outline, breakpoints, index, (i) => (outline.depths[i] ?? 0) < depth)
}

/** Next breakpoint hit after `index`, else the last step (F5 while paused). */
export function continueForward(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
): number {
  return seekForward(outline, breakpoints, index, () => false)
}

/** Previous breakpoint hit before `index`, else the first step. */
export function reverseContinue(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
): number {
  for (let i = Math.min(index, outline.events.length) - 1; i >= 0; i--) {
    if (hitsBreakpoint(outline, breakpoints, i)) return i
  }
  return 0
}

/** Next time `line` is about to run after `index` (Ctrl+F10); breakpoints stop it early. */
export function runToLine(
  outline: TraceOutline,
  breakpoints: BreakpointLines,
  index: number,
  line: number,
): number {
  return seekForward(
    outline,
    breakpoints,
    index,
    (i) => outline.events[i] === 'line' && outline.lines[i] === line,
  )
}

/** Which moves are possible from `index`; ends of the trace disable the matching buttons. */
export interface MoveAvailability {
  /** Something lies before the current step. */
  canGoBack: boolean
  /** Something lies after the current step. */
  canGoForward: boolean
}

/** Computes the enabled state of backward and forward controls. */
export function moveAvailability(outline: TraceOutline, index: number): MoveAvailability {
  const last = lastIndex(outline)
  return { canGoBack: last >= 0 && index > 0, canGoForward: index < last }
}
