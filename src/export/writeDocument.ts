/**
 * Page-side script of the Electron render engines: replaces the page's document with the given
 * HTML and resolves once it and its images have loaded. Data URLs cannot carry a large handout
 * (Chromium refuses URLs over 2 MB), so the document is written into the blank page instead.
 * Kept as source text so no build step can rewrite it before it runs in the page.
 */
export const WRITE_DOCUMENT = String.raw`(html) => new Promise((resolve) => {
  document.open()
  document.write(html)
  document.close()
  const settle = () => Promise.all(
    Array.from(document.images, (image) => image.decode().catch(() => undefined)),
  ).then(() => resolve(true))
  if (document.readyState === 'complete') settle()
  else window.addEventListener('load', settle, { once: true })
})`

/** The expression that writes `html` into the page (see WRITE_DOCUMENT). */
export function writeDocumentExpression(html: string): string {
  return `(${WRITE_DOCUMENT})(${JSON.stringify(html)})`
}

/** Electron's `printToPDF` options for the handout: A4, backgrounds, CSS margins, footer. */
export function electronPdfOptions(setup: { headerTemplate: string; footerTemplate: string }) {
  return {
    pageSize: 'A4' as const,
    preferCSSPageSize: true,
    printBackground: true,
    // As playwright's page.pdf: the handout's CSS @page rule sets the margins.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    displayHeaderFooter: true,
    headerTemplate: setup.headerTemplate,
    footerTemplate: setup.footerTemplate,
  }
}
