-- IAM: users, groups, roles, managed policies (with versions), inline policies, attachments, access keys.
-- Ids are IAM's unique ids (AIDA…, AGPA…, AROA…, ANPA…); names are unique case-insensitively (name_key = lower(name)).
-- Times are epoch milliseconds. Policy documents are stored as the JSON text the caller sent.

CREATE TABLE iam_users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);

CREATE TABLE iam_groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE iam_roles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  arn TEXT NOT NULL,
  assume_role_policy TEXT NOT NULL,
  description TEXT,
  max_session_duration INTEGER NOT NULL DEFAULT 3600,
  tags TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);
CREATE INDEX iam_roles_arn ON iam_roles (arn);

-- scope 'AWS' rows are the AWS managed policies, seeded at start-up; 'Local' ones are the account's.
CREATE TABLE iam_policies (
  id TEXT PRIMARY KEY,
  arn TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  path TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('AWS', 'Local')),
  description TEXT,
  default_version TEXT NOT NULL,
  next_version INTEGER NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX iam_policies_local_name ON iam_policies (name_key) WHERE scope = 'Local';

CREATE TABLE iam_policy_versions (
  policy_id TEXT NOT NULL REFERENCES iam_policies(id) ON DELETE CASCADE,
  version_id TEXT NOT NULL,
  document TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (policy_id, version_id)
);

-- entity_type + entity_id name a user, group or role (one table for the three kinds; the store enforces existence).
CREATE TABLE iam_policy_attachments (
  entity_type TEXT NOT NULL CHECK (entity_type IN ('user', 'group', 'role')),
  entity_id TEXT NOT NULL,
  policy_id TEXT NOT NULL REFERENCES iam_policies(id),
  attached_at INTEGER NOT NULL,
  PRIMARY KEY (entity_type, entity_id, policy_id)
);
CREATE INDEX iam_policy_attachments_policy ON iam_policy_attachments (policy_id);

CREATE TABLE iam_inline_policies (
  entity_type TEXT NOT NULL CHECK (entity_type IN ('user', 'group', 'role')),
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (entity_type, entity_id, name)
);

CREATE TABLE iam_group_members (
  group_id TEXT NOT NULL REFERENCES iam_groups(id),
  user_id TEXT NOT NULL REFERENCES iam_users(id),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX iam_group_members_user ON iam_group_members (user_id);

-- NOTE: secrets are kept in clear text: the endpoint must sign-verify with them, and it is a local test endpoint.
CREATE TABLE iam_access_keys (
  access_key_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES iam_users(id),
  secret_access_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
  created_at INTEGER NOT NULL
);
CREATE INDEX iam_access_keys_user ON iam_access_keys (user_id);
