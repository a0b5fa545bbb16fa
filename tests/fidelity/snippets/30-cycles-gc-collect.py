import gc
class Box:
    pass
a = Box()
b = Box()
a.other = b
b.other = a
cycle_list = []
cycle_list.append(cycle_list)
d = {}
d['self'] = d
print(gc.collect())
a = None
b = None
cycle_list = None
d = None
found = gc.collect()
print(found)
print(gc.collect())
