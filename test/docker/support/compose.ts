import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * docker-compose.yml with its CI override (docker-compose.ci.yml: host
 * network, a 127.0.0.1 port per container), under a project name of its own.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const COMMAND_TIMEOUT_MS = 180_000;

function run(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: repoRoot, env, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** `docker-compose` (v1, what these machines have) or else `docker compose` (v2); null when neither answers. */
export async function composeCommand(): Promise<string[] | null> {
  for (const command of [['docker-compose'], ['docker', 'compose']]) {
    try {
      await run(command[0], [...command.slice(1), 'version']);
      return command;
    } catch {
      // try the next one
    }
  }
  return null;
}

export class ComposeProject {
  constructor(
    private readonly command: string[],
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Runs a compose subcommand on both files; `profiles` turns profiles on (`down` needs them to take those containers too). */
  run(args: string[], profiles: string[] = []): Promise<{ stdout: string; stderr: string }> {
    const [file, ...pre] = this.command;
    const profileArgs = profiles.flatMap((p) => ['--profile', p]);
    return run(file, [...pre, '-p', this.name, '-f', 'docker-compose.yml', '-f', 'docker-compose.ci.yml', ...profileArgs, ...args], { ...process.env, ...this.env });
  }
}
