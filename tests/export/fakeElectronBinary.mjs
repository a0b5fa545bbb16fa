#!/usr/bin/env node
// Stands in for the Electron binary in tests of the CLI's Electron engine where Electron is not
// installed: it speaks the same JSON-line protocol as src/main/exportRenderMain.cjs, with a
// headless Chromium page doing the work (`print` through page.pdf with the same options).
import { createInterface } from 'node:readline'
import { chromium } from 'playwright-core'

const MARKER = '@refscope-render '
const send = (message) => process.stdout.write(MARKER + JSON.stringify(message) + '\n')

const browser = await chromium.launch({
  executablePath: process.env.REFSCOPE_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await (await browser.newContext({ offline: true })).newPage()
await page.setContent('<!doctype html><html><body></body></html>')
process.stdout.write('some log line Electron may print\n')

async function answer(job) {
  if (job.kind === 'evaluate') return page.evaluate(job.expression)
  if (job.kind === 'print') {
    const { headerTemplate, footerTemplate, displayHeaderFooter } = job.options
    const pdf = await page.pdf({
      format: job.options.pageSize,
      printBackground: job.options.printBackground,
      preferCSSPageSize: job.options.preferCSSPageSize,
      displayHeaderFooter,
      headerTemplate,
      footerTemplate,
    })
    return pdf.toString('base64')
  }
  throw new Error(`unknown job ${job.kind}`)
}

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const job = JSON.parse(line)
  answer(job).then(
    (value) => send({ id: job.id, ok: true, value }),
    (error) => send({ id: job.id, ok: false, error: String(error?.message ?? error) }),
  )
})
lines.on('close', () => void browser.close().then(() => process.exit(0)))
send({ ready: true })
