import gc
import sys
def fail(payload):
    local_copy = payload
    raise RuntimeError('failed with ' + str(len(local_copy)))
data = [1, 2, 3]
kept = None
try:
    fail(data)
except RuntimeError as e:
    kept = e
print(sys.getrefcount(data) > 2)
tb = kept.__traceback__
print(tb.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
tb = None
kept = None
print(sys.getrefcount(data))
print(gc.collect())
