import sys
var1 = [10, 20]
print(sys.getrefcount(var1))
var2 = var1
var3 = var1
var3 = None
var2 = None
var1 = None
