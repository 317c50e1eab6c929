using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CorpusTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The bigram tsvector gives way to segmented words. Existing passages keep terms NULL here:
            // the segmenter is .NET code, so the backfill runs at start-up (CorpusStore.SegmentAsync,
            // called by CorpusInitializer), which then counts corpus_terms.
            migrationBuilder.DropIndex(
                name: "ix_corpus_passages_tsv",
                table: "corpus_passages");

            migrationBuilder.DropColumn(
                name: "tsv",
                table: "corpus_passages");

            migrationBuilder.DropColumn(
                name: "lexemes",
                table: "corpus_passages");

            migrationBuilder.AddColumn<string[]>(
                name: "terms",
                table: "corpus_passages",
                type: "text[]",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "corpus_terms",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false),
                    passages = table.Column<long>(type: "bigint", nullable: false),
                    occurrences = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("corpus_terms_pkey", x => x.term);
                });

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_terms",
                table: "corpus_passages",
                column: "terms")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "corpus_terms");

            migrationBuilder.DropIndex(
                name: "ix_corpus_passages_terms",
                table: "corpus_passages");

            migrationBuilder.DropColumn(
                name: "terms",
                table: "corpus_passages");

            migrationBuilder.AddColumn<string>(
                name: "lexemes",
                table: "corpus_passages",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "tsv",
                table: "corpus_passages",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, lexemes)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_tsv",
                table: "corpus_passages",
                column: "tsv")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
