import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, type Locator, type Page } from '@playwright/test'

/** The project root. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** Where specs save screenshots of key states. */
export const screenshotDir = join(projectRoot, 'test-results/screenshots')

interface WebHostHandle {
  url: string
}

/** Starts `npm run start:web` once per worker and hands specs its tokenised URL. */
export const test = base.extend<object, { host: WebHostHandle }>({
  host: [
    // Playwright requires the destructuring pattern even when a fixture uses no other fixture.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // A data folder of its own: no autosave or recent session of the user's leaks in or out.
      const dataDir = mkdtempSync(join(tmpdir(), 'refscope-e2e-host-'))
      const child: ChildProcess = spawn(
        process.execPath,
        ['scripts/start-web.mjs', '--port', '0', '--data-dir', dataDir],
        {
          cwd: projectRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 240_000)
        const onData = (chunk: Buffer) => {
          output += chunk.toString()
          const match = /Refscope listening on (\S+)/.exec(output)
          if (match) {
            clearTimeout(timer)
            resolve(match[1]!)
          }
        }
        child.stdout!.on('data', onData)
        child.stderr!.on('data', onData)
        child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
      })
      await use({ url })
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 300_000 },
  ],
})

export { expect }

/** Encodes code for a `#code=` link. */
export function codeFragment(code: string): string {
  return '#code=' + Buffer.from(code, 'utf8').toString('base64url')
}

/** Opens the app (optionally with code from a link) and waits for the editor and the engine. */
export async function openApp(page: Page, host: WebHostHandle, code?: string): Promise<void> {
  await page.goto(host.url + (code === undefined ? '' : codeFragment(code)))
  await expect(page.locator('[data-testid="editor"] .monaco-editor')).toBeVisible()
  await expect(page.getByTestId('engine-state')).toHaveAttribute('data-state', 'ready', {
    timeout: 90_000,
  })
}

/** Picks a command (`data-command`) from the File menu. */
export async function fileCommand(page: Page, command: string): Promise<void> {
  await page.getByTestId('file-menu').click()
  await page.getByRole('menu', { name: 'File' }).locator(`[data-command="${command}"]`).click()
}

/** Opens the app, loads the basics lesson and runs it to the end. */
export async function openBasics(page: Page, host: WebHostHandle): Promise<void> {
  await openApp(page, host)
  await page.getByRole('button', { name: 'Lessons' }).click()
  await page.getByRole('menuitem', { name: 'Reference counting basics' }).click()
  await run(page)
}

/** Adds a note to the step shown and waits until it appears beside the diagram. */
export async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add note', exact: true }).click()
  await page.getByLabel('Note text').fill(text)
  await page.getByRole('button', { name: 'Save note', exact: true }).click()
  await expect(page.getByTestId('step-note')).toContainText(text)
}

/** A toolbar button by its exact accessible name. */
export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true })
}

/** The step index the status bar reports, or null before a run. */
export async function statusIndex(page: Page): Promise<number | null> {
  const value = await page.getByTestId('step-status').getAttribute('data-step-index')
  return value === null ? null : Number(value)
}

/** Waits until the heap has finished drawing the step the status bar shows. */
export async function waitForDrawn(page: Page): Promise<number> {
  const status = page.getByTestId('step-status')
  await expect(status).toHaveAttribute('data-step-index', /\d+/)
  const index = Number(await status.getAttribute('data-step-index'))
  await expect(page.getByTestId('heap')).toHaveAttribute('data-step-index', String(index))
  return index
}

/** Presses Run and waits for step 0 to be drawn (and, by default, for the run to finish). */
export async function run(page: Page, { untilDone = true } = {}): Promise<void> {
  await button(page, 'Run').click()
  await expect(page.getByTestId('heap')).toHaveAttribute('data-step-index', '0', {
    timeout: 60_000,
  })
  if (untilDone) {
    await expect(page.getByTestId('engine-state')).not.toHaveAttribute('data-state', 'running', {
      timeout: 60_000,
    })
  }
}

/** Clicks a step button and waits for the new step to be drawn; returns its index. */
export async function stepWith(page: Page, name: string): Promise<number> {
  const before = await statusIndex(page)
  await button(page, name).click()
  await expect
    .poll(
      async () => (await statusIndex(page)) !== before || (await button(page, name).isDisabled()),
    )
    .toBe(true)
  return waitForDrawn(page)
}

/** What the heap shows: frames with their names, and objects with their counts. */
export async function heapPicture(page: Page): Promise<string[]> {
  return page.getByTestId('heap').evaluate((heap) => {
    const names = [...heap.querySelectorAll('[data-frame] [data-name]')].map(
      (el) =>
        `${el.closest('[data-frame]')!.getAttribute('data-frame')}:${el.getAttribute('data-name')}→${el.getAttribute('data-target')}`,
    )
    const objects = [...heap.querySelectorAll('[data-object-id]')].map(
      (el) =>
        `${el.getAttribute('data-object-id')}:${el.getAttribute('data-type')}=${el.getAttribute('data-refcount')}${el.getAttribute('data-freed') ? ' freed' : ''}`,
    )
    return [...names, ...objects].sort()
  })
}

/** Saves a screenshot of the whole window under test-results/screenshots. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
}

/** Clicks the editor gutter on a line (toggles a breakpoint). */
export async function clickGutter(page: Page, line: number): Promise<void> {
  const number = page
    .locator('[data-testid="editor"] .line-numbers')
    .filter({ hasText: new RegExp(`^${line}$`) })
  await number.click()
}
