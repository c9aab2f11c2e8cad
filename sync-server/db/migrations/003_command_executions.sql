-- Outbox commands (DESIGN §9, sync-server/commands/). The `commands` documents are what clients
-- see; this table is the server's record that an idempotency key was taken and how its one
-- execution went. The primary key is what makes execution exactly-once: whichever process inserts
-- the key first owns it, every other command document carrying the same key gets that result.
CREATE TABLE command_executions (
  idempotency_key text PRIMARY KEY,
  -- The first command document that carried the key (the one executed).
  command_id text NOT NULL,
  kind text NOT NULL,
  created_by text NOT NULL,
  -- pending: waiting for its (next) attempt; running: a process holds it until lease_until;
  -- done / failed: final, result or error copied to every command document with this key.
  state text NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- Fencing: a finish is written only by the claim that still holds the execution.
  claim_id text,
  -- The process holding it (commands/process-id.ts); on the embedded database, whose data
  -- directory one process holds at a time, an execution held by another process is orphaned.
  claimed_by text,
  lease_until timestamptz,
  result jsonb,
  -- The last failure ({code, message}); final when state is failed.
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- The runner's queue: executions due for an attempt, and running ones whose lease may have lapsed.
CREATE INDEX command_executions_due ON command_executions (next_attempt_at) WHERE state = 'pending';
CREATE INDEX command_executions_leases ON command_executions (lease_until) WHERE state = 'running';

-- Command documents not taken yet, so the runner finds new work without scanning every command.
CREATE INDEX docs_commands_queued ON docs (seq) WHERE collection = 'commands' AND deleted = false AND doc->>'status' = 'queued';
-- Every command document carrying a key, to settle duplicates with the one result.
CREATE INDEX docs_commands_key ON docs ((doc->>'idempotencyKey')) WHERE collection = 'commands';

-- Payment links handed out by a payment provider (payments/). The sandbox provider's reference is
-- the unguessable token of its page (`/pay/<token>`); tokens live only here, never in a client
-- collection (DESIGN §9). One link per payment request: creating it again returns the same one.
CREATE TABLE payment_links (
  provider_ref text PRIMARY KEY,
  payment_id text NOT NULL UNIQUE,
  provider text NOT NULL,
  link text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
