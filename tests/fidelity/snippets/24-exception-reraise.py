class AppError(Exception):
    pass
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise AppError('bad: ' + text) from e
def check(text):
    try:
        return parse(text)
    except AppError:
        print('logging and re-raising')
        raise
ok = check('42')
caught = None
try:
    check('nope')
except AppError as outer:
    caught = outer
cause = caught.__cause__
print(ok, caught, type(cause).__name__)
caught = None
cause = None
