"""Golden fixture for the engine's tensor ops and autograd.

Writes test/golden/fixtures/ops.json with:
  gradFn:   {case id: type(out.grad_fn).__name__} for every case below (op, rank, bias variants)
  ops:      {id, op, args, inputs, requires, out, gradFn, gradOut, grads, exact}
            float32 inputs from a seeded randn; `out.backward(gradOut)` gives `grads`
            (null where an input does not require grad). `exact` marks results that
            must match bit for bit (elementwise IEEE ops, copies).
  opErrors: {id, op, shapes, args, message}: the op on zeros of those shapes raises `message`
  mlps:     {widths, activation, bias, x, params, out, loss, grads} for random MLPs; the loss
            is (out + 1).square().mean(); the weights are stored, so no RNG parity is needed
  backward: {errors: {name: message}, secondBackward: {op: error message or null}}

The TypeScript side (test/engine/golden-ops.test.ts) dispatches on `op` with the same
names, so a case reads like the PyTorch line it checks.
"""
import math
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from common import write_fixture

torch.set_num_threads(1)
# mse_loss warns about broadcasting targets; the broadcast case is deliberate.
warnings.filterwarnings("ignore", message="Using a target size")


def short_f32(v):
    """The shortest decimal that Math.fround maps back to this float32 (keeps the fixture small)."""
    if not math.isfinite(v):
        return v
    short = float(str(np.float32(v)))
    return short if np.float32(short) == np.float32(v) else v


def enc(t):
    if t is None:
        return None
    t = t.detach()
    values = t.reshape(-1).tolist()
    if t.dtype == torch.float32:
        values = [short_f32(v) for v in values]
    return {"shape": list(t.shape), "data": values}


def grad_fn_name(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else None


def py_index(selectors, as_tuple):
    items = []
    for s in selectors:
        if s["kind"] == "index":
            items.append(s["index"])
        elif s["kind"] == "slice":
            items.append(slice(s.get("start"), s.get("stop"), s.get("step")))
        else:
            items.append(Ellipsis)
    return tuple(items) if as_tuple else items[0]


def targets(a, x):
    """Class indices; a 1-D input takes a 0-d target in PyTorch, one index in the engine."""
    t = torch.tensor(a["targets"], dtype=torch.long)
    return t[0] if x.dim() == 1 else t


# op name -> (inputs, args) -> tensor; the TypeScript dispatch table mirrors it.
OPS = {
    "add": lambda x, a: torch.add(x[0], x[1], alpha=a.get("alpha", 1)),
    "add_scalar": lambda x, a: x[0] + a["c"],
    "radd_scalar": lambda x, a: a["c"] + x[0],
    "sub": lambda x, a: torch.sub(x[0], x[1], alpha=a.get("alpha", 1)),
    "sub_scalar": lambda x, a: x[0] - a["c"],
    "rsub_scalar": lambda x, a: a["c"] - x[0],
    "mul": lambda x, a: x[0] * x[1],
    "mul_scalar": lambda x, a: x[0] * a["c"],
    "div": lambda x, a: x[0] / x[1],
    "div_scalar": lambda x, a: x[0] / a["c"],
    "rdiv_scalar": lambda x, a: a["c"] / x[0],
    "neg": lambda x, a: -x[0],
    "abs": lambda x, a: x[0].abs(),
    "exp": lambda x, a: x[0].exp(),
    "log": lambda x, a: x[0].log(),
    "sqrt": lambda x, a: x[0].sqrt(),
    "reciprocal": lambda x, a: x[0].reciprocal(),
    "square": lambda x, a: x[0].square(),
    "relu": lambda x, a: torch.relu(x[0]),
    "sigmoid": lambda x, a: torch.sigmoid(x[0]),
    "tanh": lambda x, a: torch.tanh(x[0]),
    "leaky_relu": lambda x, a: F.leaky_relu(x[0], a.get("slope", 0.01)),
    "gelu": lambda x, a: F.gelu(x[0], approximate=a.get("approximate", "none")),
    "pow_scalar": lambda x, a: x[0] ** a["e"],
    "pow": lambda x, a: x[0] ** x[1],
    "rpow_scalar": lambda x, a: a["c"] ** x[0],
    "clamp": lambda x, a: torch.clamp(x[0], a.get("min"), a.get("max")),
    "gt": lambda x, a: (x[0] > (x[1] if len(x) > 1 else a["c"])).float(),
    "ge": lambda x, a: (x[0] >= (x[1] if len(x) > 1 else a["c"])).float(),
    "lt": lambda x, a: (x[0] < (x[1] if len(x) > 1 else a["c"])).float(),
    "le": lambda x, a: (x[0] <= (x[1] if len(x) > 1 else a["c"])).float(),
    "eq": lambda x, a: (x[0] == (x[1] if len(x) > 1 else a["c"])).float(),
    "ne": lambda x, a: (x[0] != (x[1] if len(x) > 1 else a["c"])).float(),
    "where": lambda x, a: torch.where(x[0] > 0, x[1], x[2]),
    "sum": lambda x, a: x[0].sum() if "dim" not in a else x[0].sum(a["dim"], keepdim=a.get("keepdim", False)),
    "mean": lambda x, a: x[0].mean() if "dim" not in a else x[0].mean(a["dim"], keepdim=a.get("keepdim", False)),
    "max": lambda x, a: x[0].max(),
    "max_dim": lambda x, a: x[0].max(a["dim"], keepdim=a.get("keepdim", False))[0],
    "softmax": lambda x, a: torch.softmax(x[0], a["dim"]),
    "log_softmax": lambda x, a: torch.log_softmax(x[0], a["dim"]),
    "mm": lambda x, a: torch.mm(x[0], x[1]),
    "addmm": lambda x, a: torch.addmm(x[0], x[1], x[2]),
    "linear": lambda x, a: F.linear(x[0], x[1], x[2] if len(x) > 2 else None),
    "matmul": lambda x, a: torch.matmul(x[0], x[1]),
    "reshape": lambda x, a: x[0].reshape(a["shape"]),
    "view": lambda x, a: x[0].view(a["shape"]),
    "flatten": lambda x, a: x[0].flatten(a.get("start", 0), a.get("end", -1)),
    "unsqueeze": lambda x, a: x[0].unsqueeze(a["dim"]),
    "squeeze": lambda x, a: x[0].squeeze() if "dim" not in a else x[0].squeeze(a["dim"]),
    "permute": lambda x, a: x[0].permute(*a["dims"]),
    "transpose": lambda x, a: x[0].transpose(a["dim0"], a["dim1"]),
    "t": lambda x, a: x[0].t(),
    "expand": lambda x, a: x[0].expand(*a["shape"]),
    "clone": lambda x, a: x[0].clone(),
    "cat": lambda x, a: torch.cat(x, a.get("dim", 0)),
    "stack": lambda x, a: torch.stack(x, a.get("dim", 0)),
    "select": lambda x, a: x[0].select(a["dim"], a["index"]),
    "slice": lambda x, a: torch.ops.aten.slice(x[0], a["dim"], a.get("start"), a.get("end"), a.get("step", 1)),
    "index": lambda x, a: x[0][py_index(a["selectors"], a.get("tuple", len(a["selectors"]) != 1))],
    "gather_rows": lambda x, a: x[0].gather(1, targets(a, x[0])[:, None]),
    "mse_loss": lambda x, a: F.mse_loss(x[0], x[1], reduction=a.get("reduction", "mean")),
    "l1_loss": lambda x, a: F.l1_loss(x[0], x[1], reduction=a.get("reduction", "mean")),
    "nll_loss": lambda x, a: F.nll_loss(x[0], targets(a, x[0]), reduction=a.get("reduction", "mean"), ignore_index=a.get("ignore_index", -100)),
    "cross_entropy": lambda x, a: F.cross_entropy(x[0], targets(a, x[0]), reduction=a.get("reduction", "mean"), ignore_index=a.get("ignore_index", -100)),
    "bce_with_logits": lambda x, a: F.binary_cross_entropy_with_logits(x[0], x[1], reduction=a.get("reduction", "mean")),
}

cases = []
seed = [1000]


def make_input(shape, kind):
    seed[0] += 1
    torch.manual_seed(seed[0])
    x = torch.randn(tuple(shape), dtype=torch.float32)
    if kind == "positive":  # log, sqrt, pow bases
        x = x.abs() + 0.5
    elif kind == "away":  # divisors, reciprocals: bounded away from 0
        x = torch.where(x >= 0, x + 0.5, x - 0.5)
    elif kind == "unit":  # bce targets
        x = torch.sigmoid(x)
    elif kind == "ints":  # exact small integers, for comparisons with ties
        x = torch.round(x * 2)
    return x


def case(cid, op, shapes, args=None, kinds=None, requires=None, exact=False, grad=True):
    args = args or {}
    kinds = kinds or ["normal"] * len(shapes)
    requires = requires if requires is not None else [grad] * len(shapes)
    inputs = [make_input(s, k) for s, k in zip(shapes, kinds)]
    leaves = [x.clone().requires_grad_(r) for x, r in zip(inputs, requires)]
    out = OPS[op](leaves, args)
    name = grad_fn_name(out)
    if op == "gather_rows":
        # PyTorch's gather keeps the [N, 1] shape; the engine's gatherRows squeezes it, under gather's name.
        out = out[:, 0]
    grad_out = None
    if out.requires_grad:
        seed[0] += 1
        torch.manual_seed(seed[0])
        grad_out = torch.randn(out.shape, dtype=out.dtype)
        out.backward(grad_out)
    cases.append({
        "id": cid, "op": op, "args": args, "inputs": [enc(x) for x in inputs], "requires": requires,
        "out": enc(out), "gradFn": name, "gradOut": enc(grad_out),
        "grads": [enc(leaf.grad) for leaf in leaves], "exact": exact,
    })


# --- elementwise arithmetic: same shape, bias row, scalar tensor, general broadcast, numbers
for op in ["add", "sub", "mul", "div"]:
    k = ["normal", "away"] if op == "div" else None
    case(f"{op}_same", op, [[3, 4], [3, 4]], kinds=k, exact=True)
    case(f"{op}_row", op, [[3, 4], [4]], kinds=k, exact=True)
    case(f"{op}_row_left", op, [[4], [3, 4]], kinds=k, exact=True)
    case(f"{op}_scalar_tensor", op, [[3, 4], []], kinds=k, exact=True)
    case(f"{op}_scalar_tensor_left", op, [[], [3, 4]], kinds=k, exact=True)
    case(f"{op}_general", op, [[3, 1], [1, 4]], kinds=k, exact=True)
    case(f"{op}_general_3d", op, [[2, 3, 1], [3, 4]], kinds=k, exact=True)
    case(f"{op}_only_a", op, [[3, 4], [4]], kinds=k, requires=[True, False], exact=True)
    case(f"{op}_only_b", op, [[3, 4], [4]], kinds=k, requires=[False, True], exact=True)
    case(f"{op}_0d", op, [[], []], kinds=k, exact=True)
    case(f"{op}_empty", op, [[0, 3], [3]], kinds=k, exact=True)
case("add_alpha", "add", [[3, 4], [3, 4]], {"alpha": 2}, exact=True)
case("sub_alpha", "sub", [[3, 4], [4]], {"alpha": 3})
case("add_number", "add_scalar", [[3, 4]], {"c": 0.1}, exact=True)
case("radd_number", "radd_scalar", [[3, 4]], {"c": 0.1}, exact=True)
case("sub_number", "sub_scalar", [[3, 4]], {"c": 0.3}, exact=True)
case("rsub_number", "rsub_scalar", [[3, 4]], {"c": 0.3}, exact=True)
case("mul_number", "mul_scalar", [[3, 4]], {"c": 0.7}, exact=True)
case("div_number", "div_scalar", [[3, 4]], {"c": 3}, exact=True)
case("rdiv_number", "rdiv_scalar", [[3, 4]], {"c": 2.5}, kinds=["away"], exact=True)
case("neg", "neg", [[3, 4]], exact=True)

# --- unary
case("abs", "abs", [[3, 4]], exact=True)
case("exp", "exp", [[3, 4]])
case("log", "log", [[3, 4]], kinds=["positive"])
case("sqrt", "sqrt", [[3, 4]], kinds=["positive"], exact=True)
case("reciprocal", "reciprocal", [[3, 4]], kinds=["away"], exact=True)
case("square", "square", [[3, 4]], exact=True)
case("relu", "relu", [[3, 4]], exact=True)
case("sigmoid", "sigmoid", [[3, 4]])
case("tanh", "tanh", [[3, 4]])
case("leaky_relu", "leaky_relu", [[3, 4]], exact=True)
case("leaky_relu_0.2", "leaky_relu", [[3, 4]], {"slope": 0.2}, exact=True)
case("gelu", "gelu", [[3, 4]])
case("gelu_tanh", "gelu", [[3, 4]], {"approximate": "tanh"})
case("pow_3", "pow_scalar", [[3, 4]], {"e": 3})
case("pow_2", "pow_scalar", [[3, 4]], {"e": 2}, exact=True)
case("pow_half", "pow_scalar", [[3, 4]], {"e": 0.5}, kinds=["positive"])
case("pow_tensor", "pow", [[3, 4], [3, 4]], kinds=["positive", "normal"])
case("pow_tensor_broadcast", "pow", [[3, 4], [4]], kinds=["positive", "normal"])
case("rpow_number", "rpow_scalar", [[3, 4]], {"c": 2.0})
case("clamp", "clamp", [[3, 4]], {"min": -0.5, "max": 0.5}, exact=True)
case("clamp_min", "clamp", [[3, 4]], {"min": 0.1}, exact=True)
case("clamp_max", "clamp", [[3, 4]], {"max": -0.1}, exact=True)

# --- comparisons and where
for op in ["gt", "ge", "lt", "le", "eq", "ne"]:
    case(f"{op}_tensor", op, [[3, 4], [4]], kinds=["ints", "ints"], grad=False, exact=True)
    case(f"{op}_number", op, [[3, 4]], {"c": 0.5}, kinds=["ints"], grad=False, exact=True)
case("where", "where", [[3, 4], [3, 4], [3, 4]], requires=[False, True, True], exact=True)
case("where_broadcast", "where", [[3, 1], [4], [3, 4]], requires=[False, True, True], exact=True)

# --- reductions
case("sum", "sum", [[3, 4]])
case("sum_dim0", "sum", [[3, 4]], {"dim": 0})
case("sum_dim1_keepdim", "sum", [[3, 4]], {"dim": 1, "keepdim": True})
case("sum_dims", "sum", [[2, 3, 4]], {"dim": [0, 2]})
case("sum_neg_dim", "sum", [[2, 3, 4]], {"dim": -1, "keepdim": True})
case("sum_empty_dims", "sum", [[2, 3]], {"dim": []})
case("mean", "mean", [[3, 4]])
case("mean_dim0", "mean", [[3, 4]], {"dim": 0})
case("mean_dims_keepdim", "mean", [[2, 3, 4]], {"dim": [1, 2], "keepdim": True})
case("max", "max", [[3, 4]], exact=True)
case("max_dim1", "max_dim", [[3, 4]], {"dim": 1}, exact=True)
case("max_dim0_keepdim", "max_dim", [[3, 4]], {"dim": 0, "keepdim": True}, exact=True)
case("softmax_dim1", "softmax", [[3, 4]], {"dim": 1})
case("softmax_dim0", "softmax", [[3, 4]], {"dim": 0})
case("softmax_3d_mid", "softmax", [[2, 3, 4]], {"dim": 1})
case("log_softmax_dim1", "log_softmax", [[3, 4]], {"dim": 1})
case("log_softmax_3d_last", "log_softmax", [[2, 3, 4]], {"dim": -1})

# --- products
case("mm", "mm", [[3, 4], [4, 5]])
case("mm_only_b", "mm", [[3, 4], [4, 5]], requires=[False, True])
case("addmm", "addmm", [[5], [3, 4], [4, 5]])
case("addmm_full_bias", "addmm", [[3, 5], [3, 4], [4, 5]])
for rank_shape in [[4], [3, 4], [2, 3, 4], [2, 2, 3, 4]]:
    r = len(rank_shape)
    case(f"linear_{r}d_bias", "linear", [rank_shape, [5, 4], [5]])
    case(f"linear_{r}d_nobias", "linear", [rank_shape, [5, 4]])
case("linear_2d_bias_frozen_input", "linear", [[3, 4], [5, 4], [5]], requires=[False, True, True])
case("linear_2d_bias_only_input", "linear", [[3, 4], [5, 4], [5]], requires=[True, False, False])
for a, b in [([4], [4]), ([3, 4], [4]), ([4], [4, 5]), ([3, 4], [4, 5]), ([2, 3, 4], [4, 5]), ([2, 3, 4], [4]),
             ([4], [2, 4, 5]), ([3, 4], [2, 4, 5]), ([1, 4], [2, 4, 5]), ([3, 4], [2, 4, 1]), ([2, 3, 4], [2, 4, 5]),
             ([2, 1, 3, 4], [5, 4, 2]), ([1, 3, 4], [2, 4, 5])]:
    case("matmul_" + "x".join(map(str, a)) + "_" + "x".join(map(str, b)), "matmul", [a, b])

# --- shape ops
case("reshape", "reshape", [[3, 4]], {"shape": [2, -1]}, exact=True)
case("view", "view", [[3, 4]], {"shape": [12]}, exact=True)
case("flatten", "flatten", [[2, 3, 4]], exact=True)
case("flatten_1_2", "flatten", [[2, 3, 4]], {"start": 1, "end": 2}, exact=True)
case("unsqueeze", "unsqueeze", [[3, 4]], {"dim": 1}, exact=True)
case("unsqueeze_neg", "unsqueeze", [[3, 4]], {"dim": -1}, exact=True)
case("squeeze", "squeeze", [[3, 1, 4, 1]], exact=True)
case("squeeze_dim", "squeeze", [[3, 1, 4]], {"dim": 1}, exact=True)
case("squeeze_dim_noop", "squeeze", [[3, 1, 4]], {"dim": 0}, exact=True)
case("permute", "permute", [[2, 3, 4]], {"dims": [2, 0, 1]}, exact=True)
case("transpose", "transpose", [[2, 3, 4]], {"dim0": 0, "dim1": 2}, exact=True)
case("t", "t", [[3, 4]], exact=True)
case("t_1d", "t", [[4]], exact=True)
case("expand", "expand", [[3, 1]], {"shape": [2, 3, 4]}, exact=True)
case("expand_keep", "expand", [[1, 4]], {"shape": [3, -1]}, exact=True)
case("clone", "clone", [[3, 4]], exact=True)
case("cat_dim0", "cat", [[2, 3], [4, 3]], exact=True)
case("cat_dim1_three", "cat", [[2, 3], [2, 1], [2, 2]], {"dim": 1}, exact=True)
case("cat_legacy_empty", "cat", [[2, 3], [0]], exact=True)
case("stack_dim0", "stack", [[2, 3], [2, 3]], exact=True)
case("stack_dim_last", "stack", [[2, 3], [2, 3], [2, 3]], {"dim": -1}, exact=True)

# --- indexing
case("select", "select", [[3, 4]], {"dim": 1, "index": -1}, exact=True)
case("slice_step", "slice", [[5, 4]], {"dim": 0, "start": 1, "end": 5, "step": 2}, exact=True)
case("slice_negative", "slice", [[5, 4]], {"dim": 1, "start": -3, "end": None, "step": 1}, exact=True)
case("slice_clamped", "slice", [[5, 4]], {"dim": 0, "start": -10, "end": 100, "step": 3}, exact=True)
I = lambda i: {"kind": "index", "index": i}  # noqa: E731
S = lambda start=None, stop=None, step=None: {"kind": "slice", "start": start, "stop": stop, "step": step}  # noqa: E731
E = {"kind": "ellipsis"}
for cid, shape, sels, tup in [
    ("index_int", [4, 3], [I(1)], None),
    ("index_neg_int", [4, 3], [I(-1)], None),
    ("index_slice", [4, 3], [S(1, None)], None),
    ("index_full_slice", [4, 3], [S()], None),
    ("index_ellipsis", [4, 3], [E], None),
    ("index_int_slice", [4, 3], [I(0), S(1, None)], None),
    ("index_slice_int", [4, 3], [S(1, None), I(0)], None),
    ("index_slices_step", [5, 6], [S(None, None, 2), S(1, 5, 3)], None),
    ("index_ellipsis_int", [2, 3, 4], [E, I(1)], None),
    ("index_int_ellipsis", [2, 3, 4], [I(1), E], None),
    ("index_int_ellipsis_int", [2, 3, 4], [I(1), E, I(-2)], None),
    ("index_exact_slices", [4, 3], [S(0, 4), S(0, 3)], None),
    ("index_exact_slice_ellipsis", [4, 3], [S(0, 4), E], None),
    ("index_tuple_of_one_exact", [4, 3], [S(0, 4)], True),
    ("index_lone_exact_slice", [4, 3], [S(0, 4)], False),
    ("index_full_slices", [2, 3, 4], [S(), S()], None),
    ("index_clamped_slice", [4, 3], [S(-10, 100), S(-2, None)], None),
    ("index_empty_slice", [4, 3], [S(3, 1)], None),
    ("index_two_ellipses", [4, 3], [E, E], None),
]:
    args = {"selectors": sels}
    if tup is not None:
        args["tuple"] = tup
    case(cid, "index", [shape], args, exact=True)
case("gather_rows", "gather_rows", [[4, 3]], {"targets": [2, 0, 1, 2]}, exact=True)

# --- losses
case("mse_loss", "mse_loss", [[4, 3], [4, 3]], requires=[True, False])
case("mse_loss_both", "mse_loss", [[4, 3], [4, 3]])
case("mse_loss_sum", "mse_loss", [[4, 3], [4, 3]], {"reduction": "sum"}, requires=[True, False])
case("mse_loss_none", "mse_loss", [[4, 3], [4, 3]], {"reduction": "none"}, requires=[True, False])
case("mse_loss_broadcast", "mse_loss", [[4, 3], [3]])
case("l1_loss", "l1_loss", [[4, 3], [4, 3]], requires=[True, False])
case("l1_loss_sum", "l1_loss", [[4, 3], [4, 3]], {"reduction": "sum"}, requires=[True, False])
case("l1_loss_none", "l1_loss", [[4, 3], [4, 3]], {"reduction": "none"}, requires=[True, False])
case("nll_loss", "nll_loss", [[4, 3]], {"targets": [2, 0, 1, 2]})
case("nll_loss_sum", "nll_loss", [[4, 3]], {"targets": [2, 0, 1, 2], "reduction": "sum"})
case("nll_loss_none", "nll_loss", [[4, 3]], {"targets": [2, 0, 1, 2], "reduction": "none"})
case("nll_loss_ignore", "nll_loss", [[4, 3]], {"targets": [2, -100, 1, 2]})
case("cross_entropy", "cross_entropy", [[4, 3]], {"targets": [2, 0, 1, 2]})
case("cross_entropy_sum", "cross_entropy", [[4, 3]], {"targets": [1, 0, 1, 2], "reduction": "sum"})
case("cross_entropy_none", "cross_entropy", [[4, 3]], {"targets": [1, 0, 1, 2], "reduction": "none"})
case("cross_entropy_1d", "cross_entropy", [[5]], {"targets": [3]})
case("cross_entropy_ignore", "cross_entropy", [[4, 3]], {"targets": [2, 0, 7, 2], "ignore_index": 7})
case("bce_with_logits", "bce_with_logits", [[4, 3], [4, 3]], kinds=["normal", "unit"], requires=[True, False])
case("bce_with_logits_both", "bce_with_logits", [[4, 3], [4, 3]], kinds=["normal", "unit"])
case("bce_with_logits_sum", "bce_with_logits", [[4, 3], [4, 3]], {"reduction": "sum"}, kinds=["normal", "unit"], requires=[True, False])
case("bce_with_logits_none", "bce_with_logits", [[4, 3], [4, 3]], {"reduction": "none"}, kinds=["normal", "unit"], requires=[True, False])


# --- forward errors: the op on zeros of these shapes, and PyTorch's message
op_errors = []


def op_error(cid, op, shapes, args=None):
    args = args or {}
    xs = [torch.zeros(tuple(s)) for s in shapes]
    try:
        OPS[op](xs, args)
    except Exception as e:  # noqa: BLE001 - any torch error is the expected message
        op_errors.append({"id": cid, "op": op, "shapes": shapes, "args": args, "message": str(e).split("\n")[0]})
        return
    raise AssertionError(f"{cid}: no error")


op_error("add_mismatch", "add", [[3, 4], [3]])
op_error("index_out_of_range", "index", [[4, 3]], {"selectors": [I(5)]})
op_error("index_negative_out_of_range", "index", [[4, 3]], {"selectors": [I(-5)]})
op_error("index_out_of_range_dim1", "index", [[4, 3]], {"selectors": [I(0), I(3)]})
op_error("index_out_of_range_after_ellipsis", "index", [[2, 3, 5]], {"selectors": [E, I(7)]})
op_error("index_too_many", "index", [[4, 3]], {"selectors": [I(0), I(0), I(0)]})
op_error("index_0d", "index", [[]], {"selectors": [I(0)]})
op_error("index_0d_slice", "index", [[]], {"selectors": [S()]})
op_error("index_step_zero", "index", [[4, 3]], {"selectors": [S(None, None, 0)]})
op_error("index_step_negative", "index", [[4, 3]], {"selectors": [S(None, None, -1)]})
op_error("select_out_of_range", "select", [[4, 3]], {"dim": 1, "index": 7})
op_error("select_0d", "select", [[]], {"dim": 0, "index": 0})
op_error("select_bad_dim", "select", [[4, 3]], {"dim": 2, "index": 0})
op_error("slice_step_zero", "slice", [[4, 3]], {"dim": 0, "start": 0, "end": 2, "step": 0})
op_error("cat_empty_list", "cat", [])
op_error("cat_size", "cat", [[4, 3], [4, 4]])
op_error("cat_0d", "cat", [[], [4, 3]])
op_error("cat_rank", "cat", [[4, 3], [4]])
op_error("stack_empty_list", "stack", [])
op_error("stack_size", "stack", [[4, 3], [4, 4]])
op_error("stack_dim", "stack", [[4, 3], [4, 3]], {"dim": 3})
op_error("clamp_no_bounds", "clamp", [[3]])
op_error("permute_length", "permute", [[4, 3]], {"dims": [0]})
op_error("permute_duplicate", "permute", [[4, 3]], {"dims": [0, 0]})
op_error("expand_mismatch", "expand", [[3]], {"shape": [2, 4]})
op_error("expand_inner_mismatch", "expand", [[3, 1]], {"shape": [3, 5, 2]})
op_error("expand_leading_minus_one", "expand", [[3, 1]], {"shape": [-1, 3, 1]})
op_error("reshape_invalid", "reshape", [[4, 3]], {"shape": [5, 3]})
op_error("reshape_two_inferred", "reshape", [[4, 3]], {"shape": [-1, -1]})
op_error("view_invalid", "view", [[4, 3]], {"shape": [-1, 5]})
op_error("flatten_order", "flatten", [[4, 3]], {"start": 1, "end": 0})
op_error("sum_bad_dim", "sum", [[4, 3]], {"dim": 2})
op_error("sum_repeated_dim", "sum", [[4, 3]], {"dim": [0, 0]})
op_error("softmax_bad_dim", "softmax", [[4, 3]], {"dim": -3})
op_error("max_empty", "max", [[0]])
op_error("max_dim_empty", "max_dim", [[2, 0]], {"dim": 1})
op_error("squeeze_bad_dim", "squeeze", [[3]], {"dim": 2})
op_error("mm_not_matrix", "mm", [[3], [3, 4]])
op_error("mm_mat2_not_matrix", "mm", [[2, 3], [3]])
op_error("mm_mismatch", "mm", [[2, 3], [4, 5]])
op_error("addmm_bias", "addmm", [[4], [2, 3], [3, 3]])
op_error("matmul_0d", "matmul", [[], [3, 4]])
op_error("matmul_dot", "matmul", [[3], [4]])
op_error("matmul_mv", "matmul", [[2, 3], [4]])
op_error("matmul_vm", "matmul", [[3], [4, 2]])
op_error("matmul_mm", "matmul", [[4, 3], [4, 2]])
op_error("matmul_folded", "matmul", [[2, 3, 4], [5, 6]])
op_error("matmul_folded_vector", "matmul", [[2, 3, 4], [5]])
op_error("matmul_transposed_fold", "matmul", [[3, 4], [2, 5, 5]])
op_error("matmul_vector_batched", "matmul", [[4], [2, 5, 5]])
op_error("matmul_batched", "matmul", [[2, 3, 4], [2, 5, 6]])
op_error("matmul_batched_broadcast", "matmul", [[2, 2, 3, 4], [2, 5, 6]])
op_error("matmul_batch_mismatch", "matmul", [[2, 3, 4], [3, 4, 6]])
op_error("linear_2d", "linear", [[2, 3], [4, 5]])
op_error("linear_1d", "linear", [[3], [4, 5]])
op_error("linear_3d", "linear", [[2, 3, 3], [4, 5]])
op_error("linear_bias_2d", "linear", [[2, 3], [4, 3], [5]])
op_error("linear_bias_1d", "linear", [[3], [2, 3], [4]])
op_error("linear_bias_3d", "linear", [[2, 2, 3], [2, 3], [4]])
op_error("linear_bias_4d", "linear", [[2, 2, 2, 3], [2, 3], [4]])
op_error("linear_0d", "linear", [[], [2, 3]])
op_error("nll_target_range", "nll_loss", [[4, 3]], {"targets": [0, 1, 2, 5]})
op_error("nll_negative_target", "nll_loss", [[4, 3]], {"targets": [0, 1, -1, 2]})
op_error("nll_batch", "nll_loss", [[4, 3]], {"targets": [0, 1, 2]})
op_error("cross_entropy_target_range", "cross_entropy", [[4, 3]], {"targets": [0, 1, 2, 3]})
op_error("bce_shape", "bce_with_logits", [[4, 3], [3]])
op_error("mse_reduction", "mse_loss", [[3], [3]], {"reduction": "avg"})


# --- random MLPs: Linear layers with activations between, loss (out + 1).square().mean()
ACTIVATIONS = {
    "ReLU": nn.ReLU, "Tanh": nn.Tanh, "Sigmoid": nn.Sigmoid, "GELU": nn.GELU,
    "LeakyReLU": nn.LeakyReLU,
}
mlps = []
configs = [
    ([4, 8, 1], "ReLU", 2, True),
    ([4, 8, 1], "Tanh", 1, True),
    ([3, 16, 16, 2], "Sigmoid", 8, True),
    ([5, 32, 32, 32, 3], "GELU", 64, True),
    ([2, 7, 5, 1], "LeakyReLU", 17, True),
    ([6, 12, 4], "ReLU", 33, False),
    ([8, 64, 64, 8], "Tanh", 16, True),
    ([1, 1], "ReLU", 3, True),
]
for i, (widths, act, batch, bias) in enumerate(configs):
    torch.manual_seed(2000 + i)
    layers = []
    for j in range(len(widths) - 1):
        layers.append(nn.Linear(widths[j], widths[j + 1], bias=bias))
        if j < len(widths) - 2:
            layers.append(ACTIVATIONS[act]())
    model = nn.Sequential(*layers)
    x = torch.randn(batch, widths[0])
    out = model(x)
    loss = (out + 1).square().mean()
    loss.backward()
    linears = [m for m in model if isinstance(m, nn.Linear)]
    mlps.append({
        "widths": widths, "activation": act, "bias": bias, "x": enc(x),
        "params": [{"weight": enc(m.weight), "bias": enc(m.bias)} for m in linears],
        "out": enc(out), "outGradFn": grad_fn_name(out), "loss": loss.item(),
        "grads": [{"weight": enc(m.weight.grad), "bias": enc(m.bias.grad) if m.bias is not None else None} for m in linears],
    })


# --- backward errors and which graphs survive a second backward
def message(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return str(e)
    return None


def non_scalar():
    x = torch.ones(4, 3, requires_grad=True)
    (x * 2).backward()


def shape_mismatch():
    x = torch.ones(4, 3, requires_grad=True)
    (x * 2).backward(torch.ones(3))


def second_backward():
    w = torch.ones(2, requires_grad=True)
    z = (w * w).sum()
    z.backward()
    z.backward()


def no_grad_backward():
    torch.ones(3).sum().backward()


backward_errors = {
    "nonScalar": message(non_scalar),
    "shapeMismatch": message(shape_mismatch),
    "secondBackward": message(second_backward),
    "noGrad": message(no_grad_backward),
}
SECOND = {
    "add": lambda x: (x + x).sum(), "add_number": lambda x: (x + 1).sum(), "sub": lambda x: (x - 1).sum(),
    "neg": lambda x: (-x).sum(), "mul": lambda x: (x * x).sum(), "mul_number": lambda x: (x * 2).sum(),
    "div_number": lambda x: (x / 2).sum(), "relu": lambda x: x.relu().sum(), "exp": lambda x: x.exp().sum(),
    "reshape": lambda x: x.reshape(3, 1).sum(), "view": lambda x: x.view(3, 1).sum(), "slice": lambda x: x[1:].sum(),
    "select": lambda x: x[1].sum(), "sum": lambda x: x.sum(), "mean": lambda x: x.mean(),
    "mean_dim": lambda x: x.reshape(1, 3).mean(1).sum(), "cat": lambda x: torch.cat([x, x]).sum(),
    "stack": lambda x: torch.stack([x, x]).sum(), "unsqueeze": lambda x: x.unsqueeze(0).sum(),
    "expand": lambda x: x.expand(2, 3).sum(), "clone": lambda x: x.clone().sum(),
    "transpose": lambda x: x.reshape(1, 3).transpose(0, 1).sum(), "squeeze": lambda x: x.unsqueeze(0).squeeze(0).sum(),
    "clamp": lambda x: x.clamp(0, 1).sum(), "softmax": lambda x: x.softmax(0).sum(), "max": lambda x: x.max(),
    "mse_loss": lambda x: F.mse_loss(x, torch.zeros(3)), "square": lambda x: x.square().sum(),
    "linear": lambda x: F.linear(x, torch.ones(2, 3)).sum(),
}


def second_message(f):
    x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    s = f(x)
    s.backward()
    return message(s.backward)


write_fixture("ops", {
    "gradFn": {c["id"]: c["gradFn"] for c in cases},
    "ops": cases,
    "opErrors": op_errors,
    "mlps": mlps,
    "backward": {"errors": backward_errors, "secondBackward": {k: second_message(f) for k, f in SECOND.items()}},
})
