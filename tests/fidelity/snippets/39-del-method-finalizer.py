class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('deleting', self.name)
a = Noisy('a')
b = a
a = None
print('a rebound')
b = None
print('b rebound')
group = [Noisy('g1'), Noisy('g2')]
group.pop()
print('popped')
group = None
def scoped():
    local = Noisy('local')
    return 1
scoped()
print('after scoped')
