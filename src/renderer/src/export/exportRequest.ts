/** What the Export dialog asks for, turned into an `export:create` request. */
import type { ExportCreateRequest, ExportFormatName, ExportSteps } from '../../../shared/ipc'

/** Which steps the dialog offers. */
export type StepChoiceName = 'current' | 'range' | 'all' | 'anyChange' | 'breakpoints' | 'changes'

/** The dialog's fields. */
export interface ExportChoice {
  format: ExportFormatName
  steps: StepChoiceName
  /** Inclusive 0-based range, for `range`. */
  from: number
  to: number
  /** The object whose count changes are followed, for `changes`. */
  objectId: string
  theme: 'light' | 'dark'
  scale: number
  /** Draw the code around the current line above each diagram, for svg, png and gif. */
  codeExcerpt: boolean
}

/** What the trace and session offer the choice. */
export interface ExportContext {
  currentIndex: number
  length: number
  breakpoints: readonly number[]
}

/** Thrown when the choice cannot be exported; the message says what to fix. */
export class ExportChoiceError extends Error {}

/** The step selection of the request, or an ExportChoiceError. */
export function stepsFor(choice: ExportChoice, context: ExportContext): ExportSteps {
  const last = context.length - 1
  switch (choice.steps) {
    case 'current':
      return { step: context.currentIndex }
    case 'all':
      return { range: { from: 0, to: last } }
    case 'anyChange':
      return { changes: true }
    case 'range': {
      const { from, to } = choice
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > last || to < from) {
        throw new ExportChoiceError(`Choose a range within steps 0 to ${last}.`)
      }
      return { range: { from, to } }
    }
    case 'breakpoints':
      if (context.breakpoints.length === 0) {
        throw new ExportChoiceError('There are no breakpoints: set some, or choose other steps.')
      }
      return { breakpoints: [...context.breakpoints] }
    case 'changes':
      if (!choice.objectId.trim()) {
        throw new ExportChoiceError('Select an object in the diagram, or type its id.')
      }
      return { objectId: choice.objectId.trim() }
  }
}

/** The steps a format is usually exported with: one diagram, a whole player, or the changes. */
export function naturalSteps(format: ExportFormatName): StepChoiceName {
  if (format === 'svg' || format === 'png') return 'current'
  if (format === 'html' || format === 'json') return 'all'
  return 'anyChange'
}

/** Formats whose scale can be chosen. */
export function hasScale(format: ExportFormatName): boolean {
  return format === 'png' || format === 'gif'
}

/** Formats that can draw a code excerpt above their diagrams. */
export function hasCodeExcerpt(format: ExportFormatName): boolean {
  return format === 'svg' || format === 'png' || format === 'gif'
}

/** The request's drawing options that the chosen format takes (scale, code excerpt). */
export function drawingOptionsFor(
  choice: ExportChoice,
): Pick<ExportCreateRequest, 'scale' | 'codeExcerpt'> {
  return {
    ...(hasScale(choice.format) ? { scale: choice.scale } : {}),
    ...(hasCodeExcerpt(choice.format) ? { codeExcerpt: choice.codeExcerpt } : {}),
  }
}
