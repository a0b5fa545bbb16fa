import { defineLesson } from './lesson'

/** Since 3.12 some objects are immortal: their count is pinned and never changes. */
export const immortalsLesson = defineLesson(
  'immortals',
  'Immortal objects',
  'None, True, small ints and many strings are immortal: CPython never counts or frees them.',
  [
    ['import sys', 'sys._is_immortal tells whether an object is immortal.'],
    '',
    ['nothing = None', 'None is immortal: shown with ∞ instead of a count.'],
    ['small = 7', 'Small ints (-5 to 256) are preallocated and immortal.'],
    ['big = 10 ** 20', 'A big int is an ordinary object with a real count.'],
    ['alias = big', 'Aliasing the big int raises its count to 2.'],
    ['print(sys._is_immortal(small), sys._is_immortal(big))', 'Prints True False.'],
    [
      'print(sys.getrefcount(None))',
      'An immortal’s count is a huge sentinel value, not a real tally.',
    ],
    ['alias = big = None', 'The big int is freed; None is untouched, as always.'],
  ],
)
