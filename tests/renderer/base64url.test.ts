import { describe, expect, it } from 'vitest'
import {
  codeFromFragment,
  decodeBase64Url,
  encodeBase64Url,
  fragmentForCode,
} from '../../src/renderer/src/logic/base64url'

describe('base64url', () => {
  it('round-trips unicode code without padding', () => {
    const code = "print('héllo → wörld ✓')\n"
    const encoded = encodeBase64Url(code)
    expect(encoded).not.toMatch(/[=+/]/)
    expect(decodeBase64Url(encoded)).toBe(code)
  })
  it('accepts padded input and plain base64', () => {
    expect(decodeBase64Url('cHJpbnQoMSk=')).toBe('print(1)')
    expect(decodeBase64Url('cHJpbnQoMSk')).toBe('print(1)')
    expect(decodeBase64Url(encodeBase64Url('a?b>c').replace(/-/g, '+'))).toBe('a?b>c')
  })
  it('rejects garbage', () => {
    expect(decodeBase64Url('%%%')).toBeNull()
    expect(decodeBase64Url('a')).toBeNull()
  })
  it('reads and writes #code= fragments', () => {
    expect(codeFromFragment(fragmentForCode('x = 1'))).toBe('x = 1')
    expect(codeFromFragment('#other=1&code=cHJpbnQoMSk')).toBe('print(1)')
    expect(codeFromFragment('#nothing')).toBeNull()
    expect(codeFromFragment('')).toBeNull()
  })
})
