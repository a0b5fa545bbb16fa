import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../src/host/userDataDir.ts'

describe('defaultDataDir', () => {
  it('uses each platform’s per-user application data folder', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe(
      join('/home/ada', '.config', 'Refscope', 'sessions'),
    )
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe(
      join('/cfg', 'Refscope', 'sessions'),
    )
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe(
      join('/Users/ada', 'Library', 'Application Support', 'Refscope', 'sessions'),
    )
    expect(
      defaultDataDir({ APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'win32', 'C:/Users/ada'),
    ).toBe(join('C:/Users/ada/AppData/Roaming', 'Refscope', 'sessions'))
  })
})
