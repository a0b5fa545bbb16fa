/** Builds the self-contained HTML player: trace, code, styles and script inlined, no network. */
import type { Annotation } from '../../shared/session.ts'
import type { TraceDocument } from '../../shared/trace.ts'
import { changesAt, describeChange } from '../changes.ts'
import { stepSvgs } from '../diagrams.ts'
import type { DiagramExportOptions } from '../diagrams.ts'
import { lessonNotesFor, notesForStep } from '../notes.ts'
import { escapeXml } from '../xml.ts'
import { PLAYER_SCRIPT } from './script.ts'
import { playerStyle } from './style.ts'

/** Options of the HTML player. */
export interface PlayerOptions extends DiagramExportOptions {
  /** Page title (default: "Refscope: <first line of the code>"). */
  title?: string
  /** Notes attached to steps. */
  annotations?: readonly Annotation[]
  /** Step shown first (0-based position in `indexes`; default 0). */
  start?: number
  /** Shown when the steps were cut to a maximum. */
  note?: string | null
}

/** Data embedded in the player. */
interface PlayerStep {
  index: number
  line: number
  event: string
  svg: number
  output: string
  notes: string[]
  changes: string[]
}

/** Default title of exported material. */
export function defaultTitle(doc: TraceDocument): string {
  const first = doc.source.split('\n').find((line) => line.trim() !== '') ?? ''
  return `Refscope: ${first.trim().slice(0, 60) || 'empty snippet'}`
}

/** JSON safe to place inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function codeLines(source: string): string {
  return source
    .replace(/\n$/, '')
    .split('\n')
    .map(
      (line, index) =>
        `<div class="code-line" data-line="${index + 1}"><span class="number">${index + 1}</span>` +
        `<span class="text">${escapeXml(line) || ' '}</span></div>`,
    )
    .join('\n')
}

function outcomeText(doc: TraceDocument): string {
  const outcome = doc.outcome
  if (outcome.status === 'ok') return 'finished'
  if (outcome.status === 'stopped') return `stopped (${outcome.reason ?? 'limit'})`
  const error = outcome.error
  return error ? `raised ${error.type}: ${error.message}` : 'raised an error'
}

/** Builds the player for the given steps (0-based trace indexes, ascending). */
export async function buildPlayer(
  doc: TraceDocument,
  indexes: readonly number[],
  options: PlayerOptions = {},
): Promise<string> {
  const theme = options.theme ?? 'light'
  // The player's page carries the font once for all its diagrams.
  const svgs = await stepSvgs(doc, indexes, {
    ...options,
    theme,
    codeExcerpt: false,
    embedFont: false,
  })
  const unique: string[] = []
  const seen = new Map<string, number>()
  const lessonNotes = lessonNotesFor(doc.source)
  const steps: PlayerStep[] = indexes.map((index, position) => {
    const svg = svgs[position]!.replace(/^<\?xml[^>]*>\n/, '')
    let slot = seen.get(svg)
    if (slot === undefined) {
      slot = unique.push(svg) - 1
      seen.set(svg, slot)
    }
    const step = doc.steps[index]!
    return {
      index,
      line: step.line,
      event: step.event,
      svg: slot,
      output: step.stdout + step.stderr,
      notes: notesForStep(index, step.line, lessonNotes, options.annotations ?? []),
      changes: changesAt(doc, index).map(describeChange),
    }
  })
  const title = options.title ?? defaultTitle(doc)
  const data = {
    total: doc.steps.length,
    start: Math.min(Math.max(0, options.start ?? 0), steps.length - 1),
    svgs: unique,
    steps,
  }
  const python = `${doc.python.implementation} ${doc.python.version}`
  return `<!doctype html>
<html lang="en" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Refscope">
<title>${escapeXml(title)}</title>
<style>${playerStyle(theme)}</style>
</head>
<body>
<header><h1>${escapeXml(title)}</h1><p>Traced on ${escapeXml(python)}; the program ${escapeXml(outcomeText(doc))}.
${options.note ? `<span class="cut">${escapeXml(options.note)}</span>` : ''}</p></header>
<main>
<pre class="code" aria-label="Code">${codeLines(doc.source)}</pre>
<section class="stage">
<div id="rs-diagram" data-testid="heap" aria-label="Heap"></div>
<aside>
<ul id="rs-notes" aria-label="Notes"></ul>
<h2>Reference count changes</h2>
<ul id="rs-changes" aria-label="Reference count changes"></ul>
<h2>Console</h2>
<pre id="rs-console" aria-label="Console"></pre>
</aside>
</section>
</main>
<footer>
<button type="button" id="rs-first" aria-label="First step" title="First step (Home)">⏮</button>
<button type="button" id="rs-back" aria-label="Step back" title="Step back (←)">◀</button>
<button type="button" id="rs-forward" aria-label="Step forward" title="Step forward (→)">▶</button>
<button type="button" id="rs-last" aria-label="Last step" title="Last step (End)">⏭</button>
<input type="range" id="rs-slider" min="0" value="0" aria-label="Step">
<span id="rs-status" data-testid="step-status" role="status"></span>
</footer>
<script type="application/json" id="rs-data">${scriptJson(data)}</script>
<script>${PLAYER_SCRIPT}</script>
</body>
</html>
`
}
