item = (1, 2)
bag = {item, (3, 4), 5}
same = bag
bag.add(item)
bag.add((5, 6))
frozen = frozenset(bag)
nested = {frozen, frozenset()}
print(len(bag), len(frozen), len(nested))
union = bag | {7}
inter = bag & frozen
bag.discard(item)
print(item in bag, item in frozen)
bag = None
same = None
print(sorted(union, key=str), len(inter))
