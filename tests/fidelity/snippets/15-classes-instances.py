import sys
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []
    def moved(self, dx):
        return Point(self.x + dx, self.y)
    def tag(self, label):
        self.tags.append(label)
        return self
p = Point(1, 2)
q = p.moved(10)
r = q
tags = p.tags
p.tag('origin').tag('first')
print(p.x, q.x, tags)
print(sys.getrefcount(p), sys.getrefcount(q))
q.partner = p
p.partner = None
r = None
q = None
print(sys.getrefcount(p))
