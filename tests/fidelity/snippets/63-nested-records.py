import sys
users = []
for uid in range(3):
    user = {'id': uid, 'roles': ['reader'], 'profile': {'tags': []}}
    users.append(user)
admin = users[0]
admin['roles'].append('admin')
shared_roles = admin['roles']
users[1]['roles'] = shared_roles
index = {u['id']: u for u in users}
print(sys.getrefcount(shared_roles), len(index))
users.pop(0)
print(sys.getrefcount(admin))
index = None
users = None
print(sys.getrefcount(admin), sys.getrefcount(shared_roles))
user = None
