import gc
import sys
import weakref
class Target:
    pass
obj = Target()
ref = weakref.ref(obj)
print(ref() is obj, sys.getrefcount(obj))
strong = ref()
print(sys.getrefcount(obj))
strong = None
cache = weakref.WeakValueDictionary()
cache['t'] = obj
print(len(cache))
proxy = weakref.proxy(obj)
obj.name = 'named'
print(proxy.name)
obj = None
print(ref(), len(cache))
a = Target()
a.me = a
watch = weakref.ref(a)
a = None
print(watch() is None)
print(gc.collect())
print(watch() is None)
