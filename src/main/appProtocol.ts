/**
 * Serves the built renderer on app://refscope/ with the Content-Security-Policy header, so the
 * page has a real origin and file:// is never used.
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../host/csp.ts'
import { mimeTypeOf, resolveStaticFile } from '../host/staticFiles.ts'
import { APP_HOST, APP_SCHEME } from './appUrl.ts'

/** Must run before the app is ready: gives the scheme the powers of https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ])
}

/** Answers app:// requests from `rendererDir`; call once the app is ready. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not Found', { status: 404 })
    const found = await resolveStaticFile(rendererDir, url.pathname)
    if ('miss' in found) return new Response('Not Found', { status: 404 })
    return new Response(await readFile(found.file), {
      headers: {
        'Content-Type': mimeTypeOf(found.file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}
