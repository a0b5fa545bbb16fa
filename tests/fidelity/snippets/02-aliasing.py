import sys
a = [1, 2, 3]
b = a
c = b
print(a is c)
print(sys.getrefcount(a))
d = [a, a, a]
print(sys.getrefcount(a))
e = {'first': a, 'second': b}
print(sys.getrefcount(a))
d = None
print(sys.getrefcount(a))
e = None
b = None
c = None
print(sys.getrefcount(a))
