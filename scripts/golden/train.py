"""Golden fixture for losses and optimizers: short training runs in torch 1.13.

Writes test/golden/fixtures/train.json:
  models    name -> {layers, initial}: the layer list the test rebuilds
            ({type, in, out, shared?, frozen?}; `shared` layers are one module
            object placed at several positions) and the seeded initial
            state_dict (every key, tied ones under each path)
  data      inputs X [12, 4] and per loss/output width the targets; batches are
            rows 4k..4k+3 for step s with k = s % 3 (no shuffling)
  runs      {model, loss, optimizer, kwargs, losses[20], final}: per-step loss
            (before the step) and named_parameters after 20 steps of
            zero_grad / forward / loss / backward / step
  updates   optimizer arithmetic alone: two parameters and fixed gradients,
            the parameters after each step (bit-exact in the test)
  losses    single loss values and input gradients, one per loss and shape
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from common import tensor, write_fixture

STEPS = 20
BATCH = 4
ROWS = 12

MODELS = {
    "mlp_4_8_1_relu": [("Linear", 4, 8), ("ReLU",), ("Linear", 8, 1)],
    "mlp_4_8_8_3_tanh": [("Linear", 4, 8), ("Tanh",), ("Linear", 8, 8), ("Tanh",), ("Linear", 8, 3)],
    "tied_relu": [("Linear", 4, 8), ("ReLU",), ("Shared", 8, 8), ("ReLU",), ("Shared", 8, 8), ("ReLU",), ("Linear", 8, 3)],
    "frozen_first": [("Frozen", 4, 8), ("ReLU",), ("Linear", 8, 8), ("Tanh",), ("Linear", 8, 2)],
}

OPTIMIZERS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.05, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.5}),
    ("SGD", {"lr": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.01, "momentum": 0.8, "weight_decay": 0.05, "maximize": True}),
    ("Adam", {}),
    ("Adam", {"lr": 0.01}),
    ("Adam", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}),
    ("AdamW", {"lr": 0.01}),
    ("AdamW", {"lr": 0.01, "betas": (0.8, 0.99), "amsgrad": True, "weight_decay": 0.05}),
]

LOSSES = {
    "mse": F.mse_loss,
    "l1": F.l1_loss,
    "bce_with_logits": F.binary_cross_entropy_with_logits,
    "cross_entropy": F.cross_entropy,
}


def build(name):
    shared = None
    layers = []
    for spec in MODELS[name]:
        kind = spec[0]
        if kind == "Shared":
            if shared is None:
                shared = nn.Linear(spec[1], spec[2])
            layers.append(shared)
        elif kind in ("Linear", "Frozen"):
            layers.append(nn.Linear(spec[1], spec[2]))
        else:
            layers.append(getattr(nn, kind)())
    net = nn.Sequential(*layers)
    for i, spec in enumerate(MODELS[name]):
        if spec[0] == "Frozen":
            net[i].requires_grad_(False)
    return net


def describe(name):
    out = []
    for spec in MODELS[name]:
        kind = spec[0]
        if kind in ("Linear", "Shared", "Frozen"):
            d = {"type": "Linear", "in": spec[1], "out": spec[2]}
            if kind == "Shared":
                d["shared"] = True
            if kind == "Frozen":
                d["frozen"] = True
            out.append(d)
        else:
            out.append({"type": kind})
    return out


def width(name):
    return MODELS[name][-1][2]


def make_data():
    torch.manual_seed(7)
    x = torch.randn(ROWS, 4)
    targets = {}
    for w in sorted({width(m) for m in MODELS}):
        ce = torch.randint(0, w, (ROWS,))
        ce[5] = -100  # PyTorch's ignore_index: skipped, and not counted in the mean
        targets[str(w)] = {
            "mse": torch.randn(ROWS, w),
            "l1": torch.randn(ROWS, w),
            "bce_with_logits": (torch.rand(ROWS, w) > 0.5).float(),
            "cross_entropy": ce,
        }
    return x, targets


def losses_for(model):
    names = ["mse", "l1", "bce_with_logits"]
    if width(model) > 1:
        names.append("cross_entropy")
    return names


def make_optimizer(kind, kwargs, params):
    return getattr(torch.optim, kind)(params, **kwargs)


def run(model, loss, kind, kwargs, initial, x, targets):
    net = build(model)
    net.load_state_dict(initial)
    opt = make_optimizer(kind, kwargs, net.parameters())
    y = targets[str(width(model))][loss]
    history = []
    for s in range(STEPS):
        rows = slice((s % (ROWS // BATCH)) * BATCH, (s % (ROWS // BATCH)) * BATCH + BATCH)
        opt.zero_grad()
        value = LOSSES[loss](net(x[rows]), y[rows])
        value.backward()
        opt.step()
        history.append(value.item())
    return {"model": model, "loss": loss, "optimizer": kind, "kwargs": kwargs, "losses": history,
            "final": {k: tensor(p) for k, p in net.named_parameters()}}


def updates():
    """Optimizer arithmetic alone: fixed gradients, the parameters after every step."""
    torch.manual_seed(11)
    p0 = torch.randn(37)
    q0 = torch.randn(5)
    grads = []
    for s in range(6):
        g = torch.randn(37) * (10.0 ** (s - 3))
        g[0] = 0.0
        g[1] = 1e-30
        grads.append((g, None if s == 2 else torch.randn(5)))
    configs = OPTIMIZERS + [
        ("SGD", {"lr": 0.3, "momentum": 0.5, "dampening": 0.1, "weight_decay": 0.2}),
        ("SGD", {"lr": 0.3, "momentum": 0.95, "nesterov": True, "weight_decay": 0.2, "maximize": True}),
        ("Adam", {"lr": 0.1, "eps": 1e-3, "maximize": True}),
        ("AdamW", {"lr": 0.2, "weight_decay": 0.3, "maximize": True}),
        ("Adam", {"lr": 0.05, "betas": (0.5, 0.6), "amsgrad": True}),
    ]
    cases = []
    for kind, kwargs in configs:
        p = p0.clone().requires_grad_()
        q = q0.clone().requires_grad_()
        opt = make_optimizer(kind, kwargs, [p, q])
        after = []
        for g, h in grads:
            p.grad = g.clone()
            q.grad = None if h is None else h.clone()
            opt.step()
            after.append({"p": tensor(p), "q": tensor(q)})
        cases.append({"optimizer": kind, "kwargs": kwargs, "after": after})
    return {"p0": tensor(p0), "q0": tensor(q0),
            "grads": [{"p": tensor(g), "q": None if h is None else tensor(h)} for g, h in grads],
            "cases": cases}


def loss_values():
    """Each loss once, with its grad_fn and the gradient of the input."""
    torch.manual_seed(5)
    cases = []
    for shape in [(4, 3), (6, 1), (5,)]:
        x = torch.randn(*shape) * 3
        for loss in ["mse", "l1", "bce_with_logits", "cross_entropy", "sum", "mean"]:
            if loss == "cross_entropy":
                if len(shape) == 2:
                    y = torch.randint(0, shape[1], (shape[0],))
                else:
                    y = torch.tensor(2)
            elif loss == "bce_with_logits":
                y = torch.rand(*shape)
            else:
                y = torch.randn(*shape)
            inp = x.clone().requires_grad_()
            if loss == "sum":
                out = inp.sum()
            elif loss == "mean":
                out = inp.mean()
            else:
                out = LOSSES[loss](inp, y)
            out.backward()
            cases.append({"loss": loss, "input": tensor(x), "target": tensor(y.float()), "value": out.item(),
                          "gradFn": type(out.grad_fn).__name__, "grad": tensor(inp.grad)})
    return cases


def main():
    x, targets = make_data()
    models = {}
    initial = {}
    for i, name in enumerate(MODELS):
        torch.manual_seed(100 + i)
        net = build(name)
        initial[name] = {k: v.clone() for k, v in net.state_dict().items()}
        models[name] = {"layers": describe(name), "initial": {k: tensor(v) for k, v in initial[name].items()}}

    runs = []
    for i, model in enumerate(MODELS):
        names = losses_for(model)
        for j, (kind, kwargs) in enumerate(OPTIMIZERS):
            runs.append(run(model, names[(i + j) % len(names)], kind, kwargs, initial[model], x, targets))

    write_fixture("train", {
        "steps": STEPS,
        "batch": BATCH,
        "models": models,
        "data": {"x": tensor(x),
                 "targets": {w: {k: tensor(v.float()) for k, v in t.items()} for w, t in targets.items()}},
        "runs": runs,
        "updates": updates(),
        "losses": loss_values(),
    })


if __name__ == "__main__":
    main()
