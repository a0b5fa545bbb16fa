import { defineLesson } from './lesson'

/** `del` removes a name; rebinding points a name elsewhere. Neither deletes objects directly. */
export const delVsRebindingLesson = defineLesson(
  'del-vs-rebinding',
  'del vs rebinding',
  '`del name` and `name = other` both drop one reference; the object goes only at zero.',
  [
    ['first = [1, 2, 3]', 'A list with one reference.'],
    ['second = first', 'Two names, one list: count 2.'],
    ['del first', 'del removes the name first, not the list: count 1, still alive.'],
    ['print(second)', 'The list is reachable through second.'],
    ['second = [4, 5]', 'Rebinding drops the last reference: the old list is freed.'],
    ['del second', 'del on the only name frees the new list too.'],
  ],
)
