/** `refscope export`: the app's exports (svg, png, html, pdf, gif, json) from the command line. */
import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { parseArgs } from 'node:util'
import { traceSource } from '../engine/index.ts'
import {
  createExport,
  ExportCancelled,
  EXPORT_FORMATS,
  isThemeName,
  parseRange,
  StepRangeError,
  writeExport,
} from '../export/index.ts'
import type { ExportFormat, StepRequest } from '../export/index.ts'
import { parseSession, SESSION_EXTENSION, SessionError } from '../shared/session.ts'
import type { Annotation } from '../shared/session.ts'
import type { TraceDocument, TraceOptions } from '../shared/trace.ts'
import { TRACE_FORMAT } from '../shared/trace.ts'
import { findLesson, LESSONS } from '../renderer/src/lessons/index.ts'
import { ENGINE_CHOICES, isEngineChoice, renderEngineFor } from './renderEngineChoice.ts'

/** Usage lines of the export command. */
export const EXPORT_USAGE = `  refscope export FILE --format svg|png|html|pdf|gif|json [--step N | --steps A..B]
                  [--theme light|dark] [--scale 1|2|3] [--out PATH]
`

/** Options of the export command. */
export const EXPORT_OPTIONS = `
Export (FILE is a snippet .py or -, a refscope-trace/1 .json, a .refscope session, or a
built-in lesson such as lesson:basics):
  --format F        svg, png, html (offline player), pdf (handout), gif or json.
  --step N          One step: N is the 0-based trace index.
  --steps A..B      Steps A to B (inclusive). svg and png write a folder of step-0001.svg…
  --breakpoints L,M The steps that stop on these lines.
  --changes         The steps where any count changes or an object is freed.
  --object ID       The steps where object ID's count changes or it is freed.
  --theme T         light (default) or dark.
  --scale S         Device pixels per diagram pixel for png and gif (1, 2 or 3; default 1).
  --code            Add the code around the current line above svg/png/gif diagrams.
  --title TEXT      Title of the HTML player and the PDF handout.
  --delay MS        Time per GIF frame (default 1200).
  --out PATH        Where to write (default: FILE's name with the format's extension).
  --progress        Print progress lines on stderr even when it is not a terminal.
  --quiet           Print nothing but errors.
  Without a step flag svg and png take the last step, html and json the whole trace, pdf and
  gif the steps where a count changes or an object is freed (at most 100 pages / 300 frames).
  --engine E        Browser engine for png, pdf and gif: auto (default: the installed Electron,
                    else a system Chromium), electron or chromium. REFSCOPE_CHROMIUM picks
                    the Chromium.
`

/** Thrown for bad command lines: printed as one line, exit code 2. */
export class ExportUsageError extends Error {}

interface Input {
  doc: TraceDocument
  annotations: Annotation[]
}

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value)
}

function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new ExportUsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${reason}`)
  }
}

async function readInput(file: string, traceOptions: TraceOptions): Promise<Input> {
  if (file.startsWith('lesson:')) {
    const lesson = findLesson(file.slice('lesson:'.length))
    if (!lesson) {
      const ids = LESSONS.map((item) => item.id).join(', ')
      throw new ExportUsageError(`no built-in lesson '${file}' (lessons: ${ids})`)
    }
    return { doc: await traceSource(lesson.code, traceOptions), annotations: [] }
  }
  const text = readText(file)
  if (file.endsWith(SESSION_EXTENSION)) {
    let opened
    try {
      opened = parseSession(text, file)
    } catch (error) {
      if (error instanceof SessionError) throw new ExportUsageError(error.message)
      throw error
    }
    const { session } = opened
    const doc = session.trace ?? (await traceSource(session.code, traceOptions))
    return { doc, annotations: session.annotations }
  }
  if (file.endsWith('.json')) {
    const doc = JSON.parse(text) as TraceDocument
    if (doc?.format !== TRACE_FORMAT || !Array.isArray(doc.steps)) {
      throw new ExportUsageError(`${file} is not a ${TRACE_FORMAT} document`)
    }
    return { doc, annotations: [] }
  }
  return { doc: await traceSource(text, traceOptions), annotations: [] }
}

function integerFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min) {
    throw new ExportUsageError(`${flag} needs a whole number ≥ ${min}, got '${value}'`)
  }
  return number
}

function lineList(value: string): number[] {
  const lines = value.split(',').map((item) => Number(item.trim()))
  if (lines.some((line) => !Number.isInteger(line) || line < 1)) {
    throw new ExportUsageError(`--breakpoints needs line numbers like 4,7, got '${value}'`)
  }
  return lines
}

function defaultOut(file: string, format: ExportFormat, folder: boolean): string {
  const stem = file === '-' ? 'snippet' : basename(file.replace(/^lesson:/, ''), extname(file))
  if (folder) return `${stem}-${format}`
  return `${stem}${format === 'json' ? '.trace' : ''}.${format}`
}

/** Progress on stderr: a counter redrawn in place on a terminal, else (with --progress) lines. */
function progress(
  quiet: boolean,
  forced: boolean,
): ((done: number, total: number) => void) | undefined {
  if (quiet) return undefined
  if (process.stderr.isTTY) {
    return (done, total) => {
      process.stderr.write(`\rexporting ${done}/${total}${done === total ? '\n' : ''}`)
    }
  }
  if (!forced) return undefined
  return (done, total) => process.stderr.write(`refscope: exporting ${done}/${total}\n`)
}

/** Exit code of an export stopped by Ctrl+C (128 + SIGINT), as shells expect. */
export const CANCELLED_EXIT_CODE = 130

/** Runs `refscope export`; returns the exit code. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      step: { type: 'string' },
      steps: { type: 'string' },
      breakpoints: { type: 'string' },
      changes: { type: 'boolean' },
      object: { type: 'string' },
      theme: { type: 'string' },
      scale: { type: 'string' },
      code: { type: 'boolean' },
      title: { type: 'string' },
      delay: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      progress: { type: 'boolean' },
      engine: { type: 'string' },
      'max-steps': { type: 'string' },
      timeout: { type: 'string' },
      stdin: { type: 'string' },
    },
  })
  if (positionals.length !== 1) throw new ExportUsageError('export needs exactly one FILE')
  const format = values.format ?? ''
  if (!isFormat(format)) {
    throw new ExportUsageError(`--format needs one of ${EXPORT_FORMATS.join('|')}, got '${format}'`)
  }
  const engine = values.engine ?? 'auto'
  if (!isEngineChoice(engine)) {
    throw new ExportUsageError(`--engine needs one of ${ENGINE_CHOICES.join('|')}, got '${engine}'`)
  }
  const theme = values.theme ?? 'light'
  if (!isThemeName(theme)) throw new ExportUsageError(`--theme needs light or dark, got '${theme}'`)
  const scale = integerFlag(values.scale, '--scale', 1) ?? 1
  if (scale > 3) throw new ExportUsageError(`--scale needs 1, 2 or 3, got '${scale}'`)
  if (values.step !== undefined && values.steps !== undefined) {
    throw new ExportUsageError('use either --step or --steps, not both')
  }
  const steps: StepRequest = {}
  try {
    const step = integerFlag(values.step, '--step', 0)
    if (step !== undefined) steps.step = step
    if (values.steps !== undefined) steps.range = parseRange(values.steps)
  } catch (error) {
    if (error instanceof StepRangeError) throw new ExportUsageError(error.message)
    throw error
  }
  if (values.breakpoints !== undefined) steps.breakpoints = lineList(values.breakpoints)
  if (values.object !== undefined) steps.objectId = values.object
  if (values.changes) steps.changes = true
  const traceOptions: TraceOptions = {}
  const maxSteps = integerFlag(values['max-steps'], '--max-steps', 1)
  if (maxSteps !== undefined) traceOptions.maxSteps = maxSteps
  const timeout = integerFlag(values.timeout, '--timeout', 1)
  if (timeout !== undefined) traceOptions.timeoutMs = timeout * 1000
  if (values.stdin !== undefined) traceOptions.stdin = values.stdin

  const input = await readInput(positionals[0]!, traceOptions)
  const controller = new AbortController()
  const cancel = () => controller.abort()
  process.once('SIGINT', cancel)
  try {
    const output = await createExport(input.doc, {
      format,
      steps,
      theme,
      scale,
      codeExcerpt: values.code ?? false,
      title: values.title,
      annotations: input.annotations,
      delayMs: integerFlag(values.delay, '--delay', 1),
      onProgress: progress(values.quiet ?? false, values.progress ?? false),
      signal: controller.signal,
      openRenderEngine: renderEngineFor(engine),
    })
    const out = values.out ?? defaultOut(positionals[0]!, format, output.folder)
    writeExport(output, out)
    if (output.note) process.stderr.write(`refscope: note: ${output.note}\n`)
    if (!values.quiet) {
      const what = output.folder ? `${output.files.length} files in ${out}` : out
      process.stderr.write(`refscope: wrote ${what}\n`)
    }
    return 0
  } catch (error) {
    if (error instanceof StepRangeError) throw new ExportUsageError(error.message)
    if (error instanceof ExportCancelled || controller.signal.aborted) {
      process.stderr.write('refscope: export cancelled, nothing written\n')
      return CANCELLED_EXIT_CODE
    }
    throw error
  } finally {
    process.off('SIGINT', cancel)
  }
}
