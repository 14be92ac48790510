/**
 * What a client of paramserve can do, independent of transport: the scenario
 * tables run through this interface over REST and over gRPC and must agree.
 * Bodies and results use the REST JSON shapes (api.md); the gRPC client maps
 * to and from protobuf.
 */
export interface Session {
  id: string;
  token: string;
}

export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export interface WriteOpts {
  ifMatch?: string;
}

export interface ParamClient {
  readonly transport: 'http' | 'grpc';
  createSession(): Promise<Session & { expiresAt: string }>;
  getSession(s: Session): Promise<{ id: string; expiresAt: string; models: string[] }>;
  deleteSession(s: Session): Promise<void>;
  createModel(s: Session, body: { name: string; architecture: unknown; seed?: number }): Promise<any>;
  getModel(s: Session, name: string): Promise<any>;
  listModels(s: Session): Promise<{ models: { name: string; version: number; parameterCount: number }[] }>;
  deleteModel(s: Session, name: string, opts?: WriteOpts): Promise<void>;
  listParameters(s: Session, name: string, module?: string): Promise<{ parameters: { name: string; shape: number[]; requiresGrad: boolean }[] }>;
  getParameter(s: Session, name: string, param: string): Promise<any>;
  putParameter(s: Session, name: string, param: string, body: { data: unknown }, opts?: WriteOpts): Promise<any>;
  patchParameter(s: Session, name: string, param: string, body: Record<string, unknown>, opts?: WriteOpts): Promise<any>;
  getStateDict(s: Session, name: string, module?: string): Promise<{ stateDict: Record<string, { shape: number[]; data: unknown }> }>;
  putStateDict(s: Session, name: string, body: { stateDict: Record<string, unknown>; strict?: boolean }, opts?: WriteOpts): Promise<any>;
  initialize(s: Session, name: string, body: Record<string, unknown>, opts?: WriteOpts): Promise<{ version: number; initialized: { name: string; shape: number[]; initializer: string }[] }>;
  tie(s: Session, name: string, body: Record<string, unknown>, opts?: WriteOpts): Promise<any>;
  forward(s: Session, name: string, body: Record<string, unknown>): Promise<{ output: unknown; shape: number[]; gradFn: string | null; repr: string }>;
  backward(s: Session, name: string, body: Record<string, unknown>, opts?: WriteOpts): Promise<{ loss: unknown; version: number }>;
  zeroGrad(s: Session, name: string, body?: Record<string, unknown>, opts?: WriteOpts): Promise<{ version: number }>;
  /** A call with a raw token (possibly wrong or missing), for auth failures. */
  withToken(token: string | null): ParamClient;
}
