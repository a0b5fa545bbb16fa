/** Explanations and annotations shown beside a step in the player and the handout. */
import { LESSONS } from '../renderer/src/lessons/index.ts'
import type { Annotation } from '../shared/session.ts'

/** The built-in lesson notes (by 1-based line) when `source` is an unedited lesson. */
export function lessonNotesFor(source: string): Readonly<Record<number, string>> {
  const normalise = (text: string) => text.replace(/\r\n/g, '\n').replace(/\n*$/, '\n')
  const lesson = LESSONS.find((item) => normalise(item.code) === normalise(source))
  return lesson?.notes ?? {}
}

/** Notes for one step: the lesson's explanation of its line, then the user's annotations. */
export function notesForStep(
  index: number,
  line: number,
  lessonNotes: Readonly<Record<number, string>>,
  annotations: readonly Annotation[],
): string[] {
  const notes: string[] = []
  const explanation = lessonNotes[line]
  if (explanation) notes.push(explanation)
  for (const annotation of annotations) {
    if (annotation.step !== index) continue
    notes.push(annotation.objectId ? `${annotation.objectId}: ${annotation.text}` : annotation.text)
  }
  return notes
}
