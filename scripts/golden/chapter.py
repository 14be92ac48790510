"""The chapter (parameter management), cell by cell, as the service's end-to-end
suite replays it over HTTP and gRPC: S1-S16 of shared/design/seed-behaviours.md.

Each cell records what a client sends (seeds, inputs, edits) and what PyTorch
answers. Models are created with torch.manual_seed(seed) immediately before
construction, as the service's `seed` does; inputs are drawn afterwards and sent
by the client as data.
"""
import torch
from torch import nn

from common import tensor, write_fixture


def linear_net():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))


def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())


def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f'block {i}', block1())
    return net


def params(module):
    return [{'name': n, 'shape': list(p.shape), 'requiresGrad': p.requires_grad} for n, p in module.named_parameters()]


def state(module):
    return {k: tensor(v) for k, v in module.state_dict().items()}


out = {}

# S1-S6: the first net
torch.manual_seed(0)
net = linear_net()
X = torch.rand(size=(2, 4))
y = net(X)
out['S1'] = {'seed': 0, 'input': tensor(X), 'output': tensor(y), 'gradFn': type(y.grad_fn).__name__, 'repr': repr(y),
             'summary': str(net)}
out['S2'] = {'module': '2', 'keys': list(net[2].state_dict().keys()), 'stateDict': state(net[2])}
out['S3'] = {'parameter': '2.bias', 'repr': repr(net[2].bias), 'data': tensor(net[2].bias), 'dtype': 'float32',
             'requiresGrad': net[2].bias.requires_grad}
out['S4'] = {'parameter': '2.weight', 'gradIsNone': net[2].weight.grad is None}
out['S5'] = {'module0': params(net[0]), 'net': params(net)}
out['S6'] = {'key': '2.bias', 'value': tensor(net.state_dict()['2.bias'])}

# S7-S9: nested blocks with names that contain spaces
torch.manual_seed(1)
rgnet = nn.Sequential(block2(), nn.Linear(4, 1))
y = rgnet(X)
out['S7'] = {'seed': 1, 'input': tensor(X), 'output': tensor(y), 'gradFn': type(y.grad_fn).__name__,
             'stateDictKeys': list(rgnet.state_dict().keys())}
out['S8'] = {'summary': str(rgnet)}
out['S9'] = {'paths': ['0.block 1.0.bias', '0.1.0.bias'], 'canonical': '0.block 1.0.bias', 'data': tensor(rgnet[0][1][0].bias)}

# S10-S13: initializers on the first net (fresh copy of it, seeded as the service's initialize does)
def fresh():
    torch.manual_seed(0)
    return linear_net()


net = fresh()
torch.manual_seed(10)
def init_normal(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, mean=0, std=0.01)
        nn.init.zeros_(m.bias)
net.apply(init_normal)
out['S10'] = {'seed': 10, 'weight0': tensor(net[0].weight.data[0]), 'bias0': net[0].bias.data[0].item(),
              'state': state(net), 'order': ['0.weight', '0.bias', '2.weight', '2.bias']}

def init_constant(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 1)
        nn.init.zeros_(m.bias)
net.apply(init_constant)
out['S11'] = {'weight0': tensor(net[0].weight.data[0]), 'bias0': net[0].bias.data[0].item(), 'state': state(net)}

def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)

def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)
torch.manual_seed(12)
net[0].apply(init_xavier)
net[2].apply(init_42)
out['S12'] = {'seed': 12, 'weight0row0': tensor(net[0].weight.data[0]), 'weight2': tensor(net[2].weight.data), 'state': state(net)}

listing = []
def my_init(m):
    if type(m) == nn.Linear:
        listing.append(['weight', list(m.named_parameters())[0][1].shape[0], list(m.named_parameters())[0][1].shape[1]])
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5
net.apply(my_init)
out['S13'] = {'listing': [{'name': f'{i}.weight', 'shape': [r, c]} for i, (_, r, c) in zip([0, 2], listing)]}

# S14: edits
net = fresh()
net[0].weight.data[:] += 1
after_add = net[0].weight.data.clone()
net[0].weight.data[0, 0] = 42
out['S14'] = {'afterAdd': tensor(after_add), 'weight0': tensor(net[0].weight.data[0]), 'weight': tensor(net[0].weight.data)}

# S15-S16: a shared layer at two positions
torch.manual_seed(4)
shared = nn.Linear(8, 8)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1))
y = net(X)
same_before = (net[2].weight.data[0] == net[4].weight.data[0]).tolist()
net[2].weight.data[0, 0] = 100
same_after = (net[2].weight.data[0] == net[4].weight.data[0]).tolist()
y2 = net(X)
out['S15'] = {'seed': 4, 'input': tensor(X), 'output': tensor(y), 'summary': str(net), 'parameters': params(net),
              'stateDictKeys': list(net.state_dict().keys()), 'sameBefore': same_before, 'sameAfter': same_after,
              'weight4row0': tensor(net[4].weight.data[0]), 'outputAfterEdit': tensor(y2)}
loss = ((y2 + 1) ** 2).mean()
loss.backward()
out['S16'] = {'loss': loss.item(), 'lossName': 'mse', 'target': tensor(-torch.ones_like(y2)),
              'sharedWeightGrad': tensor(net[2].weight.grad), 'sharedBiasGrad': tensor(net[2].bias.grad),
              'firstWeightGrad': tensor(net[0].weight.grad)}
# the same gradient from untied copies, summed: what "tied grads are the sum of both uses" means
import copy
untied = copy.deepcopy(net)
untied[4] = copy.deepcopy(untied[2])
untied.zero_grad()
((untied(X) + 1) ** 2).mean().backward()
out['S16']['sumOfUses'] = tensor(untied[2].weight.grad + untied[4].weight.grad)

write_fixture('chapter', out)
