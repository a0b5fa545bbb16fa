names = ['ann', 'bob', 'cid']
ages = [31, 25, 40]
for i, name in enumerate(names):
    print(i, name)
pairs = list(zip(names, ages))
for name, age in zip(names, ages):
    older = age + 1
table = dict(zip(names, ages))
indexed = list(enumerate(ages, start=1))
lazy = zip(names, ages)
first = next(lazy)
numbers, letters = zip(*[(1, 'a'), (2, 'b')])
print(pairs, table, indexed, first, numbers, letters)
lazy = None
