import contextlib
import io
@contextlib.contextmanager
def tagged(name):
    record = [name]
    yield record
    record.append('closed')
with tagged('first') as rec:
    rec.append('inside')
print(rec)
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print('captured')
text = buffer.getvalue()
print(repr(text))
with contextlib.suppress(IndexError):
    empty = []
    empty[3]
stack = contextlib.ExitStack()
with stack:
    one = stack.enter_context(tagged('a'))
    two = stack.enter_context(tagged('b'))
print(one, two)
