import { Sequential } from '../layers/sequential.js';
import { ModuleNameError } from '../errors.js';
import { InvalidArchitectureError, UnknownModuleTypeError } from './errors.js';
import { fieldIndex, fieldKey, isPlainObject, shown } from './json-path.js';
import { findSharedCycle } from './shared-cycles.js';
import { leafDefinition } from './layer-catalog.js';
import type { SpecBudget } from './budget.js';
import { LAYER_TYPES, type LayerNode, type LayerType, type LeafLayer, type SpecChild } from './types.js';

/** A shared module once read: later refs reuse its node and its size. */
export interface SharedEntry {
  name: string;
  index: number;
  node: LayerNode;
  /** Module paths in its subtree, itself included. */
  paths: number;
  /** Segments in its longest path below it. */
  height: number;
}

export interface NodeContext {
  budget: SpecBudget;
  /** Every name in `shared`, in declaration order. */
  declared: readonly string[];
  /** The shared modules read so far. */
  shared: ReadonlyMap<string, SharedEntry>;
  /** The raw `shared` bodies, to name a cycle when a ref points forward. */
  rawShared: ReadonlyMap<string, unknown>;
  /** The shared module being read (refs must name one declared before it), or null for the root's tree. */
  reading: string | null;
  /** Module paths counted so far in the tree being read. */
  paths: { count: number };
  referenced: Set<string>;
}

/** Where a layer object sits, which decides the keys it may have. */
export type Role = 'root' | 'child' | 'shared';

const KNOWN = new Set<string>(LAYER_TYPES);
const ROOT_ONLY = new Set(['shared', 'ties']);

export interface ReadLayer {
  node: LayerNode;
  height: number;
}

/** Reads one layer object (not a ref) at `depth` (the root is 0). */
export function readLayer(raw: Record<string, unknown>, field: string, depth: number, role: Role, ctx: NodeContext): ReadLayer {
  if (!Object.hasOwn(raw, 'type')) throw new InvalidArchitectureError(fieldKey(field, 'type'), `${fieldKey(field, 'type')} is required`);
  const type = raw.type;
  const typeField = fieldKey(field, 'type');
  if (typeof type !== 'string') throw new InvalidArchitectureError(typeField, `${typeField} must be a string, got ${shown(type)}`);
  if (!KNOWN.has(type))
    throw new UnknownModuleTypeError(typeField, `${typeField}: unknown module type '${type}'; known: ${LAYER_TYPES.join(', ')}`, type);
  const layerType = type as LayerType;
  const keywords = layerType === 'Sequential' ? ['layers'] : leafDefinition(layerType).keywords.map((k) => k.name);
  for (const key of Object.keys(raw)) checkKey(key, layerType, keywords, field, role);

  ctx.budget.checkDepth(depth, field);
  ctx.paths.count += 1;
  ctx.budget.checkModules(ctx.paths.count, field);
  if (layerType === 'Sequential') return readSequential(raw, field, depth, ctx);
  const leaf = readLeaf(raw, layerType, field, ctx);
  ctx.budget.addParameters(leafDefinition(leaf.type).parameterShapes(leaf).map(([, shape]) => shape), field);
  return { node: leaf, height: 0 };
}

function checkKey(key: string, type: LayerType, keywords: readonly string[], field: string, role: Role): void {
  if (key === 'type' || keywords.includes(key)) return;
  const at = fieldKey(field, key);
  if (key === 'name') {
    if (role === 'child') return;
    throw new InvalidArchitectureError(at, role === 'root' ? `${at}: the root module has no name` : `${at}: a shared module is named by its key in 'shared'`);
  }
  if (ROOT_ONLY.has(key)) {
    if (role === 'root') return;
    throw new InvalidArchitectureError(at, `${at}: '${key}' is only allowed at the root of the architecture`);
  }
  if (key === 'ref') {
    const why = role === 'root' ? 'the root cannot be a ref' : role === 'shared' ? 'a shared module cannot be a ref' : 'a ref node has no type';
    throw new InvalidArchitectureError(at, `${at}: ${why}`);
  }
  throw new InvalidArchitectureError(at, `${at}: ${type}() got an unexpected keyword argument '${key}'`);
}

function readLeaf(raw: Record<string, unknown>, type: LeafLayer['type'], field: string, ctx: NodeContext): LeafLayer {
  const out: Record<string, unknown> = { type };
  for (const keyword of leafDefinition(type).keywords) {
    const at = fieldKey(field, keyword.name);
    if (!Object.hasOwn(raw, keyword.name)) {
      if (!('default' in keyword)) throw new InvalidArchitectureError(at, `${at}: ${type}() missing required argument '${keyword.name}'`);
      out[keyword.name] = keyword.default;
    } else {
      out[keyword.name] = keyword.parse(raw[keyword.name], at, ctx.budget.limits);
    }
  }
  return out as LeafLayer;
}

function readSequential(raw: Record<string, unknown>, field: string, depth: number, ctx: NodeContext): ReadLayer {
  const layersField = fieldKey(field, 'layers');
  const layers = Object.hasOwn(raw, 'layers') ? raw.layers : [];
  if (!Array.isArray(layers)) throw new InvalidArchitectureError(layersField, `${layersField} must be an array, got ${shown(layers)}`);
  ctx.budget.checkChildren(layers.length, layersField);
  const children: SpecChild[] = [];
  const positions = new Map<string, number>();
  let height = 0;
  for (let i = 0; i < layers.length; i++) {
    const at = fieldIndex(layersField, i);
    const read = readChild(layers[i], at, i, depth + 1, ctx);
    const earlier = positions.get(read.child.name);
    if (earlier !== undefined) {
      const nameField = read.explicit ? fieldKey(at, 'name') : at;
      throw new InvalidArchitectureError(
        nameField,
        `${nameField}: the child name '${read.child.name}' is already used by ${fieldIndex(layersField, earlier)}` +
          (read.explicit ? '' : ' (an unnamed child is named by its position)'),
      );
    }
    positions.set(read.child.name, i);
    children.push(read.child);
    height = Math.max(height, read.height + 1);
  }
  return { node: { type: 'Sequential', children }, height };
}

interface ReadChild {
  child: SpecChild;
  explicit: boolean;
  height: number;
}

function readChild(raw: unknown, field: string, position: number, depth: number, ctx: NodeContext): ReadChild {
  if (!isPlainObject(raw)) throw new InvalidArchitectureError(field, `${field} must be an object (a layer or a ref), got ${shown(raw)}`);
  const explicit = Object.hasOwn(raw, 'name');
  const name = explicit ? checkChildName(raw.name, fieldKey(field, 'name')) : String(position);
  if (Object.hasOwn(raw, 'ref')) {
    const { ref, height } = readRef(raw, field, depth, ctx);
    return { child: { name, node: ref }, explicit, height };
  }
  const { node, height } = readLayer(raw, field, depth, 'child', ctx);
  return { child: { name, node }, explicit, height };
}

/** `add_module`'s rules, by asking a fresh Sequential, so the reserved names and messages are PyTorch's exactly. */
function checkChildName(name: unknown, field: string): string {
  if (typeof name !== 'string') throw new InvalidArchitectureError(field, `${field} must be a string, got ${shown(name)}`);
  try {
    new Sequential().addModule(name, null);
  } catch (e) {
    if (e instanceof ModuleNameError) throw new InvalidArchitectureError(field, `${field}: ${e.message}`);
    throw e;
  }
  return name;
}

function readRef(raw: Record<string, unknown>, field: string, depth: number, ctx: NodeContext): { ref: { ref: string }; height: number } {
  for (const key of Object.keys(raw)) {
    if (key === 'ref' || key === 'name') continue;
    const at = fieldKey(field, key);
    throw new InvalidArchitectureError(at, `${at}: a ref takes only 'ref' and 'name', got '${key}'`);
  }
  const at = fieldKey(field, 'ref');
  const name = raw.ref;
  if (typeof name !== 'string') throw new InvalidArchitectureError(at, `${at} must be a string naming a shared module, got ${shown(name)}`);
  const entry = ctx.shared.get(name);
  if (entry === undefined) {
    if (name === ctx.reading)
      throw new InvalidArchitectureError(at, `${at}: shared module '${name}' cannot contain itself`);
    if (ctx.rawShared.has(name) && ctx.reading !== null) {
      const cycle = findSharedCycle(name, ctx.reading, ctx.rawShared, ctx.budget.limits);
      if (cycle !== null)
        throw new InvalidArchitectureError(at, `${at}: shared modules form a cycle ${[ctx.reading, ...cycle].join(' -> ')}; a module cannot contain itself`);
      throw new InvalidArchitectureError(at, `${at}: shared module '${name}' is declared after '${ctx.reading}'; declare it first (shared modules are built in declaration order)`);
    }
    const listed = ctx.declared.slice(0, 10).map((n) => `'${n}'`).join(', ') + (ctx.declared.length > 10 ? ', ...' : '');
    const known = ctx.declared.length === 0 ? 'none is declared' : `declared: ${listed}`;
    throw new InvalidArchitectureError(at, `${at}: unknown shared module '${name}'; ${known}`);
  }
  ctx.referenced.add(name);
  ctx.budget.checkDepth(depth + entry.height, field);
  ctx.paths.count += entry.paths;
  ctx.budget.checkModules(ctx.paths.count, field);
  return { ref: { ref: name }, height: entry.height };
}

