import functools
import gc
import io
class Pair:
    pass
log = io.StringIO()
gc.callbacks.append(functools.partial(print, file=log))
print(gc.get_stats()[0]['collections'])
for i in range(3000):
    x = Pair()
    x.other = Pair()
    x.other.other = x
print(gc.get_stats()[0]['collections'])
print(log.getvalue().count('stop'))
x = None
gc.callbacks.clear()
print(gc.collect())
