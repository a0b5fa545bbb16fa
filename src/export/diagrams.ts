/** Steps → SVG strings, through the same diagram model the heap panel draws. */
import { buildDiagram, LayoutCache } from '../renderer/src/diagram/model.ts'
import type { DiagramModel } from '../renderer/src/diagram/types.ts'
import type { TraceDocument } from '../shared/trace.ts'
import type { ExportControl } from './progress.ts'
import { throwIfCancelled } from './progress.ts'
import { diagramSvg } from './svg.ts'
import type { ThemeName } from './theme.ts'

/** How diagrams are drawn for an export. */
export interface DiagramExportOptions extends ExportControl {
  /** Colour theme (default light). */
  theme?: ThemeName
  /** Draw immortal scalars inline in their slot, as the panel does by default (default true). */
  immortalInline?: boolean
  /** Add a code excerpt with the step's line highlighted (default false). */
  codeExcerpt?: boolean
  /** Embed the font in every SVG (default true; the player carries it once for all). */
  embedFont?: boolean
}

/** Diagram models of the given steps, in order; consecutive steps keep their layout. */
export async function diagramModels(
  doc: TraceDocument,
  indexes: readonly number[],
  options: DiagramExportOptions = {},
): Promise<DiagramModel[]> {
  const cache = new LayoutCache(256)
  const models: DiagramModel[] = []
  let previous: DiagramModel | null = null
  for (const [position, index] of indexes.entries()) {
    throwIfCancelled(options.signal)
    const step = doc.steps[index]!
    const model = await buildDiagram(step, doc.steps[index - 1] ?? null, {
      immortalInline: options.immortalInline ?? true,
      previous: previous?.stepIndex === index - 1 ? previous : null,
      cache,
    })
    models.push(model)
    previous = model
    options.onProgress?.(position + 1, indexes.length)
  }
  return models
}

/** Standalone SVG documents of the given steps, in order. */
export async function stepSvgs(
  doc: TraceDocument,
  indexes: readonly number[],
  options: DiagramExportOptions = {},
): Promise<string[]> {
  const models = await diagramModels(doc, indexes, options)
  return models.map((model) =>
    diagramSvg(model, {
      theme: options.theme,
      embedFont: options.embedFont,
      code: options.codeExcerpt
        ? { source: doc.source, line: doc.steps[model.stepIndex]!.line }
        : null,
    }),
  )
}
