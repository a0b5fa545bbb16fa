/** Animated GIF of a step range: the render engine rasterises each SVG, gifenc encodes them. */
import * as gifencModule from 'gifenc'
import { svgSize } from './png.ts'
import type { ExportControl } from './progress.ts'
import { throwIfCancelled } from './progress.ts'
import { rasteriseSvg } from './rasterise.ts'
import type { RenderEngine } from './renderEngine.ts'
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

/** Encodes the SVGs as one looping animated GIF (all frames share the largest size). */
export async function svgsToGif(
  engine: RenderEngine,
  svgs: readonly string[],
  options: GifOptions = {},
): Promise<Uint8Array> {
  const scale = options.scale ?? 1
  const sizes = svgs.map(svgSize)
  const width = Math.max(1, ...sizes.map((size) => size.width))
  const height = Math.max(1, ...sizes.map((size) => size.height))
  const background = THEMES[options.theme ?? 'light'].bgPanel
  const encoder = gifenc.GIFEncoder()
  for (const [position, svg] of svgs.entries()) {
    throwIfCancelled(options.signal)
    const rgba = await rasteriseSvg(engine, { svg, width, height, scale, background }, 'rgba')
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
}
