def append_to(item, target=[]):
    target.append(item)
    return target
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
first = append_to(1)
second = append_to(2)
print(first is second, first)
defaults = append_to.__defaults__
shared = defaults[0]
third = safe_append(1)
fourth = safe_append(2)
print(third is fourth, third, fourth)
first = None
second = None
print(shared)
