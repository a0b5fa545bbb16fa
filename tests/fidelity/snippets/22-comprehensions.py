base = [3, 1, 2]
doubled = [n * 2 for n in base]
pairs = [(n, m) for n in base for m in base if n < m]
index = {n: [n] * n for n in base}
unique = {n % 2 for n in base}
shared = [base for _ in range(3)]
nested = [[n] for n in base]
print(doubled, pairs, index, unique, len(shared), nested)
shared = None
index = None
