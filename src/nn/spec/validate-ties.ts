import { InvalidArchitectureError } from './errors.js';
import { fieldIndex, fieldKey, isPlainObject, shown } from './json-path.js';
import { resolveSpecParameter } from './spec-paths.js';
import type { LayerNode, ParameterTieJson } from './types.js';

/** One Parameter object the spec would create, and how many parameter slots hold it. */
interface Tensor {
  shape: number[];
  holders: number;
}

interface Slot {
  tensor: Tensor;
  /** The tie that re-pointed this slot, if one did. */
  tiedBy: number | null;
}

export interface ReadTies {
  ties: ParameterTieJson[];
  /** Parameter elements a tie left unheld (still allocated while building, then dropped). */
  dropped: number;
}

/**
 * Reads the root's `ties` and applies them, in order, to a model of the spec
 * simulated as parameter slots, so that every tie that validates here also
 * applies cleanly to the built model: paths resolve, shapes match, and no tie
 * is a no-op or re-points a slot an earlier tie already re-pointed.
 */
export function readTies(raw: unknown, root: LayerNode, shared: ReadonlyMap<string, LayerNode>): ReadTies {
  if (raw === undefined) return { ties: [], dropped: 0 };
  if (!Array.isArray(raw)) throw new InvalidArchitectureError('ties', `ties must be an array, got ${shown(raw)}`);
  const slots = new Map<LayerNode, Map<string, Slot>>();
  const slotOf = (owner: LayerNode, local: string, shape: number[]): Slot => {
    let locals = slots.get(owner);
    if (locals === undefined) slots.set(owner, (locals = new Map()));
    let slot = locals.get(local);
    if (slot === undefined) locals.set(local, (slot = { tensor: { shape, holders: 1 }, tiedBy: null }));
    return slot;
  };
  const ties: ParameterTieJson[] = [];
  let dropped = 0;
  for (let i = 0; i < raw.length; i++) {
    const field = fieldIndex('ties', i);
    const tie = readTie(raw[i], field);
    const from = resolveSpecParameter(root, tie.parameter, shared, fieldKey(field, 'parameter'));
    const to = resolveSpecParameter(root, tie.to, shared, fieldKey(field, 'to'));
    const fromSlot = slotOf(from.owner, from.local, from.shape);
    const toSlot = slotOf(to.owner, to.local, to.shape);
    if (fromSlot.tiedBy !== null)
      throw new InvalidArchitectureError(fieldKey(field, 'parameter'), `${fieldKey(field, 'parameter')}: '${from.canonical}' is already tied by ${fieldIndex('ties', fromSlot.tiedBy)}`);
    if (fromSlot.tensor === toSlot.tensor)
      throw new InvalidArchitectureError(field, `${field}: '${from.canonical}' and '${to.canonical}' are already the same parameter`);
    if (from.shape.length !== to.shape.length || from.shape.some((d, k) => d !== to.shape[k]))
      throw new InvalidArchitectureError(
        field,
        `${field}: cannot tie '${from.canonical}' to '${to.canonical}': shapes [${from.shape.join(', ')}] and [${to.shape.join(', ')}] differ`,
      );
    if (--fromSlot.tensor.holders === 0) dropped += fromSlot.tensor.shape.reduce((a, b) => a * b, 1);
    fromSlot.tensor = toSlot.tensor;
    toSlot.tensor.holders++;
    fromSlot.tiedBy = i;
    ties.push(tie);
  }
  return { ties, dropped };
}

function readTie(raw: unknown, field: string): ParameterTieJson {
  if (!isPlainObject(raw)) throw new InvalidArchitectureError(field, `${field} must be an object {parameter, to}, got ${shown(raw)}`);
  for (const key of Object.keys(raw)) {
    if (key === 'parameter' || key === 'to') continue;
    const at = fieldKey(field, key);
    const hint = key === 'module' ? "; a module is tied by declaring it in 'shared' and placing it with refs" : '';
    throw new InvalidArchitectureError(at, `${at}: a tie takes only 'parameter' and 'to'${hint}`);
  }
  for (const key of ['parameter', 'to'] as const) {
    const at = fieldKey(field, key);
    if (typeof raw[key] !== 'string') throw new InvalidArchitectureError(at, `${at} must be a parameter path (a string), got ${shown(raw[key])}`);
  }
  return { parameter: raw.parameter as string, to: raw.to as string };
}
