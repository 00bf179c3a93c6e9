/** The names the tutorial uses; the browser-test run suffixes them so it cannot collide with other specs' data. */
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

/** The tutorial's names with `-<suffix>`; a lowercase alphanumeric suffix keeps them valid bucket and IAM names. */
export function suffixedNames(suffix: string): TutorialNames {
  if (!/^[a-z0-9]{1,8}$/.test(suffix)) throw new Error(`suffix must be 1-8 lowercase letters or digits, got "${suffix}"`);
  return {
    ...TUTORIAL_NAMES,
    source: `${TUTORIAL_NAMES.source}-${suffix}`,
    destination: `${TUTORIAL_NAMES.destination}-${suffix}`,
    group: `${TUTORIAL_NAMES.group}-${suffix}`,
    user: `${TUTORIAL_NAMES.user}-${suffix}`,
  };
}
