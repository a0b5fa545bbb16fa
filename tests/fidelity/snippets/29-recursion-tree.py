class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
def build(depth, value):
    node = Node(value)
    if depth > 0:
        node.children.append(build(depth - 1, value * 2))
        node.children.append(build(depth - 1, value * 2 + 1))
    return node
def total(node):
    result = node.value
    for child in node.children:
        result += total(child)
    return result
root = build(3, 1)
left = root.children[0]
print(total(root), total(left))
root = None
print(left.value, len(left.children))
left = None
