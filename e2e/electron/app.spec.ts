import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { _electron, expect, test, type ElectronApplication } from '@playwright/test'
import { buildApp, root } from '../../scripts/build.mjs'
import { whenElectron } from './whenElectron.ts'

whenElectron(describeApp)

function describeApp(executablePath: string): void {
  let app: ElectronApplication

  test.beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) buildApp()
    const args = [root]
    // Chromium refuses to run its sandbox as root (CI containers).
    if (process.getuid?.() === 0) args.push('--no-sandbox')
    app = await _electron.launch({ executablePath, args, cwd: root })
  })

  test.afterAll(async () => {
    await app?.close()
  })

  test('opens the main window on the app page', async () => {
    const page = await app.firstWindow()
    // The title carries the session's name and an unsaved-changes dot.
    await expect(page).toHaveTitle(/Refscope$/)
    expect(page.url()).toMatch(/^app:\/\/refscope\//)
  })

  test('has the File, Edit, View, Run and Help menus', async () => {
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => item.label),
    )
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Run', 'Help']))
    const runItems = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items.find((i) => i.label === 'Run')?.submenu?.items ?? []).map(
        (i) => `${i.label}=${i.accelerator ?? ''}`,
      ),
    )
    expect(runItems).toEqual(expect.arrayContaining(['Run=F5', 'Step Over=F10', 'Step Into=F11']))
  })

  test('exposes only window.refscope to an isolated, sandboxed page', async () => {
    // contextBridge refuses to expose anything without context isolation, so a bridge on the
    // page together with no Node globals shows both isolation and the sandbox at work.
    const page = await app.firstWindow()
    const seen = await page.evaluate(() => {
      const bridge = (window as unknown as { refscope?: Record<string, unknown> }).refscope
      return {
        bridge: typeof bridge,
        methods: bridge ? Object.keys(bridge).sort() : [],
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (globalThis as unknown as { process?: unknown }).process,
      }
    })
    expect(seen).toEqual({
      bridge: 'object',
      methods: [
        'autosave',
        'cancel',
        'cancelExport',
        'clearAutosave',
        'engineInfo',
        'exportRun',
        'on',
        'openSessionFile',
        'output',
        'recover',
        'reportState',
        'run',
        'saveSessionFile',
        'steps',
        'summary',
      ],
      require: 'undefined',
      process: 'undefined',
    })
  })
}
