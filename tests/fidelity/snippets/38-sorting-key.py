class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
def by_age(person):
    return person.age
people = [Person('ann', 31), Person('bob', 25), Person('cid', 40)]
ordered = sorted(people, key=by_age)
print([p.name for p in ordered])
people.sort(key=lambda p: p.name, reverse=True)
print([p.name for p in people])
youngest = min(people, key=by_age)
words = ['pear', 'fig', 'apple']
words.sort(key=len)
print(youngest.name, words)
people = None
