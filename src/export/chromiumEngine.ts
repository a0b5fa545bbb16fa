/** The render engine of the CLI and the browser host: a system Chromium driven by playwright-core. */
import type { Page } from 'playwright-core'
import { launchChromium, offlineContext } from './browser.ts'
import type { PdfPageSetup, RenderEngine } from './renderEngine.ts'

/** Launches headless Chromium as a render engine, or throws BrowserMissingError (one line). */
export async function openChromiumEngine(what: string): Promise<RenderEngine> {
  const browser = await launchChromium(what)
  try {
    const context = await offlineContext(browser)
    let blankPage: Promise<Page> | null = null
    return {
      async evaluate(expression) {
        blankPage ??= context.newPage().then(async (page) => {
          await page.setContent('<!doctype html><html><body></body></html>')
          return page
        })
        return (await blankPage).evaluate(expression)
      },
      async printPdf(html: string, setup: PdfPageSetup) {
        const page = await context.newPage()
        try {
          await page.setContent(html, { waitUntil: 'load' })
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            displayHeaderFooter: true,
            headerTemplate: setup.headerTemplate,
            footerTemplate: setup.footerTemplate,
          })
          return new Uint8Array(pdf)
        } finally {
          await page.close()
        }
      },
      close: () => browser.close(),
    }
  } catch (error) {
    await browser.close()
    throw error
  }
}
