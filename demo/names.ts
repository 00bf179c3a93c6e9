/** The names the tutorial uses; the browser-test run uses names of its own so it cannot collide with other specs' data. */
export type TutorialNames = {
  source: string;
  destination: string;
  ruleId: string;
  group: string;
  user: string;
  /** The file uploaded after the rule exists, to watch it replicate. */
  laterFile: string;
};

export const TUTORIAL_NAMES: TutorialNames = {
  source: 'jtpbucket',
  destination: 'jtp1bucket',
  ruleId: 'S3CRR',
  group: 'javatpoint',
  user: 'jtp-cli-user',
  laterFile: 'added-after-the-rule.txt',
};

/**
 * Names for the browser-test run, which shares its endpoint with the other specs. They contain none of the tutorial's
 * names: other specs find "javatpoint" or "jtpbucket" by substring (Playwright's default), and must not find ours. A
 * lowercase alphanumeric suffix keeps them valid bucket and IAM names.
 */
export function isolatedNames(suffix: string): TutorialNames {
  if (!/^[a-z0-9]{1,8}$/.test(suffix)) throw new Error(`suffix must be 1-8 lowercase letters or digits, got "${suffix}"`);
  return {
    ...TUTORIAL_NAMES,
    source: `demo-src-${suffix}`,
    destination: `demo-dst-${suffix}`,
    group: `demo-admins-${suffix}`,
    user: `demo-cli-user-${suffix}`,
  };
}
