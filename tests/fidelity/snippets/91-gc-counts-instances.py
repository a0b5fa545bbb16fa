import gc
class P:
    def __init__(self, v):
        self.v = v
print(gc.get_count())
for i in range(5):
    p = P(i)
print(gc.get_count())
class Q:
    __slots__ = ('a',)
q = Q()
q.a = P(1)
class L(list):
    pass
l = L()
l2 = L([1])
l2.tag = 'x'
print(gc.get_count())
del p, q, l
print(gc.get_count())
