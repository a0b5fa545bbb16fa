/** Which steps an export covers: `--step N`, `--steps A..B`, breakpoints, an object, or changes. */
import type { TraceDocument } from '../shared/trace.ts'
import { changesAt } from './changes.ts'

/** A request for steps; at most one of the fields is normally set. */
export interface StepRequest {
  /** One 0-based trace index. */
  step?: number
  /** Inclusive 0-based range. */
  range?: { from: number; to: number }
  /** Steps that stop on one of these 1-based lines (line events, as the debugger stops). */
  breakpoints?: readonly number[]
  /** Steps where this object's count changes, or where it is freed. */
  objectId?: string
  /** Steps where any count changes or an object is freed (the handout's default). */
  changes?: boolean
}

/** What to take when no step is requested. */
export type DefaultSteps = 'last' | 'all' | 'changes'

/** The chosen steps, possibly cut to a maximum. */
export interface StepChoice {
  /** 0-based indexes, ascending. */
  indexes: number[]
  /** Set when the choice was cut to the maximum: says how many steps were left out. */
  note: string | null
}

/** Thrown when a requested step does not exist. */
export class StepRangeError extends Error {}

/** Parses `A..B` (inclusive, 0-based). */
export function parseRange(text: string): { from: number; to: number } {
  const match = /^(\d+)\.\.(\d+)$/.exec(text.trim())
  if (!match) throw new StepRangeError(`--steps needs A..B (0-based, inclusive), got '${text}'`)
  const from = Number(match[1])
  const to = Number(match[2])
  if (to < from) throw new StepRangeError(`--steps ${text}: the end comes before the start`)
  return { from, to }
}

function checkIndex(doc: TraceDocument, index: number, flag: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= doc.steps.length) {
    throw new StepRangeError(
      `${flag} ${index} is outside the trace (steps 0..${doc.steps.length - 1})`,
    )
  }
}

function changeSteps(doc: TraceDocument, objectId?: string): number[] {
  const found: number[] = []
  for (let index = 1; index < doc.steps.length; index++) {
    const changes = changesAt(doc, index)
    if (objectId ? changes.some((change) => change.id === objectId) : changes.length > 0) {
      found.push(index)
    }
  }
  return found
}

/** Resolves a request against a trace, cutting the result to `max` steps with a note. */
export function chooseSteps(
  doc: TraceDocument,
  request: StepRequest,
  fallback: DefaultSteps,
  max = Number.POSITIVE_INFINITY,
): StepChoice {
  if (doc.steps.length === 0) throw new StepRangeError('the trace has no steps to export')
  let indexes: number[]
  if (request.step !== undefined) {
    checkIndex(doc, request.step, '--step')
    indexes = [request.step]
  } else if (request.range) {
    checkIndex(doc, request.range.from, '--steps')
    checkIndex(doc, request.range.to, '--steps')
    indexes = []
    for (let index = request.range.from; index <= request.range.to; index++) indexes.push(index)
  } else if (request.breakpoints && request.breakpoints.length > 0) {
    const lines = new Set(request.breakpoints)
    indexes = doc.steps
      .filter((step) => step.event === 'line' && lines.has(step.line))
      .map((step) => step.index)
  } else if (request.objectId) {
    indexes = changeSteps(doc, request.objectId)
  } else if (request.changes) {
    indexes = changeSteps(doc)
  } else if (fallback === 'last') {
    indexes = [doc.steps.length - 1]
  } else if (fallback === 'all') {
    indexes = doc.steps.map((step) => step.index)
  } else {
    indexes = changeSteps(doc)
  }
  if (indexes.length === 0) indexes = [doc.steps.length - 1]
  if (indexes.length <= max) return { indexes, note: null }
  const left = indexes.length - max
  return {
    indexes: indexes.slice(0, max),
    note: `Showing the first ${max} of ${indexes.length} steps (${left} more left out).`,
  }
}
