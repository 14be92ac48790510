import type { Tensor } from '../../engine/index.js';
import { Module, type ForwardContext } from '../module.js';
import { ModuleIndexError, NnArgumentError } from '../errors.js';
import { pythonTypeName } from '../python-repr.js';

/** A child, or a named child (`Sequential(OrderedDict([...]))`). */
export type SequentialEntry = Module | null | readonly [string, Module | null];

/**
 * `nn.Sequential`: children keyed by position unless named; forward runs every
 * child in order (a tied child runs at each of its positions).
 */
export class Sequential extends Module {
  constructor(entries: Iterable<SequentialEntry> = []) {
    super();
    let i = 0;
    for (const entry of entries) {
      if (Array.isArray(entry)) this.addModule(entry[0], entry[1]);
      else this.addModule(String(i), entry as Module | null);
      i++;
    }
  }

  get typeName(): string {
    return 'Sequential';
  }

  /** `len(seq)`: every registered child, None included. */
  get length(): number {
    return this.modules_.size;
  }

  /** `seq[i]`: by position regardless of key names; negative counts from the end. */
  at(index: number): Module | null {
    return this.modules_.get(this.keyAt(index))!;
  }

  /** The key of the child at a position, with `seq[i]`'s checks and messages. */
  keyAt(index: number): string {
    if (typeof index !== 'number' || !Number.isInteger(index))
      throw new NnArgumentError(`'${pythonTypeName(index)}' object cannot be interpreted as an integer`);
    const n = this.modules_.size;
    if (index < -n || index >= n) throw new ModuleIndexError(`index ${index} is out of range`);
    let i = index < 0 ? index + n : index;
    for (const key of this.modules_.keys()) if (i-- === 0) return key;
    throw new Error('unreachable: index checked against size');
  }

  /** `seq[start:stop:step]`: a new Sequential keeping the original keys and sharing the modules. */
  slice(start?: number | null, stop?: number | null, step?: number | null): Sequential {
    const entries = [...this.modules_];
    return new Sequential(pythonSlice(entries, start ?? null, stop ?? null, step ?? null));
  }

  /** `append(module)`: added under the key `str(len(self))`, which replaces a child already at that key. */
  append(module: Module | null): this {
    return this.addModule(String(this.modules_.size), module);
  }

  /** `extend(modules)`: `append` for each. */
  extend(modules: Iterable<Module | null>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  forward(input: Tensor, context?: ForwardContext): Tensor {
    let x = input;
    for (const m of this.modules_.values()) {
      if (m === null) throw new NnArgumentError("'NoneType' object is not callable", 'MODULE_IS_NONE');
      x = m.forward(x, context);
    }
    return x;
  }

  protected override ownAttributes(): readonly string[] {
    return SEQUENTIAL_ATTRIBUTES;
  }
}

const SEQUENTIAL_ATTRIBUTES = [
  '__add__', '__delitem__', '__getitem__', '__iadd__', '__imul__', '__iter__', '__len__', '__mul__', '__rmul__',
  '__setitem__', '_get_item_by_idx', 'append', 'extend', 'insert', 'pop',
];

/** Python's `list[start:stop:step]` (`slice.indices`), negative steps included. */
function pythonSlice<T>(items: readonly T[], start: number | null, stop: number | null, step: number | null): T[] {
  const by = step ?? 1;
  if (!Number.isInteger(by)) throw new NnArgumentError('slice indices must be integers or None or have an __index__ method');
  if (by === 0) throw new NnArgumentError('slice step cannot be zero');
  const n = items.length;
  const bound = (v: number | null, whenNone: number, lo: number, hi: number): number => {
    if (v === null) return whenNone;
    if (!Number.isInteger(v)) throw new NnArgumentError('slice indices must be integers or None or have an __index__ method');
    const x = v < 0 ? v + n : v;
    return Math.min(Math.max(x, lo), hi);
  };
  const out: T[] = [];
  if (by > 0) {
    const from = bound(start, 0, 0, n);
    const to = bound(stop, n, 0, n);
    for (let i = from; i < to; i += by) out.push(items[i]);
  } else {
    const from = bound(start, n - 1, -1, n - 1);
    const to = bound(stop, -1, -1, n - 1);
    for (let i = from; i > to; i += by) out.push(items[i]);
  }
  return out;
}
