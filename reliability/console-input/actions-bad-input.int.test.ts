import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateGroupCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type EmulatorHandle } from '@/emulator/index';
import { s3ClientFor } from '@/emulator/test/harness';
import type { ActionResult } from '@/lib/actions/result';
import { replicationTrustPolicy } from '@/lib/replication/policy';
import { endpointState } from './endpoint-state';

vi.mock('server-only', () => ({}));

type AnyAction = (input: never) => Promise<ActionResult<unknown>>;

/** Inputs no form should ever send: nothing, the wrong types, hostile strings, oversized values. */
const HOSTILE = 'x'.repeat(5000);
const BAD_INPUTS: unknown[] = [
  {},
  null,
  'just a string',
  { bucket: '', name: '', key: '', region: 'mars-1', userName: '', roleName: '', groupName: '' },
  { bucket: '../../etc', name: 'UPPER..case', key: '', versionId: 7, userName: 'bad name/<>', roleName: HOSTILE, groupName: ['x'], tags: 'nope' },
  { bucket: 42, source: 42, ruleId: {}, jobId: 'not-a-uuid', kind: 'everything', change: { kind: 'explode' } },
];

const dataDir = await mkdtemp(path.join(tmpdir(), 's3rc-action-input-'));
let emulator: EmulatorHandle;
let s3: S3Client;
let iam: IAMClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  vi.stubEnv('CONSOLE_BACKEND', 'embedded');
  vi.stubEnv('EMULATOR_URL', emulator.url);
  vi.stubEnv('EMULATOR_DATA_DIR', dataDir);
  vi.stubEnv('CONSOLE_PASSWORD', '');
  s3 = s3ClientFor(emulator);
  iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.credentials });
  await s3.send(new CreateBucketCommand({ Bucket: 'existing-bucket' }));
  await s3.send(new PutObjectCommand({ Bucket: 'existing-bucket', Key: 'kept.txt', Body: 'kept' }));
  await iam.send(new CreateUserCommand({ UserName: 'existing-user' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'existing-group' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'existing-role', AssumeRolePolicyDocument: JSON.stringify(replicationTrustPolicy()) }));
});

afterAll(async () => {
  s3.destroy();
  iam.destroy();
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

/** Each action module's exported actions, loaded after the environment points at the endpoint. */
const MODULES: [string, () => Promise<Record<string, unknown>>][] = [
  ['app/buckets/actions', () => import('@/app/buckets/actions')],
  ['app/buckets/[bucket]/objects/actions', () => import('@/app/buckets/[bucket]/objects/actions')],
  ['app/buckets/[bucket]/properties/actions', () => import('@/app/buckets/[bucket]/properties/actions')],
  ['app/buckets/[bucket]/versions/actions', () => import('@/app/buckets/[bucket]/versions/actions')],
  ['app/buckets/[bucket]/management/actions', () => import('@/app/buckets/[bucket]/management/actions')],
  ['app/replication/actions', () => import('@/app/replication/actions')],
  ['app/iam/users/actions', () => import('@/app/iam/users/actions')],
  ['app/iam/roles/actions', () => import('@/app/iam/roles/actions')],
  ['app/iam/groups/actions', () => import('@/app/iam/groups/actions')],
  ['app/compare/actions', () => import('@/app/compare/actions')],
];

describe('near-valid input gets a message on the field at fault', () => {
  it('names the field', async () => {
    const buckets = await import('@/app/buckets/actions');
    const users = await import('@/app/iam/users/actions');
    const before = await endpointState(s3, iam);
    const cases: [Promise<ActionResult<unknown>>, string][] = [
      [buckets.createBucketAction({ name: 'Bad_Name', region: 'us-east-1', versioning: false }), 'name'],
      [buckets.createBucketAction({ name: 'fine-name', region: 'mars-north-1', versioning: false }), 'region'],
      [buckets.deleteBucketAction({ name: 'existing-bucket', confirmation: 'existing-bucke' }), 'confirmation'],
      [users.addUserToGroupAction({ userName: 'existing-user', groupName: 'bad group!' }), 'groupName'],
    ];
    for (const [pending, field] of cases) {
      const result = await pending;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {}), JSON.stringify(result.error)).toContain(field);
    }
    expect(await endpointState(s3, iam)).toEqual(before);
  });
});

describe.each(MODULES)('%s: bad input is refused with field messages and changes nothing', (_name, load) => {
  it('refuses every hostile input to every action', async () => {
    const actions = Object.entries(await load()).filter((entry): entry is [string, AnyAction] => typeof entry[1] === 'function');
    expect(actions.length).toBeGreaterThan(0);
    const before = await endpointState(s3, iam);
    for (const [actionName, run] of actions) {
      for (const input of BAD_INPUTS) {
        const result = await run(input as never);
        const where = `${actionName}(${JSON.stringify(input)?.slice(0, 120)})`;
        expect(result.ok, where).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, where).not.toBe('InternalError');
        expect(Object.keys(result.error.fieldErrors ?? {}).length, `${where}: ${JSON.stringify(result.error)}`).toBeGreaterThan(0);
        for (const messages of Object.values(result.error.fieldErrors ?? {})) {
          expect(messages.every((m) => typeof m === 'string' && m.length > 0), where).toBe(true);
        }
        expect(JSON.stringify(result.error), where).not.toContain(emulator.credentials.secretAccessKey);
      }
    }
    expect(await endpointState(s3, iam)).toEqual(before);
  });
});
