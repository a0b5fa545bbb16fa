import { basicsLesson } from './basics'
import { closuresLesson } from './closures'
import { containersLesson } from './containers'
import { cyclesLesson } from './cycles'
import { delVsRebindingLesson } from './delVsRebinding'
import { functionsLesson } from './functions'
import { generatorsLesson } from './generators'
import { immortalsLesson } from './immortals'
import type { Lesson } from './lesson'

export type { Lesson } from './lesson'

/** Built-in lessons in menu order; the basics walk-through comes first. */
export const LESSONS: readonly Lesson[] = [
  basicsLesson,
  containersLesson,
  functionsLesson,
  delVsRebindingLesson,
  cyclesLesson,
  immortalsLesson,
  closuresLesson,
  generatorsLesson,
]

/** Finds a lesson by id. */
export function findLesson(id: string | null): Lesson | null {
  return LESSONS.find((lesson) => lesson.id === id) ?? null
}
