def ratio(a, b):
    scale = [a, b]
    return a / b
values = [10, 5, 0]
first = ratio(values[0], values[1])
print(first)
second = ratio(values[1], values[2])
print('never printed')
