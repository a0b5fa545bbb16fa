import { defineLesson } from './lesson'

/** A generator object keeps its suspended frame, and the frame's locals, alive. */
export const generatorsLesson = defineLesson(
  'generators',
  'Generators',
  'A suspended generator holds its frame and every object its locals reference.',
  [
    ['def countdown(n):', 'A function containing yield returns a generator when called.'],
    ['    while n > 0:', 'The loop resumes here each time next() is called.'],
    ['        yield n', 'yield suspends the frame; its locals stay referenced.'],
    ['        n -= 1', 'Resuming continues right after the yield.'],
    '',
    '',
    ['gen = countdown(3)', 'Nothing runs yet: gen is a generator object with a fresh frame.'],
    ['first = next(gen)', 'Step into to watch the generator frame run until the first yield.'],
    ['rest = list(gen)', 'list() drains the generator, resuming it until it returns.'],
    ['print(first, rest)', 'Prints 3 [2, 1]; the exhausted generator no longer has a frame.'],
    ['gen = None', 'The generator object is freed.'],
  ],
)
