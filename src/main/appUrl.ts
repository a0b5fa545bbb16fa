/** Where the renderer is loaded from, and how to tell the app's own pages from anything else. */

/** Privileged scheme the built renderer is served on (see appProtocol.ts). */
export const APP_SCHEME = 'app'

/** Host part of every app URL. */
export const APP_HOST = 'refscope'

/** The dev server electron-vite starts in `npm run dev`, if any. */
export function devServerUrl(): string | null {
  return process.env['ELECTRON_RENDERER_URL'] ?? null
}

/** The URL the main window opens. */
export function startUrl(): string {
  return devServerUrl() ?? `${APP_SCHEME}://${APP_HOST}/index.html`
}

/** True for pages of this app: the app scheme, or the dev server while developing. */
export function isAppUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const dev = devServerUrl()
  if (dev && parsed.origin === new URL(dev).origin) return true
  // Custom schemes have an opaque `origin` in WHATWG URL, so compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
}
