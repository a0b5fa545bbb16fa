import { describe, expect, it } from 'vitest'
import { hostErrorMessage } from '../../src/renderer/src/logic/hostError'

describe('hostErrorMessage', () => {
  it('drops the wrapping Electron adds to errors from the main process', () => {
    const wrapped = new Error(
      "Error invoking remote method 'recent:open': RecentSessionError: Cannot open a.refscope: it is gone.",
    )
    expect(hostErrorMessage(wrapped)).toBe('Cannot open a.refscope: it is gone.')
  })

  it('keeps plain messages as they are', () => {
    expect(hostErrorMessage(new Error('Connection to the Refscope host closed'))).toBe(
      'Connection to the Refscope host closed',
    )
    expect(hostErrorMessage('Error: odd')).toBe('odd')
  })
})
