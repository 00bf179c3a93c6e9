import { describe, expect, it } from 'vitest';
import { terraformResourceName, toAwsCliCommand, toAwsCliJson, toCloudFormationYaml, toTerraform } from '@/lib/replication/export';
import type { ReplicationConfiguration } from '@/lib/replication/schema';

const full: ReplicationConfiguration = {
  Role: 'arn:aws:iam::111122223333:role/service-role/s3crr_role_for_src',
  Rules: [
    {
      DeleteMarkerReplication: { Status: 'Disabled' },
      Destination: {
        Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
        ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
        EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:us-west-2:444455556666:key/abc' },
        AccessControlTranslation: { Owner: 'Destination' },
        StorageClass: 'STANDARD_IA',
        Account: '444455556666',
        Bucket: 'arn:aws:s3:::dst',
      },
      SourceSelectionCriteria: { ReplicaModifications: { Status: 'Enabled' }, SseKmsEncryptedObjects: { Status: 'Enabled' } },
      Status: 'Enabled',
      Filter: { And: { Prefix: 'Tax/', Tags: [{ Key: 'k', Value: 'v' }, { Key: 'cost:centre', Value: '${x} "q"' }] } },
      Priority: 1,
      ID: 'to-dr',
    },
    {
      ID: 'all',
      Priority: 0,
      Filter: {},
      Status: 'Disabled',
      Destination: { Bucket: 'arn:aws:s3:::other' },
      DeleteMarkerReplication: { Status: 'Enabled' },
    },
  ],
};

const v1: ReplicationConfiguration = {
  Role: 'arn:aws:iam::1:role/r',
  Rules: [{ Prefix: 'logs/', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::d' } }],
};

describe('AWS CLI', () => {
  it('JSON in API-model member order', () => {
    expect(toAwsCliJson(v1)).toBe(`{
  "Role": "arn:aws:iam::1:role/r",
  "Rules": [
    {
      "Prefix": "logs/",
      "Status": "Enabled",
      "Destination": {
        "Bucket": "arn:aws:s3:::d"
      }
    }
  ]
}
`);
    const parsed = JSON.parse(toAwsCliJson(full)) as ReplicationConfiguration;
    expect(parsed).toEqual(full);
    expect(Object.keys(parsed.Rules[0])).toEqual(['ID', 'Priority', 'Filter', 'Status', 'SourceSelectionCriteria', 'Destination', 'DeleteMarkerReplication']);
    expect(Object.keys(parsed.Rules[0].Destination)).toEqual([
      'Bucket', 'Account', 'StorageClass', 'AccessControlTranslation', 'EncryptionConfiguration', 'ReplicationTime', 'Metrics',
    ]);
  });

  it('command lines, inline (shell-quoted) and with a file', () => {
    expect(toAwsCliCommand('src', v1, { file: 'replication.json' })).toBe(
      'aws s3api put-bucket-replication --bucket src --replication-configuration file://replication.json',
    );
    const quoted: ReplicationConfiguration = { ...v1, Rules: [{ ...v1.Rules[0], Prefix: "it's/" }] };
    expect(toAwsCliCommand('src', quoted)).toBe(
      `aws s3api put-bucket-replication --bucket src --replication-configuration '{"Role":"arn:aws:iam::1:role/r","Rules":[{"Prefix":"it'\\''s/","Status":"Enabled","Destination":{"Bucket":"arn:aws:s3:::d"}}]}'`,
    );
  });
});

describe('Terraform', () => {
  it('renders every block as terraform fmt lays it out (checked with terraform fmt -check)', () => {
    expect(toTerraform('src', full)).toBe(`resource "aws_s3_bucket_replication_configuration" "src" {
  role   = "arn:aws:iam::111122223333:role/service-role/s3crr_role_for_src"
  bucket = "src"

  rule {
    id       = "to-dr"
    priority = 1
    status   = "Enabled"

    filter {
      and {
        prefix = "Tax/"
        tags = {
          k             = "v"
          "cost:centre" = "$\${x} \\"q\\""
        }
      }
    }

    delete_marker_replication {
      status = "Disabled"
    }

    destination {
      bucket        = "arn:aws:s3:::dst"
      storage_class = "STANDARD_IA"
      account       = "444455556666"

      access_control_translation {
        owner = "Destination"
      }

      encryption_configuration {
        replica_kms_key_id = "arn:aws:kms:us-west-2:444455556666:key/abc"
      }

      replication_time {
        status = "Enabled"

        time {
          minutes = 15
        }
      }

      metrics {
        status = "Enabled"

        event_threshold {
          minutes = 15
        }
      }
    }

    source_selection_criteria {
      replica_modifications {
        status = "Enabled"
      }

      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
  }

  rule {
    id       = "all"
    priority = 0
    status   = "Disabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    destination {
      bucket = "arn:aws:s3:::other"
    }
  }
}
`);
  });

  it('V1 rule keeps the deprecated rule-level prefix; resource labels are identifiers', () => {
    expect(toTerraform('1.logs', v1)).toBe(`resource "aws_s3_bucket_replication_configuration" "bucket_1_logs" {
  role   = "arn:aws:iam::1:role/r"
  bucket = "1.logs"

  rule {
    prefix = "logs/"
    status = "Enabled"

    destination {
      bucket = "arn:aws:s3:::d"
    }
  }
}
`);
    expect(terraformResourceName('my-bucket.example')).toBe('my-bucket_example');
  });
});

describe('CloudFormation', () => {
  it('renders CloudFormation property names and quotes ambiguous scalars', () => {
    expect(toCloudFormationYaml(full)).toBe(`ReplicationConfiguration:
  Role: arn:aws:iam::111122223333:role/service-role/s3crr_role_for_src
  Rules:
    - Id: to-dr
      Priority: 1
      Status: Enabled
      Filter:
        And:
          Prefix: Tax/
          TagFilters:
            - Key: k
              Value: v
            - Key: cost:centre
              Value: "\${x} \\"q\\""
      Destination:
        Bucket: arn:aws:s3:::dst
        StorageClass: STANDARD_IA
        Account: "444455556666"
        AccessControlTranslation:
          Owner: Destination
        EncryptionConfiguration:
          ReplicaKmsKeyID: arn:aws:kms:us-west-2:444455556666:key/abc
        ReplicationTime:
          Status: Enabled
          Time:
            Minutes: 15
        Metrics:
          Status: Enabled
          EventThreshold:
            Minutes: 15
      DeleteMarkerReplication:
        Status: Disabled
      SourceSelectionCriteria:
        SseKmsEncryptedObjects:
          Status: Enabled
        ReplicaModifications:
          Status: Enabled
    - Id: all
      Priority: 0
      Status: Disabled
      Filter: {}
      Destination:
        Bucket: arn:aws:s3:::other
      DeleteMarkerReplication:
        Status: Enabled
`);
  });

  it('single tag and empty prefix filters', () => {
    const config: ReplicationConfiguration = {
      Role: 'r',
      Rules: [
        { ID: 'yes', Priority: 2, Filter: { Tag: { Key: 'env', Value: 'true' } }, Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::d' }, DeleteMarkerReplication: { Status: 'Disabled' } },
        { ID: '007', Priority: 1, Filter: { Prefix: '' }, Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::d' }, DeleteMarkerReplication: { Status: 'Disabled' } },
      ],
    };
    expect(toCloudFormationYaml(config)).toBe(`ReplicationConfiguration:
  Role: r
  Rules:
    - Id: "yes"
      Priority: 2
      Status: Enabled
      Filter:
        TagFilter:
          Key: env
          Value: "true"
      Destination:
        Bucket: arn:aws:s3:::d
      DeleteMarkerReplication:
        Status: Disabled
    - Id: "007"
      Priority: 1
      Status: Enabled
      Filter:
        Prefix: ""
      Destination:
        Bucket: arn:aws:s3:::d
      DeleteMarkerReplication:
        Status: Disabled
`);
  });
});
