/** 16×16 SVG paths for the debugger toolbar (filled unless noted in `STROKED_ICONS`). */
export const TOOLBAR_ICONS = {
  run: 'M4 2.5v11l9-5.5z',
  cancel: 'M3.5 3.5h9v9h-9z',
  reverseContinue: 'M2 3h2v10H2zM14 3v10L5 8z',
  continue: 'M12 3h2v10h-2zM2 3v10l9-5z',
  stepOver: 'M2.5 9a5.5 5.5 0 0 1 10.2-2.8M13.5 2.5v4h-4M8 12.5a1 1 0 1 0 0 .01',
  stepInto: 'M8 1.5v8M4.5 6.5 8 10l3.5-3.5M8 13.5a1 1 0 1 0 0 .01',
  stepOut: 'M8 10.5v-8M4.5 5.5 8 2l3.5 3.5M8 13.5a1 1 0 1 0 0 .01',
  firstStep: 'M2.5 3h2v10h-2zM13.5 3v10L5.5 8z',
  stepBack: 'M12 3v10L4 8z',
  stepForward: 'M4 3v10l8-5z',
  lastStep: 'M11.5 3h2v10h-2zM2.5 3v10l8-5z',
} as const

/** Name of a toolbar icon. */
export type ToolbarIcon = keyof typeof TOOLBAR_ICONS

/** Icons drawn as strokes rather than fills. */
export const STROKED_ICONS: ReadonlySet<ToolbarIcon> = new Set(['stepOver', 'stepInto', 'stepOut'])
