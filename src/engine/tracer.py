"""Refscope's tracer: records CPython's own reference counts at every step of a snippet.

Loaded into the Pyodide interpreter by the engine worker (src/engine/worker.ts) into a
private namespace with its own copy of the builtins, so a snippet that patches builtins
cannot blind it.

Why sys.settrace and not sys.monitoring: in 3.14 settrace is built on monitoring and costs
about the same per event (measured), but it hands us the frame with every event and gives
exactly the call/line/return/exception events the trace format records, per frame.

Measuring without disturbing:
- Between steps the tracer holds no reference to any user object.
- At a step it walks the user's frames, turns everything into plain data (addresses,
  strings), lets every reference it took go (the walk runs in its own function), and only
  then reads ob_refcnt straight from memory.
- The collector's view is kept unchanged: automatic collection is paused while the tracer
  works and the young-generation allocation count is put back when it returns, so cyclic
  garbage is collected at the same moments as in the untraced program.
- Frees are facts: a JavaScript PyRefTracer callback (installed by the worker) marks the
  addresses of deallocated objects we watch; each step reads that list.
"""

import builtins as _builtins_module
import ctypes as _ctypes
import gc as _gc
import io as _io
import json as _json
import sys as _sys
import time as _time
import types as _types

FILENAME = "<snippet>"

_dumps = _json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
_is_immortal = _sys._is_immortal
_gc_enable = _gc.enable
_gc_disable = _gc.disable
_gc_isenabled = _gc.isenabled
_gc_collect = _gc.collect
_settrace = _sys.settrace
_gettrace = _sys.gettrace
_monotonic = _time.monotonic

_type_name = type.__dict__["__name__"].__get__
_type_mro = type.__dict__["__mro__"].__get__
_type_dict = type.__dict__["__dict__"].__get__
_type_module = type.__dict__["__module__"].__get__
_type_flags = type.__dict__["__flags__"].__get__
_set_traceback = BaseException.__dict__["__traceback__"].__set__
_type_dictoffset = type.__dict__["__dictoffset__"].__get__
_MANAGED_DICT = 1 << 4  # Py_TPFLAGS_MANAGED_DICT
_MANAGED_DICT_OFFSET = -3 * 4  # the managed dict pointer sits 3 words before the object (wasm32)
_GetSetDescriptor = _types.GetSetDescriptorType
_MemberDescriptor = _types.MemberDescriptorType
_FunctionType = _types.FunctionType
_CellType = _types.CellType
_MethodType = _types.MethodType
_BuiltinMethod = _types.BuiltinMethodType
_ModuleType = _types.ModuleType
_GeneratorType = _types.GeneratorType
_CoroutineType = _types.CoroutineType
_cell_contents = _CellType.__dict__["cell_contents"].__get__
_func_name = _FunctionType.__dict__["__name__"].__get__
_func_defaults = _FunctionType.__dict__["__defaults__"].__get__
_func_kwdefaults = _FunctionType.__dict__["__kwdefaults__"].__get__
_func_closure = _FunctionType.__dict__["__closure__"].__get__
_func_code = _FunctionType.__dict__["__code__"].__get__
_list_iter = list.__iter__
_tuple_iter = tuple.__iter__
_set_iter = set.__iter__
_frozenset_iter = frozenset.__iter__
_dict_items = dict.items
_dict_len = dict.__len__
_list_len = list.__len__

_SCALAR_TYPES = (int, float, complex, bool, type(None), str, bytes, range, type(...))
# Types are looked up by id: hashing or comparing a type would run its metaclass's code.
_SCALAR_IDS = frozenset(id(tp) for tp in _SCALAR_TYPES)
_EMPTY = ()
_NO_CHILDREN = ((), 0)
_islice = __import__("itertools").islice
_tuple_len = tuple.__len__
_set_len = set.__len__
_frozenset_len = frozenset.__len__
_method_func = _MethodType.__dict__["__func__"].__get__
_method_self = _MethodType.__dict__["__self__"].__get__
_builtin_self = _BuiltinMethod.__dict__["__self__"].__get__
_gen_frame = _GeneratorType.__dict__["gi_frame"].__get__
_gen_running = _GeneratorType.__dict__["gi_running"].__get__
_coro_frame = _CoroutineType.__dict__["cr_frame"].__get__
_coro_running = _CoroutineType.__dict__["cr_running"].__get__

# Exact types whose children we know how to read; subclasses are resolved by _container_kind.
_CONTAINER_KINDS = {
    id(tp): kind
    for tp, kind in {
    list: "seq",
    tuple: "seq",
    dict: "dict",
    set: "set",
    frozenset: "set",
    _CellType: "cell",
    _FunctionType: "function",
    _MethodType: "method",
    _BuiltinMethod: "builtin_method",
    _GeneratorType: "generator",
    _CoroutineType: "generator",
    type: "class",
    }.items()
}
_LEAF_IDS = frozenset(id(tp) for tp in (_ModuleType, _types.CodeType, _types.FrameType, _types.TracebackType))
# Names of builtin types are static (immortal) strings; user type names are copied (see _own).
_BUILTIN_NAMES = {
    id(tp): tp.__name__
    for tp in (int, float, complex, bool, type(None), str, bytes, bytearray, range, list, tuple,
               dict, set, frozenset, _CellType, _FunctionType, _MethodType, _BuiltinMethod,
               _GeneratorType, _CoroutineType, type, object)
}


def _container_kind(tp):
    """Kind of a type that is not one of the exact builtins above (subclasses, user classes)."""
    if issubclass(tp, (list, tuple)):
        return "seq"
    if issubclass(tp, dict):
        return "dict"
    if issubclass(tp, (set, frozenset)):
        return "set"
    if issubclass(tp, type):
        return "class"
    return "instance"


def _own(text):
    """A private copy of a string that may also be a user object (e.g. an interned name), so
    holding it while counts are read cannot add a reference the program does not have."""
    if _is_immortal(text):
        return text
    return (text + "\x00")[:-1]
_REPR_MAX = 80
_EAGER_STEPS = 500  # steps sent to the host one by one at the start of a run
_LABEL_MAX = 40

EVENT_CODES = {"line": "l", "call": "c", "return": "r", "exception": "x"}


class StopTrace(BaseException):
    """Raised into the snippet to unwind it once a limit is reached."""


class _Memory:
    """Direct reads and writes of interpreter memory (wasm32: Py_ssize_t is 4 bytes)."""

    def __init__(self):
        raw = (_ctypes.c_char * 0x7FFFFFF0).from_address(0)
        self.words = memoryview(raw).cast("B").cast("i")
        self.young_count_index = self._find_young_count()

    def _find_young_count(self):
        """Locate gc.young.count inside the interpreter state by planting a marker threshold."""
        api = _ctypes.pythonapi
        api.PyInterpreterState_Get.restype = _ctypes.c_void_p
        interp = api.PyInterpreterState_Get()
        words = self.words
        t0, t1, t2 = _gc.get_threshold()
        marker = 1234577
        _gc.set_threshold(marker, t1, t2)
        try:
            start = interp >> 2
            for i in range(start, start + 65536):
                if words[i] == marker:
                    index = i + 1
                    break
            else:
                return None
        finally:
            _gc.set_threshold(t0, t1, t2)
        return index if words[index] == _gc.get_count()[0] else None


class _Output:
    """stdout/stderr replacement that copies text (never keeps the str objects print passes)."""

    def __init__(self, shared):
        self._buffer = _io.StringIO()
        self._shared = shared

    def write(self, text):
        if type(text) is not str:
            raise TypeError("write() argument must be str, not " + _type_name(type(text)))
        shared = self._shared
        n = len(text)
        if shared["written"] + n > shared["cap"]:
            if not shared["capped"]:
                shared["capped"] = True
                shared["pending"] = True
                self._buffer.write("\n[output truncated: this run printed more than the limit]\n")
            return n
        shared["written"] += n
        shared["pending"] = True
        self._buffer.write(text)
        return n

    def take(self):
        text = self._buffer.getvalue()
        if text:
            self._buffer.seek(0)
            self._buffer.truncate()
        return text

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"


def _short(text, limit=_REPR_MAX):
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Tracer:
    """One traced run. Created by the worker, driven by sys.settrace."""

    def __init__(self, host, options):
        self.host = host
        self.max_steps = int(options.get("maxSteps", 1_000_000))
        self.max_objects = int(options.get("maxObjects", 5000))
        self.max_items = int(options.get("maxItems", 256))
        timeout_ms = options.get("timeoutMs", 30_000)
        self.deadline = _monotonic() + timeout_ms / 1000.0 if timeout_ms else None
        self.memory = _Memory()
        self.ids = {}  # address -> serial of the object's current lifetime
        self.next_id = 1
        self.immortal = {}  # serial -> bool
        self.scalar_repr = {}  # serial -> repr, for immutable scalars
        self.prev = {}  # serial -> encoded record at the previous step
        self.prev_frames = None
        self.steps = 0
        self.batch = []
        self.last_flush = _monotonic()
        self.stop_reason = None
        self.internal_error = None
        self.last_line = 0
        self.frame_objects = 0
        shared = {"written": 0, "cap": int(options.get("maxOutputBytes", 10_000_000)), "capped": False, "pending": False}
        self.output = shared
        self.stdout = _Output(shared)
        self.stderr = _Output(shared)
        self.stdin_lines = _io.StringIO(options.get("stdin", "") or "")
        self.freed_buffer = None
        self.bitmap = None
        self.trace_function = self.trace
        self.materialized = set()  # addresses of instance dicts the walk made CPython create
        self.count_debt = 0  # young-generation count to give back (see _note_materialized)

    # -- deallocation watch -------------------------------------------------------------
    def prepare_free_watch(self, heap_bytes):
        """Allocate the watched-address bitmap and the freed-address list the JS callback fills."""
        self.bitmap = _ctypes.create_string_buffer(heap_bytes // 64 + 8)
        self.freed_capacity = 1 << 16
        self.freed_buffer = (_ctypes.c_int32 * (self.freed_capacity + 2))()
        self.bitmap_view = memoryview(self.bitmap).cast("B")
        return [
            _ctypes.addressof(self.bitmap),
            _ctypes.addressof(self.freed_buffer),
            self.freed_capacity,
        ]

    def install_free_watch(self, callback_pointer):
        setter = _ctypes.pythonapi.PyRefTracer_SetTracer
        setter.argtypes = [_ctypes.c_void_p, _ctypes.c_void_p]
        setter.restype = _ctypes.c_int
        if setter(callback_pointer, None) != 0:
            raise RuntimeError("PyRefTracer_SetTracer failed")

    def _watch(self, address):
        if address & 7 == 0:
            view = self.bitmap_view
            index = address >> 6
            if index < len(view):
                view[index] |= 1 << ((address >> 3) & 7)

    def _take_freed(self):
        buffer = self.freed_buffer
        count = buffer[0]
        if not count and not buffer[1]:
            return ()
        addresses = list(buffer[2 : 2 + count])
        if buffer[1]:
            addresses.extend(int(a) for a in str(self.host.drainOverflow()).split(",") if a)
            buffer[1] = 0
        buffer[0] = 0
        freed = []
        ids = self.ids
        prev = self.prev
        materialized = self.materialized
        for address in addresses:
            if address in materialized:
                materialized.discard(address)
                self.count_debt += 1
                continue
            serial = ids.pop(address, None)
            if serial is not None:
                freed.append(serial)
                prev.pop(serial, None)
                self.immortal.pop(serial, None)
                self.scalar_repr.pop(serial, None)
        return freed

    def _serial(self, address):
        serial = self.ids.get(address)
        if serial is None:
            serial = self.next_id
            self.next_id = serial + 1
            self.ids[address] = serial
            self._watch(address)
        return serial

    # -- the walk (holds references only while it runs) ---------------------------------
    def _repr(self, obj, tp, serial, depth=0):
        cached = self.scalar_repr.get(serial) if serial is not None else None
        if cached is not None:
            return cached
        text = self._repr_uncached(obj, tp, depth)
        if serial is not None and id(tp) in _SCALAR_IDS:
            self.scalar_repr[serial] = text
        return text

    def _repr_uncached(self, obj, tp, depth):
        if tp is int:
            if obj.bit_length() > 200:
                return "<int of %d bits>" % obj.bit_length()
            return int.__repr__(obj)
        if tp is str:
            return str.__repr__(obj[:_REPR_MAX]) + ("…" if len(obj) > _REPR_MAX else "")
        if tp is bytes:
            return bytes.__repr__(obj[:_REPR_MAX]) + ("…" if len(obj) > _REPR_MAX else "")
        if id(tp) in _SCALAR_IDS:
            return _short(repr(obj))
        if depth > 2:
            return "…"
        if tp is list or tp is tuple or tp is set or tp is frozenset:
            items = []
            total = 0
            it = _list_iter(obj) if tp is list else _tuple_iter(obj) if tp is tuple else _set_iter(obj) if tp is set else _frozenset_iter(obj)
            for item in it:
                piece = self._repr(item, type(item), None, depth + 1)
                items.append(piece)
                total += len(piece) + 2
                if total > _REPR_MAX:
                    items.append("…")
                    break
            body = ", ".join(items)
            if tp is list:
                return "[" + body + "]"
            if tp is tuple:
                return "(" + body + ("," if len(items) == 1 else "") + ")"
            if not items:
                return "set()" if tp is set else "frozenset()"
            return "{" + body + "}" if tp is set else "frozenset({" + body + "})"
        if tp is dict:
            items = []
            total = 0
            for key, value in _dict_items(obj):
                piece = self._repr(key, type(key), None, depth + 1) + ": " + self._repr(value, type(value), None, depth + 1)
                items.append(piece)
                total += len(piece) + 2
                if total > _REPR_MAX:
                    items.append("…")
                    break
            return "{" + ", ".join(items) + "}"
        if tp is _FunctionType:
            return "<function %s>" % _func_name(obj)
        if tp is type or issubclass(tp, type):
            return "<class '%s'>" % _type_name(obj)
        if tp is _ModuleType:
            return "<module>"
        return "<%s object>" % _type_name(tp)

    def _children(self, obj, tp, cap):
        """Outgoing references as (label, object[, key object]) without running user code.

        Returns (children, hidden) where hidden counts items left out past `cap`.
        """
        kind = _CONTAINER_KINDS.get(id(tp))
        if kind is None and id(tp) not in _LEAF_IDS:
            kind = _container_kind(tp)
        if kind is None:
            return _NO_CHILDREN
        if kind == "seq":
            items = _list_iter(obj) if issubclass(tp, list) else _tuple_iter(obj)
            size = _list_len(obj) if issubclass(tp, list) else _tuple_len(obj)
            out = [("[%d]" % i, item) for i, item in enumerate(_islice(items, cap))]
            return out, max(0, size - cap)
        if kind == "dict":
            out = []
            n = 0
            for key, value in _dict_items(obj):
                if n == cap:
                    break
                n += 1
                kt = type(key)
                if kt is str or kt is int or kt is bool or kt is float or key is None:
                    label = "[" + _short(self._repr_uncached(key, kt, 3), _LABEL_MAX) + "]"
                    if _is_immortal(key):
                        out.append((label, value))
                    else:
                        out.append((label, value, key))
                else:
                    out.append(("key→", key))
                    out.append(("→value", value))
            return out, max(0, _dict_len(obj) - n)
        if kind == "set":
            items = _set_iter(obj) if issubclass(tp, set) else _frozenset_iter(obj)
            size = _set_len(obj) if issubclass(tp, set) else _frozenset_len(obj)
            out = [("{%d}" % i, item) for i, item in enumerate(_islice(items, cap))]
            return out, max(0, size - cap)
        if kind == "cell":
            try:
                return [(".cell_contents", _cell_contents(obj))], 0
            except ValueError:
                return _NO_CHILDREN
        if kind == "function":
            out = []
            defaults = _func_defaults(obj)
            if defaults is not None:
                out.append((".__defaults__", defaults))
            kwdefaults = _func_kwdefaults(obj)
            if kwdefaults is not None:
                out.append((".__kwdefaults__", kwdefaults))
            closure = _func_closure(obj)
            if closure is not None:
                out.append((".__closure__", closure))
            return out, 0
        if kind == "method":
            return [(".__func__", _method_func(obj)), (".__self__", _method_self(obj))], 0
        if kind == "builtin_method":
            owner = _builtin_self(obj)
            if owner is not None and type(owner) is not _ModuleType:
                return [(".__self__", owner)], 0
            return _NO_CHILDREN
        if kind == "generator":
            if tp is _GeneratorType:
                frame, running = _gen_frame(obj), _gen_running(obj)
            else:
                frame, running = _coro_frame(obj), _coro_running(obj)
            out = []
            if frame is not None and not running:
                for name, value in frame.f_locals.items():
                    if not name.startswith("."):
                        out.append(("." + name, value))
            return out, 0
        if kind == "class":
            out = []
            module = _type_module(obj)
            if type(module) is str and module == "__main__":
                for name, value in _type_dict(obj).items():
                    if type(name) is str and not (name.startswith("__") and name.endswith("__")):
                        out.append(("." + name, value))
            return out, 0
        # Instance attributes: __dict__ and __slots__, read through builtin descriptors only.
        out = []
        found_dict = False
        for cls in _type_mro(tp):
            if cls is object:
                continue
            cdict = _type_dict(cls)
            if "__slots__" in cdict:
                for name, descr in cdict.items():
                    if type(descr) is _MemberDescriptor:
                        try:
                            out.append(("." + name, descr.__get__(obj, tp)))
                        except AttributeError:
                            pass
            if not found_dict:
                descr = cdict.get("__dict__")
                if descr is not None and type(descr) is _GetSetDescriptor:
                    found_dict = True
                    created = self._dict_would_be_created(obj, tp)
                    if created is None:
                        continue
                    try:
                        inst_dict = descr.__get__(obj, tp)
                    except (AttributeError, TypeError):
                        continue
                    if created:
                        self._note_materialized(id(inst_dict))
                    if type(inst_dict) is dict:
                        for key, value in _dict_items(inst_dict):
                            if type(key) is str:
                                out.append(("." + key, value))
        return out, 0

    def _dict_would_be_created(self, obj, tp):
        """Whether reading obj.__dict__ creates a dict: True (inline values get materialised),
        False (a dict exists), None (no dict and no attributes: do not create one)."""
        flags = _type_flags(tp)
        words = self.memory.words
        if flags & _MANAGED_DICT:
            return words[(id(obj) + _MANAGED_DICT_OFFSET) >> 2] == 0
        offset = _type_dictoffset(tp)
        if offset > 0:
            return False if words[(id(obj) + offset) >> 2] else None
        return False

    def _note_materialized(self, address):
        """Reading an instance's attributes made CPython create its dict (3.13+ keeps them inline).
        When that dict dies it lowers the collector's count, which the untraced run would not:
        watch it and give the count back then."""
        self.materialized.add(address)
        self._watch(address)

    def _walk(self, roots):
        """Walk from root objects breadth first; return plain data only.

        Returns (records, root_serials, truncated): records maps serial ->
        (type, repr, address, immortal, refs, hidden) and refs hold serials, never objects.
        """
        ids = self.ids
        immortal_cache = self.immortal
        scalar_repr = self.scalar_repr
        watch = self._watch
        next_id = self.next_id
        budget = self.max_objects
        cap = self.max_items
        records = {}
        queue = []
        serials = []
        addresses = {}
        root_serials = []
        truncated = False
        for obj in roots:
            address = id(obj)
            serial = ids.get(address)
            if serial is None:
                serial = ids[address] = next_id
                next_id += 1
                watch(address)
            root_serials.append(serial)
            if serial not in addresses:
                addresses[serial] = address
                queue.append(obj)
                serials.append(serial)
        head = 0
        while head < len(queue):
            obj = queue[head]
            serial = serials[head]
            head += 1
            tp = type(obj)
            immortal = immortal_cache.get(serial)
            if immortal is None:
                immortal = immortal_cache[serial] = _is_immortal(obj)
            type_name = _BUILTIN_NAMES.get(id(tp))
            if type_name is None:
                type_name = _own(_type_name(tp))
            if id(tp) in _SCALAR_IDS:
                text = scalar_repr.get(serial)
                if text is None:
                    text = scalar_repr[serial] = self._repr_uncached(obj, tp, 0)
                records[serial] = (type_name, text, addresses[serial], immortal, _EMPTY, 0)
                continue
            refs = []
            children, hidden = self._children(obj, tp, cap)
            for child in children:
                target = child[1]
                if type(target) is _ModuleType:
                    continue
                address = id(target)
                child_serial = ids.get(address)
                if child_serial is None:
                    child_serial = ids[address] = next_id
                    next_id += 1
                    watch(address)
                if child_serial not in addresses:
                    if len(queue) >= budget:
                        truncated = True
                        hidden += 1
                        continue
                    addresses[child_serial] = address
                    queue.append(target)
                    serials.append(child_serial)
                if len(child) == 3:
                    key = child[2]
                    address = id(key)
                    key_serial = ids.get(address)
                    if key_serial is None:
                        key_serial = ids[address] = next_id
                        next_id += 1
                        watch(address)
                    if key_serial not in addresses and len(queue) < budget:
                        addresses[key_serial] = address
                        queue.append(key)
                        serials.append(key_serial)
                    if key_serial in addresses:
                        refs.append((child[0], child_serial, key_serial))
                        continue
                refs.append((child[0], child_serial))
            del children
            if hidden:
                truncated = True
            records[serial] = (type_name, self._repr(obj, tp, None), addresses[serial], immortal, refs, hidden)
        queue.clear()
        self.next_id = next_id
        return records, root_serials, truncated

    def _gather(self, frame, box):
        """Frames + objects as plain data. Every reference it takes dies with its own frame."""
        chain = []
        f = frame
        while f is not None:
            if f.f_code.co_filename == FILENAME:
                chain.append(f)
            f = f.f_back
        roots = []
        frames = []
        module_globals = self.globals
        for f in reversed(chain) if chain else (None,):
            if f is None or (f.f_globals is module_globals and f.f_code.co_name == "<module>"):
                items = _dict_items(module_globals)
                name, line = "<module>", (f.f_lineno if f is not None else self.last_line)
            else:
                items = f.f_locals.items()
                code = f.f_code
                name, line = _own(code.co_name), f.f_lineno or code.co_firstlineno
            names = []
            for key, value in items:
                if type(key) is not str or key[:1] == "." or (key[:2] == "__" and key[-2:] == "__"):
                    continue
                if type(value) is _ModuleType:
                    continue
                names.append(_own(key))
                roots.append(value)
            frames.append([name, line, names])
        f = chain = items = key = value = None
        extra_start = len(roots)
        roots.extend(box)
        box.clear()
        records, root_serials, truncated = self._walk(roots)
        roots.clear()
        start = 0
        for frame_record in frames:
            names = frame_record[2]
            frame_record[2] = [[n, root_serials[start + i]] for i, n in enumerate(names)]
            start += len(names)
        return frames, records, root_serials[extra_start:], truncated

    # -- steps ----------------------------------------------------------------------------
    def record(self, event_code, line, frame, box, extra=None):
        """Record one step. `box` holds the event's extra root (a return value) and is emptied."""
        freed = self._take_freed()
        frames, records, extra_serials, truncated = self._gather(frame, box)
        # Every reference the walk took is gone now: the counts below are the program's own.
        words = self.memory.words
        prev = self.prev
        changed = {}
        current = {}
        for serial, (type_name, text, address, immortal, refs, hidden) in records.items():
            rc = None if immortal else words[address >> 2]
            current[serial] = (type_name, text, address, rc, refs, hidden)
            old = prev.get(serial)
            if old is None or old[1] != text or old[4] != refs or old[0] != type_name or old[2] != address or old[5] != hidden:
                changed[serial] = [type_name, text, address, rc, refs, hidden] if hidden else [type_name, text, address, rc, refs]
            elif old[3] != rc:
                changed[serial] = rc
        gone = [serial for serial in prev if serial not in current]
        self.prev = current
        step = {"e": event_code, "l": line}
        if frames:
            # The top frame's line is the step's own line: leave it out so frames only
            # travel when something else about them changed.
            frames[-1][1] = 0
            if extra_serials:
                frames[-1].append(extra_serials[0])
        if frames != self.prev_frames:
            step["f"] = frames
            self.prev_frames = frames
        if changed:
            step["o"] = changed
        if gone:
            step["g"] = gone
        if freed:
            step["x"] = freed
        if self.output["pending"]:
            self.output["pending"] = False
            out = self.stdout.take()
            if out:
                step["out"] = out
            err = self.stderr.take()
            if err:
                step["err"] = err
        if truncated:
            step["t"] = 1
        if extra:
            step.update(extra)
        # Steps hold only the tracer's own strings and numbers; they are encoded per batch.
        self.batch.append(step)
        self.steps += 1
        self.last_line = line

    def flush(self):
        if self.batch:
            text = _dumps(self.batch)
            self.batch = []
        else:
            text = ""
        self.last_flush = _monotonic()
        return int(self.host.emit(text))

    def _check_limits(self):
        """Step limit, wall-time limit and cancel; also sends recorded steps to the host.

        The first steps of a run are sent one by one: if the program then sits in a long C
        call (sum(range(10**18)), time.sleep) and has to be terminated, the steps up to it are
        already with the host. Later steps go in batches (every 64 steps, if 50 ms passed)."""
        steps = self.steps
        if steps >= self.max_steps:
            return "step-limit"
        now = _monotonic()
        if self.deadline is not None and now > self.deadline:
            return "time-limit"
        if (steps < _EAGER_STEPS or now - self.last_flush > 0.05) and self.flush():
            return "cancelled"
        return None

    # -- the trace function --------------------------------------------------------------
    def trace(self, frame, event, arg):
        """sys.settrace callback. Whatever it allocates or frees, the collector never notices:
        automatic collection is off while it runs and the young-generation count is put back."""
        if frame.f_code.co_filename != FILENAME:
            return None
        words = self.memory.words
        index = self.memory.young_count_index
        saved_count = words[index] if index is not None else 0
        gc_was_enabled = _gc_isenabled()
        if gc_was_enabled:
            _gc_disable()
        try:
            box = [arg] if event == "return" or event == "exception" else None
            del arg
            self._on_event(frame, event, box)
            # Free the box here, before the count is restored, not after this function returns.
            box = None
        finally:
            if gc_was_enabled:
                _gc_enable()
            if index is not None:
                words[index] = saved_count + self.count_debt
            self.count_debt = 0
        # Always the same object: a fresh bound method here would replace the frame's old one
        # after the count was restored, and its deallocation would show in gc counts.
        return self.trace_function

    def _on_event(self, frame, event, box):
        """Record one event as a step (box: [return value] on return events, else None)."""
        try:
            if self.stop_reason is not None:
                raise StopTrace(self.stop_reason)
            if self.steps < _EAGER_STEPS or self.steps & 63 == 0 or self.steps >= self.max_steps:
                reason = self._check_limits()
                if reason is not None:
                    self._stop(reason)
            code = frame.f_code
            if (
                event != "line"
                and event != "exception"
                and code.co_name == "<module>"
                and frame.f_globals is self.globals
            ):
                # The module's own call/return add nothing to its first line and the end step.
                return
            extra = None
            if event == "exception":
                info = box.pop()
                extra = {"exc": [_own(_type_name(info[0])), _own(_safe_message(info[1]))]}
                info = None
            self.record(EVENT_CODES[event], frame.f_lineno or code.co_firstlineno, frame, box or [], extra)
            if self.steps <= _EAGER_STEPS:
                self.flush()
        except StopTrace:
            raise
        except Exception as error:
            # A bug in the tracer must never pass silently: stop with a clear outcome.
            self.internal_error = "%s: %s" % (_type_name(type(error)), _safe_message(error))
            self._stop("internal")

    def _stop(self, reason):
        """End the run now: send what was recorded, tell the host, unwind the snippet."""
        self.stop_reason = reason
        self.flush()
        self.host.finish(_dumps(self._stop_outcome()))
        raise StopTrace(reason)

    def _stop_outcome(self):
        if self.stop_reason == "internal":
            return {
                "status": "error",
                "error": {"type": "RefscopeInternalError", "message": self.internal_error, "line": None},
            }
        return {"status": "stopped", "reason": self.stop_reason}

    def end_step(self):
        self.record("e", self.last_line, None, [])

    # -- running --------------------------------------------------------------------------
    def run(self, source):
        """Trace `source`. Returns the outcome as a JSON string (steps go through host.emit)."""
        try:
            code = compile(source, FILENAME, "exec", dont_inherit=True)
        except SyntaxError as error:
            return _dumps(
                {
                    "status": "error",
                    "error": {
                        "type": _type_name(type(error)),
                        "message": str(error.msg),
                        "line": error.lineno,
                        "column": error.offset,
                    },
                }
            )
        self.globals = {"__name__": "__main__", "__builtins__": _builtins_module, "__file__": FILENAME}
        outcome = {"status": "ok"}
        restore = _install_guards(self)
        _gc_collect()
        try:
            _settrace(self.trace_function)
            try:
                exec(code, self.globals)
            finally:
                tracer_intact = _gettrace() is self.trace_function
                _settrace(None)
            if not tracer_intact and self.stop_reason is None:
                outcome = _tracer_tampered()
        except StopTrace:
            pass
        except SystemExit as error:
            code = BaseException.__dict__["args"].__get__(error)
            if not (code == () or (len(code) == 1 and (code[0] is None or (type(code[0]) is int and code[0] == 0)))):
                outcome = {"status": "error", "error": {"type": "SystemExit", "message": _safe_message(error), "line": _error_line(error)}}
            _set_traceback(error, None)
            del error
        except BaseException as error:
            if type(error) is StopTrace:
                pass
            else:
                outcome = {
                    "status": "error",
                    "error": {"type": _type_name(type(error)), "message": _safe_message(error), "line": _error_line(error)},
                }
                self.stderr.write(_format_exception(error))
            _set_traceback(error, None)
            del error
        finally:
            restore()
        if self.stop_reason is not None:
            return _dumps(self._stop_outcome())
        gc_was_enabled = _gc_isenabled()
        _gc_disable()
        try:
            self.end_step()
        finally:
            if gc_was_enabled:
                _gc_enable()
        self.flush()
        return _dumps(outcome)


def _tracer_tampered():
    return {
        "status": "error",
        "error": {
            "type": "RefscopeTracerError",
            "message": "the snippet disabled or replaced the tracer; the trace is incomplete",
            "line": None,
        },
    }


def _safe_message(error):
    """The exception's message without running user code (builtin types only)."""
    try:
        args = BaseException.__dict__["args"].__get__(error)
    except Exception:
        return ""
    if len(args) == 1 and type(args[0]) is str:
        return args[0]
    parts = []
    for a in args:
        t = type(a)
        parts.append(a if t is str else repr(a) if id(t) in _SCALAR_IDS else "<%s object>" % _own(_type_name(t)))
    return ", ".join(parts) if len(parts) != 1 else parts[0]


def _error_line(error):
    tb = BaseException.__dict__["__traceback__"].__get__(error)
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _format_exception(error):
    lines = ["Traceback (most recent call last):\n"]
    tb = BaseException.__dict__["__traceback__"].__get__(error)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == FILENAME:
            lines.append('  File "%s", line %s, in %s\n' % (FILENAME, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    message = _safe_message(error)
    lines.append(_type_name(type(error)) + (": " + message if message else "") + "\n")
    return "".join(lines)


def _install_guards(tracer):
    """Route the snippet's I/O through the tracer and refuse attempts to replace the tracer."""
    saved_sys = {name: getattr(_sys, name) for name in ("stdout", "stderr", "stdin", "settrace", "gettrace", "setprofile")}
    saved_input = _builtins_module.input
    monitoring = _sys.monitoring
    guarded_monitoring = ("use_tool_id", "free_tool_id", "clear_tool_id", "register_callback", "set_events", "set_local_events")
    saved_monitoring = {name: getattr(monitoring, name) for name in guarded_monitoring}

    def settrace(function):
        raise RuntimeError("sys.settrace() is unavailable: Refscope is tracing this program")

    def gettrace():
        return None

    def guarded(name, original):
        def call(tool_id, *args, **kwargs):
            if tool_id in (6, 7):
                raise RuntimeError("sys.monitoring tool %d is reserved: Refscope is tracing this program" % tool_id)
            return original(tool_id, *args, **kwargs)

        call.__name__ = name
        return call

    def input(prompt=""):
        if prompt:
            tracer.stdout.write(str(prompt))
        line = tracer.stdin_lines.readline()
        if not line:
            raise EOFError("input(): no more input. Provide the program's input (stdin) before running.")
        tracer.stdout.write(line if line.endswith("\n") else line + "\n")
        return line[:-1] if line.endswith("\n") else line

    _sys.stdout = tracer.stdout
    _sys.stderr = tracer.stderr
    _sys.stdin = tracer.stdin_lines
    _sys.settrace = settrace
    _sys.gettrace = gettrace
    _builtins_module.input = input
    for name, original in saved_monitoring.items():
        setattr(monitoring, name, guarded(name, original))

    def restore():
        for name, value in saved_sys.items():
            setattr(_sys, name, value)
        _builtins_module.input = saved_input
        for name, value in saved_monitoring.items():
            setattr(monitoring, name, value)

    return restore


class _OfflineFinder:
    """Last entry on sys.meta_path: says why a package is missing instead of a bare error."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if "." in name:
            return None
        raise ModuleNotFoundError(
            "No module named %r: Refscope runs offline with CPython's standard library only; "
            "third-party packages are not available" % name,
            name=name,
        )


def _install_offline_import_hook():
    _sys.meta_path.append(_OfflineFinder)
