def find(items, target):
    index = 0
    while index < len(items):
        current = items[index]
        if current == target:
            return index, current
        index += 1
    return None
def first_even(items):
    for item in items:
        if item % 2 == 0:
            return item
    return -1
data = [[1], [2], [3], [2]]
where = find(data, [2])
missing = find(data, [9])
print(where, missing)
n = 10
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps, first_even([3, 5, 8, 9]), first_even([1]))
