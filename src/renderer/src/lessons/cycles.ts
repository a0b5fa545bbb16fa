import { defineLesson } from './lesson'

/** Reference cycles keep counts above zero; the cyclic garbage collector reclaims them. */
export const cyclesLesson = defineLesson(
  'cycles',
  'Cycles and the garbage collector',
  'Objects that reference each other never reach zero on their own; gc.collect() finds them.',
  [
    ['import gc', 'The gc module controls the cyclic garbage collector.'],
    '',
    '',
    ['class Node:', 'A class whose instances can point at each other.'],
    '    def __init__(self, name):',
    '        self.name = name',
    '        self.partner = None',
    '',
    '',
    ["a = Node('a')", 'One instance, referenced by a.'],
    ["b = Node('b')", 'A second instance, referenced by b.'],
    ['a.partner = b', 'The attribute a.partner is a reference: b’s count is 2.'],
    ['b.partner = a', 'Now a cycle: each instance is referenced by a name and the other.'],
    [
      'del a, b',
      'The names are gone but each count is still 1: the cycle keeps both alive, unreachable.',
    ],
    ['found = gc.collect()', 'The collector detects the unreachable cycle and frees it.'],
    ["print('unreachable objects found:', found)", 'gc.collect() returns how many it found.'],
  ],
)
