class Countdown:
    def __init__(self, start):
        self.current = start
        self.emitted = []
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = [self.current]
        self.emitted.append(value)
        self.current -= 1
        return value
cd = Countdown(3)
it = iter(cd)
first = next(it)
for item in it:
    last = item
print(first, last, cd.emitted)
plain = iter([1, 2, 3])
one = next(plain)
rest = list(plain)
print(one, rest)
cd = None
it = None
