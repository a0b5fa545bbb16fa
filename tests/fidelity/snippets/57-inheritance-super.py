class Animal:
    def __init__(self, name):
        self.name = name
        self.sounds = []
    def speak(self):
        self.sounds.append('...')
        return self.sounds[-1]
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        base = super().speak()
        self.sounds.append('woof')
        return base + ' woof'
rex = Dog('rex', 'lab')
said = rex.speak()
generic = Animal('gen')
print(said, generic.speak(), rex.sounds, isinstance(rex, Animal))
method = rex.speak
rex = None
print(method())
method = None
