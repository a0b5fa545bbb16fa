import sys
scores = {'ann': [90, 85], 'bob': [70]}
ann = scores['ann']
print(sys.getrefcount(ann))
scores['cid'] = ann
scores['bob'].append(75)
bob = scores.pop('bob')
name = 'dyn' + str(len(scores))
scores[name] = bob
merged = {**scores, 'extra': [1]}
print(sorted(merged))
view = scores.values()
values = list(view)
scores.clear()
print(values, sys.getrefcount(ann))
