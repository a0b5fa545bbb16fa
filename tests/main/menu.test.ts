import { describe, expect, it, vi } from 'vitest'
import { buildMenu } from '../../src/main/menu.ts'
import type { RecentSession } from '../../src/shared/ipc.ts'

vi.mock('electron', () => import('./electronFake.ts'))

/** A menu template item, as much of Electron's shape as the tests read. */
interface Item {
  label?: string
  type?: string
  enabled?: boolean
  toolTip?: string
  submenu?: Item[]
  click?: () => void
}

/** The File menu's Open Recent items, from the template the fake Menu keeps. */
function openRecentOf(menu: unknown): Item[] {
  const { template } = menu as { template: Item[] }
  const file = template.find((item) => item.label === 'File')!
  const recent = file.submenu!.find((item) => item.label === 'Open Recent')!
  return recent.submenu!
}

const click = (item: Item): void => item.click!()

describe('the native File menu', () => {
  it('has New, Open…, Open Recent, Save, Save As… and Export…, each sending its command', () => {
    const send = vi.fn()
    const { template } = buildMenu(send) as unknown as { template: Item[] }
    const file = template.find((item) => item.label === 'File')!.submenu!
    const labels = file.map((item) => item.label).filter(Boolean)
    expect(labels.slice(0, 6)).toEqual([
      'New Session',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export…',
    ])
    click(file.find((item) => item.label === 'Save As…')!)
    expect(send).toHaveBeenCalledWith('file:saveAs')
  })

  it('shows a disabled placeholder while nothing is recent', () => {
    expect(openRecentOf(buildMenu(vi.fn()))).toEqual([
      { label: 'No Recent Sessions', enabled: false },
    ])
  })

  it('lists recent sessions with their paths; choosing one opens it, Clear empties the list', () => {
    const send = vi.fn()
    const clear = vi.fn()
    const recent: RecentSession[] = [
      { id: 'a'.repeat(16), name: 'one.refscope', path: '/work/one.refscope', savedAt: '' },
      { id: 'b'.repeat(16), name: 'two.refscope', path: '/work/two.refscope', savedAt: '' },
    ]
    const items = openRecentOf(buildMenu(send, recent, clear))
    expect(items.map((item) => item.label ?? item.type)).toEqual([
      'one.refscope',
      'two.refscope',
      'separator',
      'Clear Recently Opened',
    ])
    expect(items[1]!.toolTip).toBe('/work/two.refscope')
    click(items[1]!)
    expect(send).toHaveBeenCalledWith('file:openRecent', 'b'.repeat(16))
    click(items[3]!)
    expect(clear).toHaveBeenCalledTimes(1)
  })
})
