import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/export/browser.ts'
import { createExport, findChromium, writeExport } from '../../src/export/index.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, stepAtLine } from './basicsTrace.ts'

const chromium = findChromium()
if (!chromium)
  console.warn('SKIP HTML player browser test: no Chromium found (set REFSCOPE_CHROMIUM)')

let doc: TraceDocument
let file: string
let browser: Browser

beforeAll(async () => {
  doc = await basicsTrace()
  file = join(mkdtempSync(join(tmpdir(), 'refscope-player-')), 'basics.html')
  const output = await createExport(doc, {
    format: 'html',
    title: 'Basics player',
    annotations: [{ step: stepAtLine(doc, 7), objectId: 'o1', text: 'Three names, one list.' }],
  })
  writeExport(output, file)
  if (chromium) browser = await launchChromium('test')
})

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(!chromium)('HTML player', () => {
  it('steps through the basics lesson from file:// with every network request blocked', async () => {
    const context = await browser.newContext({ offline: true })
    const blocked: string[] = []
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue()
      blocked.push(route.request().url())
      return route.abort()
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(pathToFileURL(file).href)
    const status = page.getByTestId('step-status')
    await expect.poll(() => status.textContent()).toContain(`Step 1 of ${doc.steps.length}`)
    const list = page.locator('[data-object-id][data-type="list"]')
    const goTo = async (index: number) => {
      if ((await status.getAttribute('data-step-index')) !== '0') {
        await page.getByRole('button', { name: 'First step' }).click()
      }
      for (let i = 0; i < index; i++)
        await page.getByRole('button', { name: 'Step forward' }).click()
      expect(await status.getAttribute('data-step-index')).toBe(String(index))
    }
    for (const [line, count] of [
      [4, '1'],
      [7, '3'],
      [9, '2'],
      [10, '1'],
    ] as const) {
      await goTo(stepAtLine(doc, line))
      expect(await list.getAttribute('data-refcount')).toBe(count)
      expect(await list.locator('[data-testid="refcount-badge"]').textContent()).toBe(count)
    }
    await goTo(stepAtLine(doc, 7))
    await expect
      .poll(() => page.locator('#rs-notes').textContent())
      .toContain('Three names, one list.')
    expect(await page.locator('.code-line.current').getAttribute('data-line')).toBe('7')
    await page.getByRole('button', { name: 'Step forward' }).click()
    await page.getByRole('button', { name: 'Step forward' }).click()
    await page.getByRole('button', { name: 'Step forward' }).click()
    await page.getByRole('button', { name: 'Step forward' }).click()
    expect(await list.getAttribute('data-freed')).toBe('true')
    expect(await list.getAttribute('data-refcount')).toBe('0')
    await page.getByRole('button', { name: 'Step back' }).click()
    expect(await list.getAttribute('data-refcount')).toBe('1')
    await page.keyboard.press('ArrowRight')
    expect(await list.getAttribute('data-freed')).toBe('true')
    await page.getByRole('button', { name: 'Last step' }).click()
    expect(await status.getAttribute('data-step-index')).toBe(String(doc.steps.length - 1))
    expect(await page.locator('#rs-console').textContent()).toContain('inside a function: 2')
    // The diagram font is embedded in the file, so it loads with the network blocked.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].map((face) => `${face.family} ${face.weight} ${face.status}`)
    })
    expect(fonts).toEqual(['JetBrains Mono 400 loaded', 'JetBrains Mono 700 loaded'])
    expect(errors).toEqual([])
    expect(blocked).toEqual([])
    await context.close()
  })
})
