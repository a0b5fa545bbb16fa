import sys
raw = b'hello'
buf = bytearray(raw)
buf[0] = 72
buf.extend(b' world')
view = memoryview(buf)
chunk = bytes(view[0:5])
print(raw, buf, chunk)
print(sys.getrefcount(buf))
view.release()
encoded = 'caf\u00e9'.encode('utf-8')
decoded = encoded.decode('utf-8')
single = raw[0]
one_byte = raw[1:2]
empty = b''
print(encoded, decoded, single, one_byte, empty, sys._is_immortal(empty))
view = None
buf = None
