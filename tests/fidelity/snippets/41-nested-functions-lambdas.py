def make_multiplier(factor):
    scale = [factor]
    return lambda x: x * scale[0]
def compose(f, g):
    def both(x):
        return f(g(x))
    return both
double = make_multiplier(2)
triple = make_multiplier(3)
six_times = compose(double, triple)
print(double(5), triple(5), six_times(5))
adders = [lambda x, n=n: x + n for n in range(3)]
print([add(10) for add in adders])
double = None
print(six_times(1))
six_times = None
