def make_counter():
    count = 0
    history = []
    def increment(step=1):
        nonlocal count
        count += step
        history.append(count)
        return count
    return increment
counter = make_counter()
counter()
counter(5)
value = counter()
other = make_counter()
other()
cells = counter.__closure__
print(value, len(cells))
counter = None
print(other())
