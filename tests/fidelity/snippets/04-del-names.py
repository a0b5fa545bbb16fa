import sys
first = ['payload']
second = first
print(sys.getrefcount(first))
del first
print(sys.getrefcount(second))
holder = [second, second]
del second
del holder[0]
only = holder[0]
del holder
print(sys.getrefcount(only))
table = {'a': [1], 'b': [2]}
kept = table['b']
del table['a']
del table['b']
print(table, kept)
del only
del kept
