import sys
class Token:
    def __init__(self, text):
        self.text = text
tokens = [Token(w) for w in ['a', 'b', 'c']]
by_text = {t.text: t for t in tokens}
favorite = tokens[1]
print(sys.getrefcount(favorite))
queue = list(tokens)
queue.reverse()
del tokens[1]
print(sys.getrefcount(favorite))
by_text.clear()
queue = None
print(sys.getrefcount(favorite))
tokens = None
