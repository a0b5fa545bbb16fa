import ctypes
def refcnt(obj):
    return ctypes.c_ssize_t.from_address(id(obj)).value
target = [1, 2, 3]
print(ctypes.c_ssize_t.from_address(id(target)).value)
alias = target
print(ctypes.c_ssize_t.from_address(id(target)).value)
print(refcnt(target))
holder = {'t': target}
print(refcnt(target))
address = id(target)
holder = None
alias = None
print(ctypes.c_ssize_t.from_address(address).value)
