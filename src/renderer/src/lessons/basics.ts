import { defineLesson } from './lesson'

/** The reference counting walk-through: aliases raise the count, rebinding lowers it. */
export const basicsLesson = defineLesson(
  'basics',
  'Reference counting basics',
  'Every name bound to an object adds one to its count; when the count reaches 0 it is freed.',
  [
    ['import sys', 'sys is a module object; the name sys is one reference to it.'],
    '',
    ['var1 = [10, 20]', 'A new list exists, referenced only by var1: its count is 1.'],
    [
      'print(sys.getrefcount(var1))',
      'At module level getrefcount prints 2: its own argument is one more reference.',
    ],
    ['var2 = var1', 'var2 names the same list, not a copy: the count goes up to 2.'],
    ['var3 = var1', 'A third name for the same list: the count is 3.'],
    ['print(sys.getrefcount(var1))', 'Prints 4 — the true count 3 plus the argument.'],
    ['var3 = None', 'var3 now refers to None, so the list loses one reference: 2.'],
    ['var2 = None', 'Another reference dropped: the list is back to 1.'],
    ['var1 = None', 'The last reference is gone: the count hits 0 and CPython frees the list.'],
    '',
    '',
    [
      'def true_count(obj):',
      'Defining a function creates a function object bound to the name true_count.',
    ],
    [
      "    print('inside a function:', sys.getrefcount(obj))",
      'Python 3.14 passes obj as a borrowed reference here, so this prints the true count.',
    ],
    '',
    '',
    ['data = [30, 40]', 'A fresh list with one reference, data.'],
    [
      "print('module level:', sys.getrefcount(data))",
      'Module level: prints 2 although the diagram shows 1 — the argument counts too.',
    ],
    [
      'true_count(data)',
      'Inside the call the parameter obj is a second reference: the badge and the print agree on 2.',
    ],
    ['data = None', 'Back to zero references: the second list is freed as well.'],
  ],
)
