import { formatParameter, type Tensor } from '../../engine/index.js';
import { firstNames, resolveParameter, type Module } from '../../nn/index.js';
import type { LiveModel } from '../models/live-model.js';
import { tensorToJson } from '../tensors/tensor-json.js';

/** What `GET {m}` returns. */
export interface ModelView {
  name: string;
  version: number;
  architecture: unknown;
  summary: string;
  parameters: ParameterInfo[];
  parameterCount: number;
  training: boolean;
}

export interface ParameterInfo {
  name: string;
  shape: number[];
  requiresGrad: boolean;
}

export interface ParameterView extends ParameterInfo {
  dtype: 'float32';
  data: unknown;
  grad: unknown;
  repr: string;
  /** For a tied alias (`4.weight`), the name the parameter is listed under (`2.weight`). */
  tiedTo?: string;
  version: number;
}

export interface TensorView {
  shape: number[];
  dtype: 'float32';
  data: unknown;
}

export function parameterInfos(module: Module): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  for (const [name, p] of module.namedParameters()) out.push({ name, shape: p.shape.slice(), requiresGrad: p.requiresGrad });
  return out;
}

export function modelView(model: LiveModel): ModelView {
  return {
    name: model.name,
    version: model.version,
    architecture: JSON.parse(model.architecture),
    summary: model.summary,
    parameters: parameterInfos(model.root),
    parameterCount: model.parameterCount,
    training: model.root.training,
  };
}

export function tensorView(t: Tensor): TensorView {
  return { shape: t.shape.slice(), dtype: 'float32', data: tensorToJson(t) };
}

/** A parameter read by any alias answers under its canonical name; a tied alias also says what it is tied to. */
export function parameterView(model: LiveModel, path: string): ParameterView {
  const { parameter: p, canonicalName } = resolveParameter(model.root, path);
  const first = firstNames(model.root).get(p);
  const view: ParameterView = {
    name: canonicalName,
    shape: p.shape.slice(),
    dtype: 'float32',
    requiresGrad: p.requiresGrad,
    data: tensorToJson(p),
    grad: p.grad === null ? null : tensorToJson(p.grad),
    repr: formatParameter(p),
    version: model.version,
  };
  if (first !== undefined && first !== canonicalName) view.tiedTo = first;
  return view;
}
