import sys
items = []
for i in range(20):
    items.append([i])
print(len(items), sys.getsizeof(items) > 56)
head = items[:3]
tail = items[-3:]
step = items[::5]
middle = items[5]
print(sys.getrefcount(middle))
items[2:18] = []
print(len(items), sys.getrefcount(middle))
items.extend(head)
items.insert(0, tail[0])
removed = items.pop()
items *= 2
print(len(items))
items = None
print(sys.getrefcount(middle))
