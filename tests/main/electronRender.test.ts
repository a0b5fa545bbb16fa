import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHROMIUM_ARGS, launchChromium } from '../../src/export/browser.ts'
import { createExport, findChromium } from '../../src/export/index.ts'
import type { ExportRequest } from '../../src/export/index.ts'
import { svgSize } from '../../src/export/png.ts'
import { chooseSteps } from '../../src/export/stepChoice.ts'
import { openElectronEngine } from '../../src/main/electronRender.ts'
import type { TraceDocument } from '../../src/shared/trace.ts'
import { basicsTrace, stepAtLine } from '../export/basicsTrace.ts'
import { gifFacts, pngSize } from '../export/imageFacts.ts'
import { BrowserWindow, session, useChromium } from './pageBackedElectron.ts'

vi.mock('electron', () => import('./pageBackedElectron.ts'))

const chromium = findChromium()
if (!chromium)
  console.warn('SKIP Electron render engine tests: no Chromium found (set REFSCOPE_CHROMIUM)')

/** Chromium features that stop pages from calling loopback addresses on their own. */
const LOOPBACK_GUARDS = [
  'BlockInsecurePrivateNetworkRequests',
  'PrivateNetworkAccessSendPreflights',
  'LocalNetworkAccessChecks',
].join(',')

/** The fake's display: a HiDPI screen, so a scale that leaked from it would show. */
const DISPLAY_SCALE = 2

let browser: Browser
let doc: TraceDocument
let dir: string

beforeAll(async () => {
  if (!chromium) return
  doc = await basicsTrace()
  dir = mkdtempSync(join(tmpdir(), 'refscope-electron-render-'))
  browser = await launchChromium('test')
  useChromium(browser, DISPLAY_SCALE)
})

afterAll(async () => {
  useChromium(null)
  await browser?.close()
})

beforeEach(() => {
  BrowserWindow.created.length = 0
})

/** An export through Electron's engine (its electron faked by real Chromium pages). */
function electronExport(request: ExportRequest) {
  return createExport(doc, { ...request, openRenderEngine: openElectronEngine })
}

let pdfCount = 0

/** Writes the PDF where poppler's tools can read it. */
function pdfFile(pdf: Uint8Array): string {
  const file = join(dir, `printed-${++pdfCount}.pdf`)
  writeFileSync(file, pdf)
  return file
}

function pdfPages(pdf: Uint8Array): number {
  const info = execFileSync('pdfinfo', [pdfFile(pdf)], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1])
}

function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', pdfFile(pdf), '-'], { encoding: 'utf8' })
}

/** Every window the engine opened was hidden, sandboxed, isolated, offline, and is now gone. */
async function expectOnlyLockedDownWindows(): Promise<void> {
  expect(BrowserWindow.created.length).toBeGreaterThan(0)
  for (const window of BrowserWindow.created) {
    const preferences = window.options.webPreferences ?? {}
    expect(window.options.show).toBe(false)
    expect(preferences.sandbox).toBe(true)
    expect(preferences.contextIsolation).toBe(true)
    expect(preferences.nodeIntegration).toBe(false)
    expect(preferences.preload).toBeUndefined()
    expect(preferences.session).toBeDefined()
    expect(preferences.session).not.toBe(session.defaultSession)
    expect(preferences.session?.beforeRequest).toBeTypeOf('function')
    expect(window.isDestroyed()).toBe(true)
    await window.closedPage
  }
}

describe.skipIf(!chromium)('Electron render engine', () => {
  it('PNG at 1×, 2× and 3× has exactly that many times the SVG pixels on a 2× display', async () => {
    const steps = { step: stepAtLine(doc, 7) }
    const svg = await createExport(doc, { format: 'svg', steps })
    const size = svgSize(String(svg.files[0]!.data))
    expect(size.width).toBeGreaterThan(100)
    for (const scale of [1, 2, 3]) {
      const png = await electronExport({ format: 'png', steps, scale })
      expect(pngSize(png.files[0]!.data as Uint8Array)).toEqual({
        width: size.width * scale,
        height: size.height * scale,
      })
    }
    await expectOnlyLockedDownWindows()
  })

  it('PNG is the same image, byte for byte, as the CLI renders with a system Chromium', async () => {
    const request: ExportRequest = { format: 'png', steps: { range: { from: 4, to: 6 } }, scale: 2 }
    const app = await electronExport(request)
    const cli = await createExport(doc, request)
    expect(app.files.map((file) => file.name)).toEqual(cli.files.map((file) => file.name))
    for (const [position, file] of app.files.entries()) {
      expect(Buffer.from(file.data).equals(Buffer.from(cli.files[position]!.data))).toBe(true)
    }
  })

  it('PDF handout: a code page plus one page per changing step, numbered in the footer', async () => {
    const output = await electronExport({ format: 'pdf', title: 'Electron handout' })
    const pdf = output.files[0]!.data as Uint8Array
    const expected = chooseSteps(doc, {}, 'changes').indexes.length
    expect(expected).toBeGreaterThanOrEqual(6)
    const pages = pdfPages(pdf)
    expect(pages).toBe(1 + expected)
    const text = pdfText(pdf)
    expect(text).toContain('Electron handout')
    expect(text).toContain('var1 = [10, 20]')
    expect(text).toMatch(/2 → 3 \(\+1\)/)
    expect(text).toContain(`1 / ${pages}`)
    expect(text).toContain(`${pages} / ${pages}`)
    await expectOnlyLockedDownWindows()
  })

  it('prints a document far larger than a data URL may be', async () => {
    // Chromium refuses to navigate to URLs over 2 MB; the engine writes the document instead.
    const filler = `<!--${'x'.repeat(3 * 1024 * 1024)}-->`
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">${filler}<text y="30">inside the image</text></svg>`
    const html =
      '<!doctype html><html><body><p>Before the image</p>' +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">` +
      '<p>After the image</p></body></html>'
    expect(html.length).toBeGreaterThan(4 * 1024 * 1024)
    const engine = await openElectronEngine()
    try {
      const pdf = await engine.printPdf(html, {
        headerTemplate: '<span></span>',
        footerTemplate: '<span></span>',
      })
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
      const text = pdfText(pdf)
      expect(text).toContain('Before the image')
      expect(text).toContain('After the image')
    } finally {
      await engine.close()
    }
  })

  it('GIF of a step range decodes to one frame per step at the requested scale', async () => {
    const steps = { range: { from: 1, to: 8 } }
    const svgs = await createExport(doc, { format: 'svg', steps })
    const widest = Math.max(...svgs.files.map((file) => svgSize(String(file.data)).width))
    const output = await electronExport({ format: 'gif', steps, scale: 2 })
    const facts = gifFacts(output.files[0]!.data as Uint8Array)
    expect(facts.frames).toBe(8)
    expect(facts.width).toBe(widest * 2)
    await expectOnlyLockedDownWindows()
  })

  describe('offline', () => {
    let server: Server
    let hits: string[]
    let origin: string
    let reachingBrowser: Browser

    beforeAll(async () => {
      hits = []
      server = createServer((request, response) => {
        hits.push(request.url ?? '')
        response.writeHead(200, { 'access-control-allow-origin': '*' }).end('reached')
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      // Chromium's own guard against pages calling loopback addresses would hide a leak.
      const { chromium: launcher } = await import('playwright-core')
      reachingBrowser = await launcher.launch({
        executablePath: chromium!,
        args: [...CHROMIUM_ARGS, `--disable-features=${LOOPBACK_GUARDS}`],
      })
      useChromium(reachingBrowser, DISPLAY_SCALE)
    })

    afterAll(async () => {
      useChromium(browser, DISPLAY_SCALE)
      await reachingBrowser?.close()
    })

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    beforeEach(() => {
      hits.length = 0
    })

    const fetchFromPage = (path: string) =>
      `fetch('${origin}${path}').then((response) => response.text(), (error) => 'refused: ' + error.message)`

    it('a page outside the export session does reach the test server (the check is real)', async () => {
      const window = new BrowserWindow({ show: false })
      try {
        await window.loadURL('about:blank')
        expect(await window.webContents.executeJavaScript(fetchFromPage('/control'))).toBe(
          'reached',
        )
        expect(hits).toEqual(['/control'])
      } finally {
        window.destroy()
        await window.closedPage
      }
    })

    it('export pages reach nothing: scripts, images and stylesheets are all refused', async () => {
      const engine = await openElectronEngine()
      try {
        expect(await engine.evaluate(fetchFromPage('/script'))).toMatch(/^refused: /)
        const html =
          `<!doctype html><html><head><link rel="stylesheet" href="${origin}/style.css"></head>` +
          `<body><p>Offline page</p><img src="${origin}/image.png"></body></html>`
        const pdf = await engine.printPdf(html, {
          headerTemplate: '<span></span>',
          footerTemplate: `<img src="${origin}/footer.png">`,
        })
        expect(pdfText(pdf)).toContain('Offline page')
      } finally {
        await engine.close()
      }
      expect(hits).toEqual([])
      await expectOnlyLockedDownWindows()
    })
  })

  it('fails an export whose page crashes instead of waiting for it forever', async () => {
    const engine = await openElectronEngine()
    try {
      await engine.evaluate('1')
      const pending = engine.evaluate('new Promise(() => {})')
      const contents = BrowserWindow.created[0]!.webContents
      await vi.waitFor(() => expect(contents.listenerCount('render-process-gone')).toBe(1))
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
      await expect(pending).rejects.toThrow('the export page stopped (crashed)')
    } finally {
      await engine.close()
    }
  })
})
