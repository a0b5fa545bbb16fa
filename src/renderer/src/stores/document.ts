import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RecentSession, RecoveryInfo, SessionState } from '../../../shared/ipc'
import {
  SESSION_EXTENSION,
  SessionError,
  parseSession,
  serializeSession,
} from '../../../shared/session'
import type { Annotation, Session } from '../../../shared/session'
import { hostErrorMessage } from '../logic/hostError'
import { engineBridge, hasEngineBridge } from './enginePort'
import { useSessionStore } from './session'
import { useSettingsStore } from './settings'
import { useTraceStore } from './trace'

/** A message about files shown to the user (open errors, stale traces, saves). */
export interface FileMessage {
  kind: 'error' | 'info'
  text: string
}

/** The name a new, never-saved session gets. */
export const UNTITLED = 'Untitled'

/** `name.refscope` for any name, keeping the extension when present. */
export function sessionFileName(name: string): string {
  const trimmed = name.trim() || UNTITLED
  return trimmed.endsWith(SESSION_EXTENSION) ? trimmed : trimmed + SESSION_EXTENSION
}

/** The window title: unsaved dot, file name, app name. */
export function windowTitle(fileName: string | null, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${fileName ?? UNTITLED} — Refscope`
}

/**
 * The open session as a document: its file name, its annotations, whether it has unsaved
 * changes, and the crash-recovery offer. Code and breakpoints stay in the session store.
 */
export const useDocumentStore = defineStore('document', () => {
  const session = useSessionStore()
  const settings = useSettingsStore()
  const trace = useTraceStore()

  const fileName = ref<string | null>(null)
  const annotations = ref<Annotation[]>([])
  const message = ref<FileMessage | null>(null)
  const recovery = ref<RecoveryInfo | null>(null)
  /** File → Open Recent, newest first (as the host last listed it). */
  const recent = ref<RecentSession[]>([])

  /** What makes the document dirty when it changes (not the step or view settings). */
  const contentKey = computed(() =>
    JSON.stringify([session.code, session.breakpoints, annotations.value]),
  )
  const savedKey = ref(contentKey.value)
  let autosavedKey = contentKey.value

  /** True when the code, breakpoints or notes changed since the last open or save. */
  const dirty = computed(() => contentKey.value !== savedKey.value)

  /** Title of the window or tab. */
  const title = computed(() => windowTitle(fileName.value, dirty.value))

  /** Notes attached to the step shown now. */
  const currentNotes = computed(() =>
    annotations.value
      .map((annotation, position) => ({ annotation, position }))
      .filter(({ annotation }) => trace.hasSteps && annotation.step === trace.currentIndex),
  )

  /** The session state (no trace), as saved and autosaved. */
  function state(): SessionState {
    return {
      code: session.code,
      breakpoints: [...session.breakpoints],
      currentStep: trace.hasSteps && !trace.stale ? trace.currentIndex : null,
      annotations: annotations.value.map((annotation) => ({ ...annotation })),
      view: { theme: settings.theme, immortalInline: settings.immortalInline },
      lessonId: session.lessonId,
    }
  }

  /** The session file's text; the trace is included when it belongs to the code. */
  async function serialize(): Promise<string> {
    const document = trace.stale ? null : await trace.exportDocument().catch(() => null)
    const whole: Session = { ...state(), trace: document }
    return serializeSession(whole)
  }

  /** Records a successful save under `name`; the autosave is no longer needed. */
  function markSaved(name: string): void {
    fileName.value = name
    savedKey.value = contentKey.value
    autosavedKey = contentKey.value
    if (hasEngineBridge())
      void engineBridge()
        .clearAutosave()
        .catch(() => undefined)
  }

  function apply(next: SessionState, name: string | null): void {
    session.setCode(next.code)
    session.lessonId = next.lessonId
    session.setBreakpoints(next.breakpoints)
    annotations.value = next.annotations.map((annotation) => ({ ...annotation }))
    if (next.view.theme !== settings.theme) settings.setTheme(next.view.theme)
    fileName.value = name
  }

  async function showTrace(step: number | null): Promise<void> {
    if (!session.code.trim()) return
    await trace.run()
    if (step !== null) await trace.goTo(step)
  }

  /** Starts an empty, untitled session. */
  function newDocument(): void {
    apply(
      {
        code: '',
        breakpoints: [],
        currentStep: null,
        annotations: [],
        view: state().view,
        lessonId: null,
      },
      null,
    )
    savedKey.value = contentKey.value
    message.value = null
  }

  /**
   * Opens a session file's text. A damaged or newer-format file leaves everything as it was and
   * says why; a stored trace that does not match the code is dropped and the code re-run.
   * Returns true when the session was opened.
   */
  async function openText(text: string, name: string): Promise<boolean> {
    let opened
    try {
      opened = parseSession(text, name)
    } catch (error) {
      const problem = error instanceof SessionError ? error.message : String(error)
      message.value = { kind: 'error', text: problem }
      return false
    }
    apply(opened.session, name)
    savedKey.value = contentKey.value
    autosavedKey = contentKey.value
    message.value = opened.staleTrace
      ? {
          kind: 'info',
          text: `${name}: its stored trace did not match the code, so it was re-run.`,
        }
      : null
    // The trace is always re-run here so what is shown comes from this interpreter.
    await showTrace(opened.session.currentStep)
    return true
  }

  /** Adds a note to a step (and optionally an object). */
  function addAnnotation(step: number, text: string, objectId?: string | null): void {
    const note = text.trim()
    if (!note) return
    const annotation: Annotation = { step, text: note }
    if (objectId) annotation.objectId = objectId
    annotations.value = [...annotations.value, annotation].sort((a, b) => a.step - b.step)
  }

  /** Removes the note at `position` in `annotations`. */
  function removeAnnotation(position: number): void {
    annotations.value = annotations.value.filter((_, index) => index !== position)
  }

  /** Sends unsaved changes to the host's autosave, when there are new ones. */
  async function autosaveTick(): Promise<void> {
    if (!hasEngineBridge() || recovery.value || !dirty.value) return
    if (contentKey.value === autosavedKey) return
    const key = contentKey.value
    await engineBridge().autosave({ session: state(), fileName: fileName.value })
    autosavedKey = key
  }

  /** Asks the host whether an earlier run left unsaved work; sets `recovery` when so. */
  async function checkRecovery(): Promise<void> {
    if (!hasEngineBridge()) return
    recovery.value = await engineBridge()
      .recover()
      .catch(() => null)
  }

  /** Brings back the unsaved work on offer (it stays unsaved). */
  async function restore(): Promise<void> {
    const offered = recovery.value
    if (!offered) return
    recovery.value = null
    apply(offered.session, offered.fileName)
    savedKey.value = ''
    autosavedKey = ''
    await showTrace(offered.session.currentStep)
  }

  /** Declines the offer and forgets the autosave. */
  async function discardRecovery(): Promise<void> {
    recovery.value = null
    if (hasEngineBridge()) await engineBridge().clearAutosave()
  }

  /** Asks the host for the Open Recent list. */
  async function refreshRecent(): Promise<void> {
    if (!hasEngineBridge()) return
    recent.value = await engineBridge()
      .recentSessions()
      .catch(() => recent.value)
  }

  /**
   * Lists the session just opened or saved under `name` (the browser host keeps a copy, without
   * the trace; hosts with native dialogs list the file themselves and ignore this).
   */
  async function rememberRecent(name: string): Promise<void> {
    if (!hasEngineBridge()) return
    const text = serializeSession({ ...state(), trace: null })
    recent.value = await engineBridge()
      .rememberRecent({ name, text })
      .catch(() => recent.value)
  }

  /** Opens an Open Recent entry; a file that is gone is reported and leaves the list. */
  async function openRecent(id: string): Promise<boolean> {
    if (!hasEngineBridge()) return false
    let file
    try {
      file = await engineBridge().openRecent({ id })
    } catch (error) {
      message.value = { kind: 'error', text: hostErrorMessage(error) }
      await refreshRecent()
      return false
    }
    const opened = await openText(file.text ?? '', file.name)
    await refreshRecent()
    return opened
  }

  /** Empties Open Recent. */
  async function clearRecent(): Promise<void> {
    if (!hasEngineBridge()) return
    await engineBridge().clearRecent()
    recent.value = []
  }

  /** Clears the file message. */
  function dismissMessage(): void {
    message.value = null
  }

  return {
    fileName,
    annotations,
    message,
    recovery,
    recent,
    dirty,
    title,
    currentNotes,
    state,
    serialize,
    markSaved,
    newDocument,
    openText,
    addAnnotation,
    removeAnnotation,
    autosaveTick,
    checkRecovery,
    restore,
    discardRecovery,
    refreshRecent,
    rememberRecent,
    openRecent,
    clearRecent,
    dismissMessage,
  }
})
