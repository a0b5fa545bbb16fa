x = [1]
y = x
x = [2]
print(x, y)
y = x
z = {'k': x}
x = 'text'
y = 3.5
z['k'] = None
x = (1, 2)
y = x
x = x + (3,)
print(x, y)
y = None
