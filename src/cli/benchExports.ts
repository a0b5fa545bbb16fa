/**
 * `npm run bench:exports`: the teacher's flow from the README — trace the basics lesson, then
 * write its PDF handout and its HTML player — timed step by step. Each export is printed as a
 * ratio against tracing the lesson, measured in the same run; the total is compared with the
 * one-minute goal.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { traceSource } from '../engine/index.ts'
import { createExport, writeExport } from '../export/index.ts'
import type { ExportFormat } from '../export/index.ts'
import { basicsLesson } from '../renderer/src/lessons/basics.ts'

/** The goal a teacher's handout and player must meet together, in milliseconds. */
const GOAL_MS = 60_000

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

/** Runs the teacher's flow and prints one line per stage. */
export async function benchExports(argv: string[]): Promise<void> {
  const json = argv.includes('--json')
  const dir = mkdtempSync(join(tmpdir(), 'refscope-bench-exports-'))
  try {
    const trace = await timed(() => traceSource(basicsLesson.code))
    const stages = [{ stage: 'trace', ms: trace.ms, bytes: 0, ratio: 1 }]
    const title = 'Reference counting basics'
    for (const [format, name] of [
      ['pdf', 'handout.pdf'],
      ['html', 'player.html'],
    ] as Array<[ExportFormat, string]>) {
      const out = join(dir, name)
      const run = await timed(async () =>
        writeExport(await createExport(trace.value, { format, title }), out),
      )
      stages.push({
        stage: format,
        ms: run.ms,
        bytes: statSync(out).size,
        ratio: run.ms / trace.ms,
      })
    }
    const totalMs = stages.reduce((sum, stage) => sum + stage.ms, 0)
    if (json) {
      console.log(JSON.stringify({ stages, totalMs, goalMs: GOAL_MS }))
      return
    }
    for (const { stage, ms, bytes, ratio } of stages) {
      console.log(
        `${stage.padEnd(6)} ${String(Math.round(ms)).padStart(6)} ms  ×${ratio.toFixed(2)} of the trace` +
          (bytes ? `  ${Math.round(bytes / 1024)} KiB` : ''),
      )
    }
    const verdict = totalMs <= GOAL_MS ? 'meets' : 'misses'
    console.log(
      `total  ${String(Math.round(totalMs)).padStart(6)} ms  ${verdict} the ${GOAL_MS / 1000} s goal ` +
        `(×${(totalMs / GOAL_MS).toFixed(2)} of it)`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
