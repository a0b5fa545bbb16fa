/**
 * The browser engine behind the PNG, PDF and GIF exports. The CLI and the browser host use a
 * system Chromium (chromiumEngine.ts); the Electron app passes its own engine (src/main).
 */

/** Header and footer of every printed page. */
export interface PdfPageSetup {
  /**
   * HTML drawn in the top margin; elements with the classes `pageNumber`, `totalPages`, `title`,
   * `date` or `url` are filled in.
   */
  headerTemplate: string
  /** HTML drawn in the bottom margin, with the same classes. */
  footerTemplate: string
}

/**
 * A browser engine for one export. Its pages are offline: every request they make is refused, so
 * what they show comes only from the HTML and the data: URLs they are given.
 */
export interface RenderEngine {
  /**
   * Evaluates a JavaScript expression in a blank page that stays open between calls, and
   * returns its value (awaited when it is a promise). Return strings or plain data.
   */
  evaluate(expression: string): Promise<unknown>
  /**
   * Prints an HTML document to PDF once it has loaded: A4 unless its CSS `@page` names a size,
   * margins from its CSS (none otherwise), backgrounds printed.
   */
  printPdf(html: string, setup: PdfPageSetup): Promise<Uint8Array>
  /** Closes every page and releases the engine. */
  close(): Promise<void>
}

/**
 * Opens an engine for an export; `what` names the format ("PNG") in the one-line error thrown
 * when no engine is available.
 */
export type OpenRenderEngine = (what: string) => Promise<RenderEngine>

/** Runs `work` with an engine from `open` that is always closed afterwards. */
export async function withRenderEngine<T>(
  open: OpenRenderEngine,
  what: string,
  work: (engine: RenderEngine) => Promise<T>,
): Promise<T> {
  const engine = await open(what)
  try {
    return await work(engine)
  } finally {
    await engine.close()
  }
}
