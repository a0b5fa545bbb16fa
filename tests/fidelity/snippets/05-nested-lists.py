inner = [1, 2]
outer = [inner, inner, [inner]]
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = inner
row = grid[2]
copy_row = list(row)
outer.append(row)
inner.append(outer)
print(len(outer), len(inner))
inner.pop()
outer.clear()
grid = None
print(row, copy_row)
