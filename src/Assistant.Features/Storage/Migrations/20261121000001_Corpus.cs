using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;
using Pgvector;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Corpus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:vector", ",,");

            migrationBuilder.CreateTable(
                name: "corpus_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_hash = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    region = table.Column<string>(type: "text", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    fund = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    sections = table.Column<string>(type: "jsonb", nullable: false),
                    statements = table.Column<string>(type: "jsonb", nullable: false),
                    char_count = table.Column<int>(type: "integer", nullable: false),
                    passage_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("corpus_documents_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "corpus_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("corpus_settings_pkey", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "corpus_passages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    section_path = table.Column<string>(type: "text", nullable: false),
                    indicator = table.Column<string>(type: "text", nullable: true),
                    fund = table.Column<string>(type: "text", nullable: true),
                    region = table.Column<string>(type: "text", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    text_hash = table.Column<string>(type: "text", nullable: false),
                    lexemes = table.Column<string>(type: "text", nullable: false),
                    tsv = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple'::regconfig, lexemes)", stored: true),
                    embedding = table.Column<Vector>(type: "vector(384)", nullable: true),
                    embedder = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("corpus_passages_pkey", x => x.id);
                    table.UniqueConstraint("corpus_passages_document_id_ordinal_key", x => new { x.document_id, x.ordinal });
                    table.ForeignKey(
                        name: "corpus_passages_document_id_fkey",
                        column: x => x.document_id,
                        principalTable: "corpus_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_corpus_documents_content_hash",
                table: "corpus_documents",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_embedder",
                table: "corpus_passages",
                column: "embedder");

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_embedding",
                table: "corpus_passages",
                column: "embedding")
                .Annotation("Npgsql:IndexMethod", "hnsw")
                .Annotation("Npgsql:IndexOperators", new[] { "vector_cosine_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_kind",
                table: "corpus_passages",
                column: "kind");

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_tsv",
                table: "corpus_passages",
                column: "tsv")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "corpus_passages");

            migrationBuilder.DropTable(
                name: "corpus_settings");

            migrationBuilder.DropTable(
                name: "corpus_documents");
        }
    }
}
