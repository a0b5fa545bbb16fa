#!/usr/bin/env node
// The refscope command: loads the TypeScript sources through tsx (shared with the app).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
