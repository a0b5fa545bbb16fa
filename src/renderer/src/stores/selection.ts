import { defineStore } from 'pinia'
import { ref } from 'vue'

/** A name in a frame, identified by frame depth and variable name. */
export interface NameRef {
  depth: number
  name: string
}

/** What the user is looking at: the selected object, a highlighted name, the editor cursor. */
export const useSelectionStore = defineStore('selection', () => {
  const objectId = ref<string | null>(null)
  const highlightedName = ref<NameRef | null>(null)
  const cursorLine = ref(1)

  /** Selects an object (null clears the selection). */
  function selectObject(id: string | null): void {
    objectId.value = id
    highlightedName.value = null
  }

  /** Highlights a frame name (from the details pane). */
  function highlightName(name: NameRef | null): void {
    highlightedName.value = name
  }

  /** Records the editor's cursor line (for Run to cursor). */
  function setCursorLine(line: number): void {
    cursorLine.value = line
  }

  return { objectId, highlightedName, cursorLine, selectObject, highlightName, setCursorLine }
})
