import type { Caller, CoreContext } from './context.js';

export interface SessionView {
  id: string;
  expiresAt: string;
  models: string[];
}

export async function createSession(ctx: CoreContext): Promise<{ id: string; token: string; expiresAt: string }> {
  const s = await ctx.sessions.create();
  return { id: s.id, token: s.token, expiresAt: new Date(s.expiresAt).toISOString() };
}

export async function getSession(ctx: CoreContext, caller: Caller): Promise<SessionView> {
  const { session } = await ctx.sessions.authorize(caller.sessionId, caller.token);
  const models = await ctx.models.list(caller.sessionId);
  return { id: session.id, expiresAt: new Date(session.expiresAt).toISOString(), models: models.map((m) => m.name) };
}

export async function deleteSession(ctx: CoreContext, caller: Caller): Promise<void> {
  await ctx.sessions.authorize(caller.sessionId, caller.token);
  await ctx.sessions.delete(caller.sessionId);
  ctx.models.forgetSession(caller.sessionId);
}
