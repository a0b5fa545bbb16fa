import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const root = dirname(fileURLToPath(import.meta.url))
const mainOut = resolve(root, 'out/main')

/** Copies the engine's Python tracer next to the built worker, which reads it at runtime. */
function copyTracer(): Plugin {
  return {
    name: 'refscope:copy-tracer',
    apply: 'build',
    async writeBundle() {
      await mkdir(mainOut, { recursive: true })
      await copyFile(resolve(root, 'src/engine/tracer.py'), resolve(mainOut, 'tracer.py'))
    },
  }
}

export default defineConfig({
  main: {
    plugins: [copyTracer()],
    build: {
      outDir: mainOut,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          worker: resolve(root, 'src/engine/worker.ts'),
        },
        // Pyodide loads its wasm and stdlib from its own package folder at runtime.
        external: ['pyodide', /^pyodide\//],
        output: {
          entryFileNames: '[name].js',
          // Shared chunks sit beside index.js and worker.js so import.meta.url-relative
          // lookups (worker.js, tracer.py) resolve the same from every chunk.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
  },
})
