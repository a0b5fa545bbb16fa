/**
 * Exports of a trace — SVG, PNG, HTML player, PDF handout, GIF, JSON — shared by the CLI and the
 * app's hosts. Every diagram comes from the heap panel's own model (buildDiagram).
 */
import type { Annotation } from '../shared/session.ts'
import type { TraceDocument } from '../shared/trace.ts'
import { stepFileName, writeFileAtomic, writeFolderAtomic } from './atomicWrite.ts'
import { openChromiumEngine } from './chromiumEngine.ts'
import { stepSvgs } from './diagrams.ts'
import { svgsToGif } from './gif.ts'
import { handoutPdf } from './pdf.ts'
import { buildPlayer } from './player/build.ts'
import { svgsToPng } from './png.ts'
import type { ExportControl } from './progress.ts'
import { withRenderEngine } from './renderEngine.ts'
import type { OpenRenderEngine } from './renderEngine.ts'
import { chooseSteps } from './stepChoice.ts'
import type { DefaultSteps, StepRequest } from './stepChoice.ts'
import type { ThemeName } from './theme.ts'

export { BrowserMissingError, findChromium } from './browser.ts'
export { ExportCancelled } from './progress.ts'
export type { OpenRenderEngine, PdfPageSetup, RenderEngine } from './renderEngine.ts'
export { parseRange, StepRangeError } from './stepChoice.ts'
export type { StepRequest } from './stepChoice.ts'
export { isThemeName } from './theme.ts'
export type { ThemeName } from './theme.ts'

/** Export formats. */
export const EXPORT_FORMATS = ['svg', 'png', 'html', 'pdf', 'gif', 'json'] as const

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Most pages of a PDF handout and frames of a GIF. */
export const MAX_PDF_STEPS = 100
export const MAX_GIF_FRAMES = 300
/** Most steps in an HTML player (each step's diagram is laid out ahead). */
export const MAX_PLAYER_STEPS = 5000

/** What to export and how. */
export interface ExportRequest extends ExportControl {
  format: ExportFormat
  /** Which steps (default depends on the format). */
  steps?: StepRequest
  /** Colour theme of diagrams and the player (default light; the handout is always light). */
  theme?: ThemeName
  /** 1, 2 or 3 for png and gif (default 1). */
  scale?: number
  /** Add a code excerpt above SVG/PNG diagrams. */
  codeExcerpt?: boolean
  /** Draw immortal scalars inline (default true, as the panel). */
  immortalInline?: boolean
  /** Title of the player and the handout. */
  title?: string
  /** Notes attached to steps. */
  annotations?: readonly Annotation[]
  /** Milliseconds per GIF frame. */
  delayMs?: number
  /**
   * Opens the browser engine for PNG, PDF and GIF (the Electron app passes its own); default: a
   * system Chromium through playwright-core.
   */
  openRenderEngine?: OpenRenderEngine
}

/** A finished export, not yet written. */
export interface ExportOutput {
  /** One file (written at the target path) or several (written into a folder there). */
  files: Array<{ name: string; data: string | Uint8Array }>
  /** True when the files go into a folder. */
  folder: boolean
  /** The 0-based steps exported. */
  steps: number[]
  /** Set when the steps were cut to the format's maximum. */
  note: string | null
}

const DEFAULTS: Record<ExportFormat, { fallback: DefaultSteps; max?: number }> = {
  svg: { fallback: 'last' },
  png: { fallback: 'last' },
  html: { fallback: 'all', max: MAX_PLAYER_STEPS },
  json: { fallback: 'all' },
  pdf: { fallback: 'changes', max: MAX_PDF_STEPS },
  gif: { fallback: 'changes', max: MAX_GIF_FRAMES },
}

function jsonOf(doc: TraceDocument, indexes: readonly number[], whole: boolean): string {
  const steps = whole ? doc.steps : indexes.map((index) => doc.steps[index]!)
  return JSON.stringify({ ...doc, steps }, null, 2) + '\n'
}

/** Produces the export in memory. */
export async function createExport(
  doc: TraceDocument,
  request: ExportRequest,
): Promise<ExportOutput> {
  const { format } = request
  const defaults = DEFAULTS[format]
  const stepRequest = request.steps ?? {}
  const choice = chooseSteps(doc, stepRequest, defaults.fallback, defaults.max)
  const indexes = choice.indexes
  const base = { steps: indexes, note: choice.note }
  const diagramOptions = {
    theme: request.theme,
    immortalInline: request.immortalInline,
    onProgress: request.onProgress,
    signal: request.signal,
  }
  const asFolder = indexes.length > 1 || stepRequest.range !== undefined
  const openEngine = request.openRenderEngine ?? openChromiumEngine
  switch (format) {
    case 'json': {
      const whole = Object.keys(stepRequest).length === 0
      return {
        ...base,
        folder: false,
        files: [{ name: 'trace.json', data: jsonOf(doc, indexes, whole) }],
      }
    }
    case 'svg': {
      const svgs = await stepSvgs(doc, indexes, {
        ...diagramOptions,
        codeExcerpt: request.codeExcerpt,
      })
      const files = svgs.map((data, position) => ({ name: stepFileName(position, 'svg'), data }))
      return { ...base, folder: asFolder, files }
    }
    case 'png': {
      const svgs = await stepSvgs(doc, indexes, {
        ...diagramOptions,
        codeExcerpt: request.codeExcerpt,
      })
      const images = await withRenderEngine(openEngine, 'PNG', (engine) =>
        svgsToPng(engine, svgs, request.scale ?? 1, request),
      )
      const files = images.map((data, position) => ({ name: stepFileName(position, 'png'), data }))
      return { ...base, folder: asFolder, files }
    }
    case 'html': {
      const html = await buildPlayer(doc, indexes, {
        ...diagramOptions,
        title: request.title,
        annotations: request.annotations,
        note: choice.note,
      })
      return { ...base, folder: false, files: [{ name: 'player.html', data: html }] }
    }
    case 'pdf': {
      const pdf = await withRenderEngine(openEngine, 'PDF', (engine) =>
        handoutPdf(engine, doc, indexes, {
          ...diagramOptions,
          title: request.title,
          annotations: request.annotations,
          note: choice.note,
        }),
      )
      return { ...base, folder: false, files: [{ name: 'handout.pdf', data: pdf }] }
    }
    case 'gif': {
      const svgs = await stepSvgs(doc, indexes, {
        ...diagramOptions,
        codeExcerpt: request.codeExcerpt,
      })
      const gif = await withRenderEngine(openEngine, 'GIF', (engine) =>
        svgsToGif(engine, svgs, {
          scale: request.scale,
          delayMs: request.delayMs,
          theme: request.theme,
          signal: request.signal,
        }),
      )
      return { ...base, folder: false, files: [{ name: 'animation.gif', data: gif }] }
    }
  }
}

/** Writes an export atomically at `path` (a file, or a folder for several files). */
export function writeExport(output: ExportOutput, path: string): void {
  if (output.folder) writeFolderAtomic(path, output.files)
  else writeFileAtomic(path, output.files[0]!.data)
}
