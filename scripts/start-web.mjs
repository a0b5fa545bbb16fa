#!/usr/bin/env node
// Serves Refscope to a browser: the built renderer plus the host services over a WebSocket,
// on 127.0.0.1 only. Usage: node scripts/start-web.mjs [--port N] [--build] [--data-dir DIR]
// Autosaves and Open Recent go to --data-dir (or $REFSCOPE_DATA_DIR); without either, to the
// per-user folder the desktop app uses (e.g. ~/.config/Refscope/sessions on Linux).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { register } from 'tsx/esm/api'
import { buildApp, root } from './build.mjs'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    build: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
  allowPositionals: false,
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port}: expected 0 to 65535 (0 picks a free port)`)
  process.exit(2)
}

const rendererDir = join(root, 'out/renderer')
if (values.build || !existsSync(join(rendererDir, 'index.html'))) buildApp()

// The host services are TypeScript sources; tsx loads them (and the engine's worker does too).
register()
const { startWebHost } = await import('../src/host/webHost.ts')
const { defaultDataDir } = await import('../src/host/userDataDir.ts')
const dataDir = values['data-dir'] ?? process.env.REFSCOPE_DATA_DIR ?? defaultDataDir()
const host = await startWebHost({ port, rendererDir, dataDir })
console.log(`Refscope listening on ${host.url}`)

let closing = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (closing) process.exit(1)
    closing = true
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
