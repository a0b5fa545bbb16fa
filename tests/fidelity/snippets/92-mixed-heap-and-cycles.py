import gc
class Node:
    def __init__(self, v):
        self.v = v
        self.other = None
print(gc.get_stats()[0]['collections'])
for i in range(1500):
    a = []
    a.append(a)
print(gc.get_stats()[0]['collections'])
def f(x, y=[]):
    y.append(x)
    z = (x, y)
    return z
r = f([1, 2])
n = Node(r)
m = n
gen = (i * i for i in range(3))
first = next(gen)
def outer():
    cnt = [0]
    def inner():
        cnt[0] += 1
        return cnt
    return inner
h = outer()
h()
d = {'k': n, (1, 2): m, 'x' * 30: [n]}
s = {1, 2, 'a'}
print(gc.collect())
