import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { parseConsoleEnv, ConsoleEnvError } = await import('./env');

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseConsoleEnv(source);
  } catch (error) {
    if (error instanceof ConsoleEnvError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConsoleEnvError');
}

describe('parseConsoleEnv', () => {
  it('defaults to the embedded endpoint on loopback port 4510 with .data', () => {
    expect(parseConsoleEnv({})).toEqual({
      backend: 'embedded',
      emulatorUrl: 'http://127.0.0.1:4510',
      emulatorDataDir: '.data',
      emulatorCredentials: undefined,
      awsRegion: undefined,
      awsProfile: undefined,
      awsEndpointUrl: undefined,
      awsEndpointUrlS3: undefined,
      awsEndpointUrlIam: undefined,
    });
  });

  it('builds the endpoint URL from host and port, and reaches a wildcard bind through loopback', () => {
    expect(parseConsoleEnv({ EMULATOR_HOST: '0.0.0.0', EMULATOR_PORT: '4617' }).emulatorUrl).toBe('http://127.0.0.1:4617');
    expect(parseConsoleEnv({ EMULATOR_HOST: '::1', EMULATOR_PORT: '4617' }).emulatorUrl).toBe('http://[::1]:4617');
  });

  it('prefers EMULATOR_URL and drops its trailing slash', () => {
    expect(parseConsoleEnv({ EMULATOR_URL: 'http://localhost:9000/', EMULATOR_PORT: '1' }).emulatorUrl).toBe(
      'http://localhost:9000',
    );
  });

  it('switches to aws when CONSOLE_BACKEND=aws or an AWS endpoint is configured, unless told embedded', () => {
    expect(parseConsoleEnv({ CONSOLE_BACKEND: 'aws' }).backend).toBe('aws');
    expect(parseConsoleEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:5055' }).backend).toBe('aws');
    expect(parseConsoleEnv({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:5055' }).backend).toBe('aws');
    expect(parseConsoleEnv({ CONSOLE_BACKEND: 'embedded', AWS_ENDPOINT_URL: 'http://127.0.0.1:5055' }).backend).toBe(
      'embedded',
    );
  });

  it('treats empty values as unset and takes AWS_DEFAULT_REGION when AWS_REGION is missing', () => {
    const env = parseConsoleEnv({ CONSOLE_BACKEND: '', EMULATOR_PORT: ' ', AWS_DEFAULT_REGION: 'ap-south-1' });
    expect([env.backend, env.emulatorUrl, env.awsRegion]).toEqual(['embedded', 'http://127.0.0.1:4510', 'ap-south-1']);
  });

  it('takes the embedded root key from the environment only as a pair', () => {
    expect(
      parseConsoleEnv({ EMULATOR_ACCESS_KEY_ID: 'AKIAEXAMPLE', EMULATOR_SECRET_ACCESS_KEY: 'secret' }).emulatorCredentials,
    ).toEqual({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' });
    expect(problemsOf({ EMULATOR_ACCESS_KEY_ID: 'AKIAEXAMPLE' })).toEqual([
      'EMULATOR_ACCESS_KEY_ID and EMULATOR_SECRET_ACCESS_KEY must be set together (or neither)',
    ]);
  });

  it('names every bad variable in its message', () => {
    expect(
      problemsOf({ CONSOLE_BACKEND: 'localstack', EMULATOR_PORT: '70000', AWS_REGION: 'Ohio', AWS_ENDPOINT_URL: 'localhost' }),
    ).toEqual([
      'CONSOLE_BACKEND must be "embedded" or "aws"',
      'EMULATOR_PORT must be between 1 and 65535',
      'AWS_REGION must be a region code such as us-east-1',
      'AWS_ENDPOINT_URL must be an http:// or https:// URL',
    ]);
  });
});
