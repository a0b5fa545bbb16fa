import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { buildApp, root } from '../../scripts/build.mjs'
import { whenElectron } from './whenElectron.ts'

whenElectron(describeFiles)

async function fileCommand(page: Page, command: string): Promise<void> {
  await page.getByTestId('file-menu').click()
  await page.getByRole('menu', { name: 'File' }).locator(`[data-command="${command}"]`).click()
}

function describeFiles(executablePath: string): void {
  let app: ElectronApplication
  let page: Page
  let userData: string
  let work: string

  test.beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) buildApp()
    userData = mkdtempSync(join(tmpdir(), 'refscope-electron-data-'))
    work = mkdtempSync(join(tmpdir(), 'refscope-electron-files-'))
    const args = [root, `--user-data-dir=${userData}`]
    // Chromium refuses to run its sandbox as root (CI containers).
    if (process.getuid?.() === 0) args.push('--no-sandbox')
    app = await _electron.launch({ executablePath, args, cwd: root })
    page = await app.firstWindow()
    await expect(page.getByTestId('engine-state')).toHaveAttribute('data-state', 'ready', {
      timeout: 90_000,
    })
  })

  test.afterAll(async () => {
    await app?.close()
    rmSync(userData, { recursive: true, force: true })
    rmSync(work, { recursive: true, force: true })
  })

  test('the File menu has New, Open, Save, Save As and Export', async () => {
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')?.submenu?.items ?? [])
        .map((item) => item.label)
        .filter(Boolean),
    )
    expect(labels).toEqual(
      expect.arrayContaining(['New Session', 'Open…', 'Save', 'Save As…', 'Export…']),
    )
  })

  test('Save writes the session where the native dialog points, atomically', async () => {
    await page.getByRole('button', { name: 'Lessons' }).click()
    await page.getByRole('menuitem', { name: 'Reference counting basics' }).click()
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.getByRole('button', { name: 'Add note', exact: true }).click()
    await page.getByLabel('Note text').fill('saved natively')
    await page.getByRole('button', { name: 'Save note', exact: true }).click()
    await expect(page).toHaveTitle('● Untitled — Refscope')

    const target = join(work, 'basics.refscope')
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as never
    }, target)
    await fileCommand(page, 'save')
    await expect(page).toHaveTitle('basics.refscope — Refscope')
    const saved = JSON.parse(readFileSync(target, 'utf8'))
    expect(saved.annotations).toEqual([expect.objectContaining({ text: 'saved natively' })])
  })

  test('Open Recent in the native menu lists the saved session and reopens it', async () => {
    await fileCommand(page, 'new')
    await expect(page).toHaveTitle('Untitled — Refscope')
    const recentLabels = (): Promise<string[]> =>
      app.evaluate(({ Menu }) => {
        const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
        const recent = file?.submenu?.items.find((item) => item.label === 'Open Recent')
        return (recent?.submenu?.items ?? []).map((item) => item.label)
      })
    expect(await recentLabels()).toEqual(['basics.refscope', '', 'Clear Recently Opened'])
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((item) => item.label === 'File')
      const recent = file?.submenu?.items.find((item) => item.label === 'Open Recent')
      const first = recent?.submenu?.items[0]
      first?.click(undefined, undefined, undefined)
    })
    await expect(page).toHaveTitle('basics.refscope — Refscope')
    await expect(page.getByTestId('step-note')).toContainText('saved natively', {
      timeout: 60_000,
    })
  })

  test('exports a PDF handout in Electron’s own engine to the path the dialog chose', async () => {
    const target = join(work, 'handout.pdf')
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as never
    }, target)
    await fileCommand(page, 'export')
    const exportDialog = page.getByTestId('export-dialog')
    await exportDialog.getByLabel('Format').selectOption('pdf')
    await expect(exportDialog.getByLabel('Steps')).toHaveValue('anyChange')
    await exportDialog.getByRole('button', { name: 'Export file' }).click()
    await expect.poll(() => existsSync(target), { timeout: 120_000 }).toBe(true)
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
    await expect(exportDialog).toBeHidden()
  })

  test('closing with unsaved changes asks Save / Don’t Save / Cancel; Cancel keeps it', async () => {
    await page.getByRole('button', { name: 'Add note', exact: true }).click()
    await page.getByLabel('Note text').fill('unsaved')
    await page.getByRole('button', { name: 'Save note', exact: true }).click()
    await expect(page).toHaveTitle('● basics.refscope — Refscope')
    const asked = await app.evaluate(({ BrowserWindow, dialog }) => {
      const questions: string[] = []
      dialog.showMessageBoxSync = ((_window: unknown, options: { buttons: string[] }) => {
        questions.push(options.buttons.join('/'))
        return 2
      }) as never
      BrowserWindow.getAllWindows()[0]!.close()
      return questions
    })
    expect(asked).toEqual(["Save/Don't Save/Cancel"])
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  })
}
