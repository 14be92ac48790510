import { getContainerRuntimeClient } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../e2e/support/http-client.js';
import { freePort } from '../support/redis-server.js';
import { IMAGE_ENV, dockerTarget, imageHookTimeoutMs } from './support/docker-target.js';
import { ComposeProject, composeCommand } from './support/compose.js';
import { CONTAINER_RESTART_TIMEOUT_MS, demultiplex, waitForReady } from './support/containers.js';
import { runS1 } from './support/s1.js';

/**
 * docker-compose.yml as shipped, run with its CI override (host network, a
 * 127.0.0.1 port per container): Redis with its append-only file on a named
 * volume, two replicas sharing it, the SQLite variant kept behind its profile.
 */
const target = await dockerTarget('test/docker/compose');
const command = target.run ? await composeCommand() : null;
if (target.run && command === null) {
  if (process.env[IMAGE_ENV]) throw new Error(`${IMAGE_ENV} is set (CI), but neither docker-compose nor docker compose answers`);
  console.warn('[test/docker/compose] skipped: neither docker-compose nor docker compose answers');
}

describe.skipIf(!target.run || command === null)('docker-compose.yml with the CI override', () => {
  let project: ComposeProject;
  let ports: Record<string, number>;
  let networksBefore: string[];
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const engine = async () => (await getContainerRuntimeClient()).container.dockerode;
  const containers = async () =>
    (await engine()).listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project.name}`] } });
  const containerOf = async (service: string) => {
    const found = (await containers()).find((c) => c.Labels['com.docker.compose.service'] === service);
    if (!found) throw new Error(`no container for ${service}`);
    return (await engine()).getContainer(found.Id);
  };
  const execIn = async (container: Awaited<ReturnType<typeof containerOf>>, cmd: string[]): Promise<string> => {
    const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({});
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(demultiplex(Buffer.concat(chunks))));
      stream.on('error', reject);
    });
  };
  const networkIds = async () => (await (await engine()).listNetworks()).map((n) => n.Id).sort();

  beforeAll(async () => {
    if (!target.run || command === null) return;
    const image = await target.image();
    ports = {};
    for (const name of ['REDIS_PORT', 'PORT_A', 'PORT_B', 'GRPC_PORT_A', 'GRPC_PORT_B', 'PORT_SQLITE', 'GRPC_PORT_SQLITE']) ports[name] = await freePort();
    const env = Object.fromEntries(Object.entries(ports).map(([k, v]) => [`CI_${k}`, String(v)]));
    project = new ComposeProject(command, `paramserve-test-${process.pid}`, { ...env, PARAMSERVE_IMAGE: image });
    networksBefore = await networkIds();
    await project.run(['up', '-d', '--no-build']);
    await Promise.all([waitForReady(url(ports.PORT_A)), waitForReady(url(ports.PORT_B))]);
  }, imageHookTimeoutMs);
  afterAll(async () => {
    await project?.run(['down', '-v', '--remove-orphans', '--timeout', '20'], ['sqlite']);
  });

  it('a plain `up` starts Redis and the two replicas, not the SQLite variant', async () => {
    const services = (await containers()).map((c) => c.Labels['com.docker.compose.service']).sort();
    expect(services).toEqual(['paramserve', 'paramserve-b', 'redis']);
  });

  it('puts every container on the host network and creates no network', async () => {
    for (const c of await containers()) expect(c.HostConfig.NetworkMode, c.Names[0]).toBe('host');
    expect(await networkIds()).toEqual(networksBefore);
  });

  it('runs Redis with its append-only file on the named volume, on 127.0.0.1 only', async () => {
    const redis = await containerOf('redis');
    const info = await redis.inspect();
    expect(info.Mounts.find((m) => m.Destination === '/data')).toMatchObject({ Type: 'volume', Name: `${project.name}_redis-data` });
    const configGet = async (name: string) => (await execIn(redis, ['redis-cli', '-p', String(ports.REDIS_PORT), 'config', 'get', name])).trim().split('\n');
    expect(await configGet('appendonly')).toEqual(['appendonly', 'yes']);
    expect(await configGet('dir')).toEqual(['dir', '/data']);
    expect(await configGet('bind')).toEqual(['bind', '127.0.0.1']);
  });

  it('the replicas share sessions, and models survive Redis killed with SIGKILL and recreated from its volume', async () => {
    const onA = new HttpClient(url(ports.PORT_A));
    const onB = new HttpClient(url(ports.PORT_B));
    const s = await runS1(onA);
    const written = await onB.patchParameter(s, 'net', '2.bias', { op: 'set', value: 7 });

    await project.run(['kill', '-s', 'SIGKILL', 'redis']);
    await project.run(['rm', '-f', 'redis']);
    await project.run(['up', '-d', '--no-build', 'redis']);
    await Promise.all([waitForReady(url(ports.PORT_A)), waitForReady(url(ports.PORT_B))]);

    for (const client of [onA, onB]) {
      const p = await client.getParameter(s, 'net', '2.bias');
      expect(p.data).toEqual([7]);
      expect(p.version).toBe(written.version);
    }
  }, CONTAINER_RESTART_TIMEOUT_MS);

  it('the SQLite variant starts alone when named, on its own named volume', async () => {
    await project.run(['up', '-d', '--no-build', 'paramserve-sqlite']);
    await waitForReady(url(ports.PORT_SQLITE));
    await runS1(new HttpClient(url(ports.PORT_SQLITE)));
    const info = await (await containerOf('paramserve-sqlite')).inspect();
    expect(info.Mounts.find((m) => m.Destination === '/data')).toMatchObject({ Type: 'volume', Name: `${project.name}_paramserve-data` });
    expect(info.Config.Env).toContain('PARAMSERVE_STORE=sqlite');
  }, CONTAINER_RESTART_TIMEOUT_MS);
});
