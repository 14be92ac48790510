import type { ParamService } from '../../../core/index.js';
import type { SessionServiceHandlers } from '../generated/paramserve/v1/SessionService.js';
import type { Rpc } from '../call-adapter.js';

/** paramserve.v1.SessionService: each RPC is one ParamService method. */
export function sessionHandlers(service: ParamService, rpc: Rpc): SessionServiceHandlers {
  return {
    CreateSession: rpc('CreateSession', async () => {
      const s = await service.createSession();
      return { id: s.id, token: s.token, expires_at: s.expiresAt };
    }),
    GetSession: rpc('GetSession', async (req, ctx) => {
      const s = await service.getSession(ctx.caller(req.session_id));
      return { id: s.id, expires_at: s.expiresAt, models: s.models };
    }),
    DeleteSession: rpc('DeleteSession', async (req, ctx) => {
      await service.deleteSession(ctx.caller(req.session_id));
      return {};
    }),
  };
}
