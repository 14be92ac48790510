"""Shared helpers for the golden-fixture generators.

Every generator writes one JSON file under test/golden/fixtures/ with the torch
version that produced it. Floats are written with Python's repr (shortest
round-trip), so a float32 value read back with Math.fround is bit-exact.
Non-finite values are written as the strings "NaN", "Infinity", "-Infinity".
"""
import json
import math
import os
import sys

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "test", "golden", "fixtures")


def plain(value):
    """Tensors -> nested lists; non-finite floats -> protobuf-JSON strings."""
    if isinstance(value, torch.Tensor):
        return plain(value.detach().tolist())
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def tensor(t):
    """A tensor as {shape, data} (data flat, row-major)."""
    t = t.detach()
    return {"shape": list(t.shape), "data": plain(t.reshape(-1).tolist())}


def write_fixture(name, payload):
    os.makedirs(FIXTURES, exist_ok=True)
    doc = {"generator": f"scripts/golden/{name}.py", "torch": torch.__version__,
           "cpuCapability": cpu_capability(), "cases": plain(payload)}
    path = os.path.join(FIXTURES, f"{name}.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


def cpu_capability():
    try:
        return torch.backends.cpu.get_cpu_capability()
    except Exception:  # torch 1.13 has no torch.backends.cpu
        return os.environ.get("ATEN_CPU_CAPABILITY", "unknown")
