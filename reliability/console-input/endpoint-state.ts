import {
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ListGroupsCommand, ListPoliciesCommand, ListRolesCommand, ListUsersCommand, type IAMClient } from '@aws-sdk/client-iam';
import { listAllVersions } from '../shared/list-versions';

const orNull = async <T>(promise: Promise<T>): Promise<T | string> => promise.catch((error: { name?: string }) => `error:${error.name}`);

/** Everything a console action could change, in a comparable form: buckets, their objects and settings, IAM. */
export async function endpointState(s3: S3Client, iam: IAMClient): Promise<unknown> {
  const buckets = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name as string).sort();
  const perBucket = await Promise.all(
    buckets.map(async (bucket) => ({
      bucket,
      versions: (await listAllVersions(s3, bucket)).map((v) => [v.key, v.versionId, v.isDeleteMarker, v.etag]),
      versioning: (await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status ?? null,
      tags: await orNull(s3.send(new GetBucketTaggingCommand({ Bucket: bucket })).then((t) => t.TagSet)),
      replication: await orNull(s3.send(new GetBucketReplicationCommand({ Bucket: bucket })).then((r) => r.ReplicationConfiguration)),
    })),
  );
  const users = (await iam.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName);
  const roles = (await iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName);
  const groups = (await iam.send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName);
  const policies = (await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies?.map((p) => p.PolicyName);
  return { perBucket, users, roles, groups, policies };
}
