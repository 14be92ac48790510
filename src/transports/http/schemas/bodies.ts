import { Type } from '@sinclair/typebox';
import { Shape, TensorData } from './common.js';

/**
 * Request and response bodies. The core validates every field again (the gRPC
 * transport has no JSON schema), so these exist for the OpenAPI document and
 * for early 400s in the same problem+json shape.
 */

const SID = '7d3f2c1e-5b6a-4f1e-9c2d-8a7b6c5d4e3f';

export const CreatedSession = Type.Object(
  {
    id: Type.String(),
    token: Type.String({ description: 'Bearer token; shown once, stored only as a hash' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { description: 'The new session and its bearer token', examples: [{ id: SID, token: 'Z9AaDBC0gwRmsoacdNcWkWcjus6ik8mfZc6mY3tJbz4', expiresAt: '2026-11-27T05:00:00.000Z' }] },
);

export const Session = Type.Object(
  {
    id: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
    models: Type.Array(Type.String()),
  },
  { description: 'The session', examples: [{ id: SID, expiresAt: '2026-11-27T05:00:00.000Z', models: ['net'] }] },
);

const ArchitectureExample = {
  type: 'Sequential',
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};

export const Architecture = Type.Unknown({
  description: "Architecture spec: PyTorch type names and keyword arguments; `layers` of a Sequential; optional child `name`; root-only `shared` + `{ref}` for tied modules and `ties` for tied parameters.",
  examples: [ArchitectureExample],
});

export const CreateModelBody = Type.Object(
  {
    name: Type.String({ examples: ['net'] }),
    architecture: Architecture,
    seed: Type.Optional(Type.Integer({ description: 'torch.manual_seed(seed) before construction: weights equal PyTorch bit for bit' })),
  },
  { examples: [{ name: 'net', architecture: ArchitectureExample, seed: 0 }] },
);

export const ParameterInfo = Type.Object({ name: Type.String(), shape: Shape, requiresGrad: Type.Boolean() });

export const Model = Type.Object(
  {
    name: Type.String(),
    version: Type.Integer(),
    architecture: Architecture,
    summary: Type.String({ description: 'Exactly what print(model) prints in PyTorch' }),
    parameters: Type.Array(ParameterInfo),
    parameterCount: Type.Integer({ description: 'Parameter elements, tied parameters counted once' }),
    training: Type.Boolean(),
  },
  {
    description: 'The model (its version is also the ETag)',
    examples: [
      {
        name: 'net',
        version: 1,
        architecture: ArchitectureExample,
        summary: 'Sequential(\n  (0): Linear(in_features=4, out_features=8, bias=True)\n  (1): ReLU()\n  (2): Linear(in_features=8, out_features=1, bias=True)\n)',
        parameters: [
          { name: '0.weight', shape: [8, 4], requiresGrad: true },
          { name: '0.bias', shape: [8], requiresGrad: true },
          { name: '2.weight', shape: [1, 8], requiresGrad: true },
          { name: '2.bias', shape: [1], requiresGrad: true },
        ],
        parameterCount: 49,
        training: true,
      },
    ],
  },
);

export const ModelList = Type.Object(
  { models: Type.Array(Type.Object({ name: Type.String(), version: Type.Integer(), parameterCount: Type.Integer() })) },
  { description: 'The models of the session', examples: [{ models: [{ name: 'net', version: 3, parameterCount: 49 }] }] },
);

export const TrainingModeBody = Type.Object({ training: Type.Boolean() });

export const ParameterList = Type.Object(
  { parameters: Type.Array(ParameterInfo) },
  { description: 'named_parameters(), relative to the module', examples: [{ parameters: [{ name: 'weight', shape: [8, 4], requiresGrad: true }, { name: 'bias', shape: [8], requiresGrad: true }] }] },
);

export const Parameter = Type.Object({
  name: Type.String(),
  shape: Shape,
  dtype: Type.Literal('float32'),
  requiresGrad: Type.Boolean(),
  data: TensorData,
  grad: Type.Unknown({ description: 'null until a backward has run' }),
  repr: Type.String({ examples: ['Parameter containing:\ntensor([0.0887], requires_grad=True)'] }),
  tiedTo: Type.Optional(Type.String({ description: 'For a tied alias: the name the parameter is listed under' })),
  version: Type.Integer(),
}, {
  description: 'The parameter (requested by any alias, answered under its canonical name)',
  examples: [{ name: '2.bias', shape: [1], dtype: 'float32', requiresGrad: true, data: [-0.15679916739463806], grad: null, repr: 'Parameter containing:\ntensor([-0.1568], requires_grad=True)', version: 1 }],
});

export const PutParameterBody = Type.Object({ data: TensorData });

export const PatchParameterBody = Type.Object(
  {
    index: Type.Optional(Type.String({ description: "PyTorch index string: ':', '0, 0', ':2', '-1', '..., 1', '1:3, ::2'; default the whole tensor" })),
    op: Type.Optional(Type.Union([Type.Literal('set'), Type.Literal('add'), Type.Literal('sub'), Type.Literal('mul'), Type.Literal('div')])),
    value: Type.Optional(TensorData),
    requiresGrad: Type.Optional(Type.Boolean({ description: 'Freeze (false) or unfreeze (true) the parameter' })),
  },
  { examples: [{ index: ':', op: 'add', value: 1 }, { index: '0, 0', op: 'set', value: 42 }] },
);

export const TensorEntry = Type.Object({ shape: Shape, dtype: Type.Literal('float32'), data: TensorData });

export const StateDict = Type.Object(
  { stateDict: Type.Record(Type.String(), TensorEntry, { description: "Every key in PyTorch's order; tied parameters under each name" }) },
  { description: 'state_dict() (JSON)', examples: [{ stateDict: { weight: { shape: [1, 2], dtype: 'float32', data: [[0.25, -0.5]] }, bias: { shape: [1], dtype: 'float32', data: [0.125] } } }] },
);

export const PutStateDictBody = Type.Object({
  stateDict: Type.Record(Type.String(), Type.Unknown()),
  strict: Type.Optional(Type.Boolean({ default: true })),
});

export const LoadResult = Type.Object(
  { version: Type.Integer(), missingKeys: Type.Array(Type.String()), unexpectedKeys: Type.Array(Type.String()) },
  { description: "load_state_dict()'s incompatible keys (empty when all matched)", examples: [{ version: 4, missingKeys: [], unexpectedKeys: [] }] },
);

const Initializer = Type.Unknown({
  description: "{name, ...kwargs} with torch.nn.init's names and keyword arguments, plus `default` and `mixture{components:[{weight, init}]}`",
  examples: [{ name: 'normal', mean: 0, std: 0.01 }],
});

export const InitializeBody = Type.Object(
  {
    module: Type.Optional(Type.String()),
    moduleTypes: Type.Optional(Type.Array(Type.String())),
    weight: Type.Optional(Initializer),
    bias: Type.Optional(Initializer),
    seed: Type.Optional(Type.Integer()),
  },
  { examples: [{ moduleTypes: ['Linear'], weight: { name: 'normal', mean: 0, std: 0.01 }, bias: { name: 'zeros' }, seed: 7 }] },
);

export const Initialized = Type.Object(
  { version: Type.Integer(), initialized: Type.Array(Type.Object({ name: Type.String(), shape: Shape, initializer: Type.String() })) },
  {
    description: 'The parameters initialized, in apply order',
    examples: [{ version: 2, initialized: [{ name: '0.weight', shape: [8, 4], initializer: 'normal' }, { name: '0.bias', shape: [8], initializer: 'zeros' }] }],
  },
);

export const TieBody = Type.Object(
  { module: Type.Optional(Type.String()), parameter: Type.Optional(Type.String()), to: Type.String() },
  { examples: [{ module: '4', to: '2' }, { parameter: '4.weight', to: '2.weight' }] },
);

export const ForwardBody = Type.Object(
  { input: TensorData, seed: Type.Optional(Type.Integer({ description: 'Seed for Dropout in train mode' })) },
  { examples: [{ input: [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]] }] },
);

export const ForwardResult = Type.Object(
  { output: TensorData, shape: Shape, gradFn: Type.Union([Type.String(), Type.Null()]), repr: Type.String(), version: Type.Integer() },
  {
    description: 'The output, as PyTorch would print it',
    examples: [{ output: [[-0.36208394169807434]], shape: [1, 1], gradFn: 'AddmmBackward0', repr: 'tensor([[-0.3621]], grad_fn=<AddmmBackward0>)', version: 1 }],
  },
);

export const BackwardBody = Type.Object(
  {
    input: TensorData,
    loss: Type.Optional(Type.String({ description: 'sum, mean, mse, l1, cross_entropy, bce_with_logits' })),
    target: Type.Optional(TensorData),
    gradOutput: Type.Optional(TensorData),
    seed: Type.Optional(Type.Integer()),
  },
  { examples: [{ input: [[0.1, 0.2, 0.3, 0.4]], loss: 'mse', target: [[1]] }] },
);

export const BackwardResult = Type.Object(
  { loss: Type.Unknown({ description: 'The loss (float32), or null with gradOutput' }), version: Type.Integer() },
  { description: 'The loss; gradients are now in each parameter\'s grad', examples: [{ loss: 0.4033282399177551, version: 3 }] },
);

export const ZeroGradBody = Type.Object({ setToNone: Type.Optional(Type.Boolean({ default: true })) });
