"""Times bench/engine.ts's workloads in PyTorch on one thread.

Reads {"sizes": [...], "cases": [{"id", "widths", "batch"}], "budget": seconds,
"lr": float} as JSON on stdin and writes the timings as JSON on stdout (progress
on stderr). The timing loop is bench/support/measure.ts's, line for line, so
the columns compare like with like. Without torch it answers
{"available": false, "reason": ...}.
"""
import json
import sys
import time

SAMPLES_WANTED = 12
MIN_SAMPLES_SLOW = 2
MIN_SAMPLES_FAST = 5


def measure(call, budget):
    warm_start = time.perf_counter()
    warm_calls = 0
    while True:
        call()
        warm_calls += 1
        if time.perf_counter() - warm_start >= budget * 0.25:
            break
    per_call_guess = (time.perf_counter() - warm_start) / warm_calls
    calls_per_sample = max(1, round(budget * 0.75 / SAMPLES_WANTED / per_call_guess))
    min_samples = MIN_SAMPLES_SLOW if per_call_guess * calls_per_sample > budget / 2 else MIN_SAMPLES_FAST
    per_call = []
    timed_start = time.perf_counter()
    while len(per_call) < min_samples or (len(per_call) < SAMPLES_WANTED * 2 and time.perf_counter() - timed_start < budget * 0.75):
        t0 = time.perf_counter()
        for _ in range(calls_per_sample):
            call()
        per_call.append((time.perf_counter() - t0) / calls_per_sample)
    per_call.sort()
    mid = len(per_call) // 2
    median = per_call[mid] if len(per_call) % 2 == 1 else (per_call[mid - 1] + per_call[mid]) / 2
    return {"median": median, "min": per_call[0], "samples": len(per_call), "calls": len(per_call) * calls_per_sample}


def matmul_call(torch, n):
    a = torch.rand(n, n) * 2 - 1
    b = torch.rand(n, n) * 2 - 1
    return lambda: torch.mm(a, b)


def train_call(torch, widths, batch, lr):
    layers = []
    for i in range(len(widths) - 1):
        if i > 0:
            layers.append(torch.nn.ReLU())
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
    net = torch.nn.Sequential(*layers)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    x = torch.rand(batch, widths[0]) * 2 - 1
    y = torch.rand(batch, widths[-1]) * 2 - 1

    def step():
        optimizer.zero_grad(set_to_none=True)  # what paramserve's zeroGrad does by default
        loss = torch.nn.functional.mse_loss(net(x), y)
        loss.backward()
        optimizer.step()

    return step


def main():
    config = json.load(sys.stdin)
    try:
        import torch
    except ImportError as e:
        json.dump({"available": False, "reason": f"{sys.executable} cannot import torch ({e})"}, sys.stdout)
        return
    torch.manual_seed(0)
    torch.set_num_threads(1)
    results = {"available": True, "version": torch.__version__, "threads": torch.get_num_threads(), "matmul": {}, "train": {}}
    budget = config["budget"]
    for n in config["sizes"]:
        m = measure(matmul_call(torch, n), budget)
        print(f"  torch matmul {n}: {m['median'] * 1e6:.1f} µs ({m['samples']} samples)", file=sys.stderr, flush=True)
        results["matmul"][str(n)] = m
    for case in config["cases"]:
        m = measure(train_call(torch, case["widths"], case["batch"], config["lr"]), budget)
        print(f"  torch train {case['id']} b{case['batch']}: {m['median'] * 1e6:.1f} µs ({m['samples']} samples)", file=sys.stderr, flush=True)
        results["train"][case["id"]] = m
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
