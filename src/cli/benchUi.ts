/**
 * `npm run bench:ui` (or `npm run bench -- --ui`): the workbench's own figures, measured in
 * headless Chromium against the browser host, each next to a baseline taken in the same run so
 * a loaded machine shows as a loaded machine rather than as a regression:
 *
 * - time from navigation to an editable editor (baseline: the same page loaded without scripts);
 * - time from pressing a step button to the painted frame with a 200-object heap (baseline: the
 *   same with an empty heap);
 * - frames per second while dragging the timeline across a 100,000-step trace (baseline: frames
 *   per second of the idle page).
 *
 * `--json` prints one JSON object instead of the table; `--renderer DIR` measures another build
 * of the renderer (to compare two versions under the same conditions). Not a test: nothing here
 * has a limit.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createDefaultEngine } from '../host/defaultEngine.ts'
import type { EngineLike } from '../host/engineTypes.ts'
import { TraceService } from '../host/traceService.ts'
import { startWebHost, type WebHost } from '../host/webHost.ts'
import globalSetup from '../../e2e/global-setup.ts'
import { root } from '../../scripts/build.mjs'

/** Installed in every page before its scripts run: timing helpers the measurements call. */
const PAGE_HELPERS = String.raw`
(() => {
  const bench = { editorReadyAt: null }
  window.__bench = bench
  const editorReady = () =>
    document.querySelector('[data-testid="editor"] .view-lines .view-line') &&
    document.querySelector('[data-testid="editor"] textarea')
  const observer = new MutationObserver(() => {
    if (bench.editorReadyAt === null && editorReady()) {
      bench.editorReadyAt = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })

  /** Resolves once the next frame has been produced (after its rAF callbacks, style and paint). */
  bench.nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(0)
      }),
    )

  const heap = () => document.querySelector('[data-testid="heap"]')
  /** Resolves once the heap reports step index as drawn. */
  bench.drawn = (index) =>
    new Promise((resolve) => {
      const target = String(index)
      if (heap().getAttribute('data-step-index') === target) return resolve(performance.now())
      const watcher = new MutationObserver(() => {
        if (heap().getAttribute('data-step-index') === target) {
          watcher.disconnect()
          resolve(performance.now())
        }
      })
      watcher.observe(heap(), { attributes: true, attributeFilter: ['data-step-index'] })
    })

  bench.statusIndex = () =>
    Number(document.querySelector('[data-testid="step-status"]').getAttribute('data-step-index'))

  /** Presses a toolbar button; ms until the step it leads to is drawn and painted. */
  bench.step = async (name, expected) => {
    const button = document.querySelector('button[aria-label="' + name + '"]')
    const started = performance.now()
    button.click()
    await bench.drawn(expected)
    return (await bench.nextPaint()) - started
  }

  /**
   * Drags the timeline for durationMs: at every frame the thumb moves on (from → to, linearly,
   * with two input events per frame like a fast pointer). With dispatch false it only counts
   * frames (the idle baseline). Returns frame intervals, steps drawn and the settle time.
   */
  bench.scrub = async (durationMs, from, to, dispatch) => {
    const slider = document.querySelector('[data-testid="timeline"]')
    const drawnSteps = new Set()
    const watcher = new MutationObserver(() => {
      const value = heap().getAttribute('data-step-index')
      if (value !== null) drawnSteps.add(value)
    })
    watcher.observe(heap(), { attributes: true, attributeFilter: ['data-step-index'] })
    const intervals = []
    const started = performance.now()
    let last = started
    let value = from
    await new Promise((resolve) => {
      const frame = (now) => {
        intervals.push(now - last)
        last = now
        const progress = Math.min(1, (now - started) / durationMs)
        if (dispatch) {
          // Two input events per frame, like a pointer moving faster than the display.
          const target = Math.round(from + (to - from) * progress)
          for (const next of [Math.round((value + target) / 2), target]) {
            if (next === value) continue
            value = next
            slider.value = String(value)
            slider.dispatchEvent(new Event('input', { bubbles: true }))
          }
        }
        if (progress < 1) requestAnimationFrame(frame)
        else resolve()
      }
      requestAnimationFrame(frame)
    })
    const released = performance.now()
    let settleMs = null
    if (dispatch) settleMs = (await bench.drawn(value)) - released
    watcher.disconnect()
    return { intervals: intervals.slice(1), stepsDrawn: drawnSteps.size, settleMs, elapsed: released - started }
  }
})()
`

interface BenchWindow {
  __bench: {
    editorReadyAt: number | null
    drawn(index: number): Promise<number>
    statusIndex(): number
    step(name: string, expected: number): Promise<number>
    scrub(
      durationMs: number,
      from: number,
      to: number,
      dispatch: boolean,
    ): Promise<{
      intervals: number[]
      stepsDrawn: number
      settleMs: number | null
      elapsed: number
    }>
  }
}

/** 20 lists of 9 one-item lists in a list (201 boxes), then a loop that rebinds `a` among them. */
const HEAP_200 = [
  'items = [[[j] for j in range(9)] for i in range(20)]',
  'for k in range(40):',
  '    a = items[k % 20]',
  '',
].join('\n')

/** The same loop over an empty heap (only immortal ints, drawn inline). */
const HEAP_EMPTY = ['for k in range(40):', '    a = k', ''].join('\n')

/** About 100,000 steps over a small heap, printing now and then. */
const LONG_TRACE = [
  'data = [[j] for j in range(20)]',
  'n = 0',
  'for i in range(33_333):',
  '    if i % 5000 == 0:',
  '        print(i)',
  '    n += i',
  '',
].join('\n')

/** Steps measured in each direction. */
const STEP_SAMPLES = 30
/** Cold page loads measured. */
const LOAD_SAMPLES = 5
/** How long each timeline drag lasts. */
const SCRUB_MS = 3000

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

function withCode(url: string, code: string): string {
  return `${url}#code=${Buffer.from(code, 'utf8').toString('base64url')}`
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await context.addInitScript({ content: PAGE_HELPERS })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

async function runCode(page: Page): Promise<void> {
  const state = page.getByTestId('engine-state')
  await state.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 120_000 })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await page.locator('[data-testid="heap"][data-step-index="0"]').waitFor({ timeout: 120_000 })
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="engine-state"]')?.getAttribute('data-state') !==
      'running',
    null,
    { timeout: 300_000, polling: 200 },
  )
}

/** Figures of the editor measurement. */
export interface EditorFigures {
  editableMs: number
  baselineMs: number
}

async function measureEditor(browser: Browser, host: WebHost): Promise<EditorFigures> {
  const editable: number[] = []
  const baseline: number[] = []
  for (let i = 0; i < LOAD_SAMPLES; i++) {
    const page = await openPage(browser, host.url)
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__bench.editorReadyAt !== null,
    )
    editable.push(
      await page.evaluate(() => (window as unknown as BenchWindow).__bench.editorReadyAt!),
    )
    await page.context().close()

    const plain = await browser.newContext({ javaScriptEnabled: false })
    const plainPage = await plain.newPage()
    await plainPage.goto(host.url, { waitUntil: 'load' })
    baseline.push(
      await plainPage.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
        return entry!.loadEventEnd
      }),
    )
    await plain.close()
  }
  return { editableMs: median(editable), baselineMs: median(baseline) }
}

/** Figures of one step-drawing measurement. */
export interface StepFigures {
  medianMs: number
  p95Ms: number
  maxMs: number
  objects: number
}

async function measureSteps(browser: Browser, host: WebHost, code: string): Promise<StepFigures> {
  const page = await openPage(browser, withCode(host.url, code))
  await runCode(page)
  const end = Number(await page.getByTestId('timeline').getAttribute('max'))
  await page.getByRole('button', { name: 'Last step', exact: true }).click()
  await page.evaluate((end) => (window as unknown as BenchWindow).__bench.drawn(end), end)
  const objects = await page.locator('[data-testid="heap"] [data-object-id]').count()
  const samples = await page.evaluate(
    async ({ end, count }) => {
      const bench = (window as unknown as BenchWindow).__bench
      const times: number[] = []
      for (let i = 1; i <= count; i++) times.push(await bench.step('Step back', end - i))
      for (let i = count - 1; i >= 0; i--) times.push(await bench.step('Step forward', end - i))
      return times
    },
    { end, count: STEP_SAMPLES },
  )
  await page.context().close()
  return {
    medianMs: median(samples),
    p95Ms: percentile(samples, 95),
    maxMs: Math.max(...samples),
    objects,
  }
}

/** Figures of the scrubbing measurement. */
export interface ScrubFigures {
  steps: number
  fps: number
  idleFps: number
  worstFrameMs: number
  stepsDrawnPerSecond: number
  settleMs: number
}

async function measureScrub(browser: Browser, host: WebHost): Promise<ScrubFigures> {
  const page = await openPage(browser, withCode(host.url, LONG_TRACE))
  await runCode(page)
  const steps = Number(await page.getByTestId('timeline').getAttribute('max')) + 1
  const figures = await page.evaluate(
    async ({ duration, steps }) => {
      const bench = (window as unknown as BenchWindow).__bench
      const idle = await bench.scrub(duration, 0, 0, false)
      const drag = await bench.scrub(duration, 0, steps - 1, true)
      return { idle, drag }
    },
    { duration: SCRUB_MS, steps },
  )
  await page.context().close()
  const fps = (intervals: number[]) =>
    intervals.length / (intervals.reduce((sum, ms) => sum + ms, 0) / 1000)
  return {
    steps,
    fps: fps(figures.drag.intervals),
    idleFps: fps(figures.idle.intervals),
    worstFrameMs: Math.max(...figures.drag.intervals),
    stepsDrawnPerSecond: figures.drag.stepsDrawn / (figures.drag.elapsed / 1000),
    settleMs: figures.drag.settleMs ?? 0,
  }
}

/** Everything benchUi measures. */
export interface UiFigures {
  editor: EditorFigures
  step200: StepFigures
  stepEmpty: StepFigures
  scrub: ScrubFigures
}

/**
 * The real engine with a generous time limit, so a busy machine still records the whole long
 * trace (the app's default limit would stop it early there).
 */
function patientEngine(): EngineLike {
  const engine = createDefaultEngine()
  return {
    ready: () => engine.ready(),
    run: (source, options, onProgress) =>
      engine.run(source, { ...options, timeoutMs: 600_000 }, onProgress),
    dispose: () => engine.dispose(),
  }
}

function chromiumPath(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]
  const found = candidates.find((path): path is string => !!path && existsSync(path))
  if (!found) throw new Error('No Chromium found: set CHROMIUM_PATH to a Chromium executable')
  return found
}

function printTable(figures: UiFigures): void {
  const { editor, step200, stepEmpty, scrub } = figures
  const ratio = (a: number, b: number) => `×${round(a / b, 1)}`
  console.log(
    `editor editable          ${round(editor.editableMs, 0)} ms after navigation ` +
      `(page without scripts ${round(editor.baselineMs, 0)} ms: ${ratio(editor.editableMs, editor.baselineMs)}; goal < 3000 ms)`,
  )
  console.log(
    `step drawn, ${step200.objects} objects  median ${round(step200.medianMs)} ms, p95 ${round(step200.p95Ms)} ms, ` +
      `max ${round(step200.maxMs)} ms (empty heap median ${round(stepEmpty.medianMs)} ms: ` +
      `${ratio(step200.medianMs, stepEmpty.medianMs)}; goal < 16 ms)`,
  )
  console.log(
    `timeline drag, ${scrub.steps} steps  ${round(scrub.fps)} fps (idle page ${round(scrub.idleFps)} fps: ` +
      `${ratio(scrub.fps, scrub.idleFps)}), worst frame ${round(scrub.worstFrameMs, 0)} ms, ` +
      `${round(scrub.stepsDrawnPerSecond)} steps drawn/s, last step drawn ${round(scrub.settleMs, 0)} ms after release`,
  )
}

/** Measures the UI figures and prints them (a table, or JSON with `--json`). */
export async function benchUi(argv: string[]): Promise<UiFigures> {
  const json = argv.includes('--json')
  const custom = argv.indexOf('--renderer')
  let rendererDir = join(root, 'out/renderer')
  if (custom >= 0 && argv[custom + 1]) rendererDir = argv[custom + 1]!
  else globalSetup()
  const service = new TraceService({ createEngine: patientEngine })
  service.start()
  const host = await startWebHost({ rendererDir, service })
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    await host.service.info(true)
    const editor = await measureEditor(browser, host)
    const stepEmpty = await measureSteps(browser, host, HEAP_EMPTY)
    const step200 = await measureSteps(browser, host, HEAP_200)
    const scrub = await measureScrub(browser, host)
    const figures = { editor, step200, stepEmpty, scrub }
    if (json) console.log(JSON.stringify(figures))
    else printTable(figures)
    return figures
  } finally {
    await browser.close()
    await host.close()
    await service.dispose()
  }
}
