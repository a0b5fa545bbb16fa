import gc
print(gc.get_count())
def gen(n):
    acc = []
    for i in range(n):
        acc.append(i)
        yield acc
g = gen(3)
for item in g:
    print(len(item), gc.get_count())
class Box:
    size = 3
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
with Box() as b:
    inside = [b]
try:
    raise ValueError('boom')
except ValueError as err:
    caught = err
print(gc.get_count())
def rec(n):
    if n == 0:
        return [n]
    return rec(n - 1) + [n]
r = rec(5)
print(gc.get_count())
