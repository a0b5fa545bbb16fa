import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecentSessions } from '../../src/host/recentSessions.ts'
import { emptySession, serializeSession } from '../../src/shared/session.ts'

describe('RecentSessions', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'refscope-recent-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps the newest entries up to its maximum and deletes the copies it drops', () => {
    const recent = new RecentSessions(dir, 2)
    const text = serializeSession(emptySession('x = 1\n'))
    recent.rememberCopy('a.refscope', text)
    recent.rememberPath(join(dir, 'b.refscope'))
    recent.rememberCopy('c.refscope', text)
    expect(recent.list().map((entry) => entry.name)).toEqual(['c.refscope', 'b.refscope'])
    expect(readdirSync(join(dir, 'recent'))).toHaveLength(1)
    // The same path moves to the top instead of appearing twice.
    recent.rememberPath(join(dir, 'b.refscope'))
    expect(recent.list().map((entry) => entry.name)).toEqual(['b.refscope', 'c.refscope'])
  })

  it('reads a damaged list as empty and keeps working', () => {
    writeFileSync(join(dir, 'recent.json'), '{not json')
    const recent = new RecentSessions(dir)
    expect(recent.list()).toEqual([])
    recent.rememberPath(join(dir, 'x.refscope'))
    expect(new RecentSessions(dir).list()).toHaveLength(1)
  })
})
