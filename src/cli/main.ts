/** `refscope`: trace a Python snippet from the command line with the app's own engine. */
import { readFileSync, writeFileSync, renameSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { traceSource } from '../engine/index.ts'
import type { TraceOptions } from '../shared/trace.ts'
import { EXPORT_OPTIONS, EXPORT_USAGE, exportCommand, ExportUsageError } from './export.ts'
import { formatTable } from './table.ts'
import { readPackageVersion } from './version.ts'

const HELP = `Usage:
  refscope trace FILE.py [--out FILE.json] [--max-steps N] [--timeout SECONDS] [--stdin TEXT]
${EXPORT_USAGE}  refscope --version
  refscope --help

Commands:
  trace   Run FILE.py (or - for standard input) on CPython 3.14 and print its trace as
          refscope-trace/1 JSON: every step's frames, objects and their true reference counts.
  export  Draw the heap of chosen steps as SVG, PNG, an offline HTML player, a PDF handout, an
          animated GIF, or write the trace as JSON (see Export below).

Options:
  --out FILE        Write the trace to FILE instead of standard output.
  --max-steps N     Stop after N steps (default 1000000).
  --timeout S       Stop after S seconds of wall time (default 30).
  --stdin TEXT      Text that input() reads.
  --pretty          Indent the JSON.
  --table           Print a readable table (names, objects, counts, frees) instead of JSON.
${EXPORT_OPTIONS}`

/** Thrown for bad command lines: printed as one line, exit code 2. */
class UsageError extends Error {}

function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) {
    throw new UsageError(`${flag} needs a positive number, got '${value}'`)
  }
  return number
}

function readSnippet(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${reason}`)
  }
}

/** Write atomically: a temp file next to the target, then rename. */
function writeOutput(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, path)
}

async function traceCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'max-steps': { type: 'string' },
      timeout: { type: 'string' },
      stdin: { type: 'string' },
      pretty: { type: 'boolean' },
      table: { type: 'boolean' },
    },
  })
  if (positionals.length !== 1) throw new UsageError('trace needs exactly one FILE.py (or -)')
  const source = readSnippet(positionals[0])
  const options: TraceOptions = {}
  const maxSteps = positiveInteger(values['max-steps'], '--max-steps')
  if (maxSteps !== undefined) options.maxSteps = Math.floor(maxSteps)
  const timeout = positiveInteger(values.timeout, '--timeout')
  if (timeout !== undefined) options.timeoutMs = timeout * 1000
  if (values.stdin !== undefined) options.stdin = values.stdin
  const document = await traceSource(source, options)
  const text = values.table
    ? formatTable(document)
    : JSON.stringify(document, null, values.pretty ? 2 : undefined) + '\n'
  if (values.out) writeOutput(values.out, text)
  else process.stdout.write(text)
  return 0
}

/** Entry point; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === '--version' || command === '-v') {
      process.stdout.write(`refscope ${readPackageVersion()}\n`)
      return 0
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP)
      return command === undefined ? 2 : 0
    }
    if (command === 'trace') return await traceCommand(rest)
    if (command === 'export') return await exportCommand(rest)
    throw new UsageError(`unknown command '${command}' (try refscope --help)`)
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ExportUsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`refscope: ${(error as Error).message}\n`)
      return 2
    }
    process.stderr.write(`refscope: ${(error as Error).message}\n`)
    return 1
  }
}
