"""Golden fixture for src/engine/random: PyTorch's CPU RNG, bit for bit.

Every float is stored as repr (exact; float32 values are exactly representable
as doubles), so the tests compare with Object.is. Large outputs are stored as a
hash of their bit patterns plus a few values. Run with Debian's torch 1.13 on
x86-64 (AVX2 kernels): cd scripts/golden && /usr/bin/python3 rng.py
"""
import math
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

from common import write_fixture

SEEDS = [0, 1, 42, 2**32 + 5, -1, 2**63 - 25, 2**64 - 1]


def vals(t):
    return t.detach().reshape(-1).tolist()


def bits_hash(t):
    """h = h*31 + bits (mod 2^32) over the float32 bit patterns, row-major (Math.imul in TS)."""
    h = 0
    for v in t.detach().reshape(-1).float().tolist():
        h = (h * 31 + struct.unpack('<I', struct.pack('<f', v))[0]) & 0xFFFFFFFF
    return h


def message(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - we record whatever torch raises
        return str(e).split('\n')[0]
    raise AssertionError('expected an error')


def seeds():
    out = []
    for s in SEEDS:
        torch.manual_seed(s)
        case = {'seed': str(s), 'initialSeed': str(torch.initial_seed())}
        # int64 random_() is random64() % 2^63: the low draw whole, the high one without its top bit
        case['random64Mod63'] = [str(v) for v in torch.empty(4, dtype=torch.int64).random_().tolist()]
        case['rand5'] = vals(torch.rand(5))
        case['randn5'] = vals(torch.randn(5))
        case['randn1After'] = vals(torch.randn(1))
        out.append(case)
    g = torch.Generator()
    out.append({'seed': 'default', 'initialSeed': str(g.initial_seed()), 'rand5': vals(torch.rand(5, generator=g))})
    return out


def sized(fn, sizes, seed=0):
    out = []
    for n in sizes:
        torch.manual_seed(seed)
        out.append({'n': n, 'seed': seed, 'values': vals(fn(n))})
    return out


def sequences():
    out = []
    for seed, sizes in [(0, [5, 1]), (0, [3, 20, 1]), (0, [1, 1, 1, 1]), (7, [15, 16, 2, 17, 1]),
                        (3, [2, 1, 3, 32, 4]), (11, [9, 1000, 7])]:
        torch.manual_seed(seed)
        out.append({'seed': seed, 'sizes': sizes, 'values': [vals(torch.randn(n)) for n in sizes]})
    # the cached value survives other ops that do not use it (rand, normal_fill)
    torch.manual_seed(5)
    a = vals(torch.randn(3))
    b = vals(torch.rand(4))
    c = vals(torch.randn(16))
    d = vals(torch.randn(1))
    out.append({'seed': 5, 'ops': ['randn 3', 'rand 4', 'randn 16', 'randn 1'], 'values': [a, b, c, d]})
    return out


def uniform_cases():
    out = []
    for lo, hi in [(-0.5, 0.5), (-10.0, 10.0), (5.0, 10.0), (-0.125, 0.0625), (0.0, 3.0), (2.5, 2.5)]:
        torch.manual_seed(1)
        out.append({'from': lo, 'to': hi, 'dtype': 'float32', 'values': vals(torch.empty(5000).uniform_(lo, hi))})
    for lo, hi in [(-3.0, 7.0), (-0.1234567, 0.001)]:
        torch.manual_seed(2)
        t = torch.empty(500, dtype=torch.float64).uniform_(lo, hi)
        out.append({'from': lo, 'to': hi, 'dtype': 'float64', 'values': vals(t)})
    return out


def normal_cases():
    out = []
    for mean, std, n in [(0.5, 0.02, 5000), (0.0, 0.01, 5000), (-3.0, 7.0, 1001), (0.5, 0.02, 7),
                         (1.0, 0.0, 20), (1.0, 0.0, 3), (0.25, 2.0, 15)]:
        torch.manual_seed(3)
        out.append({'mean': mean, 'std': std, 'n': n, 'dtype': 'float32',
                    'values': vals(torch.empty(n).normal_(mean, std))})
    for mean, std, n in [(0.0, 1.0, 5), (0.0, 1.0, 100), (0.5, 0.3, 7), (0.5, 0.3, 33)]:
        torch.manual_seed(4)
        out.append({'mean': mean, 'std': std, 'n': n, 'dtype': 'float64',
                    'values': vals(torch.empty(n, dtype=torch.float64).normal_(mean, std))})
    return out


def float64_cases():
    out = {}
    torch.manual_seed(0)
    out['rand100'] = vals(torch.rand(100, dtype=torch.float64))
    torch.manual_seed(0)
    out['rand17'] = vals(torch.rand(17, dtype=torch.float64))
    torch.manual_seed(0)
    out['randn5'] = vals(torch.randn(5, dtype=torch.float64))
    torch.manual_seed(0)
    out['randn100'] = vals(torch.randn(100, dtype=torch.float64))
    return out


def randperm_cases():
    out = []
    for n, seed in [(0, 0), (1, 0), (2, 0), (5, 0), (10, 0), (100, 0), (1000, 3), (100000, 0), (100000, 9)]:
        torch.manual_seed(seed)
        p = torch.randperm(n)
        case = {'n': n, 'seed': seed, 'after': vals(torch.rand(2))}
        if n <= 1000:
            case['values'] = p.tolist()
        else:
            case['head'] = p[:20].tolist()
            case['tail'] = p[-20:].tolist()
            case['weightedSum'] = int((p * torch.arange(n)).sum().item())
        out.append(case)
    return out


def bernoulli_cases():
    out = []
    for p, n, dtype in [(0.3, 1000, torch.float32), (0.5, 100, torch.float64), (0.0, 10, torch.float32),
                        (1.0, 10, torch.float32), (0.999, 200, torch.float32)]:
        torch.manual_seed(6)
        t = torch.empty(n, dtype=dtype).bernoulli_(p)
        out.append({'p': p, 'n': n, 'dtype': str(dtype).replace('torch.', ''), 'values': vals(t),
                    'after': vals(torch.rand(2))})
    return out


def dropout_cases():
    out = []
    for p, shape in [(0.37, [500]), (0.5, [4, 8]), (0.2, [3, 5]), (0.0, [6]), (1.0, [6])]:
        torch.manual_seed(8)
        x = torch.randn(*shape)
        y = F.dropout(x, p, training=True)
        out.append({'p': p, 'shape': shape, 'module': False, 'values': vals(y), 'after': vals(torch.rand(2))})
    torch.manual_seed(8)
    x = torch.randn(4, 8)
    y = nn.Dropout(0.25).train()(x)
    out.append({'p': 0.25, 'shape': [4, 8], 'module': True, 'values': vals(y), 'after': vals(torch.rand(2))})
    return out


def linear_cases():
    torch.manual_seed(0)
    m = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    mlp = {k: {'shape': list(v.shape), 'values': vals(v)} for k, v in m.state_dict().items()}
    torch.manual_seed(0)
    big = nn.Linear(784, 256)
    w, b = big.weight, big.bias
    return {
        'mlp': mlp,
        'linear784x256': {
            'weightHash': bits_hash(w), 'weightHead': vals(w)[:20], 'weightTail': vals(w)[-20:],
            'bias': vals(b), 'after': vals(torch.rand(2)),
        },
    }


def errors():
    e = torch.empty
    return {
        'uniformFromGtTo': message(lambda: e(3).uniform_(1, 0)),
        'uniformFromGtToDigits': message(lambda: e(3).uniform_(1.23456789, 0.1)),
        'uniformTiny': message(lambda: e(3).uniform_(1e-7, 1e-8)),
        'uniformSpan': message(lambda: e(3).uniform_(-3e38, 3e38)),
        'uniformSpanDouble': message(lambda: e(3, dtype=torch.float64).uniform_(-1e308, 1e308)),
        'uniformFromNan': message(lambda: e(3).uniform_(float('nan'), 1)),
        'uniformToInf': message(lambda: e(3).uniform_(0, float('inf'))),
        'normalStd': message(lambda: e(3).normal_(0, -1)),
        'normalStdDigits': message(lambda: e(3).normal_(0, -1.23456789)),
        'normalStdNan': message(lambda: e(3).normal_(0, float('nan'))),
        'bernoulliP': message(lambda: e(3).bernoulli_(1.5)),
        'bernoulliPNan': message(lambda: e(3).bernoulli_(float('nan'))),
        'dropoutP': message(lambda: F.dropout(torch.ones(3), 1.5)),
        'randpermNegative': message(lambda: torch.randperm(-1)),
        'seedOverflow': message(lambda: torch.manual_seed(2**64)),
        'seedUnderflow': message(lambda: torch.manual_seed(-2**63 - 1)),
    }


payload = {
    'seeds': seeds(),
    'rand': sized(torch.rand, [1, 5, 16, 17, 100, 2000]),
    'randn': sized(torch.randn, [1, 2, 5, 15, 16, 17, 31, 32, 100, 1000, 5000]) +
             sized(torch.randn, [16, 100, 1000], seed=42),
    'randnSequences': sequences(),
    'uniform': uniform_cases(),
    'normal': normal_cases(),
    'float64': float64_cases(),
    'randperm': randperm_cases(),
    'bernoulli': bernoulli_cases(),
    'dropout': dropout_cases(),
    'linear': linear_cases(),
    'errors': errors(),
    'constants': {'kaimingA2': math.sqrt(5) ** 2},
}
write_fixture('rng', payload)
