"""Golden fixture for architecture specs, seeded construction and ties.

Writes test/golden/fixtures/spec.json: one case per net of the chapter (S1, S7's
rgnet, S15's tied net) and a few more (every layer type, a parameter-level tie,
shared modules nested in a shared module). Each case holds:
  spec            the JSON architecture spec (api.md), canonical form
  seed            torch.manual_seed before construction
  stateDict       every key -> {shape, data}, from the seeded construction
  namedParameters [{name, shape}] (tied parameters once, under the first path)
  stateDictKeys   every key (tied ones under each path)
  namedModules    named_modules() (de-duplicated) paths
  parameterCount  sum of numel over parameters() (tied ones once)
  modulePathCount len(named_modules(remove_duplicate=False))
  repr            print(net)
  input, output   a fixed input and net(input) (eval mode)
  grads           for tied nets: named-parameter grads after out.sum().backward()
                  (`sum`) and, from zero, after (out+1).square().mean().backward() (`squareMean`)

Every spec is built twice: by `build_from_spec` (the service's contract:
manual_seed, then the shared modules in declaration order, then the layers
depth-first, then the ties) and by the chapter's literal Python; the script
asserts the two give bit-identical state_dicts and the same tie structure.
"""
from collections import OrderedDict

import torch
import torch.nn as nn

from common import tensor, write_fixture

LEAF_TYPES = {
    "Linear": lambda k: nn.Linear(k["in_features"], k["out_features"], bias=k.get("bias", True)),
    "ReLU": lambda k: nn.ReLU(),
    "LeakyReLU": lambda k: nn.LeakyReLU(k.get("negative_slope", 0.01)),
    "Sigmoid": lambda k: nn.Sigmoid(),
    "Tanh": lambda k: nn.Tanh(),
    "GELU": lambda k: nn.GELU(approximate=k.get("approximate", "none")),
    "Softmax": lambda k: nn.Softmax(dim=k.get("dim")),
    "LogSoftmax": lambda k: nn.LogSoftmax(dim=k.get("dim")),
    "Dropout": lambda k: nn.Dropout(p=k.get("p", 0.5)),
    "Flatten": lambda k: nn.Flatten(k.get("start_dim", 1), k.get("end_dim", -1)),
    "Identity": lambda k: nn.Identity(),
}


def build_node(node, shared):
    if "ref" in node:
        return shared[node["ref"]]
    if node["type"] == "Sequential":
        children = OrderedDict()
        for i, child in enumerate(node.get("layers", [])):
            children[child.get("name", str(i))] = build_node(child, shared)
        return nn.Sequential(children)
    kwargs = {k: v for k, v in node.items() if k not in ("type", "name")}
    return LEAF_TYPES[node["type"]](kwargs)


def build_from_spec(spec, seed):
    torch.manual_seed(seed)
    shared = {}
    for name, body in spec.get("shared", {}).items():
        shared[name] = build_node(body, shared)
    net = build_node(spec, shared)
    for tie in spec.get("ties", []):
        owner_path, _, local = tie["parameter"].rpartition(".")
        setattr(net.get_submodule(owner_path), local, net.get_parameter(tie["to"]))
    return net


def linear(i, o, **kw):
    return {"type": "Linear", "in_features": i, "out_features": o, **kw}


RELU = {"type": "ReLU"}


def chapter_s1(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))


def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f"block {i}", block1())
    return net


def chapter_rgnet(seed):
    torch.manual_seed(seed)
    return nn.Sequential(block2(), nn.Linear(4, 1))


def chapter_s15(seed):
    torch.manual_seed(seed)
    shared = nn.Linear(8, 8)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1))


def all_layers(seed):
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Flatten(), nn.Linear(6, 5, bias=False), nn.LeakyReLU(0.2), nn.Linear(5, 5), nn.GELU(approximate="tanh"),
        nn.Dropout(0.25), nn.Linear(5, 4), nn.GELU(), nn.Sigmoid(), nn.Tanh(), nn.Identity(), nn.Softmax(dim=1),
        nn.LogSoftmax(dim=-1), nn.Flatten(0, -1))


def param_tie(seed):
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 4))
    net[4].weight = net[2].weight
    return net


def nested_shared(seed):
    torch.manual_seed(seed)
    lin = nn.Linear(8, 8)
    blk = nn.Sequential(OrderedDict([("inner", lin), ("act", nn.Tanh())]))
    return nn.Sequential(OrderedDict([
        ("0", nn.Linear(4, 8)), ("first", blk), ("2", lin), ("again", blk), ("4", nn.Linear(8, 2, bias=False))]))


RGNET_BLOCK = {"type": "Sequential", "layers": [linear(4, 8), RELU, linear(8, 4), RELU]}

CASES = [
    ("s1", 0, {"type": "Sequential", "layers": [linear(4, 8), RELU, linear(8, 1)]}, chapter_s1, False),
    ("s1-seed42", 42, {"type": "Sequential", "layers": [linear(4, 8), RELU, linear(8, 1)]}, chapter_s1, False),
    ("rgnet", 1, {"type": "Sequential", "layers": [
        {"type": "Sequential", "layers": [{"name": f"block {i}", **RGNET_BLOCK} for i in range(4)]},
        linear(4, 1)]}, chapter_rgnet, False),
    ("s15", 0, {"type": "Sequential", "layers": [
        linear(4, 8), RELU, {"ref": "shared"}, RELU, {"ref": "shared"}, RELU, linear(8, 1)],
        "shared": {"shared": linear(8, 8)}}, chapter_s15, True),
    ("all-layers", 7, {"type": "Sequential", "layers": [
        {"type": "Flatten"}, linear(6, 5, bias=False), {"type": "LeakyReLU", "negative_slope": 0.2}, linear(5, 5),
        {"type": "GELU", "approximate": "tanh"}, {"type": "Dropout", "p": 0.25}, linear(5, 4), {"type": "GELU"},
        {"type": "Sigmoid"}, {"type": "Tanh"}, {"type": "Identity"}, {"type": "Softmax", "dim": 1},
        {"type": "LogSoftmax", "dim": -1}, {"type": "Flatten", "start_dim": 0}]}, all_layers, False),
    ("param-tie", 3, {"type": "Sequential", "layers": [linear(4, 4), RELU, linear(4, 4), RELU, linear(4, 4)],
                      "ties": [{"parameter": "4.weight", "to": "2.weight"}]}, param_tie, True),
    ("nested-shared", 5, {"type": "Sequential", "layers": [
        linear(4, 8), {"name": "first", "ref": "blk"}, {"ref": "lin"}, {"name": "again", "ref": "blk"},
        linear(8, 2, bias=False)],
        "shared": {"lin": linear(8, 8), "blk": {"type": "Sequential", "layers": [
            {"name": "inner", "ref": "lin"}, {"name": "act", "type": "Tanh"}]}}}, nested_shared, True),
]

INPUTS = {
    "all-layers": torch.linspace(-2.0, 2.5, 12).reshape(2, 2, 3),
}


def default_input():
    return torch.tensor([[0.5, -1.0, 2.0, 0.25], [-0.75, 0.125, 1.5, -2.0], [1.0, 1.0, -1.0, 0.0]])


def tie_structure(net):
    """Which state_dict keys hold the same Parameter object (and which paths the same module)."""
    by_param = {}
    for key, p in net.state_dict(keep_vars=True).items():
        by_param.setdefault(id(p), []).append(key)
    by_module = {}
    for path, m in net.named_modules(remove_duplicate=False):
        by_module.setdefault(id(m), []).append(path)
    return sorted(v for v in by_param.values()), sorted(v for v in by_module.values())


def grads(net, x, loss_fn):
    net.zero_grad(set_to_none=True)
    loss = loss_fn(net(x))
    loss.backward()
    return {"loss": loss.item(), "grads": {n: tensor(p.grad) for n, p in net.named_parameters()}}


def case(name, seed, spec, literal, tied):
    net = build_from_spec(spec, seed)
    reference = literal(seed)
    ours, theirs = net.state_dict(), reference.state_dict()
    assert list(ours) == list(theirs), name
    assert all(torch.equal(ours[k], theirs[k]) for k in ours), f"{name}: spec construction differs from the chapter's"
    assert tie_structure(net) == tie_structure(reference), f"{name}: tie structure differs"
    assert repr(net) == repr(reference), name
    net.eval()
    x = INPUTS.get(name, default_input())
    out = {
        "name": name,
        "seed": seed,
        "spec": spec,
        "stateDict": {k: tensor(v) for k, v in net.state_dict().items()},
        "namedParameters": [{"name": n, "shape": list(p.shape)} for n, p in net.named_parameters()],
        "stateDictKeys": list(net.state_dict().keys()),
        "namedModules": [n for n, _ in net.named_modules()],
        "parameterCount": sum(p.numel() for p in net.parameters()),
        "modulePathCount": len(list(net.named_modules(remove_duplicate=False))),
        "repr": repr(net),
        "input": tensor(x),
        "output": tensor(net(x)),
    }
    if tied:
        out["grads"] = {
            "sum": grads(net, x, lambda y: y.sum()),
            "squareMean": grads(net, x, lambda y: (y + 1).square().mean()),
        }
    return out


def main():
    write_fixture("spec", [case(*c) for c in CASES])


if __name__ == "__main__":
    main()
