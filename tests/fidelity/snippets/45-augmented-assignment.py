import sys
nums = [1, 2]
alias = nums
nums += [3]
print(nums is alias, alias)
nums = nums + [4]
print(nums is alias, alias)
count = 250
count += 10
count += 1000
total = count
total -= 1
text = 'ab'
text += 'cd'
text *= 2
t = (1,)
t_alias = t
t += (2,)
print(t is t_alias, count, total, text)
matrix = [[0]]
matrix[0] += [1]
print(matrix, sys.getrefcount(alias))
