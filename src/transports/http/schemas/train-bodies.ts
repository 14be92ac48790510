import { Type } from '@sinclair/typebox';
import { TensorData } from './common.js';

/** `POST {m}/train` and `GET {m}/train`: request, summary, event stream and run status, for the OpenAPI document. */

/** A float that may be non-finite: a number, or "NaN", "Infinity", "-Infinity" (protobuf's JSON convention). */
const JsonFloat = Type.Union([Type.Number(), Type.Unsafe<'NaN' | 'Infinity' | '-Infinity'>({ type: 'string', enum: ['NaN', 'Infinity', '-Infinity'] })]);

const TrainExample = {
  optimizer: { name: 'sgd', lr: 0.05, momentum: 0.9 },
  loss: 'mse',
  inputs: [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8], [0.9, 1.0, 1.1, 1.2]],
  targets: [[1.0], [0.0], [1.0]],
  epochs: 2,
  batchSize: 2,
  shuffle: true,
  seed: 17,
  observe: { every: 1 },
};

export const TrainBody = Type.Object(
  {
    optimizer: Type.Object(
      { name: Type.String({ description: 'sgd, adam or adamw' }) },
      {
        additionalProperties: true,
        description:
          "torch.optim's keyword arguments beside the name: sgd {lr, momentum, dampening, nesterov, weight_decay, maximize}; adam / adamw {lr, betas, eps, weight_decay, amsgrad, maximize}",
      },
    ),
    loss: Type.Union([Type.Literal('mse'), Type.Literal('l1'), Type.Literal('cross_entropy'), Type.Literal('bce_with_logits')]),
    inputs: { ...TensorData, description: 'One sample per row [N, ...]: nested arrays, or {shape, data}, or {shape, base64} (little-endian float32)' },
    targets: { ...TensorData, description: 'One target per row [N, ...] (class indices [N] for cross_entropy), in the same encodings' },
    epochs: Type.Integer({ minimum: 1 }),
    batchSize: Type.Integer({ minimum: 1, description: 'Rows per step; the last batch of an epoch may be shorter' }),
    shuffle: Type.Optional(Type.Boolean({ default: false, description: 'torch.randperm(N) at the start of every epoch' })),
    seed: Type.Optional(Type.Integer({ description: 'torch.manual_seed(seed) before the first epoch (shuffling, Dropout)' })),
    observe: Type.Optional(
      Type.Object(
        { every: Type.Optional(Type.Integer({ minimum: 1, default: 1 })) },
        { description: 'A step event every `every` steps with the norm, mean, std, min and max of every parameter and its gradient' },
      ),
    ),
    maxSteps: Type.Optional(Type.Integer({ minimum: 1, description: 'Stop after this many optimizer steps' })),
  },
  { examples: [TrainExample] },
);

const Stats = Type.Object({ norm: JsonFloat, mean: JsonFloat, std: JsonFloat, min: JsonFloat, max: JsonFloat });

const StepEvent = Type.Object({
  step: Type.Integer(),
  epoch: Type.Integer(),
  batch: Type.Integer(),
  loss: JsonFloat,
  parameters: Type.Optional(
    Type.Array(Type.Object({ name: Type.String(), requiresGrad: Type.Boolean(), value: Stats, grad: Type.Union([Stats, Type.Null()]) })),
  ),
});

const stats = (norm: number, mean: number, std: number, min: number, max: number) => ({ norm, mean, std, min, max });

export const SummaryExample = {
  status: 'completed',
  runId: '0f8e3c52-7d1b-4a51-b0f1-2f5a8f1b3c77',
  steps: 4,
  epochs: 2,
  loss: 0.2841,
  version: 3,
  epochLosses: [0.4127, 0.3016],
  history: [{ step: 1, epoch: 1, batch: 1, loss: 0.5123, parameters: [{ name: '0.weight', requiresGrad: true, value: stats(1.21, 0.02, 0.31, -0.49, 0.5), grad: stats(0.08, 0.001, 0.02, -0.04, 0.05) }] }],
};

export const TrainSummary = Type.Object(
  {
    status: Type.Literal('completed'),
    runId: Type.String(),
    steps: Type.Integer(),
    epochs: Type.Integer(),
    loss: JsonFloat,
    version: Type.Integer({ description: 'The model version holding the trained parameters' }),
    epochLosses: Type.Array(JsonFloat),
    history: Type.Array(StepEvent, { description: 'The step events, as the stream would have sent them' }),
  },
  { description: 'The run completed; its final state is stored at `version`' },
);

export const EventStreamExample = [
  'id: 1',
  'event: step',
  'data: {"step":1,"epoch":1,"batch":1,"loss":0.5123,"parameters":[{"name":"0.weight","requiresGrad":true,"value":{"norm":1.21,"mean":0.02,"std":0.31,"min":-0.49,"max":0.5},"grad":{"norm":0.08,"mean":0.001,"std":0.02,"min":-0.04,"max":0.05}}]}',
  '',
  'id: 3',
  'event: epoch',
  'data: {"epoch":1,"steps":2,"loss":0.4127}',
  '',
  'id: 6',
  'event: done',
  'data: {"status":"completed","runId":"0f8e3c52-7d1b-4a51-b0f1-2f5a8f1b3c77","steps":4,"epochs":2,"loss":0.2841,"version":3}',
  '',
  '',
].join('\n');

export const RunStatus = Type.Object(
  {
    runId: Type.String(),
    status: Type.Union([Type.Literal('running'), Type.Literal('completed'), Type.Literal('cancelled'), Type.Literal('failed')]),
    steps: Type.Integer({ description: 'Steps done; once the run ended, exactly the steps the stored model holds' }),
    totalSteps: Type.Integer(),
    epochs: Type.Integer(),
    loss: Type.Union([JsonFloat, Type.Null()]),
    version: Type.Integer({ description: 'The latest version the run wrote' }),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    error: Type.Union([Type.Object({ code: Type.String(), detail: Type.String() }), Type.Null()]),
  },
  {
    description: 'The latest training run of the model on this server',
    examples: [
      {
        runId: '0f8e3c52-7d1b-4a51-b0f1-2f5a8f1b3c77',
        status: 'cancelled',
        steps: 37,
        totalSteps: 100,
        epochs: 9,
        loss: 0.31,
        version: 5,
        startedAt: '2026-11-27T05:00:00.000Z',
        finishedAt: '2026-11-27T05:00:02.000Z',
        error: { code: 'TRAINING_CANCELLED', detail: 'the training run was cancelled after 37 steps; the model holds that state at version 5' },
      },
    ],
  },
);
