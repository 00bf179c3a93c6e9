import { RegionText } from '@/components/buckets/region-text';
import { CopyButton } from '@/components/ui/copy-button';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { destinationBucketPolicy } from '@/lib/replication/policy';
import { ruleDestinationBucketName } from '@/lib/replication/rule-shape';
import type { BucketReplicationView } from '@/lib/replication-console/views';

/** Source | Destination | Permissions, as the tutorial's console shows it after saving. */
export function ReplicationSummary({ view }: { view: BucketReplicationView }) {
  const configuration = view.configuration;
  if (!configuration) return null;
  return (
    <Table caption="Replication configuration">
      <THead>
        <Tr>
          <Th>Source</Th>
          <Th>Destination</Th>
          <Th>Permissions</Th>
        </Tr>
      </THead>
      <TBody>
        {view.destinations.map((destination, index) => {
          const otherAccount = configuration.Rules.find(
            (rule) => ruleDestinationBucketName(rule) === destination.name && rule.Destination.Account !== undefined,
          )?.Destination.Account;
          const policy = otherAccount
            ? JSON.stringify(
                destinationBucketPolicy({ roleArn: configuration.Role, destinationBucket: destination.name, configuration }),
                null,
                2,
              )
            : null;
          return (
            <Tr key={destination.name}>
              <Td>
                {index === 0 ? (
                  <>
                    <div>
                      Bucket <strong>{view.bucket}</strong>
                    </div>
                    <div>
                      Region <RegionText code={view.region} />
                    </div>
                  </>
                ) : null}
              </Td>
              <Td>
                <div>
                  Bucket <strong>{destination.name}</strong>
                  {otherAccount ? <> (account {otherAccount})</> : null}
                </div>
                <div>Region {destination.region ? <RegionText code={destination.region} /> : 'not visible from this account'}</div>
              </Td>
              <Td>
                {index === 0 ? (
                  <div className="break-all">
                    IAM role <span className="font-mono">{configuration.Role.replace(/^arn:aws[a-z-]*:iam::\d+:role\//, '')}</span>
                  </div>
                ) : null}
                {policy ? (
                  <div className="flex items-center gap-2">
                    Bucket policy for {destination.name} <CopyButton text={policy} label={`Copy the bucket policy for ${destination.name}`} />
                  </div>
                ) : null}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
