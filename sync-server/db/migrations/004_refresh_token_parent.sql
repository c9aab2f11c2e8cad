-- The token a refresh token was issued in exchange for (null for a sign-in's first token). Lets the
-- server recognise a retry after a lost refresh answer: the parent presented again, within a short
-- grace, while this successor was never used (auth/refresh-tokens.ts).
ALTER TABLE refresh_tokens ADD COLUMN parent_hash text;
CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_hash) WHERE parent_hash IS NOT NULL;
