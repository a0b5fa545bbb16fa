import {
  button,
  clickGutter,
  expect,
  openApp,
  run,
  snapshot,
  stepWith,
  test,
  waitForDrawn,
} from './fixtures'

const CALLS = [
  'def f(x):',
  '    y = x',
  '    return y',
  '',
  'a = [1]',
  'b = f(a)',
  'print(b)',
  '',
].join('\n')

const LOOP = ['total = []', 'for i in range(3):', '    total.append(i)', 'print(total)', ''].join(
  '\n',
)

test('breakpoints and Continue', async ({ page, host }) => {
  await openApp(page, host, LOOP)
  await clickGutter(page, 3)
  await expect(page.locator('[data-testid="editor"] .rs-breakpoint-glyph')).toHaveCount(1)
  await run(page)
  const status = page.getByTestId('step-status')
  for (let hit = 0; hit < 3; hit++) {
    await stepWith(page, 'Continue')
    await expect(status).toHaveAttribute('data-line', '3')
  }
  const third = await waitForDrawn(page)
  await stepWith(page, 'Continue')
  await expect(status).not.toHaveAttribute('data-line', '3')
  await expect(button(page, 'Continue')).toBeDisabled()
  await stepWith(page, 'Reverse continue')
  expect(await waitForDrawn(page)).toBe(third)
  await snapshot(page, 'breakpoint-continue')
  await clickGutter(page, 3)
  await expect(page.locator('[data-testid="editor"] .rs-breakpoint-glyph')).toHaveCount(0)
})

test('Step into and Step out of a function', async ({ page, host }) => {
  await openApp(page, host, CALLS)
  await run(page)
  const status = page.getByTestId('step-status')
  const heap = page.getByTestId('heap')
  while ((await status.getAttribute('data-line')) !== '6') await stepWith(page, 'Step over')
  await stepWith(page, 'Step into')
  await expect(status).toHaveAttribute('data-line', '2')
  await expect(heap.locator('[data-frame="f"]')).toBeVisible()
  await expect(heap.locator('[data-frame="f"] [data-name="x"]')).toHaveAttribute(
    'data-target',
    (await heap.locator('[data-frame="<module>"] [data-name="a"]').getAttribute('data-target'))!,
  )
  await snapshot(page, 'step-into')
  await stepWith(page, 'Step out')
  await expect(status).toHaveAttribute('data-line', '7')
  await expect(heap.locator('[data-frame="f"]')).toHaveCount(0)
  await expect(heap.locator('[data-frame="<module>"] [data-name="b"]')).toBeVisible()

  await stepWith(page, 'First step')
  while ((await status.getAttribute('data-line')) !== '6') await page.keyboard.press('F10')
  await page.keyboard.press('F11')
  await expect(status).toHaveAttribute('data-line', '2')
  await page.keyboard.press('Shift+F11')
  await expect(status).toHaveAttribute('data-line', '7')
  await page.keyboard.press('End')
  await expect(page.getByTestId('console')).toContainText('[1]')
})

test('a syntax error shows a marker at the right line', async ({ page, host }) => {
  await openApp(page, host, 'x = 1\ny = = 2\nprint(x)\n')
  await button(page, 'Run').click()
  const error = page.getByTestId('error')
  await expect(error).toBeVisible({ timeout: 60_000 })
  await expect(error).toHaveAttribute('data-line', '2')
  await expect(error).toHaveAttribute('data-column', /\d+/)
  await expect(error).toContainText('SyntaxError')
  await expect(page.getByTestId('engine-state')).toHaveAttribute('data-state', 'error')
  const squiggle = page.locator('[data-testid="editor"] .squiggly-error')
  await expect(squiggle).toHaveCount(1)
  const lineTwo = page.locator('[data-testid="editor"] .line-numbers').filter({ hasText: /^2$/ })
  const [squiggleBox, lineBox] = [await squiggle.boundingBox(), await lineTwo.boundingBox()]
  expect(Math.abs(squiggleBox!.y - lineBox!.y)).toBeLessThan(lineBox!.height)
  await snapshot(page, 'syntax-error')
})

test('a runtime error is reported at its line, in red in the console', async ({ page, host }) => {
  await openApp(page, host, 'items = [1, 2]\nprint(items[5])\n')
  await run(page)
  await expect(page.getByTestId('error')).toHaveAttribute('data-line', '2')
  await page.keyboard.press('End')
  await expect(page.getByTestId('console').locator('.exception')).toContainText('IndexError')
})

test('while True: pass is stopped by Cancel and the UI stays responsive', async ({
  page,
  host,
}) => {
  await openApp(page, host, 'n = 0\nwhile True:\n    pass\n')
  await button(page, 'Run').click()
  const state = page.getByTestId('engine-state')
  await expect(state).toHaveAttribute('data-state', 'running')
  await expect(page.getByTestId('heap')).toHaveAttribute('data-step-index', '0', {
    timeout: 60_000,
  })
  await stepWith(page, 'Step forward')
  await button(page, 'Cancel').click()
  await expect(state).toHaveAttribute('data-state', 'stopped')
  await expect(state).toHaveAttribute('data-reason', 'cancelled')
  await expect(button(page, 'Cancel')).toBeDisabled()
  await stepWith(page, 'Last step')
  await stepWith(page, 'First step')
  await expect(page.getByTestId('step-status')).toHaveAttribute('data-step-index', '0')
  await snapshot(page, 'cancelled')
  await page.locator('[data-testid="editor"] .view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n')
  await expect(
    page.getByRole('status').filter({ hasText: 'Code changed — Run again' }),
  ).toBeVisible()
})
