// Builds main, preload and renderer into out/ with electron-vite, logging to stderr so
// callers can keep stdout for their own output.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Runs `electron-vite build`; throws if it fails. */
export function buildApp() {
  const require = createRequire(import.meta.url)
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  })
  if (result.status !== 0) throw new Error('electron-vite build failed')
}
