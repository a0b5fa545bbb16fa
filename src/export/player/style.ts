import { diagramFontFaces } from '../font.ts'
import { MONO_FONT, THEMES } from '../theme.ts'
import type { ThemeName } from '../theme.ts'

/** The player page's styles, in the app's colours. */
export function playerStyle(theme: ThemeName): string {
  const c = THEMES[theme]
  return `${diagramFontFaces()}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: ${c.bg}; color: ${c.fg};
  font: 13px system-ui, -apple-system, 'Segoe UI', sans-serif; color-scheme: ${theme}; }
body { display: grid; grid-template-rows: auto 1fr auto; }
header { padding: 8px 12px; border-bottom: 1px solid ${c.border}; background: ${c.bgAlt}; }
header h1 { margin: 0; font-size: 15px; }
header p { margin: 2px 0 0; color: ${c.fgMuted}; }
main { display: grid; grid-template-columns: minmax(220px, 34%) 1fr; min-height: 0; }
.code { margin: 0; overflow: auto; border-right: 1px solid ${c.border}; font: 12px/18px ${MONO_FONT};
  padding: 6px 0; background: ${c.bgPanel}; }
.code-line { display: flex; white-space: pre; padding-right: 8px; }
.code-line.current { background: ${c.currentLine}; }
.code-line .number { width: 3.5em; text-align: right; padding-right: 1em; color: ${c.fgMuted};
  user-select: none; flex: none; }
.stage { display: grid; grid-template-rows: 1fr auto; min-height: 0; min-width: 0; }
#rs-diagram { overflow: auto; background: ${c.bgPanel}; padding: 8px; }
#rs-diagram svg { display: block; max-width: none; }
aside { border-top: 1px solid ${c.border}; padding: 6px 12px; max-height: 30vh; overflow: auto; }
aside h2 { font-size: 12px; margin: 4px 0; color: ${c.fgMuted}; text-transform: uppercase; }
aside ul { margin: 0 0 6px; padding-left: 18px; }
#rs-notes { list-style: none; padding: 6px 8px; background: ${c.bgAlt}; border-left: 3px solid ${c.accent}; }
#rs-console { margin: 0; font: 12px ${MONO_FONT}; white-space: pre-wrap; max-height: 8em; overflow: auto; }
footer { display: flex; align-items: center; gap: 8px; padding: 6px 12px;
  border-top: 1px solid ${c.border}; background: ${c.bgAlt}; }
footer button { font: inherit; color: inherit; background: ${c.bg}; border: 1px solid ${c.border};
  border-radius: 4px; padding: 3px 10px; cursor: pointer; }
footer button:disabled { opacity: 0.45; cursor: default; }
#rs-slider { flex: 1; }
#rs-status { font-variant-numeric: tabular-nums; white-space: nowrap; }
.cut { color: ${c.danger}; }
`
}
