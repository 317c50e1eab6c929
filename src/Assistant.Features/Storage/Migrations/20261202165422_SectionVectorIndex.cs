using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SectionVectorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_corpus_passages_embedding_deviation_reason",
                table: "corpus_passages",
                column: "embedding",
                filter: "kind = 'deviation-reason'")
                .Annotation("Npgsql:IndexMethod", "hnsw")
                .Annotation("Npgsql:IndexOperators", new[] { "vector_cosine_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_corpus_passages_embedding_deviation_reason",
                table: "corpus_passages");
        }
    }
}
