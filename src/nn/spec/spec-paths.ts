import { InvalidArchitectureError } from './errors.js';
import { leafDefinition } from './layer-catalog.js';
import { isRef, type LayerNode, type SequentialLayer } from './types.js';

const POSITION = /^-?\d{1,9}$/;

/** Child lookup by name, built once per Sequential node so resolving many tie paths stays linear. */
const childIndex = new WeakMap<SequentialLayer, Map<string, number>>();

function indexOf(seq: SequentialLayer): Map<string, number> {
  let index = childIndex.get(seq);
  if (index === undefined) {
    index = new Map(seq.children.map((c, i) => [c.name, i]));
    childIndex.set(seq, index);
  }
  return index;
}

/**
 * Resolves a dotted module path over a validated tree exactly as `resolveModule`
 * does over a built model (a child by name, else by position, negative from
 * the end; a ref leads to its shared module), so a tie checked here lands on
 * the same objects once built.
 */
export function resolveSpecModule(root: LayerNode, path: string, shared: ReadonlyMap<string, LayerNode>, field: string): { node: LayerNode; canonical: string } {
  if (path === '') return { node: root, canonical: '' };
  let node = root;
  const canonical: string[] = [];
  for (const segment of path.split('.')) {
    let position: number | undefined;
    if (node.type === 'Sequential') {
      position = indexOf(node).get(segment);
      if (position === undefined && POSITION.test(segment)) {
        const i = Number(segment);
        const n = node.children.length;
        if (i >= -n && i < n) position = i < 0 ? i + n : i;
      }
    }
    if (position === undefined || node.type !== 'Sequential')
      throw new InvalidArchitectureError(field, `${field}: ${node.type} has no attribute \`${segment}\``);
    const child = node.children[position];
    canonical.push(child.name);
    node = isRef(child.node) ? shared.get(child.node.ref)! : child.node;
  }
  return { node, canonical: canonical.join('.') };
}

export interface SpecParameter {
  owner: LayerNode;
  local: string;
  shape: number[];
  canonical: string;
}

/** A dotted parameter path over a validated tree: its owner node, local name, shape and name spelled with child names. */
export function resolveSpecParameter(root: LayerNode, path: string, shared: ReadonlyMap<string, LayerNode>, field: string): SpecParameter {
  const dot = path.lastIndexOf('.');
  const local = dot === -1 ? path : path.slice(dot + 1);
  const { node, canonical } = resolveSpecModule(root, dot === -1 ? '' : path.slice(0, dot), shared, field);
  if (node.type !== 'Sequential') {
    const entry = leafDefinition(node.type).parameterShapes(node).find(([name]) => name === local);
    if (entry !== undefined) return { owner: node, local, shape: entry[1], canonical: canonical === '' ? local : `${canonical}.${local}` };
  }
  const isChild = node.type === 'Sequential' && indexOf(node).has(local);
  throw new InvalidArchitectureError(field, `${field}: ${isChild ? `\`${local}\` is not an nn.Parameter` : `${node.type} has no attribute \`${local}\``}`);
}
