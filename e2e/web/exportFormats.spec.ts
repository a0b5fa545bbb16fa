import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Download, Locator, Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import type { ExportProgress } from '../../src/shared/ipc'
import { gifFacts, pngSize } from '../../tests/export/imageFacts'
import {
  button,
  expect,
  fileCommand,
  openApp,
  openBasics,
  run,
  stepWith,
  test,
  waitForDrawn,
} from './fixtures'

// Exports lay out every chosen step and PNG, PDF and GIF start a Chromium in the host: allow for
// a busy two-core machine.
test.describe.configure({ timeout: 240_000 })

/** How long an export from the dialog may take to reach the download. */
const EXPORT_TIMEOUT = 150_000

/** One `export:create` call seen on the browser host's WebSocket. */
interface ExportCall {
  exportId: number
  format: string
  /** The host's answer, once it came: the steps it exported, or its error. */
  answer: { ok: true; steps: number[]; note: string | null } | { ok: false; error: string } | null
}

/** What the page and the browser host said to each other about exports. */
interface ExportTraffic {
  calls: ExportCall[]
  progress: ExportProgress[]
}

/** A WebSocket frame's JSON, or null for anything else. */
function parseFrame(payload: string | Buffer): unknown {
  try {
    return JSON.parse(String(payload))
  } catch {
    return null
  }
}

/**
 * Records `export:create` calls, their replies and `export:progress` events on the page's
 * WebSocket to the host; call before the app is opened.
 */
function watchExports(page: Page): ExportTraffic {
  const traffic: ExportTraffic = { calls: [], progress: [] }
  const byFrameId = new Map<number, ExportCall>()
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const frame = parseFrame(payload) as {
        id: number
        channel: string
        request?: { exportId: number; format: string }
      } | null
      if (frame?.channel !== 'export:create' || !frame.request) return
      const call = { exportId: frame.request.exportId, format: frame.request.format, answer: null }
      traffic.calls.push(call)
      byFrameId.set(frame.id, call)
    })
    socket.on('framereceived', ({ payload }) => {
      const message = parseFrame(payload) as
        | { event: string; payload: unknown }
        | { id: number; ok: true; reply: { steps: number[]; note: string | null } }
        | { id: number; ok: false; error: string }
        | null
      if (typeof message !== 'object' || message === null) return
      if ('event' in message) {
        if (message.event === 'export:progress') {
          traffic.progress.push(message.payload as ExportProgress)
        }
        return
      }
      const call = byFrameId.get(message.id)
      if (!call) return
      call.answer = message.ok
        ? { ok: true, steps: message.reply.steps, note: message.reply.note }
        : { ok: false, error: message.error }
    })
  })
  return traffic
}

/** Goes to the last step and returns the trace's length. */
async function traceLength(page: Page): Promise<number> {
  await button(page, 'Last step').click()
  return (await waitForDrawn(page)) + 1
}

/** Steps forward until the status bar reports `line`. */
async function stepToLine(page: Page, line: number): Promise<void> {
  const status = page.getByTestId('step-status')
  for (let guard = 0; guard < 40; guard++) {
    if ((await status.getAttribute('data-line')) === String(line)) return
    await stepWith(page, 'Step forward')
  }
  throw new Error(`never reached line ${line}`)
}

/** The dialog's choices a spec sets; the rest stay as the dialog has them. */
interface DialogChoice {
  format: string
  steps: string
  from?: number
  to?: number
  scale?: 1 | 2 | 3
  codeExcerpt?: boolean
}

/** Opens the Export dialog and fills in the choice. */
async function fillExportDialog(page: Page, choice: DialogChoice): Promise<Locator> {
  await fileCommand(page, 'export')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Format').selectOption(choice.format)
  await dialog.getByLabel('Steps').selectOption(choice.steps)
  if (choice.from !== undefined) await dialog.getByLabel('From step').fill(String(choice.from))
  if (choice.to !== undefined) await dialog.getByLabel('To step').fill(String(choice.to))
  if (choice.scale !== undefined) {
    await dialog.getByLabel('Scale').selectOption(String(choice.scale))
  }
  if (choice.codeExcerpt !== undefined) {
    await dialog.getByLabel('Include code excerpt').setChecked(choice.codeExcerpt)
  }
  return dialog
}

/** Exports from the dialog and returns the download once the dialog has closed. */
async function exportFromDialog(
  page: Page,
  choice: DialogChoice,
): Promise<{ download: Download; bytes: Buffer }> {
  const dialog = await fillExportDialog(page, choice)
  const downloading = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT })
  await dialog.getByRole('button', { name: 'Export file' }).click()
  const download = await downloading
  const bytes = readFileSync(await download.path())
  await expect(dialog).toBeHidden()
  return { download, bytes }
}

/** The steps the host answered the last export with. */
function lastExportedSteps(traffic: ExportTraffic): number[] {
  const answer = traffic.calls.at(-1)?.answer
  if (!answer?.ok) throw new Error(`the last export did not succeed: ${JSON.stringify(answer)}`)
  return answer.steps
}

/** Width and height attributes of an SVG document's root element. */
function svgAttributes(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  return {
    width: Number(/\swidth="([^"]+)"/.exec(root)?.[1]),
    height: Number(/\sheight="([^"]+)"/.exec(root)?.[1]),
  }
}

test('PNG at 2× is exactly twice the size of the SVG of the same step', async ({ page, host }) => {
  await openBasics(page, host)
  await stepToLine(page, 7)
  const svg = await exportFromDialog(page, { format: 'svg', steps: 'current' })
  expect(svg.download.suggestedFilename()).toBe('basics.svg')
  const size = svgAttributes(svg.bytes.toString('utf8'))
  expect(Number.isInteger(size.width) && Number.isInteger(size.height)).toBe(true)
  expect(size.width).toBeGreaterThan(100)
  expect(size.height).toBeGreaterThan(50)

  const png = await exportFromDialog(page, { format: 'png', steps: 'current', scale: 2 })
  expect(png.download.suggestedFilename()).toBe('basics.png')
  expect(pngSize(png.bytes)).toEqual({ width: 2 * size.width, height: 2 * size.height })
})

test('PDF handout of all steps: a code page plus one page per exported step', async ({
  page,
  host,
}) => {
  const traffic = watchExports(page)
  await openBasics(page, host)
  const length = await traceLength(page)
  const pdf = await exportFromDialog(page, { format: 'pdf', steps: 'all' })
  expect(pdf.download.suggestedFilename()).toBe('basics.pdf')
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const steps = lastExportedSteps(traffic)
  expect(steps).toEqual(Array.from({ length }, (_, index) => index))

  const path = await pdf.download.path()
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1 + steps.length)
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
  expect(text).toContain('Reference counting basics')
  expect(text).toContain('var1 = [10, 20]')
  expect(text).toContain('def true_count(obj):')
  expect(text).toContain(`${length} steps · ${steps.length} shown`)
  expect(text.match(new RegExp(`Step \\d+ of ${length} · line`, 'g'))).toHaveLength(steps.length)
})

test('GIF of a step range has one frame per exported step', async ({ page, host }) => {
  const traffic = watchExports(page)
  await openBasics(page, host)
  const gif = await exportFromDialog(page, {
    format: 'gif',
    steps: 'range',
    from: 2,
    to: 9,
    scale: 1,
  })
  expect(gif.download.suggestedFilename()).toBe('basics.gif')
  const steps = lastExportedSteps(traffic)
  expect(steps).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
  const facts = gifFacts(gif.bytes)
  expect(facts.frames).toBe(steps.length)
  expect(facts.width).toBeGreaterThan(100)
})

test('SVG with "Include code excerpt" shows the code and highlights the current line', async ({
  page,
  host,
}) => {
  await openBasics(page, host)
  await stepToLine(page, 7)

  const dialog = await fillExportDialog(page, { format: 'html', steps: 'current' })
  const codeExcerpt = dialog.getByLabel('Include code excerpt')
  await expect(codeExcerpt).toBeHidden()
  for (const format of ['svg', 'png', 'gif']) {
    await dialog.getByLabel('Format').selectOption(format)
    await expect(codeExcerpt).toBeVisible()
    await expect(codeExcerpt).not.toBeChecked()
  }
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  const withCode = await exportFromDialog(page, {
    format: 'svg',
    steps: 'current',
    codeExcerpt: true,
  })
  const svg = withCode.bytes.toString('utf8')
  const code = /<g class="code" data-current-line="7">[\s\S]*?<\/g>/.exec(svg)?.[0] ?? ''
  expect(code).toContain('class="current-line"')
  expect(code).toContain('var3 = var1')
  expect(code).toContain('var2 = var1')
  // The highlight sits on line 7's row: its top is 12px above that row's text baseline.
  const highlightTop = Number(/<rect class="current-line"[^>]*\sy="([\d.]+)"/.exec(code)?.[1])
  const line7Baseline = Number(
    /<text class="number"[^>]*\sy="([\d.]+)"[^>]*data-line="7"/.exec(code)?.[1],
  )
  expect(highlightTop + 12).toBe(line7Baseline)
  expect(code.match(/class="current-line"/g)).toHaveLength(1)

  // The dialog remembers the choice until it is changed.
  const again = await fillExportDialog(page, { format: 'svg', steps: 'current' })
  await expect(again.getByLabel('Include code excerpt')).toBeChecked()
  await again.getByRole('button', { name: 'Close' }).click()

  const withoutCode = await exportFromDialog(page, {
    format: 'svg',
    steps: 'current',
    codeExcerpt: false,
  })
  const plain = withoutCode.bytes.toString('utf8')
  expect(plain).toMatch(/data-refcount="\d+"/)
  expect(plain).not.toContain('class="code"')
  expect(plain).not.toContain('class="current-line"')
  expect(plain).not.toContain('var3 = var1')
})

/** About 3,600 steps: long enough to export that it can be cancelled midway. */
const LONG_LOOP = `total = 0
for n in range(1200):
    item = [n, n + 1]
    total += len(item)
print(total)
`

test('an export in progress shows its progress and can be cancelled', async ({ page, host }) => {
  const traffic = watchExports(page)
  const downloads: string[] = []
  page.on('download', (download) => downloads.push(download.suggestedFilename()))
  await openApp(page, host, LONG_LOOP)
  await run(page, { untilDone: false })
  await expect(page.getByTestId('engine-state')).toHaveAttribute('data-state', 'ready', {
    timeout: 120_000,
  })
  expect(await traceLength(page)).toBeGreaterThan(3000)

  const dialog = await fillExportDialog(page, { format: 'html', steps: 'all' })
  const exportButton = dialog.getByRole('button', { name: 'Export file' })
  await exportButton.click()
  const progress = dialog.getByTestId('export-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toContainText(/[1-9]\d*%/, { timeout: 60_000 })
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible()
  await expect(exportButton).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel export' }).click()

  // Back to idle: no progress, the choices enabled, Close instead of Cancel.
  await expect(progress).toBeHidden()
  await expect(dialog.getByTestId('export-error')).toHaveText('Export cancelled.')
  await expect(exportButton).toBeEnabled()
  await expect(dialog.getByLabel('Format')).toBeEnabled()
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible()

  // The host stopped the export partway and answered with an error, not a file.
  await expect.poll(() => traffic.calls[0]?.answer, { timeout: 60_000 }).not.toBeNull()
  const cancelled = traffic.calls[0]!
  expect(cancelled.format).toBe('html')
  expect(cancelled.answer).toEqual({ ok: false, error: expect.stringMatching(/cancel/i) })
  const reported = traffic.progress.filter((event) => event.exportId === cancelled.exportId)
  expect(reported.length).toBeGreaterThan(0)
  expect(reported.at(-1)!.done).toBeLessThan(reported.at(-1)!.total)
  await dialog.getByRole('button', { name: 'Close' }).click()

  // A new export works, and it is the only download.
  const svg = await exportFromDialog(page, { format: 'svg', steps: 'current' })
  expect(svg.bytes.toString('utf8')).toContain('<svg')
  expect(downloads).toEqual(['refscope.svg'])
})

test('Save As asks for a name, adds .refscope when missing, and cancelling saves nothing', async ({
  page,
  host,
}) => {
  const downloads: string[] = []
  page.on('download', (download) => downloads.push(download.suggestedFilename()))
  await openBasics(page, host)
  await page.getByRole('button', { name: 'Add note', exact: true }).click()
  await page.getByLabel('Note text').fill('first name')
  await page.getByRole('button', { name: 'Save note', exact: true }).click()
  await expect(page).toHaveTitle('● Untitled — Refscope')

  /** Runs Save As, answering its prompt with `name` (or dismissing it when null). */
  async function saveAs(
    name: string | null,
  ): Promise<{ type: string; message: string; defaultValue: string }> {
    const prompted = page.waitForEvent('dialog').then(async (dialog) => {
      const seen = { type: dialog.type(), message: dialog.message() }
      const defaultValue = dialog.defaultValue()
      if (name === null) await dialog.dismiss()
      else await dialog.accept(name)
      return { ...seen, defaultValue }
    })
    await fileCommand(page, 'saveAs')
    return prompted
  }

  let downloading = page.waitForEvent('download')
  expect(await saveAs('reference handout')).toEqual({
    type: 'prompt',
    message: 'Save session as',
    defaultValue: 'untitled.refscope',
  })
  let download = await downloading
  expect(download.suggestedFilename()).toBe('reference handout.refscope')
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'))
  expect(saved).toMatchObject({ format: 'refscope-session', version: 1 })
  expect(saved.annotations).toEqual([expect.objectContaining({ text: 'first name' })])
  await expect(page).toHaveTitle('reference handout.refscope — Refscope')

  downloading = page.waitForEvent('download')
  expect((await saveAs('lesson.refscope')).defaultValue).toBe('reference handout.refscope')
  download = await downloading
  expect(download.suggestedFilename()).toBe('lesson.refscope')
  await expect(page).toHaveTitle('lesson.refscope — Refscope')

  await saveAs(null)
  // A plain Save afterwards downloads under the kept name: the cancelled prompt added nothing.
  downloading = page.waitForEvent('download')
  await fileCommand(page, 'save')
  await downloading
  await expect(page).toHaveTitle('lesson.refscope — Refscope')
  expect(downloads).toEqual(['reference handout.refscope', 'lesson.refscope', 'lesson.refscope'])
})

test('each format proposes its natural steps, and an explicit choice stays', async ({
  page,
  host,
}) => {
  await openBasics(page, host)
  await fileCommand(page, 'export')
  const dialog = page.getByTestId('export-dialog')
  const format = dialog.getByLabel('Format')
  const steps = dialog.getByLabel('Steps')
  await expect(steps).toHaveValue('current')
  await format.selectOption('pdf')
  await expect(steps).toHaveValue('anyChange')
  await format.selectOption('html')
  await expect(steps).toHaveValue('all')
  await format.selectOption('svg')
  await expect(steps).toHaveValue('current')
  await steps.selectOption('range')
  await format.selectOption('gif')
  await expect(steps).toHaveValue('range')
})

test('a range of SVG steps downloads as one zip of step files', async ({ page, host }) => {
  await openBasics(page, host)
  await fileCommand(page, 'export')
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByLabel('Format').selectOption('svg')
  await dialog.getByLabel('Steps').selectOption('range')
  await dialog.getByLabel('From step').fill('2')
  await dialog.getByLabel('To step').fill('5')
  const downloading = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT })
  await dialog.getByRole('button', { name: 'Export file' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('basics-svg.zip')
  const entries = unzipSync(readFileSync(await download.path()))
  expect(Object.keys(entries)).toEqual(
    [1, 2, 3, 4].map((position) => `basics-svg/step-000${position}.svg`),
  )
  const indexes = Object.values(entries).map(
    (bytes) => /data-step-index="(\d+)"/.exec(strFromU8(bytes))?.[1],
  )
  expect(indexes).toEqual(['2', '3', '4', '5'])
})
