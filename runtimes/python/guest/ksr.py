# The Python side of the KSR binding, run once inside the isolate after pyodide boots.
# It builds the `KSR` module from the registry rows (one cached callable per function),
# loads the routing script and runs its callbacks. Results go back to the host in the guest
# protocol (runtimes/guest-protocol.ts, handed to build() as JSON): a result code, or a JSON
# error report {message, line, ksr?, memory?}.
import builtins
import json
import signal
import sys
import time
import types

from pyodide.ffi import jsnull as _STOP_SIGNAL

# what a KSR function returns when it is not a signal (str, int, bool, None; float for a long)
_PLAIN = frozenset((str, int, float, bool, type(None)))
# a dict/array arrives as ["json", text] (bridge.js); taken now, so a script that replaces
# json.loads changes only its own code
_json_loads = json.loads
# how deep a dict/array may nest (MAX_STRUCTURED_DEPTH, bindings/registry.ts)
_MAX_DEPTH = 8


class KSRStop(BaseException):
    """KSR.x.exit() / KSR.x.drop(): ends the callback. A BaseException, so that
    `except Exception` around ordinary code does not swallow it by accident."""


class KSRError(Exception):
    """A KSR call that could not be honoured (wrong arguments, refused by the host)."""

    def __init__(self, message, ksr_function):
        super().__init__(message)
        self.ksr_function = ksr_function


class KSRMissing(KSRError, AttributeError):
    """A KSR module or function this server does not have (the guest protocol's text).
    An AttributeError too, so hasattr() and getattr(x, name, default) keep working."""


# The guest protocol (set by build): result codes and the texts of a missing name.
_RESULT = {}
_MISSING = {}
# the codes invoke returns per callback, read without a dict lookup (set by build)
_RESULT_OK, _RESULT_STOPPED, _RESULT_MISSING = [None], [None], [None]


def _missing(kind, module, name):
    path = "KSR." + name if module == "" else "KSR.%s.%s" % (module, name)
    return KSRMissing(_MISSING[kind].format(path=path, module=module, name=name), path)


def _lacking(module):
    """A module's __getattr__ (PEP 562): reached only for a name the module lacks."""
    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        # KSR.<name>: a module or a core function, which this line alone cannot tell; the host
        # names which from the script's line (guest-protocol.ts MissingNames)
        raise _missing("name" if module == "" else "moduleFunction", module, name)
    return __getattr__


def _audit(event, args):
    # Installed once, never removable from Python (PEP 578). ctypes would hand a script raw
    # access to the interpreter's memory; refuse to import it at all. The hook uses only
    # literals and builtins, so a script cannot change what it checks by editing globals.
    if event == "import":
        if str(args[0]).partition(".")[0] in ("ctypes", "_ctypes"):
            raise ImportError("import of %s is not allowed in this sandbox" % args[0])
    elif event.startswith("ctypes."):
        raise RuntimeError("ctypes is not allowed in this sandbox")
    elif event == "object.__setattr__" and args[1] in ("__code__", "__defaults__", "__kwdefaults__") and getattr(args[0], "__name__", None) == "_audit":
        raise RuntimeError("the sandbox's audit hook cannot be changed")


for _name in ("ctypes", "_ctypes"):
    if _name in sys.modules:
        raise RuntimeError("%s was imported before the sandbox's audit hook was installed" % _name)
sys.addaudithook(_audit)


def _sleep(seconds):
    """time.sleep, written in Python. pyodide's own waits in C, where its interrupt flag is
    never read: a route asleep past its budget would outlast the watchdog and cost the whole
    instance. This wait is a loop the interrupt stops like any other (a route that sleeps
    blocks the server either way, as in Kamailio: its sleep blocks a worker)."""
    seconds = float(seconds)
    if seconds != seconds or seconds < 0:
        raise ValueError("sleep length must be non-negative")
    end = _monotonic() + seconds
    while _monotonic() < end:
        pass


_monotonic = time.monotonic
_sleep.__name__ = _sleep.__qualname__ = "sleep"
time.sleep = _sleep

# How many script callbacks are running (KSR.route nests them). The host's watchdog raises
# SIGINT at a callback's deadline, and again every few ms while it goes on; it is turned into
# KeyboardInterrupt only inside a script's code, never in this module's own handling of the
# way the script ended (that would turn an orderly unwinding into a pyodide error).
_in_script = [0]


def _on_interrupt(signum, frame):
    if _in_script[0] > 0:
        raise KeyboardInterrupt


signal.signal(signal.SIGINT, _on_interrupt)


def _ksr_function(stub, path, max_bytes):
    """A KSR function as scripts see it. The JavaScript stub returns the host's value, or a
    JavaScript array [kind, message] for a stop or an error, raised here, in Python: an
    exception thrown through the JavaScript frames between Python and the host costs a
    formatted traceback per crossing (~0.5 ms) and, in a hot loop, tripped a V8 deoptimizer
    fault that ended the process."""
    def ksr_function(*args):
        # a str longer than the limit is refused before pyodide copies it out (len() counts
        # code points, never more than its UTF-8 bytes; the host checks the bytes)
        for a in args:
            if a.__class__ is str and len(a) > max_bytes:
                raise KSRError("%s: argument %d is longer than %d bytes (limits.max_value_bytes)" % (path, args.index(a) + 1, max_bytes), path)
        r = stub(*args)
        if r.__class__ in _PLAIN:  # cheaper than isinstance(r, JsProxy), whose metaclass checks in Python
            return r
        # a stop comes as JavaScript null (pyodide's jsnull singleton): no proxy made or read
        if r is _STOP_SIGNAL:
            raise KSRStop()
        if r[0] == "json":
            return _structured(r[1], path)
        raise KSRError(r[1], path)
    ksr_function.__name__ = path
    ksr_function.__qualname__ = path
    return ksr_function


def _depth(v):
    if v.__class__ is dict:
        return 1 + max(map(_depth, v.values()), default=0)
    if v.__class__ is list:
        return 1 + max(map(_depth, v), default=0)
    return 0


def _structured(text, path):
    """A dict/array from the host (bounded there: depth, limits.max_value_bytes) as a
    Python dict or list of str, int, float, bool, None and nested ones."""
    try:
        v = _json_loads(text)
    except ValueError:
        raise KSRError("%s: the dict/array it returns is not valid JSON" % path, path) from None
    if _depth(v) > _MAX_DEPTH:
        raise KSRError("%s: the dict/array it returns is nested deeper than %d levels" % (path, _MAX_DEPTH), path)
    return v


def build_ksr(rows, max_bytes):
    """rows: [module, name, stub, path] per registry entry; module '' goes on KSR itself.
    max_bytes: the longest str a KSR function takes (limits.max_value_bytes)."""
    ksr = types.ModuleType("KSR", "Kamailio KEMI functions, as exported by this server")
    ksr.KSRStop = KSRStop
    ksr.KSRError = KSRError
    ksr.KSRMissing = KSRMissing
    subs = {}
    for row in rows:
        module, name, fn = row[0], row[1], _ksr_function(row[2], row[3], max_bytes)
        if module == "":
            setattr(ksr, name, fn)
            continue
        sub = subs.get(module)
        if sub is None:
            sub = subs[module] = types.ModuleType("KSR." + module)
            sub.__getattr__ = _lacking(module)
            setattr(ksr, module, sub)
            sys.modules["KSR." + module] = sub
        setattr(sub, name, fn)
    ksr.__getattr__ = _lacking("")
    sys.modules["KSR"] = ksr
    return ksr


def build_router(ksr, table):
    """app_python3's legacy `Router` package with its `Logger` module (Kamailio's example script
    imports it): LM_* functions and L_* levels, each function a KSR log function named by the
    table (bindings/python-router.ts), looked up in the KSR module just built."""
    def resolve(path):
        # looked up when called: a registry without that function (a test's) still builds
        # Router, and a call then meets the missing-name error
        parts = path.split(".")[1:]

        def call(*args):
            target = ksr
            for part in parts:
                target = getattr(target, part)
            return target(*args)
        call.__name__ = parts[-1]
        return call
    logger = types.ModuleType("Router.Logger", "Kamailio app_python3's legacy logging functions")
    for name, path in table["functions"].items():
        setattr(logger, name, resolve(path))
    for name, level in table["levels"].items():
        setattr(logger, name, level)
    by_level = {int(k): resolve(v) for k, v in table["byLevel"].items()}
    fallback = resolve(table["functions"]["LM_ERR"])

    def LM_GEN1(level, message):
        return by_level.get(level, fallback)(message)

    def LM_GEN2(facility, level, message):
        return by_level.get(level, fallback)(message)

    logger.LM_GEN1, logger.LM_GEN2 = LM_GEN1, LM_GEN2
    router = types.ModuleType("Router", "Kamailio app_python3's legacy module (only Logger)")
    router.__path__ = []
    router.Logger = logger
    sys.modules["Router"] = router
    sys.modules["Router.Logger"] = logger


class Script:
    """The loaded routing script: module-level callbacks, or Kamailio's `mod_init()` shape
    (an object whose methods are the callbacks, called with a msg argument)."""

    def __init__(self, ksr):
        self.ksr = ksr
        self.file = "<script>"
        self.ns = {}
        self.handler = None

    def load(self, source, file):
        """Compiles and runs a script's top level. The previous script stays in place
        unless the new one loads completely."""
        try:
            code = compile(source, file, "exec")
        except SyntaxError as e:
            return self._error(e, file, e.lineno or 0)
        stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "script"
        ns = {"__name__": stem, "__file__": file, "__builtins__": builtins, "KSR": self.ksr}
        handler = None
        try:
            exec(code, ns)
            mod_init = ns.get("mod_init")
            if callable(mod_init):
                handler = mod_init()
                if handler is None:
                    line = mod_init.__code__.co_firstlineno if hasattr(mod_init, "__code__") else 0
                    return json.dumps({"message": "mod_init() returned None: expected an object whose methods are the callbacks", "line": line})
                # Kamailio calls child_init(rank) in each worker; here one process serves all
                child_init = getattr(handler, "child_init", None)
                if callable(child_init):
                    child_init(1)
        except BaseException as e:
            return self._error(e, file, 0)
        self.file, self.ns, self.handler = file, ns, handler
        return _RESULT["ok"]

    def names(self):
        """The callable names a callback may be looked up by, as a JSON list."""
        if self.handler is not None:
            found = [n for n in dir(self.handler) if not n.startswith("__") and callable(getattr(self.handler, n, None))]
        else:
            found = [n for n, v in self.ns.items() if not n.startswith("__") and callable(v)]
        return json.dumps(found)

    def invoke(self, name, arg):
        # looked up per call, as Kamailio's app_python3 does: a script may rebind a callback
        handler = self.handler
        fn = getattr(handler, name, None) if handler is not None else self.ns.get(name)
        if not callable(fn):
            return _RESULT_MISSING[0]
        depth = _in_script[0]
        _in_script[0] = depth + 1
        try:
            if handler is not None:
                fn(None) if arg is None else fn(None, arg)
            else:
                fn() if arg is None else fn(arg)
        except KSRStop:
            _in_script[0] = depth
            return _RESULT_STOPPED[0]
        except BaseException as e:
            _in_script[0] = depth  # first: no interrupt is raised in here any more
            code = getattr(fn, "__code__", None)
            return self._error(e, self.file, code.co_firstlineno if code is not None else 0)
        _in_script[0] = depth
        return _RESULT_OK[0]

    def _error(self, e, file, fallback_line):
        """JSON for an exception: message, the script's innermost line, the KSR function."""
        line = fallback_line
        if isinstance(e, SyntaxError) and e.filename == file and e.lineno:
            line = e.lineno
        tb = e.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == file:
                line = tb.tb_lineno
            tb = tb.tb_next
        if isinstance(e, SyntaxError):
            message = "%s: %s" % (type(e).__name__, e.msg)
        else:
            text = str(e)
            name = "KSRError" if isinstance(e, KSRError) else type(e).__name__
            message = name + (": " + text if text else "")
        out = {"message": message, "line": line or 0}
        if isinstance(e, MemoryError):
            out["memory"] = True
        if isinstance(e, KSRError) and not isinstance(e, KSRMissing):
            out["ksr"] = e.ksr_function
        return json.dumps(out)


def _recurse(n):
    return n if n == 0 else _recurse(n - 1)


def _frames():
    depth, f = 0, sys._getframe(1)
    while f is not None:
        depth, f = depth + 1, f.f_back
    return depth


class Host:
    """What the JavaScript bridge calls."""

    def __init__(self):
        self.script = None
        self.base_frames = None

    def build(self, rows, max_bytes, protocol, router_logger):
        p = json.loads(protocol)
        _RESULT.update(p["result"])
        _RESULT_OK[0], _RESULT_STOPPED[0], _RESULT_MISSING[0] = _RESULT["ok"], _RESULT["stopped"], _RESULT["missing"]
        _MISSING.update(p["missing"])
        ksr = build_ksr(rows, max_bytes)
        build_router(ksr, json.loads(router_logger))
        self.script = Script(ksr)

    def load(self, source, file):
        return self.script.load(source, file)

    def names(self):
        return self.script.names()

    def invoke(self, name, arg):
        return self.script.invoke(name, arg)

    def settle(self):
        """Called after the host's watchdog interrupted a call (KeyboardInterrupt at the
        deadline). Runs a KeyboardInterrupt still pending, so that it does not hit the next
        call, then checks the interpreter came back to where it was: no frame left over, no
        exception being handled, recursion possible to the usual depth. 'ok', or what is wrong."""
        _in_script[0] = 0  # called between callbacks only: whatever way the last one ended
        for _ in range(3):
            try:
                _recurse(2)
            except BaseException:
                pass
        frames = _frames()
        if self.base_frames is None:
            self.base_frames = frames
        if frames != self.base_frames:
            return "%d frames left on the stack (expected %d)" % (frames, self.base_frames)
        if sys.exc_info()[0] is not None:
            return "an exception is still being handled"
        try:
            _recurse(min(500, sys.getrecursionlimit() // 2))
        except RecursionError:
            return "the recursion budget has shrunk"
        return "ok"


Host()
