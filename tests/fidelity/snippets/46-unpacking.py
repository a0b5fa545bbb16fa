pair = ([1], [2])
left, right = pair
a, (b, c) = 1, ([3], [4])
first, *middle, last = [10, [20], [30], 40]
head, *rest = 'abc'
*init, end = range(4)
merged = [*middle, *pair]
combined = {**{'x': left}, 'y': right}
x, y = y_val, x_val = 'p', 'q'
left, right = right, left
print(left, right, first, middle, last, head, rest, init, end)
print(merged, combined, x, y, a, b, c)
pair = None
