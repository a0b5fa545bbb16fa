import sys
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return 'hi ' + other + ' from ' + self.name
g = Greeter('ann')
print(sys.getrefcount(g))
hello = g.greet
print(sys.getrefcount(g))
another = g.greet
print(hello is another, hello == another)
print(hello('bob'))
func = Greeter.greet
print(func(g, 'cid'))
appender = [].append
appender(1)
g = None
print(hello('dee'))
hello = None
another = None
