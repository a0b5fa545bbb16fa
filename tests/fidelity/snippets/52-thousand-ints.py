import sys
numbers = list(range(1000))
big_numbers = [n * 1000 for n in range(1000)]
alias = big_numbers
sample = big_numbers[500]
print(len(numbers), sum(big_numbers), sys.getrefcount(sample))
subset = big_numbers[:10]
print(sys.getrefcount(sample), sys.getrefcount(subset[5]))
big_numbers = None
alias = None
print(sys.getrefcount(sample))
numbers = None
