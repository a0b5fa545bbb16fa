import sys
class Resource:
    def __init__(self, name):
        self.name = name
        self.log = []
    def __enter__(self):
        self.log.append('enter')
        return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append('exit ' + str(exc_type is not None))
        return exc_type is KeyError
res = Resource('db')
with res as handle:
    print(sys.getrefcount(res))
    handle.log.append('body')
print(res.log)
with Resource('other') as r2:
    r2.log.append('body')
    raise KeyError('swallowed')
print(r2.log)
handle = None
r2 = None
