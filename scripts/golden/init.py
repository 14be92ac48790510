"""Golden fixture for src/nn/init: torch.nn.init and the initialize use case.

Writes test/golden/fixtures/init.json with:
  gain          calculate_gain's table
  fan           _calculate_fan_in_and_fan_out on several shapes
  initializers  each initializer (API name and keywords, api.md) on several shapes after
                torch.manual_seed(seed): the values, then torch.rand(2) and torch.randn(1)
                (so the test also sees how many draws were made and the cached normal).
                Large tensors are stored as a bit hash plus the first values, and for the
                tolerance cases (orthogonal) a strided sample.
  erfinv        torch.erfinv on float32 inputs (trunc_normal_'s kernel)
  libm          glibc's erff, expf and logf (which that kernel calls) on float32 inputs
  errors        the message PyTorch raises for each bad (initializer, shape)
  mixtures      the service's own mixture initializer, computed here with the draw order
                src/nn/init/mixture.ts documents: torch.rand(shape, dtype=float64) picks the
                components, then each component fills a whole tensor in turn
  chapter       the chapter's S10-S13 cells and more, each as a sequence of initialize
                requests on a model (seed 0 at construction): the state dict after, and the
                (name, shape, initializer) list the service reports. Each is computed with the
                service's semantics (manual_seed, then subtree.apply with weight-then-bias)
                and, where the chapter has code, checked equal to the chapter's literal cell.

Run with Debian's torch 1.13 on x86-64 (AVX2 kernels): cd scripts/golden && /usr/bin/python3 init.py
"""
import contextlib
import ctypes
import io
import math
import struct
import warnings
from collections import OrderedDict

import torch
import torch.nn as nn

from common import write_fixture

warnings.filterwarnings('ignore')

FULL_LIMIT = 4096  # tensors up to this many elements are stored whole
SAMPLE_STRIDE = 97


def vals(t):
    return t.detach().reshape(-1).tolist()


def bits_hash(t):
    """h = h*31 + bits (mod 2^32) over the float32 bit patterns, row-major (Math.imul in TS)."""
    h = 0
    for v in t.detach().reshape(-1).float().tolist():
        h = (h * 31 + struct.unpack('<I', struct.pack('<f', v))[0]) & 0xFFFFFFFF
    return h


def stored(t, sample=False):
    """A tensor for the fixture: whole when small, else a bit hash and the head (and a strided sample)."""
    out = {'shape': list(t.shape)}
    if t.numel() <= FULL_LIMIT:
        out['values'] = vals(t)
    else:
        flat = t.detach().reshape(-1)
        out['hash'] = bits_hash(t)
        out['head'] = flat[:16].tolist()
        if sample:
            out['sample'] = {'stride': SAMPLE_STRIDE, 'values': flat[::SAMPLE_STRIDE].tolist()}
    return out


def message(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - we record whatever torch raises
        return str(e).split('\n')[0]
    raise AssertionError('expected an error')


# ---- the API's initializers, run the way PyTorch runs them ------------------------------

def linear_default(module, role, t):
    """nn.Linear.reset_parameters, one role, written into t."""
    if role == 'weight':
        nn.init.kaiming_uniform_(t, a=math.sqrt(5))
    else:
        fan_in, _ = nn.init._calculate_fan_in_and_fan_out(module.weight)
        bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
        nn.init.uniform_(t, -bound, bound)


def fill(t, spec, module=None, role=None):
    """Initializes t in place with an API initializer spec ({name, ...kwargs})."""
    name = spec['name']
    kwargs = {k: v for k, v in spec.items() if k != 'name'}
    if name == 'default':
        linear_default(module, role, t)
    elif name == 'mixture':
        fill_mixture(t, kwargs['components'], module, role)
    else:
        getattr(nn.init, name + '_')(t, **kwargs)


def fill_mixture(t, components, module, role):
    """The service's mixture: float64 picks first, then every component fills a whole tensor."""
    u = torch.rand(t.shape, dtype=torch.float64).reshape(-1).tolist()
    cumulative, total = [], 0.0
    for c in components:
        total += c['weight']
        cumulative.append(total)
    choice = []
    for x in u:
        k = 0
        while k < len(components) - 1 and not (x < cumulative[k]):
            k += 1
        choice.append(k)
    out = torch.empty(t.numel(), dtype=t.dtype)
    for k, c in enumerate(components):
        drawn = torch.empty(t.shape, dtype=t.dtype)
        fill(drawn, c['init'], module, role)
        idx = torch.tensor([i for i, ch in enumerate(choice) if ch == k], dtype=torch.long)
        if len(idx):
            out[idx] = drawn.reshape(-1)[idx]
    with torch.no_grad():
        t.copy_(out.reshape(t.shape))


# ---- gain and fans ----------------------------------------------------------------------

def gain_table():
    rows = []
    for nl in ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d',
               'sigmoid', 'tanh', 'relu', 'selu']:
        rows.append({'nonlinearity': nl, 'param': None, 'gain': float(nn.init.calculate_gain(nl))})
    rows.append({'nonlinearity': 'relu', 'param': 0.3, 'gain': float(nn.init.calculate_gain('relu', 0.3))})
    for p in [None, 0, 0.01, 0.2, 1, -0.5, math.sqrt(5)]:
        rows.append({'nonlinearity': 'leaky_relu', 'param': p, 'gain': float(nn.init.calculate_gain('leaky_relu', p))})
    return rows


def fan_table():
    rows = []
    for shape in [(8, 4), (1, 8), (784, 256), (16, 3, 5, 5), (4, 2, 3), (4, 4, 3, 3, 3), (0, 4), (3, 0, 2)]:
        fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(torch.empty(list(shape)))
        rows.append({'shape': list(shape), 'fanIn': fan_in, 'fanOut': fan_out})
    return rows


# ---- each initializer on several shapes -------------------------------------------------

SQRT5 = math.sqrt(5)
CASES = [
    ({'name': 'uniform', 'a': 0, 'b': 1}, [(8, 4), (3,), (0, 4)]),
    ({'name': 'uniform', 'a': -0.5, 'b': 0.5}, [(1, 8), (2, 3, 4)]),
    ({'name': 'uniform', 'a': -0.1, 'b': 0.1}, [(784, 256)]),
    ({'name': 'normal', 'mean': 0, 'std': 0.01}, [(8, 4), (1, 8), (15,), (17,), (0, 4)]),
    ({'name': 'normal', 'mean': 0.5, 'std': 0.02}, [(784, 256)]),
    ({'name': 'normal', 'mean': 1.5, 'std': 0}, [(3, 7)]),
    ({'name': 'trunc_normal', 'mean': 0, 'std': 1, 'a': -2, 'b': 2}, [(8, 4), (1, 8), (784, 256)]),
    ({'name': 'trunc_normal', 'mean': 1, 'std': 0.5, 'a': 0, 'b': 2}, [(8, 4)]),
    ({'name': 'trunc_normal', 'mean': 0, 'std': 0.02, 'a': -0.04, 'b': 0.04}, [(100,)]),
    ({'name': 'trunc_normal', 'mean': 5, 'std': 2, 'a': -1, 'b': 1}, [(33,)]),
    ({'name': 'trunc_normal', 'mean': 0, 'std': 3, 'a': -0.5, 'b': 30}, [(64,)]),
    ({'name': 'constant', 'val': 0.3}, [(8, 4)]),
    ({'name': 'constant', 'val': 42}, [(1, 8)]),
    ({'name': 'constant', 'val': -1e-7}, [(3,)]),
    ({'name': 'ones'}, [(8, 4)]),
    ({'name': 'zeros'}, [(8, 4)]),
    ({'name': 'eye'}, [(8, 4), (4, 8), (1, 8), (3, 3), (0, 4)]),
    ({'name': 'dirac', 'groups': 1}, [(4, 2, 3), (6, 3, 3, 3), (2, 4, 3, 3), (3, 3, 2, 2, 2), (0, 2, 3)]),
    ({'name': 'dirac', 'groups': 2}, [(4, 4, 3, 3, 3), (4, 2, 5)]),
    ({'name': 'dirac', 'groups': 3}, [(6, 2, 5)]),
    ({'name': 'xavier_uniform', 'gain': 1}, [(8, 4), (784, 256), (16, 3, 5, 5), (6, 4, 3), (0, 4)]),
    ({'name': 'xavier_uniform', 'gain': 2}, [(1, 8)]),
    ({'name': 'xavier_normal', 'gain': 1}, [(8, 4), (784, 256), (16, 3, 5, 5), (0, 4)]),
    ({'name': 'xavier_normal', 'gain': 5 / 3}, [(1, 8), (6, 4, 3)]),
    ({'name': 'kaiming_uniform', 'a': 0, 'mode': 'fan_in', 'nonlinearity': 'leaky_relu'}, [(8, 4), (16, 3, 5, 5), (0, 4), (4, 0)]),
    ({'name': 'kaiming_uniform', 'a': SQRT5, 'mode': 'fan_in', 'nonlinearity': 'leaky_relu'}, [(8, 4), (1, 8)]),
    ({'name': 'kaiming_uniform', 'a': 0, 'mode': 'fan_out', 'nonlinearity': 'relu'}, [(1, 8), (784, 256)]),
    ({'name': 'kaiming_uniform', 'a': 0, 'mode': 'FAN_OUT', 'nonlinearity': 'tanh'}, [(6, 4, 3)]),
    ({'name': 'kaiming_normal', 'a': 0, 'mode': 'fan_in', 'nonlinearity': 'leaky_relu'}, [(8, 4), (16, 3, 5, 5), (0, 4)]),
    ({'name': 'kaiming_normal', 'a': 0.2, 'mode': 'fan_in', 'nonlinearity': 'leaky_relu'}, [(1, 8)]),
    ({'name': 'kaiming_normal', 'a': 0, 'mode': 'fan_out', 'nonlinearity': 'relu'}, [(784, 256)]),
    ({'name': 'kaiming_normal', 'a': 0, 'mode': 'fan_in', 'nonlinearity': 'selu'}, [(5, 3)]),
    ({'name': 'orthogonal', 'gain': 1}, [(8, 4), (4, 8), (1, 8), (5, 5), (784, 256), (0, 4)]),
    ({'name': 'orthogonal', 'gain': 2}, [(6, 3, 2, 2)]),
    ({'name': 'sparse', 'sparsity': 0.5, 'std': 0.01}, [(8, 4)]),
    ({'name': 'sparse', 'sparsity': 0.1, 'std': 0.01}, [(784, 256)]),
    ({'name': 'sparse', 'sparsity': 0.9, 'std': 0.02}, [(1, 8), (10, 3)]),
    ({'name': 'sparse', 'sparsity': 0, 'std': 1}, [(10, 3)]),
    ({'name': 'sparse', 'sparsity': 1, 'std': 1}, [(10, 3)]),
    ({'name': 'sparse', 'sparsity': 0.3, 'std': 1}, [(5, 17)]),
]
# LAPACK's QR is not reproducible bit for bit; everything else is
TOLERANCE_ONLY = {'orthogonal'}


def initializer_cases():
    out = []
    seed = 100
    for spec, shapes in CASES:
        for shape in shapes:
            seed += 1
            torch.manual_seed(seed)
            t = torch.empty(list(shape))
            fill(t, spec)
            exact = spec['name'] not in TOLERANCE_ONLY
            case = {'init': spec, 'shape': list(shape), 'seed': seed, 'exact': exact,
                    'tensor': stored(t, sample=not exact), 'next': vals(torch.rand(2)), 'nextNormal': vals(torch.randn(1))}
            out.append(case)
    return out


def libm_cases():
    """glibc's float erff/expf/logf (what ATen's erfinv calls), for the ported versions."""
    libm = ctypes.CDLL('libm.so.6')
    for fn in ('erff', 'expf', 'logf'):
        getattr(libm, fn).restype = ctypes.c_float
        getattr(libm, fn).argtypes = [ctypes.c_float]
    torch.manual_seed(1)
    f32 = lambda t: [struct.unpack('<f', struct.pack('<f', v))[0] for v in t.tolist()]
    erf_x = f32(torch.cat([torch.randn(1000) * 2, torch.rand(500) * 12 - 6, torch.rand(200) * 1e-6]))
    exp_x = f32(torch.cat([-torch.rand(1000) * 16, torch.rand(500) * 200 - 110, torch.randn(300)]))
    log_x = f32(torch.cat([torch.rand(1000), torch.rand(500) * 1e-37, torch.rand(300) * 1e6]))
    return {
        'erff': {'x': erf_x, 'y': [libm.erff(v) for v in erf_x]},
        'expf': {'x': exp_x, 'y': [libm.expf(v) for v in exp_x]},
        'logf': {'x': log_x, 'y': [libm.logf(v) for v in log_x]},
    }


def erfinv_cases():
    torch.manual_seed(0)
    x = torch.cat([torch.rand(1500) * 2 - 1, 1 - torch.rand(200) * 1e-3, -(1 - torch.rand(200) * 1e-6),
                   torch.tensor([0.0, -0.0, 1.0, -1.0, 0.7, -0.7, 0.69999999, 0.70000001, 1e-30, -1e-38, 5e-45,
                                 0.9999999, -0.99999994, 1.5, -2.0, float('nan')])])
    return {'x': vals(x), 'y': vals(torch.erfinv(x))}


# ---- errors -----------------------------------------------------------------------------

ERRORS = [
    ({'name': 'kaiming_uniform', 'mode': 'fan_avg'}, (8, 4)),
    ({'name': 'kaiming_normal', 'mode': 'FAN_AVG'}, (8, 4)),
    ({'name': 'kaiming_uniform', 'nonlinearity': 'gelu'}, (8, 4)),
    ({'name': 'kaiming_normal', 'nonlinearity': 'ReLU'}, (8, 4)),
    ({'name': 'kaiming_uniform'}, (8,)),
    ({'name': 'kaiming_normal'}, ()),
    ({'name': 'xavier_uniform'}, (8,)),
    ({'name': 'xavier_normal'}, ()),
    ({'name': 'xavier_uniform'}, (0, 0)),
    ({'name': 'xavier_normal'}, (0, 0, 3)),
    ({'name': 'xavier_uniform', 'gain': -1}, (8, 4)),
    ({'name': 'xavier_normal', 'gain': -1}, (8, 4)),
    ({'name': 'eye'}, (2, 3, 4)),
    ({'name': 'eye'}, (8,)),
    ({'name': 'dirac'}, (8, 4)),
    ({'name': 'dirac'}, (2, 2, 2, 2, 2, 2)),
    ({'name': 'dirac', 'groups': 4}, (6, 2, 3)),
    ({'name': 'dirac'}, (4, 2, 0)),
    ({'name': 'dirac', 'groups': 2}, (4, 2, 3, 0)),
    ({'name': 'orthogonal'}, (8,)),
    ({'name': 'orthogonal'}, ()),
    ({'name': 'sparse', 'sparsity': 0.5}, (2, 3, 4)),
    ({'name': 'sparse', 'sparsity': 0.5}, (8,)),
    ({'name': 'sparse', 'sparsity': 0.5, 'std': -1}, (8, 4)),
    ({'name': 'uniform', 'a': 1, 'b': 0}, (8, 4)),
    ({'name': 'uniform', 'a': -1e39, 'b': 0}, (8, 4)),
    ({'name': 'uniform', 'a': 0, 'b': 1e39}, (8, 4)),
    ({'name': 'uniform', 'a': 0.5, 'b': 0.25}, (0,)),
    ({'name': 'normal', 'std': -1}, (8, 4)),
    ({'name': 'normal', 'mean': 0, 'std': -0.001}, (8, 4)),
    ({'name': 'trunc_normal', 'std': 0}, (8, 4)),
    ({'name': 'trunc_normal', 'std': -1}, (8, 4)),
    ({'name': 'trunc_normal', 'a': 2, 'b': -2}, (8, 4)),
    ({'name': 'constant', 'val': 1e39}, (8, 4)),
    ({'name': 'constant', 'val': -3.5e38}, (8, 4)),
]


def error_cases():
    out = []
    for spec, shape in ERRORS:
        out.append({'init': spec, 'shape': list(shape), 'message': message(lambda: fill(torch.empty(list(shape)), spec))})
    gains = [
        ('gelu', None), ('ReLU', None), ('leaky_relu', True), ('leaky_relu', 'x'), ('Tanh', None),
    ]
    gain_errors = [{'nonlinearity': nl, 'param': p, 'message': message(lambda: nn.init.calculate_gain(nl, p))}
                   for nl, p in gains]
    return {'initializers': out, 'gain': gain_errors}


# ---- mixtures (the service's own draw order) --------------------------------------------

MY_INIT = {'name': 'mixture', 'components': [
    {'weight': 0.25, 'init': {'name': 'uniform', 'a': 5, 'b': 10}},
    {'weight': 0.5, 'init': {'name': 'constant', 'val': 0}},
    {'weight': 0.25, 'init': {'name': 'uniform', 'a': -10, 'b': -5}},
]}
MIXTURES = [
    (MY_INIT, [(8, 4), (1, 8), (784, 256)]),
    ({'name': 'mixture', 'components': [
        {'weight': 0.3, 'init': {'name': 'normal', 'mean': 0, 'std': 1}},
        {'weight': 0.7, 'init': {'name': 'xavier_uniform', 'gain': 1}},
    ]}, [(3, 4), (20, 10)]),
    ({'name': 'mixture', 'components': [
        {'weight': 0.5, 'init': {'name': 'mixture', 'components': [
            {'weight': 0.5, 'init': {'name': 'ones'}},
            {'weight': 0.5, 'init': {'name': 'normal', 'mean': 10, 'std': 1}},
        ]}},
        {'weight': 0, 'init': {'name': 'uniform', 'a': 100, 'b': 200}},
        {'weight': 0.5, 'init': {'name': 'sparse', 'sparsity': 0.5, 'std': 1}},
    ]}, [(6, 5)]),
]


def mixture_cases():
    out = []
    seed = 500
    for spec, shapes in MIXTURES:
        for shape in shapes:
            seed += 1
            torch.manual_seed(seed)
            t = torch.empty(list(shape))
            fill(t, spec)
            out.append({'init': spec, 'shape': list(shape), 'seed': seed, 'tensor': stored(t),
                        'next': vals(torch.rand(2)), 'nextNormal': vals(torch.randn(1))})
    return out


# ---- models and the initialize use case -------------------------------------------------

def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f'block {i}', block1())
    return net


def linear(i, o, bias=True):
    return {'type': 'Linear', 'in_features': i, 'out_features': o, 'bias': bias}


RELU = {'type': 'ReLU'}
BLOCK1 = {'type': 'Sequential', 'layers': [linear(4, 8), RELU, linear(8, 4), RELU]}
# Architectures in the API's spec form (api.md), built here and by the test the same way.
MODELS = {
    'mlp': {'type': 'Sequential', 'layers': [linear(4, 8), RELU, linear(8, 1)]},
    'rgnet': {'type': 'Sequential', 'layers': [
        {'type': 'Sequential', 'layers': [dict(BLOCK1, name=f'block {i}') for i in range(4)]},
        linear(4, 1)]},
    'tied': {'type': 'Sequential', 'layers': [linear(4, 8), RELU, {'ref': 'shared'}, RELU, {'ref': 'shared'}, RELU,
                                              linear(8, 1)],
             'shared': {'shared': linear(8, 8)}},
    'tiedParents': {'type': 'Sequential', 'layers': [
        {'type': 'Sequential', 'layers': [{'ref': 'l'}, RELU]},
        {'type': 'Sequential', 'layers': [{'ref': 'l'}]},
        linear(3, 2)],
        'shared': {'l': linear(3, 3)}},
    'noBias': {'type': 'Sequential', 'layers': [linear(4, 3, bias=False), RELU, linear(3, 2)]},
}


def build(spec, seed):
    """torch.manual_seed(seed), the shared modules in declaration order, then the layers depth-first."""
    torch.manual_seed(seed)
    shared = {k: build_node(v, {}) for k, v in spec.get('shared', {}).items()}
    return build_node(spec, shared)


def build_node(node, shared):
    if 'ref' in node:
        return shared[node['ref']]
    if node['type'] == 'Sequential':
        return nn.Sequential(OrderedDict((c.get('name', str(i)), build_node(c, shared))
                                         for i, c in enumerate(node['layers'])))
    if node['type'] == 'Linear':
        return nn.Linear(node['in_features'], node['out_features'], bias=node['bias'])
    return nn.ReLU()


def resolve(root, path):
    """A dotted path of child names or positions, and its spelling with names."""
    module, names = root, []
    for seg in [s for s in path.split('.') if s != ''] if path else []:
        keys = list(module._modules.keys())
        key = seg if seg in module._modules else keys[int(seg)]
        module, names = module._modules[key], names + [key]
    return module, '.'.join(names)


def apply_order(module, path):
    """(path, module) in nn.Module.apply's order: post-order over children() (de-duplicated per parent)."""
    out, seen = [], set()
    for name, child in module.named_children():
        if id(child) in seen:
            continue
        seen.add(id(child))
        out += apply_order(child, f'{path}.{name}' if path else name)
    return out + [(path, module)]


def initialize(net, request):
    """The service's initialize: (manual_seed), subtree.apply(weight then bias per matching module)."""
    if 'seed' in request:
        torch.manual_seed(request['seed'])
    sub, sub_path = resolve(net, request.get('module', ''))
    types = request.get('moduleTypes')
    order = apply_order(sub, sub_path)
    visited = []
    sub.apply(lambda m: visited.append(m))
    assert [id(m) for _, m in order] == [id(m) for m in visited], 'apply order'
    report = []
    for path, m in order:
        if types is not None and type(m).__name__ not in types:
            continue
        for role in ['weight', 'bias']:
            p = m._parameters.get(role)
            if role not in request or p is None:
                continue
            with torch.no_grad():
                fill(p, request[role], m, role)
            report.append({'name': f'{path}.{role}' if path else role, 'shape': list(p.shape),
                           'initializer': request[role]['name']})
    return report


def state(net):
    return {k: stored(v) for k, v in net.state_dict().items()}


def same_state(a, b):
    sa, sb = a.state_dict(), b.state_dict()
    return list(sa) == list(sb) and all(torch.equal(sa[k], sb[k]) for k in sa)


# The chapter's cells, literally (d2l parameter-management, PyTorch edition).
def init_normal(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, mean=0, std=0.01)
        nn.init.zeros_(m.bias)


def init_constant(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 1)
        nn.init.zeros_(m.bias)


def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)


def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)


def my_init(m):
    if type(m) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in m.named_parameters()][0])
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5


def chapter_literal(seed, cells):
    """Runs the chapter's cells on a fresh mlp; returns the net and what they printed."""
    net = build(MODELS['mlp'], 0)
    torch.manual_seed(seed)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for module_path, fn in cells:
            resolve(net, module_path)[0].apply(fn)
    return net, printed.getvalue().splitlines()


LINEAR = ['Linear']
CHAPTER = [
    ('S10 init_normal', 'mlp', [{'seed': 7, 'moduleTypes': LINEAR, 'weight': {'name': 'normal', 'mean': 0, 'std': 0.01},
                                 'bias': {'name': 'zeros'}}], [('', init_normal)]),
    ('S11 init_constant', 'mlp', [{'seed': 7, 'moduleTypes': LINEAR, 'weight': {'name': 'constant', 'val': 1},
                                   'bias': {'name': 'zeros'}}], [('', init_constant)]),
    ('S12 xavier then 42', 'mlp', [{'seed': 7, 'module': '0', 'moduleTypes': LINEAR, 'weight': {'name': 'xavier_uniform'}},
                                   {'module': '2', 'moduleTypes': LINEAR, 'weight': {'name': 'constant', 'val': 42}}],
     [('0', init_xavier), ('2', init_42)]),
    ('S13 my_init as a mixture', 'mlp', [{'seed': 7, 'moduleTypes': LINEAR, 'weight': MY_INIT}], [('', my_init)]),
    ('default is reset_parameters', 'mlp', [{'seed': 3, 'weight': {'name': 'default'}, 'bias': {'name': 'default'}}], None),
    ('rgnet subtree by position', 'rgnet', [{'seed': 11, 'module': '0.1', 'moduleTypes': LINEAR,
                                             'weight': {'name': 'kaiming_normal', 'nonlinearity': 'relu'},
                                             'bias': {'name': 'normal', 'std': 0.1}}], None),
    ('rgnet every bias', 'rgnet', [{'seed': 12, 'bias': {'name': 'trunc_normal', 'std': 0.5}}], None),
    ('rgnet orthogonal weights', 'rgnet', [{'seed': 13, 'module': '-1', 'weight': {'name': 'orthogonal'}},
                                           {'module': '0.block 2', 'weight': {'name': 'orthogonal', 'gain': 2}}], None),
    ('tied layer once per parent', 'tied', [{'seed': 14, 'moduleTypes': LINEAR, 'weight': {'name': 'xavier_normal'},
                                             'bias': {'name': 'uniform', 'a': -1, 'b': 1}}], None),
    ('tied under two parents twice', 'tiedParents', [{'seed': 15, 'weight': {'name': 'normal'},
                                                      'bias': {'name': 'normal', 'std': 0.5}}], None),
    ('no bias skipped', 'noBias', [{'seed': 16, 'weight': {'name': 'eye'}, 'bias': {'name': 'constant', 'val': 1}}], None),
    ('types filter matches nothing', 'mlp', [{'seed': 17, 'moduleTypes': ['Conv2d'], 'weight': {'name': 'ones'}}], None),
    ('mixture with default', 'mlp', [{'seed': 18, 'weight': {'name': 'mixture', 'components': [
        {'weight': 0.5, 'init': {'name': 'default'}}, {'weight': 0.5, 'init': {'name': 'zeros'}}]},
        'bias': {'name': 'default'}}], None),
]


def chapter_cases():
    out = []
    for title, model, requests, literal in CHAPTER:
        net = build(MODELS[model], 0)
        reports = [initialize(net, r) for r in requests]
        case = {'title': title, 'model': model, 'buildSeed': 0, 'requests': requests, 'reports': reports,
                'stateDict': state(net), 'next': vals(torch.rand(2)),
                'exact': not any('orthogonal' in str(r) for r in requests)}
        if literal is not None:
            ref, printed = chapter_literal(requests[0]['seed'], literal)
            case['printed'] = printed
            if 'my_init' not in title:  # my_init's own draw (uniform then mask) is not the mixture's
                assert same_state(net, ref), title
        if title.startswith('default'):
            ref = build(MODELS[model], 0)
            torch.manual_seed(3)
            ref.apply(lambda m: m.reset_parameters() if isinstance(m, nn.Linear) else None)
            assert same_state(net, ref), title
        out.append(case)
    return out


if __name__ == '__main__':
    write_fixture('init', {
        'gain': gain_table(),
        'fan': fan_table(),
        'initializers': initializer_cases(),
        'erfinv': erfinv_cases(),
        'libm': libm_cases(),
        'errors': error_cases(),
        'mixtures': mixture_cases(),
        'models': MODELS,
        'chapter': chapter_cases(),
    })
