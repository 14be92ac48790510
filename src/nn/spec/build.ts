import type { Generator as RandomGenerator } from '../../engine/index.js';
import type { Module } from '../module.js';
import { Sequential } from '../layers/sequential.js';
import { tieParameter } from '../ties.js';
import { leafDefinition } from './layer-catalog.js';
import { rememberSharedOrigin } from './shared-origin.js';
import { isRef, type LayerNode, type ValidatedSpec } from './types.js';

/**
 * Constructs a validated spec as the equivalent Python would: the shared
 * modules in declaration order first, then the layers depth-first in order
 * (children before their Sequential, as Python evaluates arguments), a ref
 * placing the same object again without drawing, then the parameter ties. With
 * `torch.manual_seed(s)`'s generator the weights are PyTorch's bit for bit.
 * A null generator skips the default initialisation (zeros), for a model whose
 * state dict is loaded next.
 */
export function buildModel(spec: ValidatedSpec, generator: RandomGenerator | null): Module {
  const shared = new Map<string, Module>();
  spec.shared.forEach(({ name, node }, index) => {
    const module = buildNode(node, shared, generator);
    rememberSharedOrigin(module, { name, index });
    shared.set(name, module);
  });
  const root = buildNode(spec.root, shared, generator);
  for (const tie of spec.ties) tieParameter(root, tie.parameter, tie.to);
  return root;
}

function buildNode(node: LayerNode, shared: ReadonlyMap<string, Module>, generator: RandomGenerator | null): Module {
  if (node.type !== 'Sequential') return leafDefinition(node.type).build(node, generator);
  const children: [string, Module][] = [];
  for (const child of node.children)
    children.push([child.name, isRef(child.node) ? shared.get(child.node.ref)! : buildNode(child.node, shared, generator)]);
  return new Sequential(children);
}
