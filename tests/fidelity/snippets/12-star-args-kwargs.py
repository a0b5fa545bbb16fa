import sys
def collect(*args, **kwargs):
    n = len(args)
    keys = list(kwargs)
    first = args[0] if args else None
    print(n, keys, sys.getrefcount(first))
    return args, kwargs
payload = [1, 2]
extra = {'x': payload}
got_args, got_kwargs = collect(payload, payload, key=payload, **extra)
print(got_args[0] is payload, got_kwargs['x'] is payload)
seq = [payload, 'b', 'c']
again = collect(*seq)
print(sys.getrefcount(payload))
got_args = None
got_kwargs = None
again = None
print(sys.getrefcount(payload))
