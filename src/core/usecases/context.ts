import type { Limits } from '../config.js';
import type { Clock } from '../clock.js';
import type { SessionService } from '../sessions/session-service.js';
import type { ModelRepository } from '../models/model-repository.js';
import type { ComputeRunner } from '../compute/compute-runner.js';

/** Everything a use case needs; built once by the service and shared by both transports. */
export interface CoreContext {
  sessions: SessionService;
  models: ModelRepository;
  compute: ComputeRunner;
  limits: Limits;
  clock: Clock;
}

/** Who is calling: the session in the path and the bearer token sent with it (null when none was sent). */
export interface Caller {
  sessionId: string;
  token: string | null;
}

/** Options a write accepts from its transport: the If-Match header or gRPC's `if_match` field. */
export interface WriteOptions {
  ifMatch?: string | null;
}
