import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  addNote,
  button,
  expect,
  fileCommand,
  openApp,
  openBasics,
  projectRoot,
  test,
  waitForDrawn,
} from './fixtures'

// Exports lay out every chosen step and sessions re-run their code: allow for a busy machine.
test.describe.configure({ timeout: 180_000 })

async function exportAs(page: Page, format: string, steps: string): Promise<string> {
  await fileCommand(page, 'export')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Format').selectOption(format)
  await dialog.getByLabel('Steps').selectOption(steps)
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export file' }).click()
  const download = await downloading
  const path = await download.path()
  expect(download.suggestedFilename()).toBe(`basics.${format}`)
  await expect(dialog).toBeHidden()
  return readFileSync(path, 'utf8')
}

test('exports the basics lesson as SVG and as an HTML player from the Export dialog', async ({
  page,
  host,
}) => {
  await openBasics(page, host)
  await button(page, 'Last step').click()
  await waitForDrawn(page)
  const svg = await exportAs(page, 'svg', 'current')
  expect(svg).toContain('<svg')
  expect(svg).toMatch(/data-refcount="\d+"/)

  await addNote(page, 'the list is gone')
  await page.keyboard.press('Control+e')
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('export-dialog')).toBeHidden()
  const html = await exportAs(page, 'html', 'all')
  expect(html.toLowerCase()).toContain('<!doctype html>')
  expect(html).toMatch(/data-refcount/)
  expect(html).toContain('the list is gone')
})

test('saves a session and opens it again; a corrupt file gets a clear message', async ({
  page,
  host,
}) => {
  await openBasics(page, host)
  await button(page, 'Step forward').click()
  await waitForDrawn(page)
  await addNote(page, 'var1 names the list')
  await expect(page).toHaveTitle('● Untitled — Refscope')

  const downloading = page.waitForEvent('download')
  await fileCommand(page, 'save')
  const download = await downloading
  expect(download.suggestedFilename()).toBe('untitled.refscope')
  const savedPath = await download.path()
  const saved = JSON.parse(readFileSync(savedPath, 'utf8'))
  expect(saved).toMatchObject({ format: 'refscope-session', version: 1, currentStep: 1 })
  expect(saved.annotations).toEqual([{ step: 1, text: 'var1 names the list' }])
  await expect(page).toHaveTitle('untitled.refscope — Refscope')

  await fileCommand(page, 'new')
  await expect(page.getByTestId('step-notes')).toBeHidden()

  const choosing = page.waitForEvent('filechooser')
  await fileCommand(page, 'open')
  await (await choosing).setFiles(savedPath)
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-step-index', '1', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('step-note')).toContainText('var1 names the list')
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('var1')

  const corrupt = page.waitForEvent('filechooser')
  await fileCommand(page, 'open')
  await (
    await corrupt
  ).setFiles({ name: 'broken.refscope', mimeType: 'application/json', buffer: Buffer.from('{') })
  await expect(page.getByTestId('file-message')).toContainText(
    'Cannot open broken.refscope: it is not valid JSON',
  )
  await expect(page.getByTestId('step-note')).toContainText('var1 names the list')
})

/** A browser host of this spec's own, with a data folder that outlives it. */
async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['scripts/start-web.mjs', '--port', '0', '--data-dir', dataDir],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Refscope listening on (\S+)/.exec(output)
      if (match) resolve(match[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

test('offers to restore unsaved work after the host was killed', async ({ page }) => {
  test.setTimeout(240_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'refscope-e2e-data-'))
  let host = await startHost(dataDir)
  try {
    await openBasics(page, host)
    await addNote(page, 'not saved yet')
    // Each window autosaves to a slot of its own: autosave-<slot>.refscope.
    const autosaved = (): string[] =>
      readdirSync(dataDir).filter((name) => /^autosave-.+\.refscope$/.test(name))
    await expect.poll(() => autosaved().length, { timeout: 15_000 }).toBe(1)
    host.child.kill('SIGKILL')

    host = await startHost(dataDir)
    await openApp(page, host)
    const offer = page.getByTestId('recovery')
    await expect(offer).toContainText('Restore unsaved work?')
    await offer.getByRole('button', { name: 'Restore' }).click()
    await expect(offer).toBeHidden()
    await expect(page.getByTestId('step-note')).toContainText('not saved yet', {
      timeout: 60_000,
    })
    await expect(page).toHaveTitle('● Untitled — Refscope')
  } finally {
    host.child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
})
