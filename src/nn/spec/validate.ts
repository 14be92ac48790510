import { InvalidArchitectureError } from './errors.js';
import { fieldKey, isPlainObject, shown } from './json-path.js';
import { SpecBudget } from './budget.js';
import { readLayer, type NodeContext, type SharedEntry } from './validate-node.js';
import { readTies } from './validate-ties.js';
import type { LayerNode, SpecLimits, ValidatedSpec } from './types.js';

/** Keys JSON objects enumerate first, in numeric order, whatever order they were written in. */
const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

/**
 * Checks untrusted JSON against the architecture spec (api.md) and the limits,
 * before anything is allocated: sizes come from the spec's arithmetic, and the
 * walk stops at the first node over a limit. Throws InvalidArchitectureError,
 * UnknownModuleTypeError or ArchitectureLimitError naming the node's JSON path.
 */
export function validateSpec(json: unknown, limits: SpecLimits): ValidatedSpec {
  if (!isPlainObject(json)) throw new InvalidArchitectureError('', `the architecture must be a JSON object, got ${shown(json)}`);
  if (Object.hasOwn(json, 'ref')) throw new InvalidArchitectureError('ref', 'ref: the root cannot be a ref');
  const budget = new SpecBudget(limits);
  const rawShared = readSharedNames(json, budget);
  const ctx: NodeContext = {
    budget,
    declared: [...rawShared.keys()],
    shared: new Map<string, SharedEntry>(),
    rawShared,
    reading: null,
    paths: { count: 0 },
    referenced: new Set(),
  };
  const shared = ctx.shared as Map<string, SharedEntry>;
  for (const [name, raw] of rawShared) {
    const field = fieldKey('shared', name);
    if (!isPlainObject(raw)) throw new InvalidArchitectureError(field, `${field} must be an object (a layer), got ${shown(raw)}`);
    if (Object.hasOwn(raw, 'ref')) throw new InvalidArchitectureError(fieldKey(field, 'ref'), `${fieldKey(field, 'ref')}: a shared module cannot be a ref`);
    ctx.reading = name;
    ctx.paths = { count: 0 };
    const { node, height } = readLayer(raw, field, 0, 'shared', ctx);
    shared.set(name, { name, index: shared.size, node, paths: ctx.paths.count, height });
  }

  ctx.reading = null;
  ctx.paths = { count: 0 };
  const { node: root, height } = readLayer(json, '', 0, 'root', ctx);
  for (const name of rawShared.keys())
    if (!ctx.referenced.has(name)) {
      const field = fieldKey('shared', name);
      throw new InvalidArchitectureError(field, `${field}: shared module '${name}' is never placed; add {"ref": ${JSON.stringify(name)}} where it belongs, or remove it`);
    }

  const nodes = new Map<string, LayerNode>([...shared].map(([name, entry]) => [name, entry.node]));
  const { ties, dropped } = readTies(Object.hasOwn(json, 'ties') ? json.ties : undefined, root, nodes);
  return {
    root,
    shared: [...shared.values()].map((e) => ({ name: e.name, node: e.node })),
    ties,
    stats: { parameterCount: budget.allocated - dropped, allocatedParameters: budget.allocated, modulePaths: ctx.paths.count, depth: height },
  };
}

/** The raw `shared` entries in declaration order, names checked. */
function readSharedNames(json: Record<string, unknown>, budget: SpecBudget): Map<string, unknown> {
  if (!Object.hasOwn(json, 'shared')) return new Map();
  const raw = json.shared;
  if (!isPlainObject(raw)) throw new InvalidArchitectureError('shared', `shared must be an object mapping names to layers, got ${shown(raw)}`);
  const names = Object.keys(raw);
  // Every shared module must be placed at least once, so more of them than module paths cannot fit.
  budget.checkModules(names.length + 1, 'shared');
  for (const name of names) {
    const field = fieldKey('shared', name);
    if (name === '') throw new InvalidArchitectureError(field, `${field}: a shared module name must be non-empty`);
    if (ARRAY_INDEX.test(name))
      throw new InvalidArchitectureError(
        field,
        `${field}: a shared module name cannot be a non-negative integer ('${name}'): JSON objects do not keep such keys in order, and declaration order is construction order`,
      );
  }
  return new Map(names.map((name) => [name, raw[name]]));
}
