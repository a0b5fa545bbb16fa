/** Minimal key/value store (the subset of `Storage` the app uses). */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** The browser's localStorage when present and usable, else null (tests, locked-down hosts). */
export function defaultStore(): KeyValueStore | null {
  try {
    const store = (globalThis as { localStorage?: KeyValueStore }).localStorage
    return store ?? null
  } catch {
    return null
  }
}

/** Reads a JSON value saved under a versioned key; null when missing or unreadable. */
export function loadJson<T>(key: string, store = defaultStore()): T | null {
  if (!store) return null
  try {
    const raw = store.getItem(key)
    return raw === null ? null : (JSON.parse(raw) as T)
  } catch {
    return null
  }
}

/** Saves a JSON value under a versioned key, ignoring quota and privacy-mode failures. */
export function saveJson(key: string, value: unknown, store = defaultStore()): void {
  if (!store) return
  try {
    store.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the setting simply does not persist.
  }
}
