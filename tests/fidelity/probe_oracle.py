"""The fidelity oracle: runs a snippet UNTRACED, with probes inserted before simple statements.

Independent of the tracer: no sys.settrace, no ref tracer, no walk. Each probe reads, for every
name visible in the probing frame, its object's ob_refcnt with ctypes after dropping every
reference the probe took.
"""

import ast
import ctypes
import gc
import io
import sys
import types

FILENAME = "<snippet>"
SIMPLE = (
    ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Delete, ast.Pass, ast.Return,
    ast.Raise, ast.Assert, ast.Import, ast.ImportFrom, ast.Break, ast.Continue,
)


class _Instrument(ast.NodeTransformer):
    def __init__(self):
        self.lines = set()

    def _probe(self, line):
        call = ast.Call(ast.Name("__probe__", ast.Load()), [ast.Constant(line)], [])
        return ast.Expr(call)

    def _body(self, body, docstring_allowed):
        out = []
        for i, stmt in enumerate(body):
            self.visit(stmt)
            is_docstring = (
                docstring_allowed and i == 0 and isinstance(stmt, ast.Expr)
                and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)
            )
            # A bare annotation (`name: str`) compiles to no code in 3.14 (PEP 649): no line runs.
            bare_annotation = isinstance(stmt, ast.AnnAssign) and stmt.value is None
            if (
                isinstance(stmt, SIMPLE) and not is_docstring and not bare_annotation
                and stmt.lineno not in self.lines
            ):
                self.lines.add(stmt.lineno)
                out.append(self._probe(stmt.lineno))
            out.append(stmt)
        return out

    def generic_visit(self, node):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                allowed = field == "body" and isinstance(
                    node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
                )
                setattr(node, field, self._body(body, allowed))
        for handler in getattr(node, "handlers", []) or []:
            handler.body = self._body(handler.body, False)
        for case in getattr(node, "cases", []) or []:
            case.body = self._body(case.body, False)
        for field, value in ast.iter_fields(node):
            if field in ("body", "orelse", "finalbody", "handlers", "cases"):
                continue
            if isinstance(value, ast.AST):
                self.visit(value)
        return node


def _visible(name, value):
    if type(name) is not str or name.startswith("."):
        return False
    if name.startswith("__") and name.endswith("__"):
        return False
    return type(value) is not types.ModuleType


def _gather(frame_depth):
    frame = sys._getframe(frame_depth)
    code = frame.f_code
    if code.co_name == "<module>":
        items = list(frame.f_globals.items())
    else:
        items = list(frame.f_locals.items())
    names = [(name, id(value), sys._is_immortal(value)) for name, value in items if _visible(name, value)]
    return code.co_name, names


def run(source, probes=True):
    """Run `source`; return (records, stdout, error) with records = [[line, function, {name: rc}]]."""
    records = []

    def __probe__(line):
        function, names = _gather(2)
        counts = {}
        for name, address, immortal in names:
            counts[name] = "immortal" if immortal else ctypes.c_ssize_t.from_address(address).value
        records.append([line, function, counts])

    tree = ast.parse(source, FILENAME)
    if probes:
        tree = _Instrument().visit(tree)
        ast.fix_missing_locations(tree)
    code = compile(tree, FILENAME, "exec", dont_inherit=True)
    # The tree's Constant nodes hold the very objects the code's co_consts hold: keeping it
    # alive while the snippet runs would add a reference to every constant (3.5, 10 ** 20...).
    tree = None
    namespace = {"__name__": "__main__", "__builtins__": __builtins__, "__file__": FILENAME}
    if probes:
        namespace["__probe__"] = __probe__
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    error = None
    gc.collect()
    try:
        exec(code, namespace)
    except BaseException as exc:
        error = type(exc).__name__
        exc.__traceback__ = None
        del exc
    finally:
        sys.stdout = saved
    return records, out.getvalue(), error
