import type { Caller, CoreContext, WriteOptions } from './context.js';
import { parseIfMatch } from '../models/if-match.js';
import { encodeModel } from '../models/model-codec.js';
import { TrainingRunNotFoundError } from '../errors.js';
import { parseTrainRequest } from '../training/train-plan.js';
import { TrainRun, type TrainRunHandle } from '../training/train-run.js';
import type { TrainingRuns } from '../training/training-runs.js';
import type { RunStatusView, StepEvent, TrainSummary } from '../training/train-events.js';

/**
 * `POST {m}/train`: checks the request, claims a run slot (429 beyond the
 * limits) and the model (409 MODEL_BUSY while another run has it), and starts
 * the run on its own thread. Resolves once the first step has succeeded, so
 * everything wrong with the request (fields, shapes against the model, class
 * indices) is a 4xx before any event is sent; the caller then streams
 * `events()` or collects them with `collectTrainSummary`.
 */
export async function startTraining(ctx: CoreContext, runs: TrainingRuns, caller: Caller, name: string, rawBody: unknown, options: WriteOptions): Promise<TrainRunHandle> {
  const plan = parseTrainRequest(rawBody, ctx.limits);
  const precondition = parseIfMatch(options.ifMatch);
  const { modelVersion } = await ctx.sessions.authorize(caller.sessionId, caller.token, name);
  const slot = runs.reserve(caller.sessionId);
  try {
    const { lease, model } = await ctx.models.lease(caller.sessionId, name, modelVersion, precondition);
    const { architecture, state } = encodeModel(model, model.version);
    const run = new TrainRun({ ctx, caller, name, lease, startVersion: model.version, totalSteps: plan.totalSteps, onEnd: () => slot.release() });
    await run.start(runs.executor, { model: { architecture, state }, plan, checkpointEvery: runs.checkpointEvery });
    runs.track(caller.sessionId, name, run);
    return run;
  } catch (e) {
    slot.release();
    throw e;
  }
}

/** `GET {m}/train`: the latest run of the model on this server (running or ended). */
export async function trainingStatus(ctx: CoreContext, runs: TrainingRuns, caller: Caller, name: string): Promise<RunStatusView> {
  await ctx.sessions.authorize(caller.sessionId, caller.token);
  const status = runs.status(caller.sessionId, name);
  if (status === null) throw new TrainingRunNotFoundError(name);
  return status;
}

/** A run without streaming: every event collected into one reply (throws the run's AppError if it fails). */
export async function collectTrainSummary(run: TrainRunHandle): Promise<TrainSummary> {
  const history: StepEvent[] = [];
  const epochLosses: TrainSummary['epochLosses'] = [];
  for await (const e of run.events()) {
    if (e.type === 'step') history.push(e.data);
    else if (e.type === 'epoch') epochLosses.push(e.data.loss);
    else return { ...e.data, epochLosses, history };
  }
  throw new Error('training run ended without a done event');
}
