import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('server-only', () => ({}));

const { action, FORM_ERROR_KEY } = await import('./action');
const { ActionError, unwrap } = await import('./client');

const bucketInput = z.object({
  name: z.string().min(3, 'Too short').regex(/^[a-z0-9.-]+$/, 'Lowercase only'),
  region: z.string().min(1, 'Pick a region'),
  rules: z.array(z.object({ priority: z.number().int('Whole number') })),
});

function awsError(name: string, message: string, fault: 'client' | 'server', status: number): Error {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

describe('action', () => {
  it('returns the data of a successful call with the parsed input', async () => {
    const createBucket = action(bucketInput, async (input) => ({ created: input.name }));
    await expect(createBucket({ name: 'jtpbucket', region: 'us-east-2', rules: [] })).resolves.toEqual({
      ok: true,
      data: { created: 'jtpbucket' },
    });
  });

  it('keeps every field error, nested paths included, and does not run fn', async () => {
    const fn = vi.fn(async () => 'never');
    const createBucket = action(bucketInput, fn);
    const result = await createBucket({ name: 'A', region: '', rules: [{ priority: 1.5 }] });
    expect(fn).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'InvalidInput',
        message: 'Some fields are not valid.',
        fieldErrors: {
          name: ['Too short', 'Lowercase only'],
          region: ['Pick a region'],
          'rules.0.priority': ['Whole number'],
        },
      },
    });
  });

  it('reports errors about the whole input under the form key', async () => {
    const pair = z
      .object({ source: z.string(), destination: z.string() })
      .refine((v) => v.source !== v.destination, 'Source and destination must differ');
    const result = await action(pair, async () => 1)({ source: 'a', destination: 'a' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fieldErrors).toEqual({ [FORM_ERROR_KEY]: ['Source and destination must differ'] });
  });

  it('turns an AWS SDK error into its name and message only', async () => {
    const error = awsError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded.', 'client', 409);
    const result = await action(bucketInput, async () => {
      throw error;
    })({ name: 'jtpbucket', region: 'us-east-1', rules: [] });
    expect(result).toEqual({
      ok: false,
      error: { code: 'BucketAlreadyOwnedByYou', message: 'Your previous request to create the named bucket succeeded.' },
    });
  });

  it('turns a refused connection into EndpointUnreachable', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4510'), { code: 'ECONNREFUSED' });
    const result = await action(z.object({}), async () => {
      throw refused;
    })({});
    expect(result.ok || result.error.code).toBe('EndpointUnreachable');
  });

  it('hides unknown errors behind InternalError and logs them on the server', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const secret = new Error('secret=wJalrXUtnFEMI at /srv/app/lib/x.ts:12');
    const result = await action(z.object({}), async () => {
      throw secret;
    })({});
    expect(result).toEqual({ ok: false, error: { code: 'InternalError', message: 'Something went wrong on the server.' } });
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI');
    expect(log).toHaveBeenCalledWith('Server action failed:', secret);
    log.mockRestore();
  });
});

describe('unwrap', () => {
  it('returns the data of a success', () => {
    expect(unwrap({ ok: true, data: 42 })).toBe(42);
  });

  it('throws an ActionError carrying code, message and field errors', () => {
    const failure = { code: 'InvalidInput', message: 'Some fields are not valid.', fieldErrors: { name: ['Too short'] } };
    try {
      unwrap({ ok: false, error: failure });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ActionError);
      const actionError = error as InstanceType<typeof ActionError>;
      expect([actionError.code, actionError.message, actionError.fieldErrors]).toEqual([
        'InvalidInput',
        'Some fields are not valid.',
        { name: ['Too short'] },
      ]);
    }
  });
});
