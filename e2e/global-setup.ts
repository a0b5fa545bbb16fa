/**
 * Playwright global setup: the specs drive the built app (`out/`), so build it first when it is
 * missing (a fresh clone) or older than its sources (an edit since the last build).
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp, root } from '../scripts/build.mjs'

/** Files electron-vite writes; the oldest of them dates the build. */
const OUTPUTS = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs']

/** Everything that goes into those outputs. */
const INPUTS = [
  'src/renderer',
  'src/shared',
  'src/main',
  'src/preload',
  'src/engine',
  'electron.vite.config.ts',
]

function newestMtime(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Why the build must be (re)made, or null when `out/` is up to date. */
export function buildReason(): string | null {
  const outputs = OUTPUTS.map((file) => join(root, file))
  const missing = outputs.find((file) => !existsSync(file))
  if (missing) return `${missing} is missing`
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs))
  const changed = INPUTS.map((input) => join(root, input)).find(
    (input) => existsSync(input) && newestMtime(input) > built,
  )
  return changed ? `${changed} changed since the last build` : null
}

/** Builds the app before any spec runs, when needed. */
export default function globalSetup(): void {
  const reason = buildReason()
  if (!reason) return
  console.error(`Building the app for the e2e specs (${reason})…`)
  buildApp()
}
