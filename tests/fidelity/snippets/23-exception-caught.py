import sys
def risky(data, key):
    return data[key]
table = {'a': [1]}
result = None
try:
    result = risky(table, 'missing')
except KeyError as e:
    message = str(e)
    print('caught', message, sys.getrefcount(e))
print(result)
try:
    number = int('x')
except ValueError:
    number = -1
print(number)
saved = None
try:
    1 / 0
except ZeroDivisionError as err:
    saved = err
print(type(saved).__name__, saved.args)
saved = None
