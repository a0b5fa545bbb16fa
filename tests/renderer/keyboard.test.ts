import { describe, expect, it } from 'vitest'
import { commandForKey } from '../../src/renderer/src/composables/useKeyboardShortcuts'

const key = (
  k: string,
  mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {},
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  target: null,
  ...mods,
})

describe('commandForKey', () => {
  it('maps the VS Code debugger keys', () => {
    expect(commandForKey(key('F5'))).toBe('runOrContinue')
    expect(commandForKey(key('F5', { shiftKey: true }))).toBe('cancel')
    expect(commandForKey(key('F10'))).toBe('stepOver')
    expect(commandForKey(key('F11'))).toBe('stepInto')
    expect(commandForKey(key('F11', { shiftKey: true }))).toBe('stepOut')
    expect(commandForKey(key('F10', { ctrlKey: true }))).toBe('runToCursor')
  })
  it('steps back with Shift+F10 or Alt+Left, forward with Alt+Right', () => {
    expect(commandForKey(key('F10', { shiftKey: true }))).toBe('stepBack')
    expect(commandForKey(key('ArrowLeft', { altKey: true }))).toBe('stepBack')
    expect(commandForKey(key('ArrowRight', { altKey: true }))).toBe('stepForward')
  })
  it('uses Home/End for first/last step outside the editor, and ignores other keys', () => {
    expect(commandForKey(key('Home'))).toBe('firstStep')
    expect(commandForKey(key('End'))).toBe('lastStep')
    expect(commandForKey(key('a'))).toBeNull()
    expect(commandForKey(key('ArrowLeft'))).toBeNull()
  })
})
