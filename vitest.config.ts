import { createRequire } from 'node:module'
import vue from '@vitejs/plugin-vue'
import { configDefaults, defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

/** The first DOM environment that is installed, else plain Node. */
function rendererEnvironment(): 'happy-dom' | 'jsdom' | 'node' {
  for (const name of ['happy-dom', 'jsdom'] as const) {
    try {
      require.resolve(name)
      return name
    } catch {
      // not installed; try the next one
    }
  }
  return 'node'
}

export default defineConfig({
  test: {
    // CPython-in-wasm takes seconds to start in every engine worker.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/renderer/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [vue()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: rendererEnvironment(),
        },
      },
    ],
  },
})
