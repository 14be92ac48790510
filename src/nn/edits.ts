import {
  formatList,
  noGrad,
  regionApply,
  ShapeError,
  Tensor,
  tensor,
  type NestedNumbers,
  type Region,
  type RegionOp,
  type Shape,
} from '../engine/index.js';
import { AppError } from '../errors/index.js';
import { NnArgumentError } from './errors.js';
import { parseIndex, resolveIndex } from './index-string.js';

export type EditOp = RegionOp;
export const EDIT_OPS: readonly EditOp[] = ['set', 'add', 'sub', 'mul', 'div'];

export interface ParameterEdit {
  /** A basic-index string (`":"`, `"0, 0"`, `"..., 1"`); absent or empty means the whole tensor. */
  index?: string;
  op: EditOp;
  /**
   * A number (a Python scalar: cast to the parameter's dtype), nested arrays
   * (`torch.tensor(list)`: float32), or a tensor; it must broadcast to the
   * indexed region as PyTorch's setitem / in-place op requires.
   */
  value: number | NestedNumbers | Tensor;
}

/** Field names for error details, so a caller can point at its own request fields. */
export interface EditFields {
  index?: string;
  op?: string;
  value?: string;
}

function valueTensor(value: unknown, field: string): Tensor | number {
  if (value instanceof Tensor || typeof value === 'number') return value;
  if (!Array.isArray(value))
    throw new NnArgumentError(`${field}: expected a number, an array of numbers or a tensor, got ${value === null ? 'null' : typeof value}`, 'INVALID_VALUE', { field });
  try {
    return tensor(value as NestedNumbers);
  } catch (e) {
    if (e instanceof AppError) throw new NnArgumentError(`${field}: ${e.message}`, 'INVALID_VALUE', { field });
    throw e;
  }
}

/**
 * `param[index] = value` (`set`) or `param[index] op= value`, in place under
 * no_grad, as `w.data[...]` edits in PyTorch: the Parameter object and its
 * storage stay the same, so every module tied to it sees the change. Every
 * check (op, index, value, shapes) runs before the first element is written,
 * so a refused edit leaves the tensor untouched. Returns the edited region.
 */
export function editParameter(param: Tensor, edit: ParameterEdit, fields: EditFields = {}): Region {
  const opField = fields.op ?? 'op';
  const valueField = fields.value ?? 'value';
  if (!EDIT_OPS.includes(edit.op))
    throw new NnArgumentError(`${opField}: expected one of ${EDIT_OPS.join(', ')}, got ${JSON.stringify(edit.op)}`, 'INVALID_ARGUMENT', { field: opField });
  const value = valueTensor(edit.value, valueField);
  const indexField = fields.index ?? 'index';
  const region = resolveIndex(param.shape, parseIndex(edit.index ?? '', indexField), indexField);
  try {
    if (edit.op !== 'set' && typeof value !== 'number') checkInPlaceShape(region.shape, value.shape);
    noGrad(() => (promotesToDouble(param, region, value, edit.op) ? applyInDouble(param, region, value as Tensor, edit.op) : regionApply(param.data, region, value, edit.op)));
  } catch (e) {
    if (e instanceof ShapeError) throw new ShapeError(e.message, { ...e.details, field: valueField });
    throw e;
  }
  return region;
}

/**
 * An in-place op's shape rule: the value broadcasts with the region (checked
 * from the last dim, as ATen's infer_size does, so the message names the same
 * dim) and the result may not outgrow the region.
 */
function checkInPlaceShape(region: Shape, value: Shape): void {
  const n = Math.max(region.length, value.length);
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const ia = i - (n - region.length);
    const ib = i - (n - value.length);
    const a = ia >= 0 ? region[ia] : 1;
    const b = ib >= 0 ? value[ib] : 1;
    if (a !== b && a !== 1 && b !== 1)
      throw new ShapeError(`The size of tensor a (${a}) must match the size of tensor b (${b}) at non-singleton dimension ${i}`);
    out[i] = a === 1 ? b : a;
  }
  if (n !== region.length || out.some((d, i) => d !== region[i]))
    throw new ShapeError(`output with shape ${formatList(region)} doesn't match the broadcast shape ${formatList(out)}`);
}

/**
 * PyTorch's type promotion for `view op= value`: a float64 value promotes a
 * float32 view unless it is 0-d and the view is not (a 0-d tensor does not
 * promote a dimensioned one). The op then runs in double and rounds once.
 */
function promotesToDouble(param: Tensor, region: Region, value: Tensor | number, op: EditOp): boolean {
  if (op === 'set' || typeof value === 'number' || param.dtype !== 'float32' || value.dtype !== 'float64') return false;
  return value.ndim > 0 || region.shape.length === 0;
}

function applyInDouble(param: Tensor, region: Region, value: Tensor, op: EditOp): void {
  const { shape, offsets } = region;
  const n = offsets.length;
  const spread = new Float64Array(n);
  const whole = Int32Array.from({ length: n }, (_, i) => i);
  // The shape already passed the in-place check, so setitem's expansion spreads it the same way.
  regionApply(spread, { shape, offsets: whole }, value, 'set');
  const x = param.data;
  const r = new Float64Array(n);
  if (op === 'add') for (let i = 0; i < n; i++) r[i] = x[offsets[i]] + spread[i];
  else if (op === 'sub') for (let i = 0; i < n; i++) r[i] = x[offsets[i]] - spread[i];
  else if (op === 'mul') for (let i = 0; i < n; i++) r[i] = x[offsets[i]] * spread[i];
  else for (let i = 0; i < n; i++) r[i] = x[offsets[i]] / spread[i];
  regionApply(x, region, new Tensor(r, shape), 'set');
}
