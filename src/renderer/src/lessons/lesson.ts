/** A built-in snippet with a one-line explanation for its key lines. */
export interface Lesson {
  /** Stable identifier (used in menus and the saved session). */
  id: string
  /** Menu title. */
  title: string
  /** One sentence on what the lesson shows. */
  summary: string
  /** The Python source. */
  code: string
  /** Explanation of what a line does to the heap, keyed by 1-based line. */
  notes: Readonly<Record<number, string>>
}

/** One source line, optionally with the explanation shown when stepping over it. */
export type LessonLine = string | readonly [code: string, note: string]

/** Builds a lesson from annotated lines so line numbers can never drift from the notes. */
export function defineLesson(
  id: string,
  title: string,
  summary: string,
  lines: readonly LessonLine[],
): Lesson {
  const notes: Record<number, string> = {}
  const code = lines
    .map((line, position) => {
      if (typeof line === 'string') return line
      notes[position + 1] = line[1]
      return line[0]
    })
    .join('\n')
  return { id, title, summary, code: code + '\n', notes }
}
