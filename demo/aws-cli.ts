import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export type CliResult = { command: string; output: string; exitCode: number };

/** Runs the AWS CLI with one access key against one endpoint, isolated from the user's own AWS configuration. */
export type AwsCli = { run: (args: string[], key: { accessKeyId: string; secretAccessKey: string }) => Promise<CliResult> };

const CLI_TIMEOUT_MS = 60_000;

/**
 * The CLI's output as a terminal would leave it: its progress line ("Completed 771 Bytes/1.2 KiB … remaining") is
 * rewritten in place with carriage returns, so only what is left on each line is kept.
 */
export function cleanCliOutput(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.split('\r').filter((segment) => segment.trim() !== '').at(-1) ?? '')
    .filter((line) => line !== '' && !/^Completed .* remaining\s*$/.test(line))
    .join('\n');
}

/** The `aws` executable when it is on PATH and runs, else null. */
export function findAwsCli(): string | null {
  const probe = spawnSync('aws', ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return probe.status === 0 ? 'aws' : null;
}

/**
 * An AwsCli for `endpointUrl`. The child sees only the given key and region us-east-1 (as the tutorial's
 * `aws configure`): the user's profiles, config files and endpoint variables are hidden from it.
 */
export function awsCliFor(executable: string, endpointUrl: string, scratchDir: string): AwsCli {
  return {
    run(args, key) {
      const fullArgs = [...args, '--endpoint-url', endpointUrl];
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
      Object.assign(env, {
        AWS_ACCESS_KEY_ID: key.accessKeyId,
        AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_DEFAULT_OUTPUT: 'json',
        AWS_CONFIG_FILE: path.join(scratchDir, 'aws-config-none'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(scratchDir, 'aws-credentials-none'),
        AWS_PAGER: '',
      });
      return new Promise((resolve, reject) => {
        const child = spawn(executable, fullArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.once('close', (code, signal) => {
          clearTimeout(timer);
          resolve({ command: ['aws', ...fullArgs].join(' '), output: cleanCliOutput(output), exitCode: code ?? (signal ? 128 : 1) });
        });
      });
    },
  };
}
