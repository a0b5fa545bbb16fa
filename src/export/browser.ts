/** Finding and launching a system Chromium, the CLI's engine for PNG, PDF and GIF exports. */
import { existsSync } from 'node:fs'
import type { Browser, BrowserContext } from 'playwright-core'

/** Thrown when no browser engine can be found; the message is one line naming what is missing. */
export class BrowserMissingError extends Error {}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

/** Flags for a quiet, offline, sandbox-free headless run. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

/** The Chromium to use: $REFSCOPE_CHROMIUM, else a system Chromium or Chrome, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.REFSCOPE_CHROMIUM
  if (chosen) return existsSync(chosen) ? chosen : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

/** Launches headless Chromium, or throws BrowserMissingError saying what to install. */
export async function launchChromium(what: string): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) {
    throw new BrowserMissingError(
      `${what} export needs a Chromium browser: install chromium (e.g. apt-get install chromium) ` +
        'or set REFSCOPE_CHROMIUM to its path',
    )
  }
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
}

/** A browser context that refuses every network request (exports are built from inline data). */
export async function offlineContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ offline: true })
  await context.route('**/*', (route) => route.abort())
  return context
}
