/** Per-launch secrets that gate the browser host. */
import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh random token, URL-safe. */
export function createToken(): string {
  return randomBytes(24).toString('base64url')
}

/** Compares a presented token with the expected one in constant time. */
export function tokenMatches(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
