import { fileURLToPath } from 'node:url';
import { GenericContainerBuilder, ImageName, getContainerRuntimeClient } from 'testcontainers';

/**
 * Whether the Docker suites run, and on which image.
 *
 * - `PARAMSERVE_IMAGE` set (CI: `.ci/run` builds the image with
 *   `docker build --network host` and exports its tag): the suites run on that
 *   image, and a missing engine or image is a failure, never a skip.
 * - not set, an engine answers (a developer's machine with a normal Docker):
 *   the image is built from the repository's Dockerfile by testcontainers.
 * - not set, no engine answers: the suites skip and say why.
 */
export type DockerTarget = { run: true; image: () => Promise<string> } | { run: false; reason: string };

export const IMAGE_ENV = 'PARAMSERVE_IMAGE';
const LOCAL_TAG = 'paramserve:testcontainers';
const ENGINE_PROBE_MS = 15_000;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** How long a suite's first hook may take: a build from the Dockerfile takes minutes, a given tag seconds. */
export const imageHookTimeoutMs = process.env[IMAGE_ENV] ? 120_000 : 900_000;

async function engineAnswers(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ENGINE_PROBE_MS / 1000} s`)), ENGINE_PROBE_MS);
  });
  try {
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    clearTimeout(timer);
  }
}

let built: Promise<string> | undefined;

async function givenImage(tag: string): Promise<string> {
  const client = await getContainerRuntimeClient();
  if (!(await client.image.exists(ImageName.fromString(tag)))) {
    throw new Error(`${IMAGE_ENV}=${tag}, but the engine has no such image: build it with \`docker build --network host -t ${tag} .\``);
  }
  return tag;
}

function imageFromDockerfile(): Promise<string> {
  built ??= new GenericContainerBuilder(repoRoot, 'Dockerfile').build(LOCAL_TAG, { deleteOnExit: false }).then(() => LOCAL_TAG);
  return built;
}

export async function dockerTarget(suite: string): Promise<DockerTarget> {
  const tag = process.env[IMAGE_ENV];
  const problem = await engineAnswers();
  if (problem !== null) {
    if (tag) throw new Error(`${IMAGE_ENV}=${tag} is set (CI), but no Docker engine answers: ${problem}`);
    const reason = `no Docker engine answers (${problem})`;
    console.warn(`[${suite}] skipped: ${reason}. Start Docker (or, on these machines, eval "$(bash ../shared/docker/engine-up.sh)") to run it.`);
    return { run: false, reason };
  }
  return { run: true, image: () => (tag ? givenImage(tag) : imageFromDockerfile()) };
}
