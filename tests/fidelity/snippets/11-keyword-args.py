def build(name, items, sep=', ', upper=False):
    text = sep.join(items)
    if upper:
        text = text.upper()
    return name + ': ' + text
words = ['alpha', 'beta']
label = 'list'
out1 = build(label, words)
out2 = build(items=words, name=label, upper=True)
opts = {'sep': '/', 'upper': False}
out3 = build(label, words, **opts)
print(out1)
print(out2)
print(out3)
