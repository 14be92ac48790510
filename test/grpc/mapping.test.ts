import { describe, expect, it } from 'vitest';
import { buildModel, modelToSpec, validateSpec } from '../../src/nn/index.js';
import { LEAF_LAYERS } from '../../src/nn/spec/layer-catalog.js';
import { INITIALIZERS } from '../../src/nn/init/catalog.js';
import { loadApiDefinition } from '../../src/transports/grpc/proto-files.js';
import { LAYER_KEYWORDS, architectureIn, architectureOut } from '../../src/transports/grpc/mapping/architecture.js';
import { INITIALIZER_KEYWORDS, initializerIn } from '../../src/transports/grpc/mapping/initializer.js';
import { tensorIn, tensorOut } from '../../src/transports/grpc/mapping/tensors.js';
import { randomSpec } from '../nn/spec/random-spec.js';
import { LIMITS } from '../nn/spec/fixture.js';

const api = loadApiDefinition();
const fieldsOf = (message: string) => new Map((api[`paramserve.v1.${message}`] as any).type.field.map((f: any) => [f.name, f.type]));
const method = (service: string, name: string) => (api[`paramserve.v1.${service}`] as any)[name];
/** Through real protobuf bytes, as a handler receives it. */
const viaWire = (service: string, name: string, request: unknown) => {
  const m = method(service, name);
  return m.requestDeserialize(m.requestSerialize(request));
};

const PROTO_TYPE_OF: Record<string, string> = { number: 'TYPE_DOUBLE', integer: 'TYPE_INT64', boolean: 'TYPE_BOOL', string: 'TYPE_STRING' };

describe('the proto Module has a typed field for every keyword of the layer catalog', () => {
  const fields = fieldsOf('Module');
  const keywords = new Map<string, unknown>();
  for (const def of Object.values(LEAF_LAYERS)) for (const k of def.keywords) keywords.set(k.name, k.default);

  it('and no other', () => expect([...keywords.keys()].sort()).toEqual([...LAYER_KEYWORDS].sort()));

  it.each([
    ['in_features', 'integer'],
    ['out_features', 'integer'],
    ['bias', 'boolean'],
    ['negative_slope', 'number'],
    ['approximate', 'string'],
    ['dim', 'integer'],
    ['p', 'number'],
    ['start_dim', 'integer'],
    ['end_dim', 'integer'],
  ])('%s is a %s', (name, kind) => expect(fields.get(name)).toBe(PROTO_TYPE_OF[kind]));
});

describe('the proto Initializer has a typed field for every keyword of torch.nn.init', () => {
  const fields = fieldsOf('Initializer');
  const keywords = new Set<string>();
  for (const def of Object.values(INITIALIZERS)) for (const k of def.keywords) keywords.add(k.name);

  it('and no other (a mixture\'s components have their own message)', () => {
    expect([...keywords].filter((k) => k !== 'components').sort()).toEqual([...INITIALIZER_KEYWORDS].sort());
    expect(fields.get('components')).toBe('TYPE_MESSAGE');
  });
  it('each keyword is a field', () => {
    for (const k of keywords) expect(fields.has(k), k).toBe(true);
  });
});

describe('architecture specs through protobuf', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('random spec %i: the canonical spec survives the round trip and builds the same model', (seed) => {
    const canonical = modelToSpec(buildModel(validateSpec(randomSpec(seed), LIMITS), null));
    const request = viaWire('ModelService', 'CreateModel', { name: 'm', architecture: architectureOut(canonical) });
    const json = architectureIn(request.architecture, 'architecture');
    expect(json).toEqual(canonical);
    expect(modelToSpec(buildModel(validateSpec(json, LIMITS), null))).toEqual(canonical);
  });

  it('keeps set-but-default keywords (bias=false, dim=0, p=0) distinct from unset ones', () => {
    const spec = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 2, out_features: 3, bias: false }, { type: 'Softmax', dim: 0 }, { type: 'Dropout', p: 0 }, { type: 'Softmax' }] };
    const request = viaWire('ModelService', 'CreateModel', { architecture: spec });
    expect(architectureIn(request.architecture, 'architecture')).toEqual(spec);
  });

  it('keeps shared modules in declaration order (construction order, hence RNG order)', () => {
    const spec = {
      type: 'Sequential',
      layers: [{ ref: 'z' }, { ref: 'a' }],
      shared: { z: { type: 'Linear', in_features: 2, out_features: 2 }, a: { type: 'Linear', in_features: 2, out_features: 2 } },
    };
    const json = architectureIn(viaWire('ModelService', 'CreateModel', { architecture: architectureOut(spec) }).architecture, 'architecture');
    expect(Object.keys(json.shared as object)).toEqual(['z', 'a']);
  });

  it('refuses a shared module declared twice (JSON cannot say it; protobuf can)', () => {
    const architecture = { type: 'Sequential', layers: [{ ref: 'x' }], shared: [{ name: 'x', module: { type: 'ReLU' } }, { name: 'x', module: { type: 'Tanh' } }] };
    expect(() => architectureIn(viaWire('ModelService', 'CreateModel', { architecture }).architecture, 'architecture')).toThrow(/declared twice/);
  });

  it('refuses to describe a key the proto has no field for, instead of dropping it', () => {
    expect(() => architectureOut({ type: 'Conv2d', kernel_size: 3 })).toThrow(/kernel_size/);
  });
});

describe('initializers through protobuf', () => {
  it("the chapter's my_init mixture arrives as the REST JSON", () => {
    const weight = {
      name: 'mixture',
      components: [
        { weight: 0.25, init: { name: 'uniform', a: 5, b: 10 } },
        { weight: 0.5, init: { name: 'constant', val: 0 } },
        { weight: 0.25, init: { name: 'uniform', a: -10, b: -5 } },
      ],
    };
    const request = viaWire('ParameterService', 'Initialize', { weight, bias: { name: 'kaiming_normal', a: 0, mode: 'fan_out', nonlinearity: 'relu' } });
    expect(initializerIn(request.weight)).toEqual(weight);
    expect(initializerIn(request.bias)).toEqual({ name: 'kaiming_normal', a: 0, mode: 'fan_out', nonlinearity: 'relu' });
    expect(request.seed).toBeUndefined();
  });
});

describe('tensors through protobuf', () => {
  it('packed floats and raw bytes arrive as the core\'s {shape, data} and {shape, base64}', () => {
    const floats = viaWire('ComputeService', 'Forward', { input: { shape: [2], data: [1.5, NaN] } });
    expect(tensorIn(floats.input, 'input')).toEqual({ shape: [2], data: [1.5, NaN] });
    const raw = Buffer.from(new Float32Array([1.5, -Infinity]).buffer);
    const bytes = viaWire('ComputeService', 'Forward', { input: { shape: [2], raw } });
    expect(tensorIn(bytes.input, 'input')).toEqual({ shape: [2], base64: raw.toString('base64') });
    expect(tensorIn(viaWire('ComputeService', 'Forward', {}).input, 'input')).toBeUndefined();
  });

  it('refuses a tensor with both packed floats and raw bytes', () => {
    const both = viaWire('ComputeService', 'Forward', { input: { shape: [1], data: [1], raw: Buffer.alloc(4) } });
    expect(() => tensorIn(both.input, 'input')).toThrow(/not both/);
  });

  it('replies with float32 values, non-finite ones native, packed or raw', () => {
    const json = [[1, 'NaN'], ['Infinity', '-Infinity']];
    expect(tensorOut(json, [2, 2], 'floats')).toEqual({ shape: [2, 2], data: [1, NaN, Infinity, -Infinity], dtype: 'float32' });
    const raw = tensorOut(json, [2, 2], 'raw');
    expect(Array.from(new Float32Array(Uint8Array.from(raw.raw as Buffer).buffer))).toEqual([1, NaN, Infinity, -Infinity]);
    expect(tensorOut(0.25, [], 'floats')).toEqual({ shape: [], data: [0.25], dtype: 'float32' });
  });
});
