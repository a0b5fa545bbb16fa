import { defineLesson } from './lesson'

/** A closure keeps its free variables alive in cell objects. */
export const closuresLesson = defineLesson(
  'closures',
  'Closures',
  'An inner function references the outer variables through cells that outlive the call.',
  [
    ['def make_counter():', 'make_counter returns a new function each time it is called.'],
    ['    count = 0', 'count will live in a cell because increment uses it.'],
    ['    def increment():', 'The inner function object holds a reference to the cell.'],
    '        nonlocal count',
    ['        count += 1', 'Each call rebinds the cell’s contents to a new int.'],
    '        return count',
    ['    return increment', 'The frame ends, but the cell survives inside the closure.'],
    '',
    '',
    ['counter = make_counter()', 'counter is the closure; its cell keeps count alive.'],
    ['counter()', 'Calling it updates the same cell.'],
    ['counter()', 'And again: state persists between calls.'],
    ['print(counter.__closure__[0].cell_contents)', 'Prints 2, read straight from the cell.'],
  ],
)
