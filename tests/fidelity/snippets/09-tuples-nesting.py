import sys
lst = [1, 2]
pair = (lst, 'label')
triple = (pair, pair, lst)
print(sys.getrefcount(lst))
lst.append(3)
print(pair)
single = (lst,)
empty = ()
again = tuple(lst)
built = tuple([lst, lst])
print(sys.getrefcount(pair))
triple = None
print(sys.getrefcount(pair))
