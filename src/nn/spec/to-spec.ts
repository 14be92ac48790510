import { join, type Module } from '../module.js';
import { Sequential } from '../layers/sequential.js';
import { firstNames } from '../paths.js';
import { InvalidArchitectureError } from './errors.js';
import { LEAF_LAYERS, leafDefinition } from './layer-catalog.js';
import { sharedOriginOf } from './shared-origin.js';
import type { ArchitectureSpec, LayerJson, NodeJson, ParameterTieJson } from './types.js';

/**
 * The spec that rebuilds `root` with the same structure and ties, in
 * canonical form:
 *  - keys in the order name, type, keywords (PyTorch's signature order), layers;
 *    at the root then shared, ties (each only when non-empty);
 *  - a keyword equal to its default is omitted; a Sequential always has `layers`;
 *  - a child's `name` is omitted when it equals its position;
 *  - a module object placed at more than one position, or declared in a spec's
 *    `shared`, is a `shared` entry (under the name the spec gave it, else
 *    `shared <first path>`) placed by refs; entries are ordered as the spec
 *    declared them, then by first appearance, each after the entries it refers to;
 *  - a parameter slot holding a Parameter first met under another name (in
 *    named_parameters order) is a tie `{parameter: <slot>, to: <first name>}`,
 *    both spelled with child names, in state_dict order.
 * So modelToSpec(buildModel(validateSpec(s))) equals s for a canonical s, and
 * is idempotent for any valid s.
 */
export function modelToSpec(root: Module): ArchitectureSpec {
  const order = new Map<Module, number>();
  const firstPath = new Map<Module, string>();
  const incoming = new Map<Module, number>();
  for (const [path, m] of root.namedModules()) {
    order.set(m, order.size);
    firstPath.set(m, path);
    for (const [key, child] of m.modules_) {
      if (child === null) throw new InvalidArchitectureError(join(path, key), `${join(path, key)}: a None child cannot be described by a spec`);
      incoming.set(child, (incoming.get(child) ?? 0) + 1);
    }
  }
  if (incoming.has(root)) throw new InvalidArchitectureError('', 'the root module contains itself');

  const shared = [...order.keys()].filter((m) => m !== root && ((incoming.get(m) ?? 0) > 1 || sharedOriginOf(m) !== undefined));
  const rank = (m: Module) => {
    const origin = sharedOriginOf(m);
    return origin === undefined ? [1, order.get(m)!] : [0, origin.index];
  };
  shared.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1];
  });
  const names = nameShared(shared, firstPath);

  const writer = new SpecWriter(names);
  const out: ArchitectureSpec = writer.layer(root) as ArchitectureSpec;
  const sharedJson = writer.sharedInDependencyOrder(shared);
  if (sharedJson.length > 0) out.shared = Object.fromEntries(sharedJson);
  const ties = parameterTies(root);
  if (ties.length > 0) out.ties = ties;
  return out;
}

function nameShared(shared: readonly Module[], firstPath: ReadonlyMap<Module, string>): Map<Module, string> {
  const names = new Map<Module, string>();
  const taken = new Set<string>();
  const claim = (m: Module, base: string) => {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
    taken.add(name);
    names.set(m, name);
  };
  // The names a spec gave are claimed first so they survive; generated ones yield on a clash.
  for (const m of shared) {
    const origin = sharedOriginOf(m);
    if (origin !== undefined) claim(m, origin.name);
  }
  for (const m of shared) if (!names.has(m)) claim(m, `shared ${firstPath.get(m)}`);
  return names;
}

/** Writes modules as JSON, a shared module as a ref, and remembers which shared modules each body refers to. */
class SpecWriter {
  private readonly refsOf = new Map<Module, Set<Module>>();
  private readonly bodies = new Map<Module, LayerJson>();
  private refs = new Set<Module>();

  constructor(private readonly names: ReadonlyMap<Module, string>) {}

  layer(m: Module): LayerJson {
    if (m instanceof Sequential && m.typeName === 'Sequential') {
      const layers: NodeJson[] = [];
      let i = 0;
      for (const [key, child] of m.modules_) layers.push(this.child(child!, key === String(i++) ? undefined : key));
      return { type: 'Sequential', layers };
    }
    const type = m.typeName;
    const layer = Object.hasOwn(LEAF_LAYERS, type) ? leafDefinition(type as keyof typeof LEAF_LAYERS).read(m) : null;
    if (layer === null) throw new InvalidArchitectureError('', `a ${type} module cannot be described by an architecture spec`);
    const out: LayerJson = { type: layer.type };
    const values = layer as unknown as Record<string, unknown>;
    for (const keyword of leafDefinition(layer.type).keywords)
      if (!('default' in keyword) || values[keyword.name] !== keyword.default) out[keyword.name] = values[keyword.name];
    return out;
  }

  private child(m: Module, name: string | undefined): NodeJson {
    const shared = this.names.get(m);
    if (shared !== undefined) {
      this.refs.add(m);
      return name === undefined ? { ref: shared } : { name, ref: shared };
    }
    const body = this.layer(m);
    return name === undefined ? body : { name, ...body };
  }

  /** Each shared body written once, after the shared modules it refers to (as Python must build them). */
  sharedInDependencyOrder(shared: readonly Module[]): [string, LayerJson][] {
    const out: [string, LayerJson][] = [];
    const done = new Set<Module>();
    const visiting = new Set<Module>();
    const visit = (m: Module) => {
      if (done.has(m)) return;
      if (visiting.has(m)) throw new InvalidArchitectureError('', `the shared module '${this.names.get(m)}' contains itself`);
      visiting.add(m);
      for (const dep of this.dependencies(m)) visit(dep);
      visiting.delete(m);
      done.add(m);
      out.push([this.names.get(m)!, this.bodies.get(m)!]);
    };
    for (const m of shared) visit(m);
    return out;
  }

  private dependencies(m: Module): Set<Module> {
    let deps = this.refsOf.get(m);
    if (deps === undefined) {
      const outer = this.refs;
      this.refs = new Set();
      this.bodies.set(m, this.layer(m));
      deps = this.refs;
      this.refs = outer;
      this.refsOf.set(m, deps);
    }
    return deps;
  }
}

/** Every parameter slot whose Parameter is first met elsewhere, in state_dict order (a module at its first path). */
function parameterTies(root: Module): ParameterTieJson[] {
  const first = firstNames(root);
  const ties: ParameterTieJson[] = [];
  for (const [path, m] of root.namedModules())
    for (const [local, p] of m.parameters_) {
      if (p === null) continue;
      const slot = join(path, local);
      const to = first.get(p)!;
      if (to !== slot) ties.push({ parameter: slot, to });
    }
  return ties;
}
