using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Assistant.Features.Storage.Migrations
{
    /// <summary>
    /// A graph per year (issue 21, session 36; <c>Corpus/YearGraphs.cs</c>): a partial HNSW index <c>WHERE year = Y</c>
    /// for each year the corpus's documents hold (1990–2100, the years a search may name), named
    /// <c>ix_corpus_passages_embedding_yearY</c>. Not part of the model: which exist depends on the data. Later years
    /// get theirs when first ingested (the report store, the bulk loader). At 1M passages each takes about five
    /// minutes to build on two cores (docs/scaling.md, 1M, session 36).
    /// </summary>
    public partial class YearVectorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                DECLARE y int;
                BEGIN
                  FOR y IN SELECT DISTINCT year FROM corpus_documents WHERE year BETWEEN 1990 AND 2100 ORDER BY 1 LOOP
                    EXECUTE format('CREATE INDEX IF NOT EXISTS ix_corpus_passages_embedding_year%s ON corpus_passages USING hnsw (embedding vector_cosine_ops) WHERE year = %s', y, y);
                  END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                DECLARE n text;
                BEGIN
                  FOR n IN SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'corpus_passages' AND indexname LIKE 'ix\_corpus\_passages\_embedding\_year%' LOOP
                    EXECUTE format('DROP INDEX IF EXISTS %I', n);
                  END LOOP;
                END $$;
                """);
        }
    }
}
