import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { collectTrainSummary, type Metrics, type ParamService } from '../../../core/index.js';
import { errors, ModelParams } from '../schemas/common.js';
import { EventStreamExample, RunStatus, SummaryExample, TrainBody, TrainSummary } from '../schemas/train-bodies.js';
import { callerOf, tagged, writeOptions } from '../caller.js';
import { streamTraining } from '../event-stream.js';

const problemExample = (status: number, title: string, code: string, detail: string, extra: Record<string, unknown>) => ({
  description: detail,
  content: {
    'application/problem+json': {
      schema: Type.Ref('Problem'),
      example: { type: `https://paramserve.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`, title, status, detail, code, ...extra },
    },
  },
});

const busy = problemExample(409, 'Conflict', 'MODEL_BUSY', "model 'net' is being trained; it can be read meanwhile, and written once the run ends (GET …/train shows the run)", { path: 'net' });
const quota = problemExample(429, 'Too Many Requests', 'QUOTA_EXCEEDED', 'at most 2 training runs at once per session', { limit: 'maxRunsPerSession', limitValue: 2 });

export const trainRoutes: FastifyPluginAsyncTypebox<{ service: ParamService; metrics: Metrics }> = async (app, { service, metrics }) => {
  const security = [{ bearer: [] }];
  const m = '/v1/sessions/:sid/models/:name';

  app.post(`${m}/train`, {
    schema: {
      tags: ['compute'],
      summary: 'Train: epochs of zero_grad / forward / loss / backward / step over shuffled batches; streams progress with Accept: text/event-stream',
      description:
        "Runs on a thread of its own. With `Accept: text/event-stream` the reply is Server-Sent Events (`step`, `epoch`, `done`, `error` with a problem+json body; each with an `id`); without it, one JSON summary at the end. The model is stored every TRAIN_CHECKPOINT_STEPS steps and at the end; meanwhile it can be read, and other writes get 409 MODEL_BUSY. A client that disconnects cancels the run: the model then holds (stored) the state of the last completed step. Every error in the request, including shapes against the model, is answered before the first event.",
      params: ModelParams,
      body: TrainBody,
      security,
      response: {
        200: {
          description: 'The run completed (JSON), or its event stream',
          content: {
            'application/json': { schema: TrainSummary, example: SummaryExample },
            'text/event-stream': { schema: Type.String({ description: 'Server-Sent Events: step, epoch, done or error' }), example: EventStreamExample },
          },
        },
        ...errors(400, 401, 404, 412, 413, 422),
        409: busy,
        429: quota,
      },
    },
  }, async (req, reply) => {
    const run = await service.train(callerOf(req), req.params.name, req.body, writeOptions(req));
    if ((req.headers.accept ?? '').includes('text/event-stream')) {
      return streamTraining(req, reply, run, ({ events }) => {
        metrics.observe('http', req.routeOptions.url ?? 'unmatched', req.method, 499, reply.elapsedTime / 1000);
        req.log.info({ res: { statusCode: 499 }, responseTime: reply.elapsedTime, events, runId: run.runId }, 'request completed: the client left the stream');
      });
    }
    const cancelIfGone = () => {
      if (!reply.raw.writableEnded) run.cancel();
    };
    reply.raw.on('close', cancelIfGone);
    try {
      const summary = await collectTrainSummary(run);
      return tagged(reply, summary.version).send(summary);
    } finally {
      reply.raw.off('close', cancelIfGone);
    }
  });

  app.get(`${m}/train`, {
    schema: {
      tags: ['compute'],
      summary: 'The latest training run of the model on this server: running, completed, cancelled or failed, and how far it got',
      params: ModelParams,
      security,
      response: { 200: RunStatus, ...errors(401, 404) },
    },
  }, async (req) => service.trainingStatus(callerOf(req), req.params.name));

  // Streams would hold the server open until their runs end: stop the runs first (each stores its last step).
  app.addHook('preClose', async () => {
    await service.stopTraining();
  });
};
