import { codeFragment, expect, openApp, snapshot, test } from './fixtures'

test('switching theme restyles the app and the editor, and persists', async ({ page, host }) => {
  await openApp(page, host)
  const theme = page.getByRole('combobox', { name: 'Theme' })
  await theme.selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('[data-testid="editor"] .monaco-editor.vs-dark')).toBeVisible()
  await snapshot(page, 'theme-dark')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.locator('[data-testid="editor"] .monaco-editor.vs')).toBeVisible()
})

test('a #code= link replaces the code, on load and on hash change', async ({ page, host }) => {
  await openApp(page, host, 'print("from a link")\n')
  const editor = page.locator('[data-testid="editor"] .view-lines')
  await expect(editor).toContainText('print("from a link")')
  await page.evaluate((hash) => (window.location.hash = hash), codeFragment('x = 42\n'))
  await expect(editor).toContainText('x = 42')
  await page.reload()
  await expect(editor).toContainText('x = 42')
})

test('the last code is restored when the app is opened again', async ({ page, host }) => {
  await openApp(page, host, 'kept = [1, 2, 3]\n')
  await page.goto(host.url)
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('kept = [1, 2, 3]')
})
