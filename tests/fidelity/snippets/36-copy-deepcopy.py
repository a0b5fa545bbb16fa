import copy
import sys
inner = [1, 2]
original = [inner, {'k': inner}]
shallow = copy.copy(original)
deep = copy.deepcopy(original)
print(shallow[0] is inner, deep[0] is inner)
print(deep[0] is deep[1]['k'])
print(sys.getrefcount(inner))
sliced = original[:]
as_list = list(original)
print(sys.getrefcount(inner))
original = None
shallow = None
sliced = None
as_list = None
print(sys.getrefcount(inner))
