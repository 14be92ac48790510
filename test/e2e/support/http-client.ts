import { CallError, type ParamClient, type Session, type WriteOpts } from './client.js';

/** The REST client: plain fetch against a listening server. */
export class HttpClient implements ParamClient {
  readonly transport = 'http' as const;

  constructor(
    readonly baseUrl: string,
    private readonly tokenOverride: { token: string | null } | null = null,
  ) {}

  withToken(token: string | null): ParamClient {
    return new HttpClient(this.baseUrl, { token });
  }

  private async call(method: string, path: string, session: Session | null, body?: unknown, opts: WriteOpts = {}): Promise<any> {
    const headers: Record<string, string> = {};
    const token = this.tokenOverride !== null ? this.tokenOverride.token : session?.token;
    if (token !== null && token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.ifMatch !== undefined) headers['if-match'] = opts.ifMatch;
    const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 204) return undefined;
    const text = await res.text();
    const json = text === '' ? undefined : JSON.parse(text);
    if (!res.ok) throw new CallError(res.status, json?.code ?? 'UNKNOWN', json?.detail ?? text, json);
    return json;
  }

  private m(s: Session, name: string, rest = ''): string {
    return `/v1/sessions/${encodeURIComponent(s.id)}/models/${encodeURIComponent(name)}${rest}`;
  }

  createSession = () => this.call('POST', '/v1/sessions', null);
  getSession = (s: Session) => this.call('GET', `/v1/sessions/${encodeURIComponent(s.id)}`, s);
  deleteSession = (s: Session) => this.call('DELETE', `/v1/sessions/${encodeURIComponent(s.id)}`, s);
  createModel = (s: Session, body: unknown) => this.call('POST', `/v1/sessions/${encodeURIComponent(s.id)}/models`, s, body);
  getModel = (s: Session, name: string) => this.call('GET', this.m(s, name), s);
  listModels = (s: Session) => this.call('GET', `/v1/sessions/${encodeURIComponent(s.id)}/models`, s);
  deleteModel = (s: Session, name: string, opts?: WriteOpts) => this.call('DELETE', this.m(s, name), s, undefined, opts);
  listParameters = (s: Session, name: string, module?: string) =>
    this.call('GET', this.m(s, name, `/parameters${module === undefined ? '' : `?module=${encodeURIComponent(module)}`}`), s);
  getParameter = (s: Session, name: string, p: string) => this.call('GET', this.m(s, name, `/parameters/${encodeURIComponent(p)}`), s);
  putParameter = (s: Session, name: string, p: string, body: unknown, opts?: WriteOpts) => this.call('PUT', this.m(s, name, `/parameters/${encodeURIComponent(p)}`), s, body, opts);
  patchParameter = (s: Session, name: string, p: string, body: unknown, opts?: WriteOpts) => this.call('PATCH', this.m(s, name, `/parameters/${encodeURIComponent(p)}`), s, body, opts);
  getStateDict = (s: Session, name: string, module?: string) =>
    this.call('GET', this.m(s, name, `/state_dict${module === undefined ? '' : `?module=${encodeURIComponent(module)}`}`), s);
  putStateDict = (s: Session, name: string, body: unknown, opts?: WriteOpts) => this.call('PUT', this.m(s, name, '/state_dict'), s, body, opts);
  initialize = (s: Session, name: string, body: unknown, opts?: WriteOpts) => this.call('POST', this.m(s, name, '/initialize'), s, body, opts);
  tie = (s: Session, name: string, body: unknown, opts?: WriteOpts) => this.call('POST', this.m(s, name, '/ties'), s, body, opts);
  forward = (s: Session, name: string, body: unknown) => this.call('POST', this.m(s, name, '/forward'), s, body);
  backward = (s: Session, name: string, body: unknown, opts?: WriteOpts) => this.call('POST', this.m(s, name, '/backward'), s, body, opts);
  zeroGrad = (s: Session, name: string, body: unknown = {}, opts?: WriteOpts) => this.call('POST', this.m(s, name, '/zero_grad'), s, body, opts);
}
