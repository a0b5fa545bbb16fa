import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { electronBinary } from '../../scripts/electron-path.mjs'
import { openElectronBinaryEngine } from '../../src/cli/electronBinaryEngine.ts'
import { main } from '../../src/cli/main.ts'
import { renderEngineFor } from '../../src/cli/renderEngineChoice.ts'
import type { EngineSources } from '../../src/cli/renderEngineChoice.ts'
import { BrowserMissingError, createExport, findChromium } from '../../src/export/index.ts'
import { openChromiumEngine } from '../../src/export/chromiumEngine.ts'
import type { OpenRenderEngine, RenderEngine } from '../../src/export/renderEngine.ts'
import { basicsTrace } from './basicsTrace.ts'
import { pngSize } from './imageFacts.ts'

/** A stand-in engine that only says where it came from. */
function engine(name: string): RenderEngine & { name: string } {
  return {
    name,
    evaluate: async () => name,
    printPdf: async () => new Uint8Array(),
    close: async () => {},
  }
}

function sources(overrides: Partial<EngineSources>): EngineSources & { opened: string[] } {
  const opened: string[] = []
  return {
    opened,
    findElectron: () => null,
    openElectron: async (path) => (opened.push(`electron:${path}`), engine('electron')),
    openChromium: async (what) => (opened.push(`chromium:${what}`), engine('chromium')),
    ...overrides,
  }
}

describe('the CLI’s choice of browser engine', () => {
  it('auto: the installed Electron, else Chromium', async () => {
    const withElectron = sources({ findElectron: () => '/opt/electron' })
    await renderEngineFor('auto', withElectron)('PNG')
    expect(withElectron.opened).toEqual(['electron:/opt/electron'])
    const without = sources({})
    await renderEngineFor('auto', without)('PDF')
    expect(without.opened).toEqual(['chromium:PDF'])
  })

  it('auto: an Electron that cannot start gives way to Chromium', async () => {
    const broken = sources({
      findElectron: () => '/opt/electron',
      openElectron: async () => {
        throw new Error('Process failed to launch!\nmore')
      },
    })
    await renderEngineFor('auto', broken)('GIF')
    expect(broken.opened).toEqual(['chromium:GIF'])
  })

  it('electron: says in one line what is missing or why it did not start', async () => {
    await expect(renderEngineFor('electron', sources({}))('PNG')).rejects.toThrow(
      new BrowserMissingError(
        'PNG export with --engine electron needs the Electron binary (npm install electron)',
      ),
    )
    const broken = sources({
      findElectron: () => '/opt/electron',
      openElectron: async () => {
        throw new Error('Process failed to launch!\nlog lines')
      },
    })
    await expect(renderEngineFor('electron', broken)('PDF')).rejects.toThrow(
      'PDF export: Electron did not start (Process failed to launch!)',
    )
    expect(broken.opened).toEqual([])
  })

  it('chromium: never looks for Electron', async () => {
    const findElectron = vi.fn(() => '/opt/electron')
    const chosen = sources({ findElectron })
    await renderEngineFor('chromium', chosen)('PNG')
    expect(findElectron).not.toHaveBeenCalled()
    expect(chosen.opened).toEqual(['chromium:PNG'])
  })

  it('auto without either engine names both in one line', async () => {
    const none = sources({
      openChromium: async () => {
        throw new BrowserMissingError('no chromium')
      },
    })
    await expect(renderEngineFor('auto', none)('PDF')).rejects.toThrow(
      'PDF export needs a browser engine: the Electron binary (npm install electron) or a ' +
        'Chromium (e.g. apt-get install chromium, or set REFSCOPE_CHROMIUM to its path)',
    )
  })

  it('refuses an unknown --engine with one line and exit code 2', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await main(['export', 'lesson:basics', '--format', 'png', '--engine', 'gecko'])).toBe(
        2,
      )
      expect(String(stderr.mock.calls[0]![0])).toBe(
        "refscope: --engine needs one of auto|electron|chromium, got 'gecko'\n",
      )
    } finally {
      stderr.mockRestore()
    }
  })
})

const chromium = findChromium()
const electron = electronBinary()
if (!chromium) console.warn('SKIP engine fallback test: no Chromium found (set REFSCOPE_CHROMIUM)')
if (!electron) console.warn('SKIP Electron binary engine test: Electron binary not available here')

describe.skipIf(!chromium)('falling back for real', () => {
  it('an Electron binary that exits at once leaves the export to Chromium', async () => {
    const doc = await basicsTrace()
    const open = renderEngineFor('auto', {
      findElectron: () => '/bin/false',
      openElectron: openElectronBinaryEngine,
      openChromium: openChromiumEngine,
    })
    const output = await createExport(doc, {
      format: 'png',
      steps: { step: 3 },
      scale: 2,
      openRenderEngine: open,
    })
    expect(pngSize(output.files[0]!.data as Uint8Array).width).toBeGreaterThan(100)
  }, 120_000)
})

/** Exports a 2× PNG and the handout through `open`; checks the PNG's size and the pages. */
async function expectRendersWith(open: OpenRenderEngine): Promise<void> {
  const doc = await basicsTrace()
  const svg = await createExport(doc, { format: 'svg', steps: { step: 3 } })
  const png = await createExport(doc, {
    format: 'png',
    steps: { step: 3 },
    scale: 2,
    openRenderEngine: open,
  })
  const width = Number(/width="(\d+)"/.exec(svg.files[0]!.data as string)![1])
  expect(pngSize(png.files[0]!.data as Uint8Array).width).toBe(width * 2)
  const pdf = await createExport(doc, { format: 'pdf', openRenderEngine: open })
  const pdfFile = join(mkdtempSync(join(tmpdir(), 'refscope-engine-')), 'handout.pdf')
  writeFileSync(pdfFile, pdf.files[0]!.data)
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })
  expect(info).toMatch(new RegExp(`^Pages:\\s+${1 + pdf.steps.length}$`, 'm'))
  expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain(
    `1 / ${1 + pdf.steps.length}`,
  )
}

describe.skipIf(!chromium)('the Electron engine’s protocol, against a stand-in binary', () => {
  const standIn = fileURLToPath(new URL('./fakeElectronBinary.mjs', import.meta.url))

  it('rasterises, prints a paged handout, reports page errors and closes the process', async () => {
    await expectRendersWith(
      renderEngineFor('electron', {
        findElectron: () => standIn,
        openElectron: openElectronBinaryEngine,
        openChromium: openChromiumEngine,
      }),
    )
    const engine = await openElectronBinaryEngine(standIn)
    await expect(engine.evaluate('(() => { throw new Error("page says no") })()')).rejects.toThrow(
      'page says no',
    )
    expect(await engine.evaluate('6 * 7')).toBe(42)
    await engine.close()
  }, 180_000)
})

describe.skipIf(!electron)('the installed Electron binary as the engine', () => {
  it('renders a 2× PNG and a paged handout', async () => {
    await expectRendersWith(renderEngineFor('electron'))
  }, 180_000)
})
