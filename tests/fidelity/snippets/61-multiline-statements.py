config = {
    'name': 'demo',
    'items': [1, 2, 3],
    'nested': {'deep': [4, 5]},
}
total = (
    len(config['items'])
    + len(config['nested']['deep'])
)
def combine(first,
            second,
            third=None):
    return [first, second, third]
result = combine(
    config['items'],
    config['nested'],
)
print(total, result[0] is config['items'])
config = None
print(result)
