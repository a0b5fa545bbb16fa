/**
 * The diagram font, embedded in exports so an SVG, PNG, player or handout looks the same on any
 * machine and in any viewer that honours @font-face: JetBrains Mono (SIL Open Font License),
 * whose advance of 0.6 em is what the diagram layout measures with. The app's heap panel uses the
 * same font, bundled with the renderer.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The family name exports and the heap panel ask for. */
export const DIAGRAM_FONT_FAMILY = 'JetBrains Mono'

const WEIGHTS = [400, 700] as const
let cached: string | null = null

/** `@font-face` rules for the regular and bold diagram font, as inline data (no network). */
export function diagramFontFaces(): string {
  if (cached !== null) return cached
  const require = createRequire(import.meta.url)
  cached = WEIGHTS.map((weight) => {
    const file = require.resolve(
      `@fontsource/jetbrains-mono/files/jetbrains-mono-latin-${weight}-normal.woff2`,
    )
    const data = readFileSync(file).toString('base64')
    return (
      `@font-face { font-family: '${DIAGRAM_FONT_FAMILY}'; font-style: normal; ` +
      `font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`
    )
  }).join('\n')
  return cached
}
