/** The PDF handout: title, numbered code, then one diagram per chosen step; the engine prints it. */
import type { Annotation } from '../shared/session.ts'
import type { TraceDocument } from '../shared/trace.ts'
import { changesAt, describeChange } from './changes.ts'
import { stepSvgs } from './diagrams.ts'
import type { DiagramExportOptions } from './diagrams.ts'
import { lessonNotesFor, notesForStep } from './notes.ts'
import { defaultTitle } from './player/build.ts'
import { throwIfCancelled } from './progress.ts'
import type { PdfPageSetup, RenderEngine } from './renderEngine.ts'
import { diagramFontFaces } from './font.ts'
import { MONO_FONT } from './theme.ts'
import { escapeXml } from './xml.ts'

/** Options of the handout. */
export interface HandoutOptions extends DiagramExportOptions {
  /** Title on the first page (default from the code's first line). */
  title?: string
  /** Notes attached to steps. */
  annotations?: readonly Annotation[]
  /** Printed under the title when the steps were cut to a maximum. */
  note?: string | null
}

/** Most changes listed under one diagram. */
const MAX_CHANGES = 12

const STYLE = `
@page { size: A4; margin: 14mm 14mm 18mm; }
body { font: 11pt system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
.meta, .cut { color: #656d76; margin: 0 0 10pt; }
.cut { color: #cf222e; }
pre.code { font: 9pt/1.35 ${MONO_FONT}; border: 1px solid #d0d7de; border-radius: 4px;
  padding: 6pt 8pt; margin: 0; white-space: pre-wrap; background: #f6f8fa; }
pre.code .n { color: #656d76; display: inline-block; width: 2.5em; text-align: right;
  margin-right: 1em; user-select: none; }
section.step { break-before: page; page-break-before: always; }
h2 { font-size: 13pt; margin: 0 0 4pt; }
.line { font: 10pt ${MONO_FONT}; background: #fff8c5; padding: 2pt 4pt; margin: 0 0 6pt;
  white-space: pre-wrap; }
.notes { margin: 0 0 6pt; padding: 4pt 8pt; border-left: 3px solid #0969da; background: #f4f5f7; }
.notes p { margin: 2pt 0; }
.diagram { display: block; width: 100%; height: auto; max-height: 150mm; margin: 6pt 0;
  object-fit: contain; object-position: left top; }
ul.changes { margin: 4pt 0 0; padding-left: 16pt; font-size: 10pt; }
`

function codeListing(source: string): string {
  const lines = source.replace(/\n$/, '').split('\n')
  return lines
    .map((line, index) => `<span class="n">${index + 1}</span>${escapeXml(line)}`)
    .join('\n')
}

/** The handout as an HTML page for printing (the diagrams are embedded SVG images). */
export async function handoutHtml(
  doc: TraceDocument,
  indexes: readonly number[],
  options: HandoutOptions = {},
): Promise<string> {
  const svgs = await stepSvgs(doc, indexes, { ...options, theme: 'light', codeExcerpt: false })
  const lessonNotes = lessonNotesFor(doc.source)
  const sourceLines = doc.source.split('\n')
  const title = options.title ?? defaultTitle(doc)
  const sections = indexes.map((index, position) => {
    const step = doc.steps[index]!
    const notes = notesForStep(index, step.line, lessonNotes, options.annotations ?? [])
    const changes = changesAt(doc, index)
    const listed = changes.slice(0, MAX_CHANGES).map(describeChange)
    if (changes.length > MAX_CHANGES) listed.push(`and ${changes.length - MAX_CHANGES} more`)
    const image = Buffer.from(svgs[position]!).toString('base64')
    const code = step.event === 'end' ? '(after the last line)' : (sourceLines[step.line - 1] ?? '')
    return (
      `<section class="step" data-step-index="${index}">` +
      `<h2>Step ${index + 1} of ${doc.steps.length} · line ${step.line}${step.event === 'line' ? '' : ` · ${step.event}`}</h2>` +
      `<p class="line">${escapeXml(code.trim() || ' ')}</p>` +
      (notes.length
        ? `<div class="notes">${notes.map((note) => `<p>${escapeXml(note)}</p>`).join('')}</div>`
        : '') +
      `<img class="diagram" alt="Heap at step ${index + 1}" src="data:image/svg+xml;base64,${image}">` +
      (listed.length
        ? `<ul class="changes">${listed.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul>`
        : '<p class="meta">No reference count changed at this step.</p>') +
      '</section>'
    )
  })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escapeXml(title)}</title><style>${diagramFontFaces()}${STYLE}</style></head><body>
<h1>${escapeXml(title)}</h1>
<p class="meta">Traced on ${escapeXml(`${doc.python.implementation} ${doc.python.version}`)} · ${doc.steps.length} steps · ${indexes.length} shown</p>
${options.note ? `<p class="cut">${escapeXml(options.note)}</p>` : ''}
<pre class="code">${codeListing(doc.source)}</pre>
${sections.join('\n')}
</body></html>`
}

/** Page numbers ("2 / 8") centred in the footer of every page, nothing in the header. */
const HANDOUT_PAGE_SETUP: PdfPageSetup = {
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="font-size:8pt;width:100%;text-align:center;color:#656d76">' +
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
}

/** Prints the handout to PDF with page numbers in the footer. */
export async function handoutPdf(
  engine: RenderEngine,
  doc: TraceDocument,
  indexes: readonly number[],
  options: HandoutOptions = {},
): Promise<Uint8Array> {
  const html = await handoutHtml(doc, indexes, options)
  throwIfCancelled(options.signal)
  return engine.printPdf(html, HANDOUT_PAGE_SETUP)
}
