/** Animated GIF of a step range: Chromium rasterises each SVG, gifenc encodes the frames. */
import * as gifencModule from 'gifenc'
import type { Browser } from 'playwright-core'
import { offlineContext } from './browser.ts'
import { svgSize } from './png.ts'
import type { ExportControl } from './progress.ts'
import { throwIfCancelled } from './progress.ts'
import { THEMES } from './theme.ts'
import type { ThemeName } from './theme.ts'

/** Options of the GIF export. */
export interface GifOptions extends ExportControl {
  /** Device pixels per diagram pixel (1, 2 or 3; default 1). */
  scale?: number
  /** Time each frame is shown, in milliseconds (default 1200). */
  delayMs?: number
  /** Background behind diagrams smaller than the largest one. */
  theme?: ThemeName
}

/** gifenc's functions, whether the loader exposes them as named exports or as the CommonJS object. */
const gifenc = (
  gifencModule.GIFEncoder ? gifencModule : gifencModule.default
) as typeof gifencModule.default

/**
 * Draws one SVG onto a canvas of the common size and returns its RGBA pixels as base64. Kept as
 * source text so no build step can rewrite it before it runs in the page.
 */
const RASTERISE = String.raw`(input) => new Promise((resolve, reject) => {
  const image = new Image()
  image.onload = () => {
    const canvas = document.createElement('canvas')
    canvas.width = input.width * input.scale
    canvas.height = input.height * input.scale
    const context = canvas.getContext('2d')
    context.fillStyle = input.bg
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.scale(input.scale, input.scale)
    context.drawImage(image, 0, 0)
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
    let binary = ''
    for (let i = 0; i < pixels.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, pixels.subarray(i, i + 0x8000))
    }
    resolve(btoa(binary))
  }
  image.onerror = () => reject(new Error('the diagram could not be rasterised'))
  image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(input.svg)
})`

/** Encodes the SVGs as one looping animated GIF (all frames share the largest size). */
export async function svgsToGif(
  browser: Browser,
  svgs: readonly string[],
  options: GifOptions = {},
): Promise<Uint8Array> {
  const scale = options.scale ?? 1
  const sizes = svgs.map(svgSize)
  const width = Math.max(1, ...sizes.map((size) => size.width))
  const height = Math.max(1, ...sizes.map((size) => size.height))
  const bg = THEMES[options.theme ?? 'light'].bgPanel
  const context = await offlineContext(browser, 1)
  try {
    const page = await context.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    const encoder = gifenc.GIFEncoder()
    for (const [position, svg] of svgs.entries()) {
      throwIfCancelled(options.signal)
      const input = JSON.stringify({ svg, width, height, scale, bg })
      const base64 = (await page.evaluate(`(${RASTERISE})(${input})`)) as string
      const rgba = new Uint8Array(Buffer.from(base64, 'base64'))
      const palette = gifenc.quantize(rgba, 256)
      const index = gifenc.applyPalette(rgba, palette)
      encoder.writeFrame(index, width * scale, height * scale, {
        palette,
        delay: options.delayMs ?? 1200,
      })
      options.onProgress?.(position + 1, svgs.length)
    }
    encoder.finish()
    return encoder.bytes()
  } finally {
    await context.close()
  }
}
