/** PNG of standalone SVGs, rasterised by Chromium (not redrawn by hand). */
import type { Browser } from 'playwright-core'
import { offlineContext } from './browser.ts'
import type { ExportControl } from './progress.ts'
import { throwIfCancelled } from './progress.ts'

/** Pixel size of an SVG document from its width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const width = Number(/\swidth="([\d.]+)"/.exec(tag)?.[1] ?? 0)
  const height = Number(/\sheight="([\d.]+)"/.exec(tag)?.[1] ?? 0)
  return { width: Math.ceil(width), height: Math.ceil(height) }
}

/** Renders each SVG to a PNG at `scale` (1, 2 or 3 device pixels per diagram pixel). */
export async function svgsToPng(
  browser: Browser,
  svgs: readonly string[],
  scale: number,
  control: ExportControl = {},
): Promise<Uint8Array[]> {
  const context = await offlineContext(browser, scale)
  try {
    const page = await context.newPage()
    const images: Uint8Array[] = []
    for (const [position, svg] of svgs.entries()) {
      throwIfCancelled(control.signal)
      const { width, height } = svgSize(svg)
      await page.setViewportSize({ width: Math.max(1, width), height: Math.max(1, height) })
      await page.setContent(
        '<!doctype html><html><head><style>html,body{margin:0;padding:0;overflow:hidden}' +
          'svg{display:block}</style></head><body>' +
          svg.replace(/^<\?xml[^>]*>\n?/, '') +
          '</body></html>',
      )
      const image = await page.screenshot({ clip: { x: 0, y: 0, width, height } })
      images.push(new Uint8Array(image))
      control.onProgress?.(position + 1, svgs.length)
    }
    return images
  } finally {
    await context.close()
  }
}
