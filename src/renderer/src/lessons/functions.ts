import { defineLesson } from './lesson'

/** Calling a function binds its parameters to the caller's objects. */
export const functionsLesson = defineLesson(
  'functions',
  'Functions and arguments',
  'Parameters are new names for the caller’s objects: passing an argument never copies it.',
  [
    ['def add_item(items, value):', 'def creates a function object named add_item.'],
    [
      '    items.append(value)',
      'In the new frame, items refers to the caller’s list: its count includes both names.',
    ],
    ['    return items', 'The return value is one more reference while it is handed back.'],
    '',
    '',
    ["shopping = ['tea']", 'A list with one reference.'],
    [
      "result = add_item(shopping, 'milk')",
      'Step into (F11) to watch the parameters reference the same objects.',
    ],
    ['print(result is shopping)', 'The frame is gone; shopping and result name one list (2).'],
    ['result = None', 'Dropping the alias brings the count back to 1.'],
  ],
)
