import { decodeSafetensors, encodeSafetensors, toFloat32, Tensor } from '../../engine/index.js';
import { buildModel, modelToSpec, validateSpec, type SpecLimits } from '../../nn/index.js';
import type { ModelRecord } from '../store/store.js';
import { LiveModel } from './live-model.js';

/**
 * A model's stored form: the architecture spec as JSON, and one safetensors
 * file holding every parameter once (under its canonical name, `param:<name>`),
 * every gradient that exists (`grad:<name>`), and in its metadata what the spec
 * does not say (frozen parameters, train/eval mode).
 */

const PARAM = 'param:';
const GRAD = 'grad:';

interface StateMetadata {
  frozen: string[];
  training: boolean;
}

/** Stored models were validated when created; rebuilding them is bounded by what was accepted then. */
const STORED_LIMITS: SpecLimits = {
  maxParameters: Number.MAX_SAFE_INTEGER,
  maxDepth: 10_000,
  maxChildren: Number.MAX_SAFE_INTEGER,
  maxModules: Number.MAX_SAFE_INTEGER,
};

export function architectureOf(model: LiveModel['root']): string {
  return JSON.stringify(modelToSpec(model));
}

export function encodeModel(model: LiveModel, version: number): ModelRecord {
  const tensors = new Map<string, { shape: readonly number[]; data: Float32Array }>();
  const frozen: string[] = [];
  let parameterCount = 0;
  for (const [name, p] of model.root.namedParameters()) {
    tensors.set(PARAM + name, { shape: p.shape, data: p.data as Float32Array });
    if (p.grad !== null) tensors.set(GRAD + name, { shape: p.grad.shape, data: p.grad.data as Float32Array });
    if (!p.requiresGrad) frozen.push(name);
    parameterCount += p.numel;
  }
  const meta: StateMetadata = { frozen, training: model.root.training };
  const state = encodeSafetensors(tensors, { format: 'pt', paramserve: JSON.stringify(meta) });
  return { sessionId: model.sessionId, name: model.name, version, architecture: model.architecture, state, parameterCount };
}

export function decodeModel(record: ModelRecord): LiveModel {
  const spec = validateSpec(JSON.parse(record.architecture), STORED_LIMITS);
  const root = buildModel(spec, null);
  const { metadata, tensors } = decodeSafetensors(record.state);
  const meta: StateMetadata = JSON.parse(metadata?.paramserve ?? '{"frozen":[],"training":true}');
  const frozen = new Set(meta.frozen);
  for (const [name, p] of root.namedParameters()) {
    const value = tensors.get(PARAM + name);
    if (value === undefined) throw new Error(`stored model ${record.name} lacks parameter ${name}`);
    p.data.set(toFloat32(value));
    const grad = tensors.get(GRAD + name);
    p.grad = grad === undefined ? null : new Tensor(toFloat32(grad), p.shape);
    p.requiresGrad = !frozen.has(name);
  }
  root.train(meta.training);
  return new LiveModel(record.sessionId, record.name, record.version, root, record.architecture);
}
