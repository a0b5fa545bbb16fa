import { defineLesson } from './lesson'

/** Containers hold references to their items, exactly like names do. */
export const containersLesson = defineLesson(
  'containers',
  'Containers hold references',
  'A list slot, tuple item or dict value is a reference, counted like a name.',
  [
    ["inner = ['spam']", 'One list, one reference (inner).'],
    ['outer = [inner, inner]', 'Both slots of outer point at inner: its count is now 3.'],
    ["pair = (inner, 'eggs')", 'A tuple item is one more reference: 4.'],
    ["table = {'key': inner}", 'A dict value counts too: 5.'],
    ['outer.clear()', 'Emptying outer drops two references at once: 3.'],
    ['del pair', 'The tuple is freed, and with it its reference to inner: 2.'],
    ['table = None', 'Freeing the dict releases its value: inner is back to 1.'],
    ['print(inner)', 'Only the name inner is left.'],
  ],
)
