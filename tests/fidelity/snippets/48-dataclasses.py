import dataclasses
import sys
@dataclasses.dataclass
class Item:
    name: str
    tags: list = dataclasses.field(default_factory=list)
    count: int = 0
@dataclasses.dataclass(frozen=True)
class Frozen:
    key: tuple
shared_tags = ['x']
one = Item('one', shared_tags)
two = Item('two', shared_tags, 3)
three = Item('three')
print(one == two, one.tags is two.tags, sys.getrefcount(shared_tags))
fixed = Frozen((1, 2))
lookup = {fixed: one}
copied = dataclasses.replace(two, count=4)
as_dict = dataclasses.asdict(one)
print(copied, as_dict, lookup[Frozen((1, 2))].name)
one = None
two = None
copied = None
print(sys.getrefcount(shared_tags))
