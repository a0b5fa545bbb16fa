log = []
def guarded(value):
    resource = ['open', value]
    try:
        if value < 0:
            raise ValueError('negative')
        return value * 2
    finally:
        resource[0] = 'closed'
        log.append(resource)
print(guarded(3))
try:
    guarded(-1)
except ValueError as e:
    print('error', e)
def override():
    try:
        return 'try'
    finally:
        log.append('finally ran')
print(override(), len(log))
last = log[-2]
log = None
print(last)
