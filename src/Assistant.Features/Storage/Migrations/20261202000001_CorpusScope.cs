using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <summary>
    /// Corpus documents get an owner: NULL for published reports (shared by every unit), or the unit that
    /// uploaded them (seen by that unit only). Passages carry the owner too, so search filters inside the
    /// vector and text indexes' scans. A document is unique per owner. Reports uploaded through the API
    /// before this migration cannot be attributed to a unit, so they are set aside as unassigned (seen by
    /// nobody) rather than left visible to all; reports ingested by the command line stay published.
    /// The id is the one the hand-written migration of the first release with scopes had, so databases
    /// that ran it are recognised.
    /// </summary>
    public partial class CorpusScope : Migration
    {
        /// <summary>The owner of uploads that predate scopes.</summary>
        public const string Unassigned = "(未归属 / unassigned)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_corpus_documents_content_hash",
                table: "corpus_documents");

            migrationBuilder.AddColumn<string>(
                name: "owner_unit",
                table: "corpus_passages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_unit",
                table: "corpus_documents",
                type: "text",
                nullable: true);

            migrationBuilder.Sql($"""
                UPDATE corpus_documents SET owner_unit = '{Unassigned}' WHERE source = 'upload';
                UPDATE corpus_passages p SET owner_unit = d.owner_unit FROM corpus_documents d WHERE d.id = p.document_id AND d.owner_unit IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_owner_unit",
                table: "corpus_passages",
                column: "owner_unit");

            migrationBuilder.CreateIndex(
                name: "ix_corpus_documents_content_hash",
                table: "corpus_documents",
                columns: new[] { "content_hash", "owner_unit" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_corpus_documents_owner_unit",
                table: "corpus_documents",
                column: "owner_unit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_corpus_passages_owner_unit",
                table: "corpus_passages");

            migrationBuilder.DropIndex(
                name: "ix_corpus_documents_content_hash",
                table: "corpus_documents");

            migrationBuilder.DropIndex(
                name: "ix_corpus_documents_owner_unit",
                table: "corpus_documents");

            migrationBuilder.DropColumn(
                name: "owner_unit",
                table: "corpus_passages");

            migrationBuilder.DropColumn(
                name: "owner_unit",
                table: "corpus_documents");

            migrationBuilder.CreateIndex(
                name: "ix_corpus_documents_content_hash",
                table: "corpus_documents",
                column: "content_hash",
                unique: true);
        }
    }
}
