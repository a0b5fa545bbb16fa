import sys
words = ['a', 'bb', 'ccc']
lengths = (len(w) for w in words)
print(sys.getrefcount(words))
first = next(lengths)
total = sum(lengths)
print(first, total)
squares = (n * n for n in range(5) if n % 2)
as_list = list(squares)
lazy = (w.upper() for w in words)
words = None
print(list(lazy), as_list)
lazy = None
