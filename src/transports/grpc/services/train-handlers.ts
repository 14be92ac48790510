import type { ParamService, RunStatusView, TrainEvent as CoreEvent } from '../../../core/index.js';
import type { StreamHandler, UnaryHandler } from '../call-adapter.js';
import type { TrainRequest__Output } from '../generated/paramserve/v1/TrainRequest.js';
import type { TrainEvent } from '../generated/paramserve/v1/TrainEvent.js';
import type { Optimizer__Output } from '../generated/paramserve/v1/Optimizer.js';
import type { TensorStats } from '../generated/paramserve/v1/TensorStats.js';
import type { GetTrainingRunRequest__Output } from '../generated/paramserve/v1/GetTrainingRunRequest.js';
import type { TrainingRun } from '../generated/paramserve/v1/TrainingRun.js';
import { tensorIn } from '../mapping/tensors.js';
import { enumIn } from '../mapping/views.js';

/**
 * ComputeService.Train and GetTrainingRun: REST's `POST {m}/train` as a
 * server stream (the same events, protobuf-shaped) and `GET {m}/train`.
 */

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** The core's JSON float (non-finite as a string) as a double, which protobuf carries natively. */
const double = (v: number | string): number => (typeof v === 'number' ? v : NON_FINITE[v]);

/** The optimizer's set fields as torch.optim keyword arguments (unset ones take PyTorch's defaults). */
function optimizerIn(o: Optimizer__Output | null): Record<string, unknown> | undefined {
  if (o === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) {
    if (key.startsWith('_') || value === undefined || (key === 'betas' && (value as number[]).length === 0)) continue;
    out[key] = value;
  }
  return out;
}

function trainBody(req: TrainRequest__Output): Record<string, unknown> {
  return {
    optimizer: optimizerIn(req.optimizer),
    loss: enumIn(req.loss, 'LOSS_'),
    inputs: tensorIn(req.inputs, 'inputs'),
    targets: tensorIn(req.targets, 'targets'),
    epochs: req.epochs,
    batchSize: req.batch_size,
    shuffle: req.shuffle,
    seed: req.seed,
    observe: req.observe === null ? undefined : { every: req.observe.every },
    maxSteps: req.max_steps,
  };
}

const statsOut = (s: Record<'norm' | 'mean' | 'std' | 'min' | 'max', number | string>): TensorStats => ({
  norm: double(s.norm),
  mean: double(s.mean),
  std: double(s.std),
  min: double(s.min),
  max: double(s.max),
});

function eventOut(e: CoreEvent, id: number): TrainEvent {
  switch (e.type) {
    case 'step': {
      const { step, epoch, batch, loss, parameters = [] } = e.data;
      const params = parameters.map((p) => ({ name: p.name, requires_grad: p.requiresGrad, value: statsOut(p.value), grad: p.grad === null ? null : statsOut(p.grad) }));
      return { id, step: { step, epoch, batch, loss: double(loss), parameters: params } };
    }
    case 'epoch':
      return { id, epoch: { epoch: e.data.epoch, steps: e.data.steps, loss: double(e.data.loss) } };
    case 'done': {
      const d = e.data;
      return { id, done: { status: d.status, run_id: d.runId, steps: d.steps, epochs: d.epochs, loss: double(d.loss), version: d.version } };
    }
  }
}

export function trainHandler(service: ParamService): StreamHandler<TrainRequest__Output, TrainEvent> {
  return async (req, ctx, send) => {
    const run = await service.train(ctx.caller(req.session_id), req.model, trainBody(req), { ifMatch: req.if_match });
    // A cancelled call cancels the run, which then stores its last completed step.
    const cancel = () => run.cancel();
    if (ctx.signal.aborted) cancel();
    ctx.signal.addEventListener('abort', cancel, { once: true });
    try {
      let id = 0;
      for await (const e of run.events()) {
        if (ctx.signal.aborted) break;
        await send(eventOut(e, ++id));
      }
    } finally {
      ctx.signal.removeEventListener('abort', cancel);
    }
  };
}

function runOut(r: RunStatusView): TrainingRun {
  return {
    run_id: r.runId,
    status: r.status,
    steps: r.steps,
    total_steps: r.totalSteps,
    epochs: r.epochs,
    loss: r.loss === null ? undefined : double(r.loss),
    version: r.version,
    started_at: r.startedAt,
    finished_at: r.finishedAt ?? undefined,
    error_code: r.error?.code,
    error_detail: r.error?.detail,
  };
}

export function trainingRunHandler(service: ParamService): UnaryHandler<GetTrainingRunRequest__Output, TrainingRun> {
  return async (req, ctx) => runOut(await service.trainingStatus(ctx.caller(req.session_id), req.model));
}
