import sys
parts = []
for i in range(5):
    parts.append(str(i))
joined = ','.join(parts)
text = ''
for p in parts:
    text += p
formatted = f'{joined}|{text}|{len(parts):03d}'
percent = '%s-%d' % ('x', 7)
repeated = '-' * 10
upper = joined.upper()
print(joined, text, formatted, percent, repeated, upper)
print(sys.getrefcount(joined), sys._is_immortal(parts[0]))
parts = None
