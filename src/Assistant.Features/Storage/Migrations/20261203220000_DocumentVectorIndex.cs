using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DocumentVectorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_document_embedding",
                table: "corpus_passages",
                column: "document_id")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "kind", "embedding" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_corpus_passages_document_embedding",
                table: "corpus_passages");
        }
    }
}
