using Assistant.Domain.Corpus;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Assistant.Features.Storage;

/// <summary>The corpus: documents, passages with a pgvector embedding (HNSW, cosine) and a bigram tsvector.</summary>
[DbContext(typeof(AssistantDb))]
[Migration("20261121000001_Corpus")]
public sealed class CorpusMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS vector;");
        migrationBuilder.Sql("""
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
            """);
        migrationBuilder.Sql($"""
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
                embedding vector({HashingEmbedding.DefaultDimensions}),
                embedder text,
                UNIQUE (document_id, ordinal)
            );
            CREATE INDEX ix_corpus_passages_embedding ON corpus_passages USING hnsw (embedding vector_cosine_ops);
            CREATE INDEX ix_corpus_passages_tsv ON corpus_passages USING gin (tsv);
            CREATE INDEX ix_corpus_passages_kind ON corpus_passages (kind);
            CREATE INDEX ix_corpus_passages_embedder ON corpus_passages (embedder);
            CREATE TABLE corpus_settings (key text PRIMARY KEY, value text NOT NULL);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE corpus_settings; DROP TABLE corpus_passages; DROP TABLE corpus_documents;");
    }
}

/// <summary>
/// Evaluations and drafts per unit, API keys (hashed). A draft is never updated (a trigger refuses it):
/// every draft is a new version. A POST's Idempotency-Key is stored on the row it created.
/// </summary>
[DbContext(typeof(AssistantDb))]
[Migration("20261121000002_Drafting")]
public sealed class DraftingMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
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
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE drafts; DROP FUNCTION drafts_immutable(); DROP TABLE evaluations; DROP TABLE api_keys;");
    }
}

/// <summary>Conversations bound to an evaluation and a unit, with their messages (append-only).</summary>
[DbContext(typeof(AssistantDb))]
[Migration("20261121000003_Conversations")]
public sealed class ConversationsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
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
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE conversation_messages; DROP FUNCTION conversation_messages_immutable(); DROP TABLE conversations;");
    }
}

/// <summary>
/// Versions of the whole report per evaluation: each row holds all five parts as they stood after one
/// change (a draft of all parts or one, or an edit of one part), who made it and when. Rows are never
/// updated; the latest version is the report.
/// </summary>
[DbContext(typeof(AssistantDb))]
[Migration("20261202000001_ReportVersions")]
public sealed class ReportVersionsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE report_versions (
                id uuid PRIMARY KEY,
                evaluation_id uuid NOT NULL REFERENCES evaluations (id),
                unit text NOT NULL,
                version integer NOT NULL,
                change text NOT NULL CHECK (change IN ('drafted', 'edited')),
                part text,
                status text NOT NULL,
                body jsonb NOT NULL,
                created_by uuid,
                created_by_name text NOT NULL,
                created_at timestamptz NOT NULL,
                UNIQUE (evaluation_id, version)
            );
            CREATE INDEX ix_report_versions_unit ON report_versions (unit, evaluation_id, version DESC);

            CREATE FUNCTION report_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'report versions are never overwritten';
            END $$;
            CREATE TRIGGER report_versions_no_update BEFORE UPDATE ON report_versions FOR EACH ROW EXECUTE FUNCTION report_versions_immutable();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE report_versions; DROP FUNCTION report_versions_immutable();");
    }
}
