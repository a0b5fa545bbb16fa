import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { loadJson, saveJson } from '../logic/storage'

/** Theme choice; `system` follows the operating system's preference. */
export type ThemeChoice = 'light' | 'dark' | 'system'

/** Persisted settings, version 1. */
export interface SettingsV1 {
  theme: ThemeChoice
  fontSize: number
  immortalInline: boolean
}

/** Storage key of the settings (bump the suffix when the shape changes). */
export const SETTINGS_KEY = 'refscope.settings.v1'

/** Smallest and largest editor font sizes offered. */
export const FONT_SIZE_RANGE = { min: 10, max: 24 } as const

const DEFAULTS: SettingsV1 = { theme: 'system', fontSize: 14, immortalInline: true }

function sanitize(saved: Partial<SettingsV1> | null): SettingsV1 {
  const theme = saved?.theme
  const fontSize = Number(saved?.fontSize)
  return {
    theme: theme === 'light' || theme === 'dark' || theme === 'system' ? theme : DEFAULTS.theme,
    fontSize: Number.isFinite(fontSize)
      ? Math.min(FONT_SIZE_RANGE.max, Math.max(FONT_SIZE_RANGE.min, Math.round(fontSize)))
      : DEFAULTS.fontSize,
    immortalInline:
      typeof saved?.immortalInline === 'boolean' ? saved.immortalInline : DEFAULTS.immortalInline,
  }
}

function systemPrefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

/** Appearance and diagram preferences, persisted under a versioned key. */
export const useSettingsStore = defineStore('settings', () => {
  const initial = sanitize(loadJson<Partial<SettingsV1>>(SETTINGS_KEY))
  const theme = ref<ThemeChoice>(initial.theme)
  const fontSize = ref(initial.fontSize)
  const immortalInline = ref(initial.immortalInline)
  const systemDark = ref(systemPrefersDark())

  const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)')
  query?.addEventListener?.('change', (event) => (systemDark.value = event.matches))

  /** The theme actually shown. */
  const effectiveTheme = computed<'light' | 'dark'>(() =>
    theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value,
  )

  watch([theme, fontSize, immortalInline], () =>
    saveJson(SETTINGS_KEY, {
      theme: theme.value,
      fontSize: fontSize.value,
      immortalInline: immortalInline.value,
    } satisfies SettingsV1),
  )

  /** Chooses a theme. */
  function setTheme(choice: ThemeChoice): void {
    theme.value = sanitize({ theme: choice }).theme
  }

  /** Sets the editor font size, clamped to the offered range. */
  function setFontSize(size: number): void {
    fontSize.value = sanitize({ fontSize: size }).fontSize
  }

  /** Changes the font size by `delta` points. */
  function adjustFontSize(delta: number): void {
    setFontSize(fontSize.value + delta)
  }

  /** Draws immortal scalars inline in their slot (true) or as boxes (false). */
  function setImmortalInline(inline: boolean): void {
    immortalInline.value = inline
  }

  return {
    theme,
    fontSize,
    immortalInline,
    effectiveTheme,
    setTheme,
    setFontSize,
    adjustFontSize,
    setImmortalInline,
  }
})
