"""Golden fixture for tensor repr (torch/_tensor_str.py) and Python float format.

Writes test/golden/fixtures/repr.json with two lists:
  repr:    {name, dtype, shape, data (flat), gradFn, requiresGrad, parameter, repr}
  pyfloat: {v, f: [format(v, '.{p}f') for p in 0..6], e: [format(v, '.{p}e') for p in 0..6]}
Suffix cases are produced by real ops, so grad_fn names are the ones torch records.
"""
import math
import random
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from common import write_fixture

PRECISIONS = range(7)
cases = []


def short_f32(v):
    """The shortest decimal that Math.fround maps back to this float32 (keeps the fixture small)."""
    if not math.isfinite(v):
        return v
    short = float(str(np.float32(v)))
    return short if np.float32(short) == np.float32(v) and (short != 0 or v == 0) else v


def flat_values(base):
    values = base.reshape(-1).tolist()
    if base.dtype == torch.float32:
        values = [short_f32(v) for v in values]
        assert all(np.float32(a) == np.float32(b) or math.isnan(a) for a, b in zip(values, base.reshape(-1).tolist()))
    return values


def record(name, t, parameter=False):
    base = t.detach()
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    cases.append({
        "name": name,
        "dtype": "float64" if base.dtype == torch.float64 else "float32",
        "shape": list(base.shape),
        "data": flat_values(base),
        "gradFn": grad_fn,
        "requiresGrad": bool(t.requires_grad),
        "parameter": parameter,
        "repr": repr(t),
    })


def f32(values, shape=None):
    t = torch.tensor(values, dtype=torch.float32)
    return t.reshape(shape) if shape is not None else t


def f64(values, shape=None):
    t = torch.tensor(values, dtype=torch.float64)
    return t.reshape(shape) if shape is not None else t


nan, inf = float("nan"), float("inf")

# --- the spec's examples table and mode thresholds ---------------------------------
for dtype_name, make in (("f32", f32), ("f64", f64)):
    for label, values in [
        ("spec 1 2.5", [1.0, 2.5]),
        ("spec 1e-5 1", [1e-5, 1.0]),
        ("spec 123456789", [123456789.0]),
        ("spec inf 1e-5", [inf, 1e-5]),
        ("spec 0.03125 1.5", [0.03125, 1.5]),
        ("nan 1.5", [nan, 1.5]),
        ("int mode", [1.0, 2.0, 42.0]),
        ("int 1 1000", [1.0, 1000.0]),
        ("int 1 1001", [1.0, 1001.0]),
        ("int -1 1001", [-1.0, 1001.0]),
        ("int 1e8", [100000000.0]),
        ("int 1e8 + 8", [100000008.0]),
        ("int 2e8", [200000000.0]),
        ("int huge", [1e20, 3.0]),
        ("fixed 1 1000.5", [1.0, 1000.5]),
        ("fixed 1 999.5", [1.0, 999.5]),
        ("fixed 1.5 1500", [1.5, 1500.0]),
        ("min 1e-4", [1e-4, 1.0]),
        ("min 1e-4 2e-4", [1e-4, 2e-4]),
        ("min 1.5e-4 0.1", [1.5e-4, 0.1]),
        ("min 9e-5", [9e-5, 0.05]),
        ("max 1e8 frac", [1e8, 0.5]),
        ("max 99999999.5", [99999999.5]),
        ("nan inf -inf", [nan, inf, -inf]),
        ("nan inf -inf 1", [nan, inf, -inf, 1.0]),
        ("nan inf -inf 1.5", [nan, inf, -inf, 1.5]),
        ("nan inf -inf 1e-6", [nan, inf, -inf, 1e-6]),
        ("nan 1 2", [nan, 1.0, 2.0]),
        ("-inf 1", [-inf, 1.0]),
        ("nan only", [nan]),
        ("inf only", [inf]),
        ("-inf only", [-inf]),
        ("zeros", [0.0, 0.0, 0.0]),
        ("neg zero int", [-0.0, 0.0, 1.0]),
        ("neg zero fixed", [-0.0, 0.5]),
        ("neg zero sci", [-0.0, 1e-6]),
        ("neg zero only", [-0.0]),
        ("zeros nan", [0.0, nan]),
        ("negatives", [-1.5, 2.25, -300.125]),
        ("negative tiny fixed", [-0.00004, 0.5]),
        ("negative tiny fixed tie", [-0.00005, 0.5]),
        ("widths", [-1000.5, 1.0]),
        ("widths 2", [-999.25, 0.25, 12.0]),
        ("ties f32", [0.03125, 0.09375, 1.53125, -2.65625, 0.15625, 0.21875]),
        ("ties fixed 0.00005", [0.00005, 0.5]),
        ("ties 2.5e-5", [2.5e-5, 1.0]),
        ("ties 1.00005", [1.00005, 2.0]),
        ("ties 1.03125 sci", [1.03125, 1e-5]),
        ("ties 12345.5 sci", [12345.5, 12346.5, 1.0]),
        ("ties 12345.5 fixed", [12345.5, 12346.5, 100.0]),
        ("ties int sci 123455000", [123455000.0, 1.0]),
        ("ties int sci 123465000", [123465000.0, 1.0]),
        ("big sci", [3e38, -1e-38]),
        ("denormal f32", [1e-45, 1.0]),
    ]:
        record(f"{label} {dtype_name}", make(values))

# 0-d tensors
for v in [1.5, 42.0, -0.0, 0.0, nan, inf, -inf, 1e-5, 123456789.0, 0.03125, -2.5, 1e8, 3e9]:
    record(f"0-d {v!r}", f32(v))
    record(f"0-d f64 {v!r}", f64(v))

# Empty tensors
for shape in [(0,), (2, 0), (0, 3), (2, 0, 3), (0, 0)]:
    record(f"empty {shape}", torch.empty(shape))
    record(f"empty f64 {shape}", torch.empty(shape, dtype=torch.float64))
    record(f"empty rg {shape}", torch.empty(shape, requires_grad=True))
    record(f"empty f64 rg {shape}", torch.empty(shape, dtype=torch.float64, requires_grad=True))
record("empty grad_fn", torch.empty(0, requires_grad=True) * 2)
record("empty 2x0 grad_fn f64", torch.empty(2, 0, dtype=torch.float64, requires_grad=True) * 2)

torch.manual_seed(0)
rng = random.Random(1234)

# Line wrapping of 1-D tensors
for n in [7, 8, 9, 10, 11, 12, 13, 17, 30, 100]:
    record(f"1-D arange {n}", torch.arange(float(n)))
    record(f"1-D randn {n}", torch.randn(n))
    record(f"1-D randn*100 {n}", torch.randn(n) * 100)
    record(f"1-D randn sci {n}", torch.randn(n) * 1e-6)
    record(f"1-D randn f64 {n}", torch.randn(n, dtype=torch.float64))
record("1-D 1000 (no summarize)", torch.randn(1000))

# 2-D, 3-D, 4-D
for shape in [(2, 1), (1, 2), (8, 4), (3, 3), (1, 1), (2, 3, 4), (3, 1, 2), (2, 2, 2, 2), (1, 2, 1, 3), (3, 20),
              (2, 2, 15), (6, 6), (7, 7), (2, 3, 4, 5)]:
    record(f"randn {shape}", torch.randn(shape))
    record(f"randn int {shape}", torch.randn(shape).mul(10).round())
    record(f"randn f64 {shape}", torch.randn(shape, dtype=torch.float64))

# Summarization (numel > 1000)
record("arange 2000", torch.arange(2000.0))
record("arange 1001", torch.arange(1001.0))
record("arange 2000 reshape 40x50", torch.arange(2000.0).reshape(40, 50))
record("randn 40x50", torch.randn(40, 50))
record("randn 10x10x20", torch.randn(10, 10, 20))
record("randn 5x300", torch.randn(5, 300))
record("randn 300x5", torch.randn(300, 5))
record("randn 2x3x200", torch.randn(2, 3, 200))
record("randn 4x6x50", torch.randn(4, 6, 50))
record("randn 7x7x7x3", torch.randn(7, 7, 7, 3))
record("randn 6x6x6x5", torch.randn(6, 6, 6, 5))
record("randn 1001x1", torch.randn(1001, 1))
record("randn 2000 f64", torch.randn(2000, dtype=torch.float64))
record("randn 2000 grad", torch.randn(2000, requires_grad=True) * 2)
x = torch.randn(2000)
x[3] = 1e-9  # hidden by summarization: must not switch the shown values to sci mode
record("summarized hides tiny", x)
x = torch.randn(40, 50)
x[0, 0] = nan
x[-1, -1] = inf
record("summarized nan inf", x)

# Suffixes: requires_grad leaves and grad_fn from real ops
record("leaf requires_grad", torch.randn(3, requires_grad=True))
record("leaf requires_grad 0-d", torch.tensor(1.5, requires_grad=True))
record("leaf requires_grad f64", torch.randn(2, 3, dtype=torch.float64, requires_grad=True))
w = torch.randn(3, 2, requires_grad=True)
b = torch.randn(3, requires_grad=True)
record("linear AddmmBackward0 2x1", F.linear(torch.randn(2, 2), w, b)[:, :1].clone())
record("linear AddmmBackward0", F.linear(torch.randn(2, 2), w, b))
record("linear AddmmBackward0 8x4", F.linear(torch.randn(8, 5), torch.randn(4, 5, requires_grad=True),
                                              torch.randn(4, requires_grad=True)))
record("mm MmBackward0", torch.randn(4, 2) @ w.t())
record("sum SumBackward0", w.sum())
record("mean MeanBackward0", w.mean())
record("verified example", (torch.randn(1, 5, dtype=torch.float64, requires_grad=True) * 2))
# The spec's example, values and all (halving then doubling is exact).
spec_leaf = (f64([[-2.7855, -0.7221, 3.7479, -2.7672, -1.0610]]) / 2).requires_grad_()
spec_example = spec_leaf * 2
assert repr(spec_example) == ("tensor([[-2.7855, -0.7221,  3.7479, -2.7672, -1.0610]], dtype=torch.float64,\n"
                              "       grad_fn=<MulBackward0>)")
record("verified example from the spec", spec_example)
ops = [
    ("MulBackward0", lambda t: t * 2),
    ("AddBackward0", lambda t: t + 1),
    ("SubBackward0", lambda t: t - 1),
    ("DivBackward0", lambda t: t / 3),
    ("NegBackward0", lambda t: -t),
    ("TanhBackward0", torch.tanh),
    ("SigmoidBackward0", torch.sigmoid),
    ("ReluBackward0", torch.relu),
    ("ExpBackward0", torch.exp),
    ("PowBackward0", lambda t: t ** 2),
    ("CloneBackward0", torch.clone),
]
# A suffix goes on a new line when last_line_len + len(suffix) + 2 > 80, with the quirky
# last_line_len = len(s) - s.rfind("\n") + 1. Sweep element widths, lengths, row counts and
# suffix lengths, and keep the candidates that land within one character of that boundary.


def suffix_margins(t):
    """last_line_len + len(suffix) + 2 - 80 for each suffix, as _add_suffixes computes it."""
    body = "tensor(" + torch._tensor_str._tensor_str(t.detach(), 7)
    suffixes = []
    if t.dtype == torch.float64:
        suffixes.append("dtype=torch.float64")
    if t.grad_fn is not None:
        suffixes.append(f"grad_fn=<{type(t.grad_fn).__name__}>")
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    last, margins = len(body) - body.rfind("\n") + 1, []
    for s in suffixes:
        margins.append(last + len(s) + 2 - 80)
        last = 7 + len(s) if margins[-1] > 0 else last + len(s) + 2
    return margins


widths = {  # value generators whose formatted width is fixed
    "fix w6": lambda n: torch.empty(n).uniform_(1, 9),
    "fix w7": lambda n: torch.empty(n).uniform_(-9, 9),
    "fix w8": lambda n: torch.empty(n).uniform_(-99, 99),
    "fix w9": lambda n: torch.empty(n).uniform_(-999, -100),
    "sci w10": lambda n: torch.empty(n).uniform_(1, 9) * 1e-5,
    "sci w11": lambda n: torch.empty(n).uniform_(-9, 9) * 1e-5,
    "int w2": lambda n: torch.randint(1, 10, (n,)).float(),
    "int w5": lambda n: torch.randint(-999, -99, (n,)).float(),
    "int w7": lambda n: torch.randint(100000, 999999, (n,)).float(),
}
suffix_ops = [
    ("leaf", None),
    ("mul", lambda t: t * 1),
    ("add", lambda t: t + 0),
    ("div", lambda t: t / 1),
    ("clone", torch.clone),
    ("view", lambda t: t.view(t.shape)),
    ("slice", lambda t: t[:]),
    ("expand", lambda t: t.expand(t.shape)),
    ("abs", torch.abs),
]
kept, boundary = {}, {}
for label, gen in widths.items():
    for rows in (0, 2, 3):
        for n in range(1, 13):
            for dtype in (torch.float32, torch.float64):
                for op_label, op in suffix_ops:
                    base = gen(n * max(rows, 1)).reshape((rows, n) if rows else (n,)).to(dtype)
                    leaf = base.clone().requires_grad_()
                    y = leaf if op is None else op(leaf)
                    near = [m for m in suffix_margins(y) if -1 <= m <= 1]
                    key = (tuple(near), dtype, op is None)
                    if near and kept.get(key, 0) < 4:
                        kept[key] = kept.get(key, 0) + 1
                        record(f"suffix boundary {near} {label} rows={rows} n={n} {op_label} {dtype}", y)
                        for m in near:
                            boundary[m] = boundary.get(m, 0) + 1
for rows in (2, 3):
    for cols in range(1, 9):
        leaf = torch.randn(rows, cols, dtype=torch.float64, requires_grad=True)
        record(f"suffix 2-D {rows}x{cols} f64 Mul", leaf * 2)
        record(f"suffix 2-D {rows}x{cols} f32 Sigmoid", torch.sigmoid(leaf.float()))

# nn.Parameter
record("Parameter trainable", nn.Parameter(torch.randn(2, 3)), parameter=True)
record("Parameter frozen", nn.Parameter(torch.randn(2, 3), requires_grad=False), parameter=True)
record("Parameter 0-d", nn.Parameter(torch.tensor(0.5)), parameter=True)
record("Parameter f64", nn.Parameter(torch.randn(3, dtype=torch.float64)), parameter=True)
lin = nn.Linear(8, 4)
record("Parameter Linear weight", lin.weight, parameter=True)
record("Parameter Linear bias", lin.bias, parameter=True)
record("Parameter 1x5 wrap", nn.Parameter(torch.randn(1, 8) * 1000), parameter=True)

# Random tensors: randn * 10**k with random shapes
for i in range(400):
    k = -6 + i % 16
    ndim = rng.choice([0, 1, 1, 2, 2, 2, 3, 4])
    if ndim == 0:
        shape = ()
    elif ndim == 1:
        shape = (rng.randint(1, 80),)
    elif ndim == 2:
        shape = (rng.randint(1, 9), rng.randint(1, 9))
    elif ndim == 3:
        shape = tuple(rng.randint(1, 5) for _ in range(3))
    else:
        shape = tuple(rng.randint(1, 4) for _ in range(4))
    if i % 40 == 0:  # now and then one large enough to be summarized
        shape = (rng.randint(1, 9), rng.randint(1, 9), rng.randint(30, 60))
    dtype = torch.float64 if rng.random() < 0.25 else torch.float32
    t = torch.randn(shape, dtype=dtype) * (10.0 ** k)
    flavour = rng.random()
    if flavour < 0.1:
        t = t.round()
    elif flavour < 0.2 and t.numel() > 1:
        t.view(-1)[rng.randrange(t.numel())] = rng.choice([0.0, -0.0, nan, inf, -inf])
    if rng.random() < 0.2:
        t = (t.requires_grad_() * 1) if rng.random() < 0.5 else t.requires_grad_()
    record(f"random {i} k={k} {tuple(shape)} {dtype}", t)

# --- Python float format table -------------------------------------------------------


def as_f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


values = [0.0, -0.0, nan, inf, -inf, 0.5, 1.5, 2.5, -0.5, -2.5, 0.03125, 0.00005, 2.5e-5, 1.00005,
          125.0, 12.5, 0.125, 0.25, 0.375, 1e-4, 1e-5, 1e21, 1e22, 1.5e21, 123456789.0, 9.5, 99.5,
          0.95, 0.995, 9.9995, 99999.5, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          1e300, 1e-300, 1e16, 2 ** 53 + 0.0, 2 ** 53 + 2.0, 123455000.0, 123465000.0, 1e8, 4.35, 0.045]
rng_f = random.Random(99)
for p in PRECISIONS:
    # exact ties at p decimals: odd / 2**(p+1), with integer parts and signs
    for k in rng_f.sample(range(1, 2 ** (p + 2), 2), min(24, 2 ** (p + 1))):
        for whole in (0, 1, 2, 7, 1000):
            v = whole + k / 2 ** (p + 1)
            values += [v, -v]
    # exact ties at p significant digits in 'e': (n + 0.5) * 10**(e-p) for representable values
    for e in range(-2, 12):
        for n in (10 ** p, 10 ** p + 1, 2 * 10 ** p + 3, 10 ** (p + 1) - 1):
            v = (n + 0.5) * 10.0 ** (e - p) if e >= p else (n + 0.5) / 10.0 ** (p - e)
            values += [v, math.nextafter(v, inf), math.nextafter(v, -inf)]
for e in range(-30, 31):
    values += [10.0 ** e, -(10.0 ** e), 5 * 10.0 ** e, 9.99995 * 10.0 ** e]
for _ in range(600):
    values.append(rng_f.gauss(0, 1) * 10.0 ** rng_f.randint(-8, 12))
for _ in range(400):
    values.append(as_f32(rng_f.gauss(0, 1) * 10.0 ** rng_f.randint(-8, 10)))
for _ in range(100):
    values.append(struct.unpack("d", struct.pack("Q", rng_f.getrandbits(64)))[0])

seen = set()
pyfloat = []
for v in values:
    key = struct.pack("d", v)
    if key in seen or math.isnan(v) and "nan" in seen:
        continue
    seen.add(key)
    if math.isnan(v):
        seen.add("nan")
    pyfloat.append({"v": v, "f": [format(v, f".{p}f") for p in PRECISIONS],
                    "e": [format(v, f".{p}e") for p in PRECISIONS]})

write_fixture("repr", {"repr": cases, "pyfloat": pyfloat})
print(f"{len(cases)} repr cases, {len(pyfloat)} float format values; "
      f"first-suffix margins -1, 0, 1 (wrap when > 0): {[boundary.get(m, 0) for m in (-1, 0, 1)]}")
