/** What every store test needs: fresh stores, in-memory storage, no bridge left behind. */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, vi } from 'vitest'
import { setEngineBridge } from '../../src/renderer/src/stores/enginePort'
import { MemoryStorage } from './memoryStorage'

/**
 * Gives each test of the file a new Pinia and a new in-memory localStorage, and clears the
 * engine bridge afterwards; returns a getter for the test's storage.
 */
export function useFreshStores(): () => MemoryStorage {
  let storage = new MemoryStorage()
  beforeEach(() => {
    storage = new MemoryStorage()
    vi.stubGlobal('localStorage', storage)
    setActivePinia(createPinia())
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    setEngineBridge(null)
  })
  return () => storage
}

/** Waits until `check` holds (stores settle through several promise hops). */
export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
