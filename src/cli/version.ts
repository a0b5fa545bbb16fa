/** The package version, read from package.json at the repository root. */
import { readFileSync } from 'node:fs'

/** `version` from the top-level package.json. */
export function readPackageVersion(): string {
  const url = new URL('../../package.json', import.meta.url)
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version
}
