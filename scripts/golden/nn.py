"""Golden fixture for src/nn's module core (pytorch-semantics.md sections 1-3).

Writes test/golden/fixtures/nn.json: registration checks and their messages,
traversal orders, state_dict keys and aliasing, load_state_dict outcomes
(messages byte for byte), apply order, Sequential indexing and slicing,
get_submodule/get_parameter, print(model), layer forwards and extra_repr,
Linear's seeded default init, dropout masks and Python's float repr.

Nets are written as a small JSON recipe shaped like the service's architecture
spec ({"type": "Sequential", "layers": [...]}, "name" per child, "shared" +
{"ref"} for tied modules, "paramTies" for tied parameters, {"none": true} for
a None child, "Custom" for a plain nn.Module subclass with its own parameters);
test/nn/module/recipe.ts builds the same recipe in TypeScript.
"""
import math
import random
import struct
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

from common import tensor, write_fixture

LEAVES = {
    "Linear": nn.Linear, "ReLU": nn.ReLU, "LeakyReLU": nn.LeakyReLU, "Sigmoid": nn.Sigmoid,
    "Tanh": nn.Tanh, "GELU": nn.GELU, "Softmax": nn.Softmax, "LogSoftmax": nn.LogSoftmax,
    "Dropout": nn.Dropout, "Flatten": nn.Flatten, "Identity": nn.Identity,
}
RECIPE_KEYS = {"type", "name", "layers", "class", "params", "buffers"}


def custom_class(name):
    return type(name, (nn.Module,), {"forward": lambda self, x: x})


def build_node(r, shared):
    if r.get("none"):
        return None
    if "ref" in r:
        return shared[r["ref"]]
    kind = r["type"]
    if kind in ("Sequential", "Custom"):
        m = nn.Sequential() if kind == "Sequential" else custom_class(r["class"])()
        for name, value in r.get("params", []):
            m.register_parameter(name, None if value is None else nn.Parameter(from_json(value)))
        for name, value in r.get("buffers", []):
            m.register_buffer(name, None if value is None else from_json(value))
        for i, child in enumerate(r.get("layers", [])):
            m.add_module(child.get("name", str(i)), build_node(child, shared))
        return m
    kwargs = {k: v for k, v in r.items() if k not in RECIPE_KEYS}
    return LEAVES[kind](**kwargs)


def build(recipe):
    """Shared modules first (declaration order), then the tree depth-first, as the service builds a spec."""
    shared = {}
    for name, r in recipe.get("shared", {}).items():
        shared[name] = build_node(r, shared)
    root = build_node(recipe, shared)
    for alias, target in recipe.get("paramTies", []):
        owner_path, _, local = alias.rpartition(".")
        setattr(root.get_submodule(owner_path), local, root.get_parameter(target))
    return root


def from_json(t):
    return torch.tensor(t["data"], dtype=torch.float32).reshape(t["shape"])


def lin(i, o, bias=True, name=None):
    r = {"type": "Linear", "in_features": i, "out_features": o}
    if not bias:
        r["bias"] = False
    if name is not None:
        r["name"] = name
    return r


def leaf(kind, name=None, **kwargs):
    r = {"type": kind, **kwargs}
    if name is not None:
        r["name"] = name
    return r


def seq(layers, name=None, **extra):
    r = {"type": "Sequential", "layers": layers, **extra}
    if name is not None:
        r["name"] = name
    return r


def block1(name=None):
    return seq([lin(4, 8), leaf("ReLU"), lin(8, 4), leaf("ReLU")], name)


def block2(name=None):
    return seq([block1(f"block {i}") for i in range(4)], name)


CHAPTER = seq([lin(4, 8), leaf("ReLU"), lin(8, 1)])
RGNET = seq([block2(), lin(4, 1)])
TIED_S15 = seq([lin(4, 8), leaf("ReLU"), {"ref": "shared"}, leaf("ReLU"), {"ref": "shared"}, leaf("ReLU"), lin(8, 1)],
               shared={"shared": lin(8, 8)})
PARAM_TIED = seq([lin(3, 3), lin(3, 3)], paramTies=[["1.weight", "0.weight"]])
MODULE_TIED = seq([{"ref": "l"}, leaf("ReLU"), {"ref": "l"}], shared={"l": lin(2, 2)})
NONE_CHILDREN = seq([lin(2, 3), {"none": True, "name": "x"}, leaf("ReLU"), {"none": True}, seq([{"none": True, "name": "y"}])])
EVERY_LAYER = seq([
    leaf("Flatten"), lin(6, 5), leaf("ReLU"), leaf("LeakyReLU"), leaf("LeakyReLU", negative_slope=0.2),
    leaf("Sigmoid"), leaf("Tanh"), leaf("GELU"), leaf("GELU", approximate="tanh"), leaf("Dropout"),
    leaf("Dropout", p=0.1), lin(5, 4, bias=False), leaf("Softmax"), leaf("Softmax", dim=1), leaf("LogSoftmax"),
    leaf("LogSoftmax", dim=-1), leaf("Flatten", start_dim=0, end_dim=-1), leaf("Identity"),
])
EMPTY = seq([])
NESTED_EMPTY = seq([seq([]), seq([seq([])], "inner"), leaf("Identity")])
UNICODE_NAMES = seq([lin(2, 2, name="é x"), leaf("ReLU", name="block 0"), lin(2, 1, name="out put")])
CUSTOM = seq([
    {"type": "Custom", "class": "block2", "layers": [block1("block 0"), block1("block 1")]},
    {"type": "Custom", "class": "Scalars", "params": [["alpha", {"shape": [], "data": [0.5]}], ["gone", None],
                                                     ["beta", {"shape": [2], "data": [1.0, -2.0]}]],
     "buffers": [["running", {"shape": [2], "data": [3.0, 4.0]}], ["nothing", None]]},
    lin(4, 1),
])


def deep(depth):
    r = lin(2, 2)
    for _ in range(depth):
        r = seq([r])
    return r


NETS = OrderedDict([
    ("chapter", CHAPTER), ("rgnet", RGNET), ("tied S15", TIED_S15), ("param tied", PARAM_TIED),
    ("module tied", MODULE_TIED), ("none children", NONE_CHILDREN), ("every layer", EVERY_LAYER),
    ("empty", EMPTY), ("nested empty", NESTED_EMPTY), ("unicode names", UNICODE_NAMES), ("custom", CUSTOM),
    ("deep 8", deep(8)),
])


def error_of(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - every PyTorch error type is recorded by name
        return {"type": type(e).__name__, "message": e.args[0] if e.args else ""}
    return None


# ---------------------------------------------------------------------------------------------
# Structures: printing, traversal orders, state_dict keys and aliases, apply order.

def structure(name, recipe):
    torch.manual_seed(0)
    net = build(recipe)
    first = {}
    for path, m in net.named_modules():
        first[id(m)] = path
    applied = []
    net.apply(lambda m: applied.append([first[id(m)], type(m).__name__]))
    sd = net.state_dict()
    by_storage = OrderedDict()
    for k, v in sd.items():
        by_storage.setdefault(v.data_ptr(), []).append(k)
    return {
        "name": name,
        "recipe": recipe,
        "repr": repr(net),
        "len": len(net._modules),
        "namedModules": [p for p, _ in net.named_modules()],
        "namedModulesAll": [p for p, _ in net.named_modules(remove_duplicate=False)],
        "namedModulesPrefix": [p for p, _ in net.named_modules(prefix="model")],
        "namedChildren": [n for n, _ in net.named_children()],
        "namedParameters": [[n, list(p.shape)] for n, p in net.named_parameters()],
        "namedParametersPrefix": [n for n, _ in net.named_parameters(prefix="model")],
        "namedParametersLocal": [n for n, _ in net.named_parameters(recurse=False)],
        "namedBuffers": [n for n, _ in net.named_buffers()],
        "stateDict": list(sd.keys()),
        "stateDictPrefix": list(net.state_dict(prefix="m.").keys()),
        "sharedStorage": [ks for ks in by_storage.values() if len(ks) > 1],
        "apply": applied,
        "parameterCount": sum(p.numel() for p in net.parameters()),
    }


structures = [structure(n, r) for n, r in NETS.items()]


# ---------------------------------------------------------------------------------------------
# Attribute names add_module refuses: dir() of each layer (hasattr is true exactly for these).

ATTRIBUTE_OWNERS = [
    seq([]), lin(2, 3), lin(2, 3, bias=False), leaf("ReLU"), leaf("LeakyReLU"), leaf("Sigmoid"), leaf("Tanh"),
    leaf("GELU"), leaf("Softmax"), leaf("LogSoftmax"), leaf("Dropout"), leaf("Flatten"), leaf("Identity"),
]
attributes = [{"recipe": r, "names": sorted(dir(build(r)))} for r in ATTRIBUTE_OWNERS]


# ---------------------------------------------------------------------------------------------
# add_module / register_parameter / register_buffer: checks, order, messages.

def py_value(kind):
    return {"int": 5, "float": 1.5, "str": "x", "bool": True, "list": [], "dict": {}, "none": None,
            "tensor": torch.zeros(1), "double tensor": torch.zeros(1, dtype=torch.float64),
            "module": nn.Tanh(), "parameter": nn.Parameter(torch.zeros(1))}[kind]


def nonleaf_parameter():
    x = torch.zeros(2, requires_grad=True) * 2
    x.__class__ = nn.Parameter  # the only way to hold a Parameter with a grad_fn
    return x


ADD_MODULE = [
    # (owner, name, module kind)
    (CHAPTER, "extra", "module"), (CHAPTER, "extra", "none"), (CHAPTER, "1", "module"), (CHAPTER, "0", "none"),
    (CHAPTER, "block 0", "module"), (CHAPTER, "é x", "module"),
    (CHAPTER, "a", "int"), (CHAPTER, "a", "str"), (CHAPTER, "a", "float"), (CHAPTER, "a", "list"),
    (CHAPTER, "a", "dict"), (CHAPTER, "a", "bool"), (CHAPTER, "a", "tensor"), (CHAPTER, "a", "parameter"),
    (CHAPTER, 5, "module"), (CHAPTER, 1.5, "module"), (CHAPTER, True, "module"), (CHAPTER, None, "module"),
    (CHAPTER, 5, "int"),  # the module check runs first
    (CHAPTER, "training", "module"), (CHAPTER, "forward", "module"), (CHAPTER, "append", "module"),
    (CHAPTER, "_modules", "module"), (CHAPTER, "__class__", "module"), (CHAPTER, "T_destination", "module"),
    (CHAPTER, "dump_patches", "module"), (CHAPTER, "state_dict", "none"),
    (CHAPTER, "a.b", "module"), (CHAPTER, ".", "none"), (CHAPTER, "", "module"), (CHAPTER, "", "none"),
    (CHAPTER, "training", "int"),
    (lin(2, 2), "weight", "module"), (lin(2, 2), "bias", "module"), (lin(2, 2, bias=False), "bias", "module"),
    (lin(2, 2), "in_features", "module"), (lin(2, 2), "reset_parameters", "module"),
    (lin(2, 2), "__constants__", "module"), (lin(2, 2), "sub", "module"),
    (leaf("Dropout"), "p", "module"), (leaf("LeakyReLU"), "negative_slope", "module"),
    (leaf("Softmax"), "dim", "module"), (leaf("Flatten"), "start_dim", "module"), (leaf("GELU"), "approximate", "module"),
    (leaf("ReLU"), "inplace", "module"),
    (CUSTOM["layers"][1], "alpha", "module"), (CUSTOM["layers"][1], "gone", "module"),
    (CUSTOM["layers"][1], "running", "module"), (CUSTOM["layers"][1], "nothing", "module"),
    (NONE_CHILDREN, "x", "module"),
]


def add_module_case(owner, name, kind):
    torch.manual_seed(0)
    m = build(owner)
    err = error_of(lambda: m.add_module(name, py_value(kind)))
    return {"owner": owner, "name": name, "module": kind, "error": err, "keys": list(m._modules.keys()),
            "repr": repr(m)}


add_module_cases = [add_module_case(*c) for c in ADD_MODULE]

REGISTER_PARAMETER = [
    (lin(2, 2), "extra", "parameter"), (lin(2, 2), "weight", "parameter"), (lin(2, 2), "bias", "none"),
    (lin(2, 2), "in_features", "parameter"), (lin(2, 2), "training", "parameter"), (lin(2, 2), "forward", "none"),
    (CHAPTER, "0", "parameter"), (CHAPTER, "w", "tensor"), (CHAPTER, "w", "double tensor"), (CHAPTER, "w", "int"),
    (CHAPTER, "w", "list"), (CHAPTER, "w", "nonleaf"),
    (CHAPTER, "a.b", "parameter"), (CHAPTER, "", "parameter"), (CHAPTER, 5, "parameter"), (CHAPTER, 5, "int"),
    (CHAPTER, "", "int"), (CHAPTER, "training", "int"),
    (CUSTOM["layers"][1], "running", "parameter"), (CUSTOM["layers"][1], "gone", "parameter"),
    (CUSTOM["layers"][1], "nothing", "parameter"),
]
REGISTER_BUFFER = [
    (lin(2, 2), "extra", "tensor"), (lin(2, 2), "extra", "none"), (lin(2, 2), "weight", "tensor"),
    (lin(2, 2), "training", "tensor"), (CHAPTER, "0", "tensor"), (CHAPTER, "b", "int"), (CHAPTER, "b", "list"),
    (CHAPTER, "a.b", "tensor"), (CHAPTER, "", "tensor"), (CHAPTER, 5, "tensor"),
    (CUSTOM["layers"][1], "running", "tensor"), (CUSTOM["layers"][1], "nothing", "tensor"),
    (CUSTOM["layers"][1], "alpha", "tensor"),
]


def register_case(method, owner, name, kind):
    torch.manual_seed(0)
    m = build(owner)
    value = nonleaf_parameter() if kind == "nonleaf" else py_value(kind)
    err = error_of(lambda: getattr(m, method)(name, value))
    return {"owner": owner, "name": name, "value": kind, "error": err,
            "parameters": list(m._parameters.keys()), "buffers": list(m._buffers.keys())}


register_parameter_cases = [register_case("register_parameter", *c) for c in REGISTER_PARAMETER]
register_buffer_cases = [register_case("register_buffer", *c) for c in REGISTER_BUFFER]


# ---------------------------------------------------------------------------------------------
# load_state_dict: every outcome, messages byte for byte.

def ramp(shape, start, dtype=torch.float32):
    n = 1
    for d in shape:
        n *= d
    return (torch.arange(n, dtype=torch.float64) * 0.37 + start).reshape(shape).to(dtype)


def entry(key, value):
    if isinstance(value, torch.Tensor):
        return [key, {"tensor": tensor(value), "dtype": "float64" if value.dtype == torch.float64 else "float32"}]
    return [key, {"py": value}]


def full_state(recipe, start=10.0):
    torch.manual_seed(0)
    net = build(recipe)
    return [[k, ramp(list(v.shape), start + i)] for i, (k, v) in enumerate(net.state_dict().items())]


def drop(entries, *keys):
    return [e for e in entries if e[0] not in keys]


def replace(entries, key, value):
    return [[k, value if k == key else v] for k, v in entries]


SCALAR = {"type": "Custom", "class": "Scalar", "params": [["s", {"shape": [], "data": [1.0]}]]}
CHAP = full_state(CHAPTER)
LOAD = [
    ("all keys", CHAPTER, CHAP, True),
    ("all keys, strict=False", CHAPTER, CHAP, False),
    ("keys in another order", CHAPTER, list(reversed(CHAP)), True),
    ("missing one", CHAPTER, drop(CHAP, "0.bias"), True),
    ("missing one, strict=False", CHAPTER, drop(CHAP, "0.bias"), False),
    ("spec example", CHAPTER, [["extra", ramp([1], 0)]] + drop(CHAP, "0.bias") + [["2.foo", ramp([1], 0)]], True),
    ("spec example, strict=False", CHAPTER, [["extra", ramp([1], 0)]] + drop(CHAP, "0.bias") + [["2.foo", ramp([1], 0)]],
     False),
    ("missing several", CHAPTER, drop(CHAP, "0.weight", "2.bias"), True),
    ("empty input", CHAPTER, [], True),
    ("empty input, strict=False", CHAPTER, [], False),
    ("unexpected nested under a leaf", CHAPTER, CHAP + [["0.weight.extra", ramp([1], 0)], ["1.x", ramp([1], 0)]], True),
    ("size mismatch", CHAPTER, replace(CHAP, "0.weight", ramp([3, 3], 1)), True),
    ("size mismatch, strict=False", CHAPTER, replace(CHAP, "0.weight", ramp([3, 3], 1)), False),
    ("every kind at once", CHAPTER,
     [["zz", ramp([2], 0)]] + replace(replace(drop(CHAP, "2.bias"), "0.weight", ramp([3, 3], 1)), "2.weight",
                                      ramp([8], 1)) + [["0.nope", ramp([1], 0)]], True),
    ("every kind at once, strict=False", CHAPTER,
     [["zz", ramp([2], 0)]] + replace(replace(drop(CHAP, "2.bias"), "0.weight", ramp([3, 3], 1)), "2.weight",
                                      ramp([8], 1)) + [["0.nope", ramp([1], 0)]], False),
    ("non-tensor list", CHAPTER, replace(CHAP, "0.bias", [1.0, 2.0]), True),
    ("non-tensor int, float, str, None, bool, dict", CHAPTER,
     [[k, {0: 1, 1: 1.5, 2: "x", 3: None}.get(i, v)] for i, (k, v) in enumerate(CHAP)] + [["2.weight", True]], True),
    ("non-tensor, strict=False", CHAPTER, replace(CHAP, "2.weight", {}), False),
    ("float64 values are cast", CHAPTER, [[k, v.to(torch.float64) / 3] for k, v in CHAP], True),
    ("tied module: last key wins", MODULE_TIED, full_state(MODULE_TIED), True),
    ("tied module: one path missing", MODULE_TIED, drop(full_state(MODULE_TIED), "2.weight"), True),
    ("tied parameter: last key wins", PARAM_TIED, full_state(PARAM_TIED), True),
    ("tied S15", TIED_S15, full_state(TIED_S15), True),
    ("0-d parameter from 0-d", SCALAR, [["s", ramp([], 5)]], True),
    ("0-d parameter from a 1-element 1-d", SCALAR, [["s", ramp([1], 5)]], True),
    ("0-d parameter from 2-d", SCALAR, [["s", ramp([1, 1], 5)]], True),
    ("None children and None parameters", seq([lin(2, 2, bias=False), {"none": True, "name": "x"}]),
     [["0.weight", ramp([2, 2], 1)], ["0.bias", ramp([2], 1)], ["x.weight", ramp([1], 0)], ["x", ramp([1], 0)],
      ["0", ramp([1], 0)]], True),
    ("_extra_state keys", CHAPTER,
     [["extra", ramp([1], 0)], ["_extra_state", 1], ["0._extra_state", 2]] + CHAP + [["1.x", 3]], True),
    ("buffers load, None buffers are skipped", CUSTOM, full_state(CUSTOM), True),
    ("rgnet", RGNET, full_state(RGNET), True),
    ("rgnet, keys with spaces missing", RGNET, [e for e in full_state(RGNET) if "block 2" not in e[0]], True),
]


def load_case(name, recipe, entries, strict):
    torch.manual_seed(0)
    net = build(recipe)
    before = OrderedDict((k, tensor(v)) for k, v in net.state_dict().items())
    sd = OrderedDict((k, v) for k, v in entries)
    result = None
    err = None
    try:
        result = net.load_state_dict(sd, strict=strict)
    except Exception as e:  # noqa: BLE001
        err = {"type": type(e).__name__, "message": str(e)}
    return {
        "name": name, "recipe": recipe, "strict": strict, "entries": [entry(k, v) for k, v in entries],
        "before": before, "error": err,
        "missingKeys": None if result is None else list(result.missing_keys),
        "unexpectedKeys": None if result is None else list(result.unexpected_keys),
        "resultRepr": None if result is None else repr(result),
        "after": None if result is None else OrderedDict((k, tensor(v)) for k, v in net.state_dict().items()),
    }


load_cases = [load_case(*c) for c in LOAD]
not_mapping = [error_of(lambda v=v: nn.Linear(1, 1).load_state_dict(v)) for v in ([1], 5, "x", None)]


# ---------------------------------------------------------------------------------------------
# Sequential indexing, slicing, append.

NAMED = seq([leaf("ReLU", name="a"), leaf("Tanh", name="block 1"), leaf("Sigmoid", name="2"), {"none": True, "name": "n"},
             leaf("Identity", name="x")])


def key_of(parent, child):
    for k, v in parent._modules.items():
        if v is child:
            return k
    return None


def sequential_cases():
    net = build(NAMED)
    n = len(net)
    at = []
    for i in range(-n - 2, n + 2):
        err = error_of(lambda i=i: net[i])
        at.append({"index": i, "error": err, "key": None if err else key_of(net, net[i]),
                   "isNone": None if err else net[i] is None})
    slices = []
    for start in (None, -7, -2, 0, 1, 3, 9):
        for stop in (None, -9, -1, 0, 2, 4, 10):
            for step in (None, 1, 2, 3, -1, -2):
                s = net[start:stop:step]
                slices.append({"start": start, "stop": stop, "step": step, "keys": list(s._modules.keys())})
    step_zero = error_of(lambda: net[::0])
    appended = build(seq([block1("block 0"), block1("block 1")]))
    appended.append(nn.ReLU())
    sliced = build(seq([leaf("ReLU"), leaf("Tanh"), leaf("Sigmoid")]))[::2]
    sliced.append(nn.Identity())
    return {
        "recipe": NAMED, "len": n, "at": at, "slices": slices, "stepZero": step_zero,
        "sliceReprs": [{"start": a, "stop": b, "step": c, "repr": repr(net[a:b:c])}
                       for a, b, c in ((1, None, None), (None, None, 2), (None, None, -1), (5, None, None))],
        "appendAfterNamed": {"keys": list(appended._modules.keys()), "repr": repr(appended)},
        "appendAfterSlice": {"keys": list(sliced._modules.keys()), "repr": repr(sliced)},
        "noneForward": error_of(lambda: build(NAMED)(torch.zeros(1))),
    }


# ---------------------------------------------------------------------------------------------
# get_submodule / get_parameter.

PROBE = seq([lin(2, 2), leaf("ReLU"), {"none": True, "name": "n"}, block2(), lin(2, 2, bias=False, name="nb")])
SUBMODULE_TARGETS = ["", "0", "1", "3", "3.block 1", "3.block 1.0", "nb", "training", "forward", "n", "n.x", "0.weight",
                     "0.nope", "9", "-1", "0.", ".0", "3.block 9", "3.block 1.0.weight", "3.1", "__class__"]
PARAMETER_TARGETS = ["0.weight", "0.bias", "3.block 1.0.bias", "3.block 3.2.weight", "nb.weight", "nb.bias", "training",
                     "n", "n.x", "0", "0.training", "0.forward", "0.nope", "9.weight", "1.inplace", "", "3.1.0.bias",
                     "-1.weight", "0.in_features", "3.block 1.4.bias"]


def path_cases():
    torch.manual_seed(0)
    net = build(PROBE)
    first = {id(m): p for p, m in net.named_modules()}
    first_param = {id(p): n for n, p in net.named_parameters()}
    sub = []
    for t in SUBMODULE_TARGETS:
        err = error_of(lambda t=t: net.get_submodule(t))
        sub.append({"target": t, "error": err, "path": None if err else first[id(net.get_submodule(t))]})
    par = []
    for t in PARAMETER_TARGETS:
        err = error_of(lambda t=t: net.get_parameter(t))
        par.append({"target": t, "error": err, "name": None if err else first_param[id(net.get_parameter(t))]})
    return {"recipe": PROBE, "submodule": sub, "parameter": par}


# ---------------------------------------------------------------------------------------------
# Layers: forward values, autograd node names, input gradients, extra_repr.

data_gen = torch.Generator().manual_seed(1234)


def randn(shape):
    return torch.randn(shape, generator=data_gen)


LAYER_FORWARD = [
    (leaf("ReLU"), [2, 5]), (leaf("LeakyReLU"), [2, 5]), (leaf("LeakyReLU", negative_slope=0.2), [3, 4]),
    (leaf("Sigmoid"), [2, 5]), (leaf("Tanh"), [2, 5]), (leaf("GELU"), [2, 5]),
    (leaf("GELU", approximate="tanh"), [2, 5]), (leaf("Identity"), [2, 3]),
    (leaf("Softmax"), []), (leaf("Softmax"), [5]), (leaf("Softmax"), [3, 4]), (leaf("Softmax"), [2, 3, 4]),
    (leaf("Softmax"), [2, 2, 3, 2]), (leaf("Softmax", dim=0), [3, 4]), (leaf("Softmax", dim=-1), [2, 3, 4]),
    (leaf("Softmax", dim=1), [2, 3, 4]),
    (leaf("LogSoftmax"), []), (leaf("LogSoftmax"), [5]), (leaf("LogSoftmax"), [3, 4]), (leaf("LogSoftmax"), [2, 3, 4]),
    (leaf("LogSoftmax"), [2, 2, 3, 2]), (leaf("LogSoftmax", dim=0), [3, 4]), (leaf("LogSoftmax", dim=-1), [2, 3, 4]),
    (leaf("Flatten"), [2, 3, 4]), (leaf("Flatten", start_dim=0, end_dim=2), [2, 3, 4, 2]),
    (leaf("Flatten", start_dim=0, end_dim=-1), [2, 3]),
    (lin(4, 3), [4]), (lin(4, 3), [2, 4]), (lin(4, 3), [2, 5, 4]), (lin(4, 3, bias=False), [2, 4]),
    (leaf("Dropout"), [2, 5]),  # eval mode: the identity
    (CHAPTER, [2, 4]), (RGNET, [3, 4]), (TIED_S15, [2, 4]), (EVERY_LAYER, [2, 3, 2]),
]


def layer_case(recipe, shape):
    torch.manual_seed(7)
    net = build(recipe)
    net.eval()
    x = randn(shape).requires_grad_(True)
    y = net(x)
    g = randn(list(y.shape))
    (y * g).sum().backward()
    return {
        "recipe": recipe, "state": OrderedDict((k, tensor(v)) for k, v in net.state_dict().items()),
        "input": tensor(x), "output": tensor(y), "gradFn": type(y.grad_fn).__name__ if y.grad_fn else None,
        "sameObject": y is x, "gradOutput": tensor(g), "inputGrad": tensor(x.grad),
        "parameterGrads": OrderedDict((n, tensor(p.grad)) for n, p in net.named_parameters()),
    }


layer_cases = [layer_case(*c) for c in LAYER_FORWARD]

REPRS = [
    lin(4, 8), lin(3, 1, bias=False), leaf("ReLU"), leaf("LeakyReLU"), leaf("LeakyReLU", negative_slope=0.2),
    leaf("LeakyReLU", negative_slope=1e-5), leaf("LeakyReLU", negative_slope=0.1 + 0.2), leaf("Sigmoid"), leaf("Tanh"),
    leaf("GELU"), leaf("GELU", approximate="tanh"), leaf("Softmax"), leaf("Softmax", dim=1), leaf("Softmax", dim=-1),
    leaf("LogSoftmax"), leaf("LogSoftmax", dim=0), leaf("Dropout"), leaf("Dropout", p=0.1), leaf("Dropout", p=0.0),
    leaf("Dropout", p=1.0), leaf("Dropout", p=1 / 3), leaf("Flatten"), leaf("Flatten", start_dim=0, end_dim=2),
    leaf("Identity"),
]
layer_reprs = [{"recipe": r, "repr": repr(build(r))} for r in REPRS]

layer_errors = {
    "dropout p": [{"p": p, "error": error_of(lambda p=p: nn.Dropout(p))} for p in (1.5, -0.1, 2.0)],
    "linear features": [{"in": i, "out": o, "error": error_of(lambda i=i, o=o: nn.Linear(i, o))}
                        for i, o in ((-1, 4), (4, -1), (-2, -3), (1.5, 2))],
    "train mode": error_of(lambda: nn.Sequential().train("x")),
}


# ---------------------------------------------------------------------------------------------
# Seeded default init (bit-exact) and seeded dropout masks.

def linear_init_case(seed, i, o, bias):
    torch.manual_seed(seed)
    m = nn.Linear(i, o, bias=bias)
    return {"seed": seed, "in": i, "out": o, "bias": bias, "weight": tensor(m.weight),
            "biasValue": None if m.bias is None else tensor(m.bias)}


linear_init = [linear_init_case(*c) for c in [
    (0, 4, 8, True), (0, 8, 1, True), (1, 3, 5, False), (42, 1, 1, True), (7, 16, 3, True), (2**32 + 5, 5, 2, True),
    (123, 100, 10, True), (0, 0, 3, True), (0, 3, 0, True),
]]


def seeded_net_case(name, recipe, seed, batch):
    torch.manual_seed(seed)
    net = build(recipe)
    x = torch.rand(batch, 4)
    y = net(x)
    return {"name": name, "recipe": recipe, "seed": seed, "state": OrderedDict((k, tensor(v)) for k, v in
                                                                                net.state_dict().items()),
            "input": tensor(x), "output": tensor(y), "gradFn": type(y.grad_fn).__name__}


seeded_nets = [
    seeded_net_case("chapter", CHAPTER, 0, 2), seeded_net_case("chapter", CHAPTER, 42, 2),
    seeded_net_case("rgnet", RGNET, 1, 3), seeded_net_case("tied S15", TIED_S15, 3, 2),
]


def dropout_case(seed, p, shape):
    x = randn(shape)
    torch.manual_seed(seed)
    d = nn.Dropout(p)
    xr = x.clone().requires_grad_(True)
    y = d(xr)
    return {"seed": seed, "p": p, "input": tensor(x), "output": tensor(y),
            "gradFn": type(y.grad_fn).__name__ if y.grad_fn else None, "sameObject": y is xr}


dropout_cases = [dropout_case(*c) for c in [
    (0, 0.5, [10]), (1, 0.1, [7, 13]), (2, 0.9, [50]), (3, 0.0, [5]), (4, 1.0, [6]), (5, 1 / 3, [4, 5]),
    (6, 0.5, [0]), (7, 0.25, [2000]),
]]


# ---------------------------------------------------------------------------------------------
# Python's repr(float), which extra_repr uses for float arguments.

def float_values():
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 0.5, 0.01, 1e-5, 1e-4, 0.0001, 0.00011, 9.999e-5,
            1e-3, 123456789.0, 1234567890123456.0, 1e15, 9999999999999998.0, 1e16, 1.5e16, 1e17, 1e21, 1e22, 1e100,
            1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-7, 1e-300, 3.14159, 2.5, 100.0, 1e-10,
            123.456, 0.000123, 6.02214076e23, -1.5e-7, float("inf"), float("-inf"), float("nan"), 4.35,
            0.30000000000000004, 1e-06, 12345678901234567890.0]
    rnd = random.Random(5)
    for _ in range(400):
        e = rnd.uniform(-30, 30)
        vals.append(rnd.choice((1, -1)) * 10 ** e)
    for _ in range(200):
        vals.append(struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0])
    for _ in range(200):  # float32 values seen as doubles, as LeakyReLU(torch float) would hold them
        vals.append(struct.unpack("<f", struct.pack("<I", rnd.getrandbits(32)))[0])
    for e in range(-8, 24):
        vals.append(float(10 ** e) if e >= 0 else 10.0 ** e)
    return [v for v in vals if not (isinstance(v, float) and math.isnan(v))] + [float("nan")]


float_reprs = [{"v": v, "repr": repr(v)} for v in float_values()]

# Python's repr(str), which _IncompatibleKeys uses for key names.
STRINGS = ["0.bias", "block 0.weight", "it's", 'a"b', "a'b\"c", "back\\slash", "tab\there", "new\nline", "é x", "\x00",
           "\x1f", "\x7f", "\x9f", "\xa0", "\xad", "\u00e9", "\u2028", "\u200b", "\u3000", "\ue000", "\ud800",
           "\U0001F600", "\U000E0001", "日本語", ""]
str_reprs = [{"s": s, "repr": repr(s)} for s in STRINGS]


write_fixture("nn", {
    "structures": structures,
    "attributes": attributes,
    "addModule": add_module_cases,
    "registerParameter": register_parameter_cases,
    "registerBuffer": register_buffer_cases,
    "loadStateDict": load_cases,
    "loadStateDictNotMapping": not_mapping,
    "sequential": sequential_cases(),
    "paths": path_cases(),
    "layerForward": layer_cases,
    "layerRepr": layer_reprs,
    "layerErrors": layer_errors,
    "linearInit": linear_init,
    "seededNets": seeded_nets,
    "dropout": dropout_cases,
    "floatRepr": float_reprs,
    "strRepr": str_reprs,
})
