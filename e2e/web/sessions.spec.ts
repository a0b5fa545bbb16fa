import { readFileSync } from 'node:fs'
import { button, expect, fileCommand, openApp, run, test, waitForDrawn } from './fixtures'

// Sessions re-run their code when opened: allow for a busy machine.
test.describe.configure({ timeout: 180_000 })

test('Open Recent lists saved and opened sessions and reopens them', async ({ page, host }) => {
  await openApp(page, host, 'names = ["a"]\nalias = names\n')
  await run(page)
  await button(page, 'Step forward').click()
  await waitForDrawn(page)
  await page.getByRole('button', { name: 'Add note', exact: true }).click()
  await page.getByLabel('Note text').fill('alias shares the list')
  await page.getByRole('button', { name: 'Save note', exact: true }).click()

  // Save As with a name of the user's choosing: the download and Open Recent both use it.
  page.once('dialog', (dialog) => void dialog.accept('aliasing'))
  const downloading = page.waitForEvent('download')
  await fileCommand(page, 'saveAs')
  const download = await downloading
  expect(download.suggestedFilename()).toBe('aliasing.refscope')
  const savedPath = await download.path()
  await expect(page).toHaveTitle('aliasing.refscope — Refscope')

  await fileCommand(page, 'new')
  await expect(page).toHaveTitle('Untitled — Refscope')
  await page.getByTestId('file-menu').click()
  const menu = page.getByRole('menu', { name: 'File' })
  const entries = menu.locator('[data-recent-id]')
  // Other specs on this host may have saved sessions before: the newest comes first.
  await expect(entries.first()).toHaveText('aliasing.refscope')
  await entries.first().click()
  await expect(page).toHaveTitle('aliasing.refscope — Refscope')
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-step-index', '1', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('step-note')).toContainText('alias shares the list')
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('alias = names')

  // A session opened from disk goes to the top of the list, under its own name.
  const saved = JSON.parse(readFileSync(savedPath, 'utf8'))
  const other = { ...saved, code: 'x = 1\n', annotations: [], currentStep: null, trace: null }
  await fileCommand(page, 'new')
  const choosing = page.waitForEvent('filechooser')
  await fileCommand(page, 'open')
  await (
    await choosing
  ).setFiles({
    name: 'other.refscope',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(other)),
  })
  await expect(page).toHaveTitle('other.refscope — Refscope')
  await page.getByTestId('file-menu').click()
  await expect(entries.nth(0)).toHaveText('other.refscope')
  await expect(entries.nth(1)).toHaveText('aliasing.refscope')

  await menu.locator('[data-command="clearRecent"]').click()
  await page.getByTestId('file-menu').click()
  await expect(entries).toHaveCount(0)
  await expect(menu.getByRole('menuitem', { name: 'No recent sessions' })).toBeDisabled()
})
