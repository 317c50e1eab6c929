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
