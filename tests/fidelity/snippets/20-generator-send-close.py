def accumulator():
    total = 0
    seen = []
    try:
        while True:
            value = yield total
            seen.append(value)
            total += value
    finally:
        print('closing with', seen)
acc = accumulator()
start = next(acc)
payload = 10
after = acc.send(payload)
after = acc.send(5)
big = acc.send(10 ** 12)
acc.close()
print(start, after, big)
acc2 = accumulator()
next(acc2)
acc2.send(1)
acc2 = None
print('done')
