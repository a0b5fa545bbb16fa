class Key:
    def __init__(self, label):
        self.label = label
    def __hash__(self):
        return hash(self.label)
    def __eq__(self, other):
        return isinstance(other, Key) and other.label == self.label
k1 = Key('one')
k2 = Key('two')
registry = {k1: [1], k2: [2]}
point = (3, 4)
registry[point] = 'tuple key'
big = 10 ** 30
registry[big] = 'big int key'
found = registry[Key('one')]
print(found, registry[point])
del registry[k1]
k1 = None
print(len(registry))
registry = None
