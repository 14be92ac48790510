import { Tensor, type Generator as RandomGenerator } from '../engine/index.js';
import { Parameter } from './parameter.js';
import { MODULE_ATTRIBUTES } from './module-attributes.js';
import { ModuleMemberError, ModuleNameError, ModuleNotFoundError, NnArgumentError, ParameterNotFoundError } from './errors.js';
import { collectStateDict, loadStateDictInto, type IncompatibleKeys, type StateDictInput } from './state-dict.js';
import { moduleRepr } from './module-repr.js';
import { pythonTypeName } from './python-repr.js';

/** What a forward pass may need besides its input: the generator Dropout draws from. */
export interface ForwardContext {
  generator?: RandomGenerator;
}

export interface NamedModulesOptions {
  prefix?: string;
  /** Skip module objects already yielded, with their subtrees (PyTorch's default). */
  removeDuplicate?: boolean;
}

export interface NamedMembersOptions {
  prefix?: string;
  /** False: only this module's own members. */
  recurse?: boolean;
}

export interface StateDictOptions {
  /** Prepended to every key as is (`'model.'`). */
  prefix?: string;
  /** The Parameter objects themselves instead of detached aliases. */
  keepVars?: boolean;
}

/**
 * PyTorch's `nn.Module`: ordered maps of parameters, buffers and children,
 * checked once at registration; one walker with an identity memo drives the
 * traversals, so a tied module or parameter is yielded once under its first
 * path while `stateDict` keeps every key. Every walk uses an explicit stack,
 * so a model thousands of modules deep cannot overflow the call stack.
 */
export abstract class Module {
  readonly parameters_ = new Map<string, Parameter | null>();
  readonly buffers_ = new Map<string, Tensor | null>();
  readonly modules_ = new Map<string, Module | null>();
  /** Buffers left out of the state dict (`register_buffer(..., persistent=False)`). */
  readonly nonPersistentBuffers_ = new Set<string>();
  training = true;

  /** The class name PyTorch prints (`Linear`, `Sequential`). */
  abstract get typeName(): string;

  abstract forward(input: Tensor, context?: ForwardContext): Tensor;

  /** PyTorch's `extra_repr()`: the text inside the parentheses. */
  extraRepr(): string {
    return '';
  }

  /**
   * The concrete class's own attribute names (`dir(Linear(...))` minus
   * `dir(nn.Module())`, parameters aside), which child names may not shadow.
   */
  protected ownAttributes(): readonly string[] {
    return [];
  }

  /** Python's `hasattr(module, name)`: a Module attribute, a class attribute, or a registered member (None included). */
  hasAttribute(name: string): boolean {
    return (
      MODULE_ATTRIBUTES.has(name) ||
      this.ownAttributes().includes(name) ||
      this.parameters_.has(name) ||
      this.buffers_.has(name) ||
      this.modules_.has(name)
    );
  }

  /**
   * `add_module(name, module)`: PyTorch's five checks in PyTorch's order and
   * words. Re-adding an existing name replaces the child where it stands.
   */
  addModule(name: string, module: Module | null): this {
    if (module !== null && !(module instanceof Module))
      throw new ModuleMemberError(`${pythonTypeName(module)} is not a Module subclass`);
    checkNameType(name, 'module');
    if (this.hasAttribute(name) && !this.modules_.has(name)) throw new ModuleNameError(`attribute '${name}' already exists`);
    if (name.includes('.')) throw new ModuleNameError(`module name can't contain ".", got: ${name}`);
    if (name === '') throw new ModuleNameError('module name can\'t be empty string ""');
    this.modules_.set(name, module);
    return this;
  }

  /** `register_parameter(name, param)`; re-registering a parameter's name replaces it where it stands (a tie). */
  registerParameter(name: string, param: Parameter | null): this {
    checkMemberName(this, name, 'parameter', this.parameters_);
    if (param !== null) {
      if (!(param instanceof Parameter))
        throw new ModuleMemberError(
          `cannot assign '${pythonTypeName(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`,
        );
      if (param.gradFn !== null)
        throw new ModuleMemberError(
          `Cannot assign non-leaf Tensor to parameter '${name}'. Model parameters must be created explicitly. ` +
            `To express '${name}' as a function of another Tensor, compute the value in the forward() method.`,
        );
    }
    this.parameters_.set(name, param);
    return this;
  }

  /** `register_buffer(name, tensor, persistent=True)`. */
  registerBuffer(name: string, tensor: Tensor | null, persistent = true): this {
    checkMemberName(this, name, 'buffer', this.buffers_);
    if (tensor !== null && !(tensor instanceof Tensor))
      throw new ModuleMemberError(`cannot assign '${pythonTypeName(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    this.buffers_.set(name, tensor);
    if (persistent) this.nonPersistentBuffers_.delete(name);
    else this.nonPersistentBuffers_.add(name);
    return this;
  }

  /** Pre-order `(path, module)`; with `removeDuplicate` a module object is visited once, under its first path. */
  *namedModules(options: NamedModulesOptions = {}): Generator<[string, Module]> {
    const memo = options.removeDuplicate === false ? null : new Set<Module>();
    // Children are pushed in reverse so they pop in order; the memo is checked when a module is
    // reached, as PyTorch's recursion checks it, so the first path in pre-order wins.
    const stack: [string, Module][] = [[options.prefix ?? '', this]];
    while (stack.length > 0) {
      const [path, module] = stack.pop()!;
      if (memo !== null) {
        if (memo.has(module)) continue;
        memo.add(module);
      }
      yield [path, module];
      const children = [...module.modules_];
      for (let i = children.length - 1; i >= 0; i--) {
        const [name, child] = children[i];
        if (child !== null) stack.push([join(path, name), child]);
      }
    }
  }

  *modules(): Generator<Module> {
    for (const [, m] of this.namedModules()) yield m;
  }

  /** Direct children, skipping None and module objects already yielded. */
  *namedChildren(): Generator<[string, Module]> {
    const memo = new Set<Module>();
    for (const [name, m] of this.modules_) {
      if (m === null || memo.has(m)) continue;
      memo.add(m);
      yield [name, m];
    }
  }

  *children(): Generator<Module> {
    for (const [, m] of this.namedChildren()) yield m;
  }

  /** Parameters in pre-order, registration order within a module; a shared Parameter once, under its first name. */
  *namedParameters(options: NamedMembersOptions = {}): Generator<[string, Parameter]> {
    yield* namedMembers(this, options, (m) => m.parameters_);
  }

  /** The values of `namedParameters`, in order: what an optimizer receives. */
  parameters(recurse = true): Parameter[] {
    return [...this.namedParameters({ recurse })].map(([, p]) => p);
  }

  *namedBuffers(options: NamedMembersOptions = {}): Generator<[string, Tensor]> {
    yield* namedMembers(this, options, (m) => m.buffers_);
  }

  buffers(recurse = true): Tensor[] {
    return [...this.namedBuffers({ recurse })].map(([, b]) => b);
  }

  /** Every key in PyTorch's order, tied ones under each name; values alias the parameters' storage. */
  stateDict(options: StateDictOptions = {}): Map<string, Tensor> {
    return collectStateDict(this, options.prefix ?? '', options.keepVars ?? false);
  }

  /** PyTorch's `load_state_dict(state_dict, strict=True)`; throws one error listing every problem, having copied nothing. */
  loadStateDict(stateDict: StateDictInput, strict = true): IncompatibleKeys {
    return loadStateDictInto(this, stateDict, strict);
  }

  /** Post-order over `children()`: children first, then this module (a tied child once per parent). */
  apply(fn: (m: Module) => void): this {
    // Each frame remembers which of its children it has visited.
    const stack: { module: Module; kids: Module[]; next: number }[] = [{ module: this, kids: [...this.children()], next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.kids.length) {
        const child = top.kids[top.next++];
        stack.push({ module: child, kids: [...child.children()], next: 0 });
      } else {
        stack.pop();
        fn(top.module);
      }
    }
    return this;
  }

  /** `requires_grad_(flag)` on every parameter (freezing with `false`). */
  requiresGrad_(flag = true): this {
    for (const p of this.parameters()) p.requiresGrad_(flag);
    return this;
  }

  /**
   * `zero_grad(set_to_none)`. The default here is PyTorch 2.x's and the
   * service's (`true`: grads become null); PyTorch 1.13 defaults to false,
   * which detaches each grad and zeroes it in place.
   */
  zeroGrad(setToNone = true): void {
    for (const p of this.parameters()) {
      const grad = p.grad;
      if (grad === null) continue;
      if (setToNone) {
        p.grad = null;
        continue;
      }
      grad.gradFn = null;
      grad.requiresGrad = false;
      grad.data.fill(0);
    }
  }

  /** `train(mode)`: sets `training` on this module and everything below it. */
  train(mode = true): this {
    if (typeof mode !== 'boolean') throw new NnArgumentError('training mode is expected to be boolean');
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** `get_submodule(target)`: attribute names only (no positions), with PyTorch's messages. */
  getSubmodule(target: string): Module {
    let mod: Module = this as Module;
    if (target === '') return mod;
    for (const item of target.split('.')) {
      if (!mod.hasAttribute(item)) throw new ModuleNotFoundError(`${mod.typeName} has no attribute \`${item}\``, target);
      const next = mod.modules_.get(item);
      if (next === undefined || next === null) throw new ModuleNotFoundError(`\`${item}\` is not an nn.Module`, target);
      mod = next;
    }
    return mod;
  }

  /** `get_parameter(target)`, with PyTorch's messages. */
  getParameter(target: string): Parameter {
    const dot = target.lastIndexOf('.');
    const modulePath = dot === -1 ? '' : target.slice(0, dot);
    const name = target.slice(dot + 1);
    let mod: Module;
    try {
      mod = this.getSubmodule(modulePath);
    } catch (e) {
      if (e instanceof ModuleNotFoundError) throw new ParameterNotFoundError(e.message, target);
      throw e;
    }
    if (!mod.hasAttribute(name)) throw new ParameterNotFoundError(`${mod.typeName} has no attribute \`${name}\``, target);
    const p = mod.parameters_.get(name);
    if (p === undefined || p === null) throw new ParameterNotFoundError(`\`${name}\` is not an nn.Parameter`, target);
    return p;
  }

  /** `print(model)`, character for character. */
  toString(): string {
    return moduleRepr(this);
  }
}

/** `prefix + ('.' if prefix else '') + name`, PyTorch's dotted-name join. */
export function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/** Names arrive from JSON; a non-string is refused as PyTorch refuses one. */
function checkNameType(name: unknown, what: 'module' | 'parameter' | 'buffer'): asserts name is string {
  if (typeof name !== 'string') throw new ModuleNameError(`${what} name should be a string. Got ${pythonTypeName(name)}`);
}

/** `register_parameter` / `register_buffer`'s name checks, in PyTorch's order. */
function checkMemberName(owner: Module, name: string, what: 'parameter' | 'buffer', own: ReadonlyMap<string, unknown>): void {
  checkNameType(name, what);
  if (name.includes('.')) throw new ModuleNameError(`${what} name can't contain "."`);
  if (name === '') throw new ModuleNameError(`${what} name can't be empty string ""`);
  if (owner.hasAttribute(name) && !own.has(name)) throw new ModuleNameError(`attribute '${name}' already exists`);
}

/** PyTorch's `_named_members`: one identity memo across the whole walk, None skipped. */
function* namedMembers<T>(
  root: Module,
  options: NamedMembersOptions,
  members: (m: Module) => ReadonlyMap<string, T | null>,
): Generator<[string, T]> {
  const memo = new Set<T>();
  const prefix = options.prefix ?? '';
  const walk: Iterable<[string, Module]> = options.recurse === false ? [[prefix, root]] : root.namedModules({ prefix });
  for (const [path, m] of walk) {
    for (const [name, v] of members(m)) {
      if (v === null || memo.has(v)) continue;
      memo.add(v);
      yield [join(path, name), v];
    }
  }
}
