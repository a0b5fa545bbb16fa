a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c)
s1 = 'spam'
s2 = 'sp' + 'am'
s3 = ''.join(['sp', 'am'])
print(s1 == s3, s1 is s2, s1 is s3)
n1 = 100
n2 = 50 * 2
print(n1 is n2)
big1 = int('123456789')
big2 = int('123456789')
print(big1 == big2, big1 is big2)
nothing = None
print(nothing is None, nothing == None)
t1 = (1, 2)
t2 = tuple([1, 2])
print(t1 == t2, t1 is t2)
