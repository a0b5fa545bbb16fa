def make_list(n):
    result = list(range(n))
    return result
def make_pair():
    left = [1]
    right = [2]
    return left, right
def identity(x):
    return x
def nothing():
    pass
nums = make_list(5)
pair = make_pair()
left, right = make_pair()
same = identity(nums)
none_value = nothing()
chained = identity(identity(make_list(2)))
print(nums, pair, left, right, same is nums, none_value, chained)
