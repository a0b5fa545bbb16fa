import sys
totals = {}
words = ['x', 'y', 'x', 'z', 'x']
for w in words:
    if w in totals:
        totals[w] += 1
    else:
        totals[w] = 1
i = 0
acc = []
while i < 5:
    acc.append(i * i)
    i += 1
    if i == 4:
        break
else:
    acc.append(-1)
for n in range(3):
    if n == 1:
        continue
    acc.append(n)
print(totals, acc, sys.getrefcount(words))
