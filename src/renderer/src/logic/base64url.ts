/** Encodes UTF-8 text as unpadded base64url (RFC 4648 §5), as used in `#code=` links. */
export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes base64url (padding optional; plain base64 accepted too) to UTF-8 text, or null. */
export function decodeBase64Url(encoded: string): string | null {
  const normalized = encoded.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(normalized) || normalized.length % 4 === 1) return null
  try {
    const padded = normalized + '='.repeat((4 - (normalized.length % 4)) % 4)
    const binary = atob(padded)
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Reads the snippet from a URL fragment such as `#code=cHJpbnQoMSk`, or null when absent. */
export function codeFromFragment(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash
  for (const part of fragment.split('&')) {
    const [key, value] = part.split('=', 2)
    if (key === 'code' && value !== undefined) return decodeBase64Url(decodeURIComponent(value))
  }
  return null
}

/** Builds the `#code=` fragment for a snippet. */
export function fragmentForCode(code: string): string {
  return `#code=${encodeBase64Url(code)}`
}
