/** Colours of the heap panel (src/renderer/src/styles/app.css), resolved for standalone files. */

/** A colour theme name. */
export type ThemeName = 'light' | 'dark'

/** The colour variables the diagram uses. */
export interface ThemeColors {
  bg: string
  bgAlt: string
  bgPanel: string
  fg: string
  fgMuted: string
  border: string
  accent: string
  danger: string
  success: string
  nodeBg: string
  nodeHeader: string
  nodeBorder: string
  frameBg: string
  frameCurrent: string
  badgeBg: string
  badgeFg: string
  immortalBg: string
  edge: string
  newColor: string
  selected: string
  currentLine: string
}

/** The app's light and dark palettes, value for value. */
export const THEMES: Readonly<Record<ThemeName, ThemeColors>> = {
  light: {
    bg: '#ffffff',
    bgAlt: '#f4f5f7',
    bgPanel: '#fafbfc',
    fg: '#1f2328',
    fgMuted: '#656d76',
    border: '#d0d7de',
    accent: '#0969da',
    danger: '#cf222e',
    success: '#1a7f37',
    nodeBg: '#ffffff',
    nodeHeader: '#eef2f7',
    nodeBorder: '#8c959f',
    frameBg: '#f6f8fa',
    frameCurrent: '#ddf4ff',
    badgeBg: '#0969da',
    badgeFg: '#ffffff',
    immortalBg: '#8250df',
    edge: '#57606a',
    newColor: '#1a7f37',
    selected: '#bf8700',
    currentLine: 'rgba(255, 213, 0, 0.35)',
  },
  dark: {
    bg: '#1e1e1e',
    bgAlt: '#252526',
    bgPanel: '#1b1b1c',
    fg: '#e6edf3',
    fgMuted: '#9aa4ae',
    border: '#3c3c3c',
    accent: '#4493f8',
    danger: '#f85149',
    success: '#3fb950',
    nodeBg: '#2d2d30',
    nodeHeader: '#37373d',
    nodeBorder: '#6e7681',
    frameBg: '#252526',
    frameCurrent: '#0c2d4d',
    badgeBg: '#1f6feb',
    badgeFg: '#ffffff',
    immortalBg: '#8957e5',
    edge: '#8b949e',
    newColor: '#3fb950',
    selected: '#d29922',
    currentLine: 'rgba(255, 213, 0, 0.22)',
  },
}

/**
 * Monospace font stack of the diagram: the embedded JetBrains Mono (see font.ts), then system
 * fonts for any character it lacks.
 */
export const MONO_FONT =
  "'JetBrains Mono', ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace"

/** Checks a `--theme` value. */
export function isThemeName(value: string): value is ThemeName {
  return value === 'light' || value === 'dark'
}
