import functools
import gc
import io
log = io.StringIO()
gc.callbacks.append(functools.partial(print, file=log))
print(gc.get_stats()[0]['collections'])
for i in range(1500):
    a = []
    a.append(a)
print(gc.get_stats()[0]['collections'])
print(log.getvalue().count('stop'))
a = None
gc.callbacks.clear()
print(gc.collect())
