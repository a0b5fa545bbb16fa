counter = 0
registry = []
def bump():
    global counter
    counter += 1
    return counter
def register(item):
    global registry
    registry.append(item)
    if len(registry) > 2:
        registry = registry[-2:]
def reset():
    global counter, registry
    counter = 0
    registry = []
bump()
bump()
for name in ['a', 'b', 'c']:
    register([name])
print(counter, registry)
reset()
print(counter, registry)
