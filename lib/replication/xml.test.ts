import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplicationConfiguration } from '@/lib/replication/schema';
import { MALFORMED_XML_MESSAGE, parseReplicationXml, replicationConfigToXml } from '@/lib/replication/xml';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const ROLE = 'arn:aws:iam::111122223333:role/r';
const wrap = (rule: string) =>
  `<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Role>${ROLE}</Role>${rule}</ReplicationConfiguration>`;
const dst = '<Destination><Bucket>arn:aws:s3:::dst</Bucket></Destination>';

describe('parseReplicationXml: accepted documents', () => {
  const cases: { name: string; xml: string; expected: ReplicationConfiguration }[] = [
    {
      name: 'V1 minimal rule with empty rule-level Prefix',
      xml: fixture('v1-minimal.xml'),
      expected: { Role: ROLE, Rules: [{ Status: 'Enabled', Prefix: '', Destination: { Bucket: 'arn:aws:s3:::dst' } }] },
    },
    {
      name: 'empty <Filter/> stays an empty object',
      xml: fixture('empty-filter.xml'),
      expected: {
        Role: ROLE,
        Rules: [
          {
            ID: 'all',
            Priority: 0,
            Filter: {},
            Status: 'Enabled',
            Destination: { Bucket: 'arn:aws:s3:::dst' },
            DeleteMarkerReplication: { Status: 'Disabled' },
          },
        ],
      },
    },
    {
      name: '<Filter><Prefix></Prefix></Filter> keeps the empty prefix',
      xml: fixture('empty-prefix-filter.xml'),
      expected: {
        Role: ROLE,
        Rules: [
          {
            ID: 'all',
            Priority: 0,
            Filter: { Prefix: '' },
            Status: 'Enabled',
            Destination: { Bucket: 'arn:aws:s3:::dst' },
            DeleteMarkerReplication: { Status: 'Disabled' },
          },
        ],
      },
    },
    {
      name: 'entities, char refs and CDATA decoded; string whitespace kept; integer whitespace collapsed',
      xml: fixture('escaped-prefix.xml'),
      expected: {
        Role: ROLE,
        Rules: [
          {
            ID: 'a & b',
            Priority: 7,
            Filter: { Prefix: '  odd\r<key> A<raw>' },
            Status: 'Enabled',
            Destination: { Bucket: 'arn:aws:s3:::dst' },
            DeleteMarkerReplication: { Status: 'Disabled' },
          },
        ],
      },
    },
    {
      name: 'single <Tag> inside <And> is still a list; members in any order',
      xml: wrap(
        `<Rule><Status>Enabled</Status>${dst}<Filter><And><Tag><Key>k</Key><Value></Value></Tag></And></Filter><Priority>3</Priority><DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>`,
      ),
      expected: {
        Role: ROLE,
        Rules: [
          {
            Status: 'Enabled',
            Destination: { Bucket: 'arn:aws:s3:::dst' },
            Filter: { And: { Tags: [{ Key: 'k', Value: '' }] } },
            Priority: 3,
            DeleteMarkerReplication: { Status: 'Disabled' },
          },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ xml, expected }) => {
    const result = parseReplicationXml(xml);
    expect(result).toEqual({ ok: true, config: expected });
  });

  it('parses the full V2 example with two rules and two tags', () => {
    const result = parseReplicationXml(fixture('v2-full.xml'));
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.config.Rules).toHaveLength(2);
    expect(result.config.Rules[0].Filter?.And?.Tags).toEqual([
      { Key: 'k', Value: 'v' },
      { Key: 'k2', Value: ' spaced ' },
    ]);
    expect(result.config.Rules[0].Destination).toEqual({
      Bucket: 'arn:aws:s3:::dst',
      Account: '444455556666',
      StorageClass: 'STANDARD_IA',
      AccessControlTranslation: { Owner: 'Destination' },
      EncryptionConfiguration: { ReplicaKmsKeyID: 'arn:aws:kms:us-west-2:444455556666:key/abc' },
      ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
      Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
    });
    expect(result.config.Rules[1]).toEqual({
      ID: 'logs',
      Priority: 2,
      Filter: { Prefix: 'logs/' },
      Status: 'Disabled',
      Destination: { Bucket: 'arn:aws:s3:::other' },
      DeleteMarkerReplication: { Status: 'Enabled' },
    });
  });
});

describe('parseReplicationXml: MalformedXML', () => {
  const cases: { name: string; xml: string; detail: RegExp }[] = [
    { name: 'not XML', xml: 'hello', detail: /root|expected/i },
    { name: 'unclosed element', xml: wrap(`<Rule><Status>Enabled</Status>${dst}`), detail: /./ },
    { name: 'empty body', xml: '', detail: /./ },
    { name: 'DTD with entities (entity processing off)', xml: fixture('doctype-entity.xml'), detail: /DTD/ },
    { name: 'undefined entity', xml: wrap(`<Rule><ID>&nbsp;</ID><Status>Enabled</Status>${dst}</Rule>`), detail: /entity/ },
    { name: 'wrong root', xml: '<LifecycleConfiguration/>', detail: /root/ },
    { name: 'zero rules', xml: wrap(''), detail: /Rule/ },
    { name: 'missing Role', xml: `<ReplicationConfiguration><Rule><Status>Enabled</Status>${dst}</Rule></ReplicationConfiguration>`, detail: /Role/ },
    { name: 'missing Status', xml: wrap(`<Rule>${dst}</Rule>`), detail: /Status/ },
    { name: 'missing Destination', xml: wrap('<Rule><Status>Enabled</Status></Rule>'), detail: /Destination/ },
    { name: 'missing Destination/Bucket', xml: wrap('<Rule><Status>Enabled</Status><Destination/></Rule>'), detail: /Bucket/ },
    { name: 'lower-case status', xml: wrap(`<Rule><Status>enabled</Status>${dst}</Rule>`), detail: /Status/ },
    { name: 'status with whitespace', xml: wrap(`<Rule><Status> Enabled</Status>${dst}</Rule>`), detail: /Status/ },
    { name: 'unknown storage class', xml: wrap('<Rule><Status>Enabled</Status><Destination><Bucket>b</Bucket><StorageClass>standard</StorageClass></Destination></Rule>'), detail: /StorageClass/ },
    { name: 'unknown element', xml: wrap(`<Rule><Status>Enabled</Status><Colour>red</Colour>${dst}</Rule>`), detail: /unknown element/ },
    { name: 'Not filter (not supported here)', xml: wrap(`<Rule><Filter><Not><Prefix>a</Prefix></Not></Filter><Status>Enabled</Status>${dst}</Rule>`), detail: /unknown element/ },
    { name: 'duplicate single element', xml: wrap(`<Rule><Status>Enabled</Status><Status>Enabled</Status>${dst}</Rule>`), detail: /duplicate/ },
    { name: 'two Tag elements directly in Filter', xml: wrap(`<Rule><Filter><Tag><Key>a</Key><Value>b</Value></Tag><Tag><Key>c</Key><Value>d</Value></Tag></Filter><Status>Enabled</Status>${dst}</Rule>`), detail: /duplicate/ },
    { name: 'Tag without Value', xml: wrap(`<Rule><Filter><Tag><Key>a</Key></Tag></Filter><Status>Enabled</Status>${dst}</Rule>`), detail: /Value/ },
    { name: 'non-integer Priority', xml: wrap(`<Rule><Priority>1.5</Priority><Status>Enabled</Status>${dst}</Rule>`), detail: /integer/ },
    { name: 'Priority out of int range', xml: wrap(`<Rule><Priority>99999999999</Priority><Status>Enabled</Status>${dst}</Rule>`), detail: /integer|range/ },
    { name: 'text mixed into a structure', xml: wrap(`<Rule>oops<Status>Enabled</Status>${dst}</Rule>`), detail: /text/ },
    { name: 'element inside a string', xml: wrap(`<Rule><ID><b>x</b></ID><Status>Enabled</Status>${dst}</Rule>`), detail: /must not contain elements/ },
    { name: 'AccessControlTranslation owner other than Destination', xml: wrap('<Rule><Status>Enabled</Status><Destination><Bucket>b</Bucket><AccessControlTranslation><Owner>Source</Owner></AccessControlTranslation></Destination></Rule>'), detail: /Owner/ },
    { name: 'ExistingObjectReplication', xml: fixture('existing-object-replication.xml'), detail: /ExistingObjectReplication/ },
    { name: 'two root elements', xml: `${wrap(`<Rule><Status>Enabled</Status>${dst}</Rule>`)}<x/>`, detail: /root/ },
  ];
  it.each(cases)('$name', ({ xml, detail }) => {
    const result = parseReplicationXml(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('MalformedXML');
    expect(result.error.message).toBe(MALFORMED_XML_MESSAGE);
    expect(result.error.detail).toMatch(detail);
  });
});

describe('replicationConfigToXml: exact round trip', () => {
  const fixtures = ['v2-full.xml', 'v1-minimal.xml', 'empty-filter.xml', 'empty-prefix-filter.xml', 'escaped-prefix.xml'];
  it.each(fixtures)('%s: parse(serialise(parse(x))) equals parse(x)', (name) => {
    const first = parseReplicationXml(fixture(name));
    if (!first.ok) throw new Error(first.error.detail);
    const xml = replicationConfigToXml(first.config);
    expect(parseReplicationXml(xml)).toEqual(first);
    expect(replicationConfigToXml(first.config)).toBe(xml);
  });

  it('writes members in API-model order with the S3 namespace', () => {
    const config: ReplicationConfiguration = {
      Role: ROLE,
      Rules: [
        {
          DeleteMarkerReplication: { Status: 'Disabled' },
          Destination: { Metrics: { Status: 'Enabled' }, Bucket: 'arn:aws:s3:::d' },
          Status: 'Enabled',
          Filter: {},
          Priority: 1,
          ID: 'x<y',
        },
      ],
    };
    expect(replicationConfigToXml(config)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        `<Role>${ROLE}</Role><Rule><ID>x&lt;y</ID><Priority>1</Priority><Filter></Filter><Status>Enabled</Status>` +
        '<Destination><Bucket>arn:aws:s3:::d</Bucket><Metrics><Status>Enabled</Status></Metrics></Destination>' +
        '<DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule></ReplicationConfiguration>',
    );
  });

  it('keeps a carriage return in a prefix through serialise → parse', () => {
    const config: ReplicationConfiguration = {
      Role: ROLE,
      Rules: [{ Prefix: 'a\r\nb\t', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::d' } }],
    };
    expect(parseReplicationXml(replicationConfigToXml(config))).toEqual({ ok: true, config });
  });
});
