"""Golden fixture for POST {m}/train (S17, S19): the chapter's training exercise.

An MLP whose shared layer appears twice, built as the service builds it from its
architecture spec with a seed, trained on a fixed synthetic data set by the loop
the service defines:

    torch.manual_seed(seed)                       # only when the run shuffles
    for epoch in range(epochs):
        order = torch.randperm(n) if shuffle else torch.arange(n)
        for b in range(0, n, batch_size):         # the last batch may be short
            rows = order[b:b + batch_size]
            opt.zero_grad()
            loss = loss_fn(net(X[rows]), Y[rows])
            loss.backward()
            opt.step()

Writes test/golden/fixtures/training.json:
  architecture, modelSeed, initial   the spec the client sends, its seed, and the
                                     state_dict PyTorch builds from them
  data                               inputs X [22, 4] and targets Y [22, 1]
  runs[]                             request fields (optimizer, loss, epochs,
                                     batchSize, shuffle, seed, frozen params),
                                     per-step loss, per-epoch loss (batch-size
                                     weighted mean), per-step statistics of every
                                     parameter's value (after the step) and grad,
                                     the final parameters and grads
  sharedSplit                        for the first step of the SGD run: the grad of
                                     the shared layer, and the grads an untied twin
                                     gives each of its two uses (their sum is it)
"""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from common import plain, tensor, write_fixture

ARCHITECTURE = {
    "type": "Sequential",
    "shared": {"shared": {"type": "Linear", "in_features": 8, "out_features": 8}},
    "layers": [
        {"type": "Linear", "in_features": 4, "out_features": 8}, {"type": "ReLU"},
        {"ref": "shared"}, {"type": "ReLU"}, {"ref": "shared"}, {"type": "ReLU"},
        {"type": "Linear", "in_features": 8, "out_features": 1},
    ],
}
MODEL_SEED = 4
ROWS = 22

RUNS = [
    {"name": "sgd_momentum", "optimizer": {"name": "sgd", "lr": 0.05, "momentum": 0.9}, "loss": "mse",
     "epochs": 4, "batchSize": 6, "shuffle": True, "seed": 17},
    {"name": "adam", "optimizer": {"name": "adam", "lr": 0.01}, "loss": "mse",
     "epochs": 4, "batchSize": 6, "shuffle": True, "seed": 17},
    {"name": "adamw_in_order", "optimizer": {"name": "adamw", "lr": 0.02, "betas": [0.8, 0.99], "weight_decay": 0.05},
     "loss": "l1", "epochs": 3, "batchSize": 8, "shuffle": False},
    {"name": "frozen_first_layer", "optimizer": {"name": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True},
     "loss": "mse", "epochs": 3, "batchSize": 5, "shuffle": True, "seed": 3, "frozen": ["0.weight", "0.bias"]},
]

LOSSES = {"mse": F.mse_loss, "l1": F.l1_loss}


def build():
    """torch.manual_seed(seed), then the shared modules, then the layers depth-first (the service's order)."""
    torch.manual_seed(MODEL_SEED)
    shared = nn.Linear(8, 8)
    first = nn.Linear(4, 8)
    last = nn.Linear(8, 1)
    return nn.Sequential(first, nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), last)


def untied_twin(net):
    """The same weights with the shared layer as two separate copies, so each use gets its own grad."""
    twin = copy.deepcopy(net)
    twin[4] = copy.deepcopy(net[2])
    assert twin[2] is not twin[4]
    return twin


def make_data():
    torch.manual_seed(2024)
    x = torch.randn(ROWS, 4)
    w = torch.tensor([[0.5], [-1.0], [0.25], [2.0]])
    y = torch.tanh(x @ w) + 0.1 * torch.randn(ROWS, 1)
    return x, y


def stats(t):
    t = t.detach()
    return {"norm": t.norm().item(), "mean": t.mean().item(), "std": t.std().item(),
            "min": t.min().item(), "max": t.max().item()}


def make_optimizer(spec, params):
    kwargs = {k: v for k, v in spec.items() if k != "name"}
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[spec["name"]]
    return cls(params, **kwargs)


def train(run, x, y, split=None):
    net = build()
    for name in run.get("frozen", []):
        net.get_parameter(name).requires_grad_(False)
    opt = make_optimizer(run["optimizer"], net.parameters())
    loss_fn = LOSSES[run["loss"]]
    if run["shuffle"]:
        torch.manual_seed(run["seed"])
    steps, epoch_losses = [], []
    for _epoch in range(run["epochs"]):
        order = torch.randperm(ROWS) if run["shuffle"] else torch.arange(ROWS)
        total = 0.0
        for b in range(0, ROWS, run["batchSize"]):
            rows = order[b:b + run["batchSize"]]
            if split is not None and not steps:
                split.update(shared_split(net, loss_fn, x[rows], y[rows]))
            opt.zero_grad()
            loss = loss_fn(net(x[rows]), y[rows])
            loss.backward()
            opt.step()
            total += loss.item() * len(rows)
            steps.append({
                "rows": rows.tolist(),
                "loss": loss.item(),
                "parameters": [{"name": n, "requiresGrad": p.requires_grad, "value": stats(p),
                                "grad": None if p.grad is None else stats(p.grad)} for n, p in net.named_parameters()],
            })
        epoch_losses.append(total / ROWS)
    return {
        **{k: v for k, v in run.items()},
        "steps": steps,
        "epochLosses": epoch_losses,
        "final": {n: tensor(p) for n, p in net.named_parameters()},
        "finalGrads": {n: None if p.grad is None else tensor(p.grad) for n, p in net.named_parameters()},
    }


def shared_split(net, loss_fn, xb, yb):
    """The tied layer's grad is the sum of what each of its two uses contributes."""
    tied = copy.deepcopy(net)
    loss_fn(tied(xb), yb).backward()
    twin = untied_twin(net)
    loss_fn(twin(xb), yb).backward()
    first, second = twin[2].weight.grad, twin[4].weight.grad
    assert torch.allclose(first + second, tied[2].weight.grad, rtol=1e-5, atol=1e-7)
    assert not torch.allclose(first, tied[2].weight.grad)
    return {"parameter": "2.weight", "tied": tensor(tied[2].weight.grad),
            "uses": {"2": tensor(first), "4": tensor(second)}}


def main():
    x, y = make_data()
    initial = build()
    split = {}
    runs = [train(run, x, y, split if run["name"] == "sgd_momentum" else None) for run in RUNS]
    write_fixture("training", {
        "architecture": ARCHITECTURE,
        "modelSeed": MODEL_SEED,
        "initial": {k: tensor(v) for k, v in initial.state_dict().items()},
        "data": {"x": tensor(x), "y": tensor(y)},
        "runs": plain(runs),
        "sharedSplit": split,
    })


if __name__ == "__main__":
    main()
