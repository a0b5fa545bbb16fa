import { onBeforeUnmount, onMounted, watch, watchEffect } from 'vue'
import type { Ref } from 'vue'
import { SESSION_EXTENSION } from '../../../shared/session'
import { downloadText } from '../logic/download'
import { hostErrorMessage } from '../logic/hostError'
import { sessionFileName, useDocumentStore } from '../stores/document'
import { engineBridge, hasEngineBridge } from '../stores/enginePort'

/** A File menu command. */
export type FileCommand = 'new' | 'open' | 'save' | 'saveAs' | 'export'

/** How often unsaved changes go to the host's autosave. */
export const AUTOSAVE_EVERY_MS = 2000

/** The file commands and the pieces they need from the page. */
export interface FileCommands {
  /** Runs one File menu command. */
  run(command: FileCommand): void
  /** Opens a picked session file (from the hidden file input). */
  openFile(file: File): Promise<void>
  /** File → Open Recent: opens one entry (asking first when there are unsaved changes). */
  openRecent(id: string): void
}

/** True under Electron, whose preload offers native file dialogs. */
export function hasNativeFiles(): boolean {
  return typeof window !== 'undefined' && window.refscope !== undefined
}

/**
 * File → New/Open/Open Recent/Save/Save As/Export: native dialogs under Electron, a file input
 * and downloads in the browser host, plus
 * the window title, autosave every few seconds, the crash-recovery offer at launch and the
 * unsaved-changes prompt when the page is closed.
 */
export function useFileCommands(
  fileInput: Ref<HTMLInputElement | null>,
  openExport: () => void,
): FileCommands {
  const doc = useDocumentStore()

  async function save(askName: boolean): Promise<void> {
    if (hasNativeFiles()) {
      const text = await doc.serialize()
      const saved = await engineBridge()
        .saveSessionFile({
          text,
          saveAs: askName || doc.fileName === null,
          suggestedName: doc.fileName ?? sessionFileName('untitled'),
        })
        .catch((error: unknown) => {
          doc.message = { kind: 'error', text: `Could not save: ${hostErrorMessage(error)}` }
          return null
        })
      if (saved) doc.markSaved(saved.name)
      return
    }
    let name = doc.fileName ?? sessionFileName('untitled')
    if (askName) {
      const chosen = window.prompt('Save session as', name)
      if (chosen === null) return
      name = sessionFileName(chosen)
    }
    downloadText(name, await doc.serialize(), 'application/json')
    doc.markSaved(name)
    void doc.rememberRecent(name)
  }

  function confirmDiscard(): boolean {
    return !doc.dirty || window.confirm('Discard unsaved changes?')
  }

  function run(command: FileCommand): void {
    switch (command) {
      case 'new':
        if (confirmDiscard()) doc.newDocument()
        return
      case 'open':
        if (!confirmDiscard()) return
        if (hasNativeFiles()) {
          void engineBridge()
            .openSessionFile()
            .then((file) => file?.text !== undefined && doc.openText(file.text, file.name))
          return
        }
        if (fileInput.value) {
          fileInput.value.value = ''
          fileInput.value.accept = `${SESSION_EXTENSION},application/json`
          fileInput.value.click()
        }
        return
      case 'save':
        void save(false)
        return
      case 'saveAs':
        void save(true)
        return
      case 'export':
        openExport()
    }
  }

  async function openFile(file: File): Promise<void> {
    if (await doc.openText(await file.text(), file.name)) void doc.rememberRecent(file.name)
  }

  function openRecent(id: string): void {
    if (confirmDiscard()) void doc.openRecent(id)
  }

  // Under Electron the menu's accelerators do this; browsers keep Ctrl+N for a new window.
  function onKeyDown(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return
    const key = event.key.toLowerCase()
    const command: FileCommand | null =
      key === 's'
        ? event.shiftKey
          ? 'saveAs'
          : 'save'
        : key === 'o'
          ? 'open'
          : key === 'e'
            ? 'export'
            : null
    if (!command || (event.shiftKey && key !== 's')) return
    event.preventDefault()
    run(command)
  }

  function onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!doc.dirty) return
    event.preventDefault()
    // Older engines need returnValue set to show the prompt.
    event.returnValue = ''
  }

  let timer: ReturnType<typeof setInterval> | null = null
  watchEffect(() => {
    document.title = doc.title
  })
  // The host asks Save / Don't save / Cancel when a window with unsaved changes closes.
  watch(
    () => [doc.dirty, doc.fileName] as const,
    ([dirty, fileName]) => {
      if (hasEngineBridge())
        void engineBridge()
          .reportState({ dirty, fileName })
          .catch(() => {})
    },
    { immediate: true },
  )
  onMounted(() => {
    window.addEventListener('beforeunload', onBeforeUnload)
    if (!hasNativeFiles()) window.addEventListener('keydown', onKeyDown)
    void doc.checkRecovery()
    timer = setInterval(() => void doc.autosaveTick().catch(() => undefined), AUTOSAVE_EVERY_MS)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', onBeforeUnload)
    window.removeEventListener('keydown', onKeyDown)
    if (timer) clearInterval(timer)
  })

  return { run, openFile, openRecent }
}
