import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { cachedTrace } from './basicsTrace.ts'

const BIN = fileURLToPath(new URL('../../bin/refscope.mjs', import.meta.url))
// Enough steps that laying out every diagram of the player takes a while.
const LOOP = 'items = []\nfor i in range(700):\n    items.append([i])\n    items.pop()\n'

let dir: string
let traceFile: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'refscope-cli-cancel-'))
  traceFile = join(dir, 'loop.json')
  writeFileSync(traceFile, JSON.stringify(await cachedTrace(LOOP)))
}, 120_000)

describe('refscope export of a large trace', () => {
  it('reports progress with --progress and stops on Ctrl+C, writing nothing', async () => {
    const out = join(dir, 'player.html')
    const child = spawn(
      process.execPath,
      [BIN, 'export', traceFile, '--format', 'html', '--progress', '--out', out],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    let interrupted = false
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      // Interrupt once the export is under way, as a user pressing Ctrl+C would.
      if (!interrupted && /exporting \d+\/\d+/.test(stderr)) {
        interrupted = true
        child.kill('SIGINT')
      }
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(stderr).toMatch(/refscope: exporting 1\/\d{4,}/)
    expect(stderr).toContain('refscope: export cancelled, nothing written')
    expect(code).toBe(130)
    expect(existsSync(out)).toBe(false)
    // No temp file is left behind either.
    expect(readdirSync(dir)).toEqual(['loop.json'])
  }, 120_000)
})
