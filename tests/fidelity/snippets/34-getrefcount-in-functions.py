import sys
def inspect(obj):
    print('inside', sys.getrefcount(obj))
    local_alias = obj
    print('with alias', sys.getrefcount(obj))
    return local_alias
def outer(obj):
    keep = [obj]
    print('outer', sys.getrefcount(obj))
    inspect(obj)
    return keep
item = {'k': 'v'}
print('module', sys.getrefcount(item))
back = inspect(item)
print('after', sys.getrefcount(item))
box = outer(item)
print('boxed', sys.getrefcount(item))
back = None
box = None
print('final', sys.getrefcount(item))
