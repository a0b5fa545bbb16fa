import functools
import operator
def power(base, exponent, extra=None):
    return base ** exponent
square = functools.partial(power, exponent=2)
cube = functools.partial(power, exponent=3, extra=[1])
print(square(4), cube(2))
getter = operator.itemgetter(1)
records = [('b', 2), ('a', 1), ('c', 3)]
records.sort(key=getter)
total = functools.reduce(operator.add, [1, 2, 3, 4])
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(records, total, fib(15))
square = None
