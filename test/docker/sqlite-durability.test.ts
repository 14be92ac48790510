import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../e2e/support/http-client.js';
import { dockerTarget, imageHookTimeoutMs } from './support/docker-target.js';
import { CONTAINER_RESTART_TIMEOUT_MS, engineContainer, startParamserve, waitForExit, waitForReady, type ParamserveContainer } from './support/containers.js';
import { runS1, s1Input } from './support/s1.js';

/**
 * SQLite on a volume (a host directory mounted at /data): whatever the service
 * acknowledged is still there after the container is killed with SIGKILL (no
 * shutdown code runs) and started again; a write cut off by the kill is either
 * wholly there or wholly absent; and the state lives on the volume, so a new
 * container on the same volume finds it too.
 */
const target = await dockerTarget('test/docker/sqlite-durability');

describe.skipIf(!target.run)('SQLite on a volume, through SIGKILL', () => {
  let image: string;
  let dataDir: string;
  const started: ParamserveContainer[] = [];
  const start = async () => {
    const ps = await startParamserve(image, { PARAMSERVE_STORE: 'sqlite', LOG_LEVEL: 'warn' }, { dataDir });
    started.push(ps);
    return ps;
  };

  beforeAll(async () => {
    if (!target.run) return;
    image = await target.image();
    dataDir = mkdtempSync(join(tmpdir(), 'paramserve-docker-data-'));
    chmodSync(dataDir, 0o777); // the service runs as the image's `node` user, whoever runs the tests
  }, imageHookTimeoutMs);
  afterAll(async () => {
    for (const ps of started) await ps.container.stop({ remove: true, removeVolumes: true }).catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write when the container is killed mid-stream and started again', async () => {
    const ps = await start();
    const client = new HttpClient(ps.url);
    const s = await runS1(client);
    await client.createModel(s, { name: 'second', architecture: { type: 'Linear', in_features: 3, out_features: 2 }, seed: 7 });
    await client.patchParameter(s, 'net', '2.bias', { op: 'set', value: 0 });
    await client.patchParameter(s, 'net', '0.weight', { index: '0, 0', op: 'set', value: 42 });
    await client.deleteModel(s, 'second');
    const acknowledged = await client.getStateDict(s, 'net');
    const base = await client.getModel(s, 'net');
    expect(existsSync(join(dataDir, 'paramserve.db'))).toBe(true);

    // A stream of acknowledged adds on 2.bias; SIGKILL lands while it runs.
    let acked = 0;
    let killed = false;
    const stream = (async () => {
      for (;;) {
        try {
          await client.patchParameter(s, 'net', '2.bias', { op: 'add', value: 1 });
          acked++;
        } catch (e) {
          if (killed) return; // the connection died with the process
          throw e;
        }
      }
    })();
    while (acked < 10) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    const engine = await engineContainer(ps.container);
    await engine.kill({ signal: 'SIGKILL' });
    await stream;
    expect(await waitForExit(ps.container)).toBe(137);

    await engine.start();
    await waitForReady(ps.url);

    // The session, its token and the model survived; the deleted model stayed deleted.
    expect((await client.getSession(s)).models).toEqual(['net']);
    const after = await client.getStateDict(s, 'net');
    for (const key of Object.keys(acknowledged.stateDict)) {
      if (key === '2.bias') continue;
      expect(after.stateDict[key], key).toEqual(acknowledged.stateDict[key]);
    }
    // Every acknowledged add is there; at most the one cut off by the kill may be too, and then wholly.
    const sum = (after.stateDict['2.bias'].data as number[])[0];
    expect(sum).toBeGreaterThanOrEqual(acked);
    expect(sum).toBeLessThanOrEqual(acked + 1);
    expect((await client.getModel(s, 'net')).version).toBe(base.version + sum);

    // The service goes on from there.
    expect((await client.patchParameter(s, 'net', '2.bias', { op: 'add', value: 1 })).data).toEqual([sum + 1]);
    const last = await client.getStateDict(s, 'net');

    // A new container on the same volume finds exactly that state.
    await ps.container.stop({ remove: true, removeVolumes: true });
    const next = await start();
    const nextClient = new HttpClient(next.url);
    expect((await nextClient.getStateDict(s, 'net')).stateDict).toEqual(last.stateDict);
    expect((await nextClient.forward(s, 'net', { input: s1Input })).shape).toEqual([2, 1]);
  }, CONTAINER_RESTART_TIMEOUT_MS);
});
