"""Times bench/kernels.ts's products in PyTorch on one thread.

Reads {"sizes": [...], "variants": ["plain", "transA", "transB"], "budget": seconds}
as JSON on stdin and writes {"available", "version", "threads", "matmul":
{variant: {size: measurement}}} on stdout. A transposed operand is a
transposed view of a contiguous tensor (`a.t()`), which torch.mm hands to its
BLAS as a transpose flag, as our kernels take theirs. The timing loop is
torch_engine.py's (itself bench/support/measure.ts's), so columns compare like
with like. Without torch it answers {"available": false, "reason": ...}.
"""
import json
import sys

from torch_engine import measure


def product(torch, n, variant):
    a = torch.rand(n, n) * 2 - 1
    b = torch.rand(n, n) * 2 - 1
    if variant == "transA":
        return lambda: torch.mm(a.t(), b)
    if variant == "transB":
        return lambda: torch.mm(a, b.t())
    return lambda: torch.mm(a, b)


def main():
    config = json.load(sys.stdin)
    try:
        import torch
    except ImportError as e:
        json.dump({"available": False, "reason": f"{sys.executable} cannot import torch ({e})"}, sys.stdout)
        return
    torch.manual_seed(0)
    torch.set_num_threads(1)
    results = {"available": True, "version": torch.__version__, "threads": torch.get_num_threads(), "matmul": {}}
    for variant in config["variants"]:
        results["matmul"][variant] = {}
        for n in config["sizes"]:
            m = measure(product(torch, n, variant), config["budget"])
            print(f"  torch {variant} {n}: {m['min'] * 1e6:.1f} µs best ({m['samples']} samples)", file=sys.stderr, flush=True)
            results["matmul"][variant][str(n)] = m
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
