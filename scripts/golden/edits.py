"""Golden fixture for index strings and in-place parameter edits (S14).

Writes test/golden/fixtures/edits.json:
  s14      the chapter's cell on a seeded 4-8-1 net: net[0].weight before,
           after `.data[:] += 1`, and after `.data[0, 0] = 42`
  bases    named tensors the table indexes (float32 values, exact)
  regions  {base, index, shape, offsets}: what `t[<index>]` selects; offsets are
           flat row-major positions in the base, read off an arange
  edits    {base, index, op, value, result}: the whole base after
           `t[<index>] = v` (set) or `t[<index>] op= v` (add/sub/mul/div),
           or {..., error} with PyTorch's message when it refuses
  indexErrors {base, index, error}: PyTorch's message for `t[<index>]`

The index strings are evaluated here by Python itself (this is the oracle); the
service parses them and never evaluates anything.
"""
import torch
import torch.nn as nn

from common import tensor, write_fixture


def index_of(text):
    """The object Python passes to __getitem__ for `t[<text>]`; '' means the whole tensor."""
    if text.strip() == "":
        return ()

    class Capture:
        def __getitem__(self, key):
            return key
    return eval(f"Capture()[{text}]", {"Capture": Capture})


def value_tensor(v):
    if isinstance(v, dict):
        return torch.tensor(v["data"], dtype=getattr(torch, v["dtype"])).reshape(v["shape"])
    if isinstance(v, list):
        return torch.tensor(v)
    return v


def apply_edit(t, text, op, v):
    idx = index_of(text)
    v = value_tensor(v)
    with torch.no_grad():
        if op == "set":
            t[idx] = v
        elif op == "add":
            t[idx] += v
        elif op == "sub":
            t[idx] -= v
        elif op == "mul":
            t[idx] *= v
        elif op == "div":
            t[idx] /= v


def s14():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    initial = net[0].weight.detach().clone()
    net[0].weight.data[:] += 1
    after_add = net[0].weight.detach().clone()
    net[0].weight.data[0, 0] = 42
    return {"initial": tensor(initial), "afterAdd": tensor(after_add), "afterSet": tensor(net[0].weight)}


def main():
    torch.manual_seed(1)
    bases = {
        "m": torch.randn(8, 4),
        "c": torch.randn(2, 3, 4),
        "v": torch.randn(5),
        "s": torch.tensor(1.5),
    }
    row4 = torch.randn(4).tolist()
    col8 = torch.randn(8, 1).tolist()
    full = torch.randn(8, 4).tolist()
    pair = torch.randn(2, 4).tolist()

    indices = {
        "m": ["", ":", "0, 0", ":2", "-1", "..., 1", "1:3, ::2", "0,", "::3", "5:", "-3:-1", "10:", ":, 1",
              "1, :", "..., -1", "2, ...", "...", "1:100", "-100:2", " 1 : 3 , : : 2 ", ":0", "3:1", "7, 3",
              "-8, -4", "0:8:3, 1:4:2", ":, :", "0:8, 0:4", "+1", "- 1"],
        "c": ["..., 1", "0, ..., 1", "1", ":, 1:, ::3", "-1, -1, -1", "..., 0:2", "1, 2", ":, :, :", "0, :, 1:3"],
        "v": ["::2", "-1", "2:", "...", "", "1:4:2"],
        "s": ["", "...", "...,"],
    }
    regions = []
    for name, texts in indices.items():
        base = bases[name]
        positions = torch.arange(base.numel()).reshape(base.shape)
        for text in texts:
            sel = positions[index_of(text)]
            regions.append({"base": name, "index": text, "shape": list(sel.shape),
                            "offsets": sel.reshape(-1).tolist()})

    index_errors = []
    bad = {
        "m": ["8", "-9", "0, 4", "0, 0, 0", "..., 4", "5, 5, 5", "5, :, :", "1000000000000", "3, -5"],
        "c": ["..., 5", "0, ..., 5", "1, 5", "..., 5, 0", "2", ":, :, :, 0"],
        "v": ["0, 0", "5", "..., 0, 0"],
        "s": ["0", ":", "0,", ":,", "..., 0", "-1", "5", "-0"],
    }
    for name, texts in bad.items():
        for text in texts:
            try:
                bases[name][index_of(text)]
                raise AssertionError(f"{name}[{text}] did not fail")
            except IndexError as e:
                index_errors.append({"base": name, "index": text, "error": str(e)})

    ops = ["set", "add", "sub", "mul", "div"]
    scalars = {"set": 42, "add": 1, "sub": 0.1, "mul": 0.3, "div": 3}
    plan = []
    for text in ["", ":", "0, 0", ":2", "-1", "..., 1", "1:3, ::2", "::3", ":0", "-8, -4"]:
        for op in ops:
            plan.append(("m", text, op, scalars[op]))
    for op in ["div", "mul", "add"]:
        plan.append(("m", ":", op, 7))
        plan.append(("m", ":", op, -2.5))
        plan.append(("m", ":", op, 1e-3))
    plan.append(("m", ":", "div", 0))
    plan.append(("m", ":", "mul", float("inf")))
    for op in ops:
        plan.append(("m", ":", op, row4))
        plan.append(("m", "", op, col8))
        plan.append(("m", ":", op, full))
        plan.append(("m", "1:3", op, pair))
        plan.append(("m", ":", op, [[row4]]))
        plan.append(("m", "0, 0", op, [2.5]))
        plan.append(("m", "0, 0", op, 2.5))
        plan.append(("m", ":", op, {"dtype": "float64", "shape": [4], "data": [0.1, 0.2, 0.3, 0.7]}))
        plan.append(("m", ":", op, {"dtype": "float64", "shape": [], "data": [0.1]}))
        plan.append(("m", "0, 0", op, {"dtype": "float64", "shape": [], "data": [0.1]}))
        plan.append(("m", ":", op, [3.0, 5.0, 7.0]))
        plan.append(("m", ":", op, [[1.0] * 5] * 3))
        plan.append(("m", ":", op, [[[1.0] * 4] * 8] * 2))
        plan.append(("m", "0, 0", op, [1.0, 2.0]))
        plan.append(("m", ":", op, [[[1.0] * 4] * 2]))
        plan.append(("m", "0:0", op, [1.0] * 3))
        plan.append(("c", "..., 1", op, [0.5, -0.25, 4.0]))
        plan.append(("c", "0", op, [[1.5], [2.5], [-3.5]]))
        plan.append(("v", "::2", op, [1.0, 2.0, 3.0]))
        plan.append(("v", "-1", op, 0.7))
        plan.append(("s", "", op, 0.7))
        plan.append(("s", "...", op, [0.7]))

    edits = []
    for name, text, op, v in plan:
        t = bases[name].clone()
        case = {"base": name, "index": text, "op": op, "value": v}
        try:
            apply_edit(t, text, op, v)
            case["result"] = tensor(t)
        except RuntimeError as e:
            case["error"] = str(e)
            assert torch.equal(t, bases[name]), "a refused edit must leave the tensor untouched"
        edits.append(case)

    write_fixture("edits", {
        "s14": s14(),
        "bases": {k: tensor(v) for k, v in bases.items()},
        "regions": regions,
        "indexErrors": index_errors,
        "edits": edits,
    })


if __name__ == "__main__":
    main()
