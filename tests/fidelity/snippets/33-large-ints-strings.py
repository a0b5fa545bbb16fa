import sys
big = 10 ** 20
big_alias = big
print(sys._is_immortal(big), sys.getrefcount(big))
n = 257
m = 256 + 1
print(n == m, sys._is_immortal(n))
computed = int('1000')
computed2 = int('1000')
print(computed == computed2, computed is computed2)
name = 'hello'
joined = ''.join(['hel', 'lo'])
print(name == joined, name is joined)
interned = sys.intern(joined)
print(interned is name)
parts = 'a-b-c'.split('-')
first = parts[0]
upper = name.upper()
print(sys._is_immortal(first), sys.getrefcount(upper))
big = None
big_alias = None
