import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { codeFromFragment, fragmentForCode } from '../logic/base64url'
import { loadJson, saveJson } from '../logic/storage'
import { LESSONS } from '../lessons'

/** Persisted session, version 1. */
export interface SessionV1 {
  code: string
  breakpoints: number[]
  lessonId: string | null
}

/** Storage key of the session (bump the suffix when the shape changes). */
export const SESSION_KEY = 'refscope.session.v1'

function sanitizeBreakpoints(lines: unknown): number[] {
  if (!Array.isArray(lines)) return []
  const valid = lines.filter((line): line is number => Number.isInteger(line) && line > 0)
  return [...new Set(valid)].sort((a, b) => a - b)
}

/** The snippet being edited, its breakpoints and the lesson it came from; persisted. */
export const useSessionStore = defineStore('session', () => {
  const saved = loadJson<Partial<SessionV1>>(SESSION_KEY)
  const defaultLesson = LESSONS[0]!
  const code = ref(typeof saved?.code === 'string' ? saved.code : defaultLesson.code)
  const breakpoints = ref<number[]>(sanitizeBreakpoints(saved?.breakpoints))
  const lessonId = ref<string | null>(
    saved ? (typeof saved.lessonId === 'string' ? saved.lessonId : null) : defaultLesson.id,
  )

  /** Breakpoint lines as a set, for navigation. */
  const breakpointSet = computed<ReadonlySet<number>>(() => new Set(breakpoints.value))

  /** The lesson whose code is loaded, while it is unedited. */
  const lesson = computed(() => LESSONS.find((item) => item.id === lessonId.value) ?? null)

  watch(
    [code, breakpoints, lessonId],
    () =>
      saveJson(SESSION_KEY, {
        code: code.value,
        breakpoints: breakpoints.value,
        lessonId: lessonId.value,
      } satisfies SessionV1),
    { deep: true },
  )

  /** Replaces the code (from the editor, a file, a link); keeps the lesson only if unchanged. */
  function setCode(next: string): void {
    if (next === code.value) return
    code.value = next
    if (lesson.value && lesson.value.code !== next) lessonId.value = null
  }

  /** Loads a built-in lesson, clearing breakpoints. */
  function openLesson(id: string): void {
    const found = LESSONS.find((item) => item.id === id)
    if (!found) return
    code.value = found.code
    lessonId.value = found.id
    breakpoints.value = []
  }

  /** Adds or removes a breakpoint on a line. */
  function toggleBreakpoint(line: number): void {
    const has = breakpoints.value.includes(line)
    breakpoints.value = sanitizeBreakpoints(
      has ? breakpoints.value.filter((item) => item !== line) : [...breakpoints.value, line],
    )
  }

  /** Replaces all breakpoints (e.g. after edits moved them). */
  function setBreakpoints(lines: number[]): void {
    const next = sanitizeBreakpoints(lines)
    if (next.join() !== breakpoints.value.join()) breakpoints.value = next
  }

  /** Applies a `#code=` fragment if it carries code; returns true when the code changed. */
  function loadFromFragment(hash: string): boolean {
    const fromLink = codeFromFragment(hash)
    if (fromLink === null) return false
    if (fromLink !== code.value) {
      code.value = fromLink
      lessonId.value = LESSONS.find((item) => item.code === fromLink)?.id ?? null
      breakpoints.value = []
    }
    return true
  }

  /** A shareable link to the current code (the page address with a `#code=` fragment). */
  function shareLink(base: string): string {
    const withoutHash = base.split('#')[0]!
    return withoutHash + fragmentForCode(code.value)
  }

  return {
    code,
    breakpoints,
    breakpointSet,
    lessonId,
    lesson,
    setCode,
    openLesson,
    toggleBreakpoint,
    setBreakpoints,
    loadFromFragment,
    shareLink,
  }
})
