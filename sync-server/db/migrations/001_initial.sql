-- Documents of every collection in one table. One table (rather than one per collection) because
-- every collection has the same replication semantics: one set of SQL for push, pull, backup and
-- rules, and a new collection needs no migration. The rule columns (team, owner, dossier_id) are
-- copied out of the document on write so pulls can filter with indexes.
CREATE TABLE docs (
  collection text NOT NULL,
  id text NOT NULL,
  -- Server-assigned, per collection, strictly increasing in commit order (see sync/doc-store.ts).
  seq bigint NOT NULL,
  -- RxDB `_deleted`: deletes are tombstones, never removed rows.
  deleted boolean NOT NULL DEFAULT false,
  -- The RxDB document without `_deleted`, `_meta`, `_rev`, `_attachments`.
  doc jsonb NOT NULL,
  -- dossiers: their team. Rules filter agents' pulls on it.
  team text,
  -- dossiers: assigned agent; commands: their creator.
  owner text,
  -- quotes, messages, events, payments, documents, commands: the dossier they belong to.
  dossier_id text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);

-- Pull pages walk this index; uniqueness states the invariant that a sequence is given once.
CREATE UNIQUE INDEX docs_collection_seq ON docs (collection, seq);
-- Documents of a dossier (re-stamped when the dossier arrives or changes team).
CREATE INDEX docs_dossier ON docs (dossier_id, collection) WHERE dossier_id IS NOT NULL;

-- One row per collection; its row lock orders the writers of that collection (sync/doc-store.ts).
CREATE TABLE seq_counters (
  collection text PRIMARY KEY,
  last_seq bigint NOT NULL
);

-- Server-wide values: the database epoch (checkpoints from before a restore are refused), the
-- generated JWT secret when COMPTOIR_JWT_SECRET is not set.
CREATE TABLE server_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO server_meta (key, value) VALUES ('epoch', replace(gen_random_uuid()::text, '-', ''));

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  -- scrypt$N$r$p$salt$hash (auth/password.ts): parameters travel with the hash.
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
  team text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Rotating refresh tokens, stored as SHA-256 of the opaque token (a stolen table grants nothing).
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  family_id text NOT NULL,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  -- Set when exchanged for the next token; presenting it again means it leaked.
  rotated_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
