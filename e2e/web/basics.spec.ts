import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import {
  button,
  expect,
  heapPicture,
  openApp,
  projectRoot,
  run,
  snapshot,
  stepWith,
  test,
  waitForDrawn,
} from './fixtures'

test('the basics lesson: the list goes 1 → 2 → 3 → 2 → 1, then is freed', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1600, height: 900 })
  await openApp(page, host)
  await page.getByRole('button', { name: 'Lessons' }).click()
  await page.getByRole('menuitem', { name: 'Reference counting basics' }).click()
  await expect(page.getByTestId('lesson-notes')).toContainText('Reference counting basics')
  await run(page)
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-step-index', '0')

  const heap = page.getByTestId('heap')
  const var1 = heap.locator('[data-frame="<module>"] [data-name="var1"]')
  let listId: string | null = null
  const counts: string[] = []
  for (let guard = 0; guard < 40; guard++) {
    await stepWith(page, 'Step over')
    if (!listId && (await var1.count()) > 0) listId = await var1.getAttribute('data-target')
    if (!listId) continue
    const box = heap.locator(`[data-object-id="${listId}"]`)
    if ((await box.count()) === 0) break
    if ((await box.getAttribute('data-freed')) === 'true') {
      await expect(box).toHaveAttribute('data-refcount', '0')
      counts.push('freed')
      await snapshot(page, 'basics-freed-ghost')
      break
    }
    const count = (await box.getAttribute('data-refcount'))!
    if (counts.at(-1) !== count) counts.push(count)
    if (count === '3' && counts.length === 3) {
      await box.click()
      await expect(page.getByTestId('object-details')).toContainText('var3 in <module>')
      await expect(page.getByTestId('refcount-chart').locator('canvas')).toBeVisible()
      await snapshot(page, 'basics-count-3')
      mkdirSync(join(projectRoot, 'docs'), { recursive: true })
      await page.screenshot({ path: join(projectRoot, 'docs/screenshot.png') })
    }
  }
  expect(counts).toEqual(['1', '2', '3', '2', '1', 'freed'])
})

test('step back restores the previous picture', async ({ page, host }) => {
  await openApp(page, host)
  await page.getByRole('button', { name: 'Lessons' }).click()
  await page.getByRole('menuitem', { name: 'Reference counting basics' }).click()
  await run(page)
  for (let i = 0; i < 4; i++) await stepWith(page, 'Step over')
  const before = await heapPicture(page)
  const index = await waitForDrawn(page)
  await stepWith(page, 'Step forward')
  expect(await heapPicture(page)).not.toEqual(before)
  expect(await stepWith(page, 'Step back')).toBe(index)
  expect(await heapPicture(page)).toEqual(before)
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByTestId('step-status')).toHaveAttribute(
    'data-step-index',
    String(index + 1),
  )
  await page.keyboard.press('Shift+F10')
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-step-index', String(index))
  await waitForDrawn(page)
  expect(await heapPicture(page)).toEqual(before)
  await snapshot(page, 'step-back')
})

test('first and last step buttons are disabled at the ends', async ({ page, host }) => {
  await openApp(page, host, 'x = [1]\ny = x\n')
  await run(page)
  await expect(button(page, 'Step back')).toBeDisabled()
  await expect(button(page, 'First step')).toBeDisabled()
  await expect(button(page, 'Step forward')).toBeEnabled()
  await stepWith(page, 'Last step')
  await expect(button(page, 'Step forward')).toBeDisabled()
  await expect(button(page, 'Last step')).toBeDisabled()
  await expect(button(page, 'Continue')).toBeDisabled()
  await expect(button(page, 'Step back')).toBeEnabled()
})
