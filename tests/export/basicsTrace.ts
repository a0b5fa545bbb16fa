/** The basics lesson traced once on the real engine, cached per code in the temp folder. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { traceSource } from '../../src/engine/index.ts'
import { writeFileAtomic } from '../../src/export/atomicWrite.ts'
import { basicsLesson } from '../../src/renderer/src/lessons/basics.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'

/** The basics lesson's source. */
export const BASICS_SOURCE = basicsLesson.code

const TRACER = new URL('../../src/engine/tracer.py', import.meta.url)

/** Traces `source` (or reads the cached trace of the same code and tracer from an earlier file). */
export async function cachedTrace(source: string): Promise<TraceDocument> {
  const hash = createHash('sha256')
    .update(source)
    .update(readFileSync(TRACER))
    .digest('hex')
    .slice(0, 16)
  const path = join(tmpdir(), `refscope-export-test-${hash}.json`)
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as TraceDocument
  const doc = await traceSource(source)
  writeFileAtomic(path, JSON.stringify(doc))
  return doc
}

/** The basics lesson's trace. */
export function basicsTrace(): Promise<TraceDocument> {
  return cachedTrace(BASICS_SOURCE)
}

/** Index of the first `line` step at a 1-based line. */
export function stepAtLine(doc: TraceDocument, line: number): number {
  const found = doc.steps.find((step) => step.event === 'line' && step.line === line)
  if (!found) throw new Error(`no step at line ${line}`)
  return found.index
}
