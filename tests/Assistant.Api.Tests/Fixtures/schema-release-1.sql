-- The schema as the first release (hand-written migrations, up to 2026-12-02) created it, with
-- the EF migrations history it wrote. Kept as a fixture for the forward-migration test; never run by the product.
CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE corpus_documents (
    id uuid PRIMARY KEY,
    content_hash text NOT NULL,
    file_name text NOT NULL,
    title text NOT NULL,
    region text,
    year integer,
    fund text,
    source text NOT NULL,
    sections jsonb NOT NULL,
    statements jsonb NOT NULL,
    char_count integer NOT NULL,
    passage_count integer NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_corpus_documents_content_hash ON corpus_documents (content_hash);

CREATE TABLE corpus_passages (
    id bigserial PRIMARY KEY,
    document_id uuid NOT NULL REFERENCES corpus_documents (id) ON DELETE CASCADE,
    ordinal integer NOT NULL,
    kind text NOT NULL,
    section_path text NOT NULL,
    indicator text,
    fund text,
    region text,
    year integer,
    text text NOT NULL,
    text_hash text NOT NULL,
    lexemes text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', lexemes)) STORED,
    embedding vector(384),
    embedder text,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX ix_corpus_passages_embedding ON corpus_passages USING hnsw (embedding vector_cosine_ops);
CREATE INDEX ix_corpus_passages_tsv ON corpus_passages USING gin (tsv);
CREATE INDEX ix_corpus_passages_kind ON corpus_passages (kind);
CREATE INDEX ix_corpus_passages_embedder ON corpus_passages (embedder);
CREATE TABLE corpus_settings (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE api_keys (
    id uuid PRIMARY KEY,
    prefix text NOT NULL,
    hash bytea NOT NULL,
    role text NOT NULL CHECK (role IN ('drafter', 'reviewer', 'admin')),
    unit text NOT NULL,
    name text,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE UNIQUE INDEX ix_api_keys_prefix ON api_keys (prefix);

CREATE TABLE evaluations (
    id uuid PRIMARY KEY,
    unit text NOT NULL,
    title text NOT NULL,
    year integer,
    kind text NOT NULL,
    policy text NOT NULL,
    body jsonb NOT NULL,
    total numeric,
    grade text,
    created_by uuid,
    idempotency_key text,
    request_hash text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_evaluations_unit ON evaluations (unit, created_at DESC);
CREATE UNIQUE INDEX ix_evaluations_idempotency ON evaluations (unit, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE drafts (
    id uuid PRIMARY KEY,
    evaluation_id uuid NOT NULL REFERENCES evaluations (id),
    unit text NOT NULL,
    section text NOT NULL,
    version integer NOT NULL,
    status text NOT NULL,
    body jsonb NOT NULL,
    provider text NOT NULL,
    model text NOT NULL,
    prompt text NOT NULL,
    created_by uuid,
    idempotency_key text,
    request_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (evaluation_id, section, version)
);
CREATE INDEX ix_drafts_evaluation ON drafts (evaluation_id, created_at DESC);
CREATE UNIQUE INDEX ix_drafts_idempotency ON drafts (unit, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE FUNCTION drafts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'drafts are versioned and never overwritten';
END $$;
CREATE TRIGGER drafts_no_update BEFORE UPDATE ON drafts FOR EACH ROW EXECUTE FUNCTION drafts_immutable();

CREATE TABLE conversations (
    id uuid PRIMARY KEY,
    unit text NOT NULL,
    evaluation_id uuid NOT NULL REFERENCES evaluations (id),
    title text NOT NULL,
    created_by uuid,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_conversations_unit ON conversations (unit, created_at DESC);

CREATE TABLE conversation_messages (
    id uuid PRIMARY KEY,
    conversation_id uuid NOT NULL REFERENCES conversations (id),
    seq integer NOT NULL,
    role text NOT NULL CHECK (role IN ('user', 'assistant')),
    content text NOT NULL,
    payload jsonb NOT NULL,
    created_by uuid,
    created_at timestamptz NOT NULL,
    UNIQUE (conversation_id, seq)
);

CREATE FUNCTION conversation_messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'conversation messages are never rewritten';
END $$;
CREATE TRIGGER conversation_messages_no_update BEFORE UPDATE ON conversation_messages FOR EACH ROW EXECUTE FUNCTION conversation_messages_immutable();

INSERT INTO "__EFMigrationsHistory" VALUES ('20261121000001_Corpus', '10.0.14'), ('20261121000002_Drafting', '10.0.14'), ('20261121000003_Conversations', '10.0.14');
