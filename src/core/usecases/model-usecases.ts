import { buildModel, validateSpec, type SpecLimits } from '../../nn/index.js';
import type { Limits } from '../config.js';
import { AppError } from '../../errors/index.js';
import type { Caller, CoreContext, WriteOptions } from './context.js';
import { asBody, optionalSeed, rejectUnknown, required, requiredString } from '../validation/fields.js';
import { InvalidArgumentError } from '../errors.js';
import { LiveModel } from '../models/live-model.js';
import { architectureOf } from '../models/model-codec.js';
import { parseIfMatch } from '../models/if-match.js';
import { generatorFor } from '../compute/compute-jobs.js';
import { modelView, type ModelView } from './views.js';
import type { ModelSummary } from '../store/store.js';

/** The configuration's name for each spec limit, so a 422 names the setting an operator can change. */
const LIMIT_NAMES: Record<string, string> = {
  maxParameters: 'maxModelParameters',
  maxDepth: 'maxModelDepth',
  maxModules: 'maxModelModules',
  maxChildren: 'maxModelModules',
};

/** Validates an architecture against the configured limits (nothing is allocated). */
export function validateArchitecture(json: unknown, limits: Limits) {
  try {
    return validateSpec(json, specLimits(limits));
  } catch (e) {
    if (e instanceof AppError) {
      const field = e.details.field;
      e.details.field = field === undefined || field === '' ? 'architecture' : `architecture.${field}`;
      const limit = e.details.limit;
      if (typeof limit === 'string' && LIMIT_NAMES[limit] !== undefined) {
        e.details.limit = LIMIT_NAMES[limit];
        e.message = e.message.replace(new RegExp(`\\b${limit}\\b`, 'g'), LIMIT_NAMES[limit]);
      }
    }
    throw e;
  }
}

export function specLimits(limits: Limits): SpecLimits {
  return {
    maxParameters: limits.maxModelParameters,
    maxDepth: limits.maxModelDepth,
    maxChildren: limits.maxModelModules,
    maxModules: limits.maxModelModules,
  };
}

/**
 * 1–256 printable characters without '/', so a name is always one URL segment and one store key.
 * A lone surrogate (`"\ud800"`) is refused too: it has no UTF-8 form, so the stored name would differ from the one sent.
 */
export function checkModelName(name: string, field = 'name'): string {
  if (name.length === 0 || name.length > 256 || name.includes('/') || /\p{Surrogate}/u.test(name) || [...name].some((c) => c < ' ' || c === '\u007f'))
    throw new InvalidArgumentError(field, `${field} must be 1-256 printable characters without '/'`);
  return name;
}

/** Authorises the caller and loads the model at the version the same round trip reported. */
export async function loadModel(ctx: CoreContext, caller: Caller, name: string): Promise<LiveModel> {
  const { modelVersion } = await ctx.sessions.authorize(caller.sessionId, caller.token, name);
  return ctx.models.read(caller.sessionId, name, modelVersion);
}

/** Authorises, then runs a write on the model (serialised, compare-and-set, version + 1). */
export async function writeModel<T>(ctx: CoreContext, caller: Caller, name: string, options: WriteOptions, change: (m: LiveModel) => T | Promise<T>) {
  const precondition = parseIfMatch(options.ifMatch);
  const { modelVersion } = await ctx.sessions.authorize(caller.sessionId, caller.token, name);
  return ctx.models.write(caller.sessionId, name, modelVersion, precondition, change);
}

/** `POST /models`: validate the spec (limits before allocation), build it (seeded: PyTorch's draw order), store it. */
export async function createModel(ctx: CoreContext, caller: Caller, rawBody: unknown): Promise<ModelView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['name', 'architecture', 'seed']);
  const name = checkModelName(requiredString(body, 'name'));
  const seed = optionalSeed(body);
  await ctx.sessions.authorize(caller.sessionId, caller.token);
  const spec = validateArchitecture(required(body, 'architecture'), ctx.limits);
  const root = buildModel(spec, generatorFor(seed));
  const model = new LiveModel(caller.sessionId, name, 1, root, architectureOf(root));
  await ctx.models.create(model);
  return modelView(model);
}

export async function getModel(ctx: CoreContext, caller: Caller, name: string): Promise<ModelView> {
  return modelView(await loadModel(ctx, caller, name));
}

export async function listModels(ctx: CoreContext, caller: Caller): Promise<{ models: ModelSummary[] }> {
  await ctx.sessions.authorize(caller.sessionId, caller.token);
  return { models: await ctx.models.list(caller.sessionId) };
}

export async function deleteModel(ctx: CoreContext, caller: Caller, name: string, options: WriteOptions): Promise<void> {
  const precondition = parseIfMatch(options.ifMatch);
  await ctx.sessions.authorize(caller.sessionId, caller.token);
  await ctx.models.delete(caller.sessionId, name, precondition);
}

/** `PATCH {m}`: switch train/eval mode (what Dropout obeys), as `model.train(mode)` does. */
export async function setTrainingMode(ctx: CoreContext, caller: Caller, name: string, rawBody: unknown, options: WriteOptions): Promise<ModelView> {
  const body = asBody(rawBody);
  rejectUnknown(body, ['training']);
  const training = required(body, 'training');
  if (typeof training !== 'boolean') throw new InvalidArgumentError('training', 'training must be true or false');
  const { model } = await writeModel(ctx, caller, name, options, (m) => {
    m.root.train(training);
  });
  return modelView(model);
}
