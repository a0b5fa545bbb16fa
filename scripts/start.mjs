#!/usr/bin/env node
// Starts the desktop app when Electron is installed, else the browser host.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { electronBinary } from './electron-path.mjs'
import { root } from './build.mjs'

if (electronBinary()) {
  const require = createRequire(import.meta.url)
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
  // `preview` builds, then launches Electron on the build.
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  console.log('Electron binary not available on this machine; serving the browser host instead.')
  await import('./start-web.mjs')
}
