import { defineConfig } from '@playwright/test'
import { electronBinary } from './scripts/electron-path.mjs'

/** Chromium flags for a headless, offline, possibly root-run browser. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

const onCI = !!process.env['CI']

export default defineConfig({
  // Builds out/ first when it is missing or older than its sources.
  globalSetup: './e2e/global-setup.ts',
  // The engine starts CPython in WebAssembly: give pages time to come up.
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // One browser at a time: each worker runs its own host and interpreters, and CI machines (and
  // most laptops) have few cores to spare for Pyodide.
  workers: 1,
  fullyParallel: false,
  // On CI one retry absorbs a machine hiccup; a test that needs it is reported as flaky.
  retries: onCI ? 1 : 0,
  forbidOnly: onCI,
  reporter: 'list',
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
      // Without the binary every Electron spec would report its own skip: collect only the one
      // whose single skipped test says why, so the project reports one line.
      ...(electronBinary() ? {} : { testMatch: 'app.spec.ts' }),
    },
  ],
})
