import sys
small = 5
same_small = 2 + 3
negative = -5
edge = 256
nothing = None
flag = True
other_flag = False
empty = ''
letter = 'a'
computed_letter = 'abc'[1]
empty_tuple = ()
ellipsis = ...
print(small is same_small, letter is computed_letter)
print(sys._is_immortal(small), sys._is_immortal(nothing), sys._is_immortal(empty))
print(sys._is_immortal(letter), sys._is_immortal(empty_tuple), sys._is_immortal(flag))
holder = [small, nothing, flag, empty, letter]
holder = None
