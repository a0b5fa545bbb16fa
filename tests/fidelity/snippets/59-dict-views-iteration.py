stock = {'apple': [3], 'pear': [5], 'fig': [1]}
keys = stock.keys()
values = stock.values()
items = stock.items()
for name, qty in items:
    qty.append(0)
total = sum(v[0] for v in values)
stock['kiwi'] = [7]
print(list(keys), total, len(items))
snapshot = dict(stock)
popped = stock.popitem()
stock.setdefault('plum', [2])
inverted = {v[0]: k for k, v in snapshot.items()}
print(popped, inverted, sorted(stock))
keys = None
values = None
items = None
