import sys
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self, a):
        self.a = a
class Plain:
    def __init__(self, a):
        self.a = a
value = [1, 2]
s = Slotted(value)
p = Plain(value)
s.b = s
print(sys.getrefcount(value))
print(hasattr(s, '__dict__'), hasattr(p, '__dict__'))
s.a = None
print(sys.getrefcount(value))
del s.b
s = None
p = None
print(sys.getrefcount(value))
