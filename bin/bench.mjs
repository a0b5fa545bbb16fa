#!/usr/bin/env node
// npm run bench: engine benchmarks (see src/cli/bench.ts).
import { register } from 'tsx/esm/api'

register()
const { bench } = await import('../src/cli/bench.ts')
await bench(process.argv.slice(2))
