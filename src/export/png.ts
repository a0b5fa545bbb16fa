/** PNG of standalone SVGs, rasterised by the render engine's browser (not redrawn by hand). */
import type { ExportControl } from './progress.ts'
import { throwIfCancelled } from './progress.ts'
import { rasteriseSvg } from './rasterise.ts'
import type { RenderEngine } from './renderEngine.ts'

/** Behind the diagram, where a fractional SVG size leaves part of the last pixel uncovered. */
const PNG_BACKGROUND = '#ffffff'

/** Pixel size of an SVG document from its width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const width = Number(/\swidth="([\d.]+)"/.exec(tag)?.[1] ?? 0)
  const height = Number(/\sheight="([\d.]+)"/.exec(tag)?.[1] ?? 0)
  return { width: Math.ceil(width), height: Math.ceil(height) }
}

/**
 * Renders each SVG to a PNG at `scale` (1, 2 or 3 device pixels per diagram pixel): exactly
 * `scale` times the SVG's pixel size.
 */
export async function svgsToPng(
  engine: RenderEngine,
  svgs: readonly string[],
  scale: number,
  control: ExportControl = {},
): Promise<Uint8Array[]> {
  const images: Uint8Array[] = []
  for (const [position, svg] of svgs.entries()) {
    throwIfCancelled(control.signal)
    const { width, height } = svgSize(svg)
    const request = {
      svg,
      width: Math.max(1, width),
      height: Math.max(1, height),
      scale,
      background: PNG_BACKGROUND,
    }
    images.push(await rasteriseSvg(engine, request, 'png'))
    control.onProgress?.(position + 1, svgs.length)
  }
  return images
}
