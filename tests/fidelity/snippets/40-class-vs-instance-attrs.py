import sys
class Config:
    defaults = ['shared']
    level = 1
    def __init__(self):
        self.own = ['mine']
c1 = Config()
c2 = Config()
print(c1.defaults is c2.defaults, c1.own is c2.own)
shared = Config.defaults
print(sys.getrefcount(shared))
c1.level = 5
c1.defaults = ['shadow']
print(c1.level, c2.level, Config.level)
c2.defaults.append('mutated')
print(Config.defaults, c1.defaults)
del c1.level
print(c1.level)
Config.level = 9
print(c2.level)
c1 = None
