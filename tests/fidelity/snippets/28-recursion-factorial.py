import sys
def factorial(n):
    if n <= 1:
        return 1
    sub = factorial(n - 1)
    return n * sub
def depth_count(values):
    if not values:
        return sys.getrefcount(values)
    return depth_count(values[1:])
result = factorial(6)
big = factorial(25)
print(result, big)
print(depth_count([1, 2, 3]))
