def countdown(n):
    items = []
    while n > 0:
        items.append(n)
        yield n
        n -= 1
    return items
gen = countdown(3)
first = next(gen)
second = next(gen)
rest = list(gen)
print(first, second, rest)
gen2 = countdown(2)
for value in gen2:
    print(value)
gen = None
gen2 = None
