/**
 * Which browser engine `refscope export` renders PNG, PDF and GIF with: the installed Electron
 * when there is one, else a system Chromium, else a one-line error naming both. `--engine`
 * picks one; in the default `auto`, an Electron that cannot start (say, no display) gives way
 * to Chromium.
 */
import { electronBinary } from '../../scripts/electron-path.mjs'
import { BrowserMissingError } from '../export/browser.ts'
import { openChromiumEngine } from '../export/chromiumEngine.ts'
import type { OpenRenderEngine, RenderEngine } from '../export/renderEngine.ts'
import { openElectronBinaryEngine } from './electronBinaryEngine.ts'

/** The `--engine` values. */
export const ENGINE_CHOICES = ['auto', 'electron', 'chromium'] as const

/** One `--engine` value. */
export type EngineChoice = (typeof ENGINE_CHOICES)[number]

/** How the engines are found and opened (replaceable in tests). */
export interface EngineSources {
  findElectron: () => string | null
  openElectron: (executablePath: string) => Promise<RenderEngine>
  openChromium: OpenRenderEngine
}

const SOURCES: EngineSources = {
  findElectron: electronBinary,
  openElectron: openElectronBinaryEngine,
  openChromium: openChromiumEngine,
}

/** Checks an `--engine` value. */
export function isEngineChoice(value: string): value is EngineChoice {
  return (ENGINE_CHOICES as readonly string[]).includes(value)
}

/** The engine opener for a choice. */
export function renderEngineFor(
  choice: EngineChoice,
  sources: EngineSources = SOURCES,
): OpenRenderEngine {
  return async (what) => {
    if (choice !== 'chromium') {
      const electron = sources.findElectron()
      if (electron) {
        try {
          return await sources.openElectron(electron)
        } catch (error) {
          if (choice === 'electron') {
            const reason = (error as Error).message.split('\n')[0]
            throw new BrowserMissingError(`${what} export: Electron did not start (${reason})`)
          }
        }
      } else if (choice === 'electron') {
        throw new BrowserMissingError(
          `${what} export with --engine electron needs the Electron binary (npm install electron)`,
        )
      }
    }
    try {
      return await sources.openChromium(what)
    } catch (error) {
      if (choice === 'auto' && error instanceof BrowserMissingError) {
        throw new BrowserMissingError(
          `${what} export needs a browser engine: the Electron binary (npm install electron) or a ` +
            'Chromium (e.g. apt-get install chromium, or set REFSCOPE_CHROMIUM to its path)',
        )
      }
      throw error
    }
  }
}
