import sys
def show(obj):
    count = sys.getrefcount(obj)
    return count
def pass_through(a, b):
    first = a
    result = show(first)
    return result + show(b)
data = [4, 5, 6]
print(show(data))
print(pass_through(data, data))
total = pass_through(data, [7])
print(total)
