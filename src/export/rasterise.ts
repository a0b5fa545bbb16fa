/**
 * Draws a standalone SVG onto a canvas inside the render engine's page, so every engine (system
 * Chromium or Electron) rasterises diagrams the same way and at exactly the requested scale,
 * whatever the screen's own pixel density.
 */
import type { RenderEngine } from './renderEngine.ts'

/** One SVG to rasterise. */
export interface RasterRequest {
  svg: string
  /** Canvas size in diagram pixels; the SVG is drawn at its top left corner. */
  width: number
  height: number
  /** Device pixels per diagram pixel: the result is (width × scale) × (height × scale). */
  scale: number
  /** CSS colour behind the diagram. */
  background: string
}

/** What the page returns: a PNG file or the canvas's raw pixels. */
export type RasterOutput = 'png' | 'rgba'

/**
 * The page side, kept as source text so no build step can rewrite it before it runs in the
 * page. Resolves to the base64 of the PNG or of the RGBA pixels.
 */
const RASTERISE = String.raw`(input) => new Promise((resolve, reject) => {
  const image = new Image()
  image.onload = () => {
    const canvas = document.createElement('canvas')
    canvas.width = input.width * input.scale
    canvas.height = input.height * input.scale
    const context = canvas.getContext('2d')
    if (!context) {
      reject(new Error('no canvas of ' + canvas.width + '×' + canvas.height + ' pixels'))
      return
    }
    context.fillStyle = input.background
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.scale(input.scale, input.scale)
    context.drawImage(image, 0, 0)
    if (input.output === 'png') {
      resolve(canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''))
      return
    }
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

/** Rasterises one SVG in the engine's page: PNG file bytes, or RGBA pixels row by row. */
export async function rasteriseSvg(
  engine: RenderEngine,
  request: RasterRequest,
  output: RasterOutput,
): Promise<Uint8Array> {
  const input = JSON.stringify({ ...request, output })
  const base64 = await engine.evaluate(`(${RASTERISE})(${input})`)
  if (typeof base64 !== 'string' || base64 === '' || base64.startsWith('data:')) {
    const { width, height, scale } = request
    throw new Error(`the diagram could not be rasterised at ${width}×${height} (scale ${scale})`)
  }
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  const expected = request.width * request.scale * request.height * request.scale * 4
  if (output === 'rgba' && bytes.length !== expected) {
    throw new Error(`the page returned ${bytes.length} bytes of pixels, expected ${expected}`)
  }
  return bytes
}
