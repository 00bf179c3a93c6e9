/** Commands shown on the Connect page, built in one place so the page and its tests agree. */
export function endpointFlag(endpointUrl: string): string {
  return `--endpoint-url ${endpointUrl}`;
}

export function tutorialCommands(endpointUrl: string): { id: string; title: string; command: string }[] {
  const flag = endpointFlag(endpointUrl);
  return [
    { id: 'ls', title: 'List the buckets', command: `aws s3 ls ${flag}` },
    {
      id: 'cp',
      title: 'Copy the objects that existed before the replication rule',
      command: `aws s3 cp --recursive s3://jtpbucket s3://jtp1bucket ${flag}`,
    },
  ];
}

export function configureSetCommands(values: { accessKeyId: string; secretAccessKey: string; region: string }): string {
  return [
    `aws configure set aws_access_key_id ${values.accessKeyId}`,
    `aws configure set aws_secret_access_key ${values.secretAccessKey}`,
    `aws configure set region ${values.region}`,
    'aws configure set output json',
  ].join('\n');
}

export const AWS_BACKEND_START_COMMAND = 'CONSOLE_BACKEND=aws AWS_PROFILE=your-profile AWS_REGION=us-east-1 npm start';
