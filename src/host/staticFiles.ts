/** Serving the built renderer from disk: safe path resolution and content types. */
import { realpath, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'

/** Content type by file extension; anything else is served as bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.py': 'text/x-python; charset=utf-8',
}

/** The content type for a file path. */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/** Why a URL path maps to no file. */
export type StaticMiss = 'bad-path' | 'not-found'

/**
 * Maps a URL pathname to a regular file inside `rootDir`, or says why not.
 * Rejects encoded separators, `..`/`.` segments, NUL and backslashes before touching the
 * disk, then re-checks the real path so a symlink cannot lead outside the root either.
 */
export async function resolveStaticFile(
  rootDir: string,
  pathname: string,
): Promise<{ file: string } | { miss: StaticMiss }> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { miss: 'bad-path' }
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return { miss: 'bad-path' }
  const segments = decoded.split('/').slice(1)
  if (segments.some((s) => s === '..' || s === '.')) return { miss: 'bad-path' }

  const root = await realpath(resolve(rootDir))
  let candidate = join(root, ...segments)
  try {
    if ((await stat(candidate)).isDirectory()) candidate = join(candidate, 'index.html')
    const real = await realpath(candidate)
    if (!real.startsWith(root + sep)) return { miss: 'bad-path' }
    if (!(await stat(real)).isFile()) return { miss: 'not-found' }
    return { file: real }
  } catch {
    return { miss: 'not-found' }
  }
}
