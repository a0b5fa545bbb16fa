/**
 * The proof: for every snippet, the engine's counts equal an untraced run's, probe by probe,
 * and the program prints exactly what it prints untraced (sys.getrefcount, gc counts...).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine/index.ts'
import { validateTrace } from '../../src/shared/validateTrace.ts'
import { compareWithOracle } from './compare.ts'
import { runOracle } from './oracle.ts'

const snippetDir = new URL('./snippets/', import.meta.url)
const snippets = readdirSync(snippetDir)
  .filter((name) => name.endsWith('.py'))
  .sort()

const engine = new Engine({ warmSpare: true })
const totals = { compared: 0, mismatches: 0, snippets: 0 }

afterAll(async () => {
  await engine.dispose()
  console.log(
    `fidelity: ${totals.compared - totals.mismatches}/${totals.compared} refcounts agree ` +
      `across ${totals.snippets} snippets`,
  )
})

describe('engine refcounts equal the untraced probe oracle', () => {
  it('has at least 40 snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(40)
  })

  for (const name of snippets) {
    // Generous: a few snippets run 15,000 traced steps, and two interpreters load per snippet.
    it.concurrent(name, { timeout: 600_000 }, async () => {
      const source = readFileSync(new URL(name, snippetDir), 'utf8')
      const [traced, { probed, plain }] = await Promise.all([
        engine.run(source).done,
        runOracle(source),
      ])
      const trace = traced.toDocument()
      expect(validateTrace(trace).errors).toEqual([])
      const stdout = trace.steps.map((step) => step.stdout).join('')
      const { compared, mismatches } = compareWithOracle(trace, probed.records)
      totals.compared += compared
      totals.mismatches += mismatches.length
      totals.snippets++
      expect(mismatches).toEqual([])
      expect(compared).toBeGreaterThan(0)
      expect(stdout).toBe(plain.stdout)
      expect(trace.outcome.status === 'error' ? trace.outcome.error?.type : null).toBe(plain.error)
    })
  }
})
