using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Assistant.Features.Storage;

/// <summary>
/// Corpus documents get an owner: NULL for published reports (shared by every unit), or the unit that
/// uploaded them (seen by that unit only). Passages carry the owner too, so search filters inside the
/// vector and text indexes' scans. A document is unique per owner. Reports uploaded through the API
/// before this migration cannot be attributed to a unit, so they are set aside as unassigned (seen by
/// nobody) rather than left visible to all; reports ingested by the command line stay published.
/// </summary>
[DbContext(typeof(AssistantDb))]
[Migration("20261202000001_CorpusScope")]
public sealed class CorpusScopeMigration : Migration
{
    public const string Unassigned = "(未归属 / unassigned)";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE corpus_documents ADD COLUMN owner_unit text;
            ALTER TABLE corpus_passages ADD COLUMN owner_unit text;
            UPDATE corpus_documents SET owner_unit = '{Unassigned}' WHERE source = 'upload';
            UPDATE corpus_passages p SET owner_unit = d.owner_unit FROM corpus_documents d WHERE d.id = p.document_id AND d.owner_unit IS NOT NULL;
            DROP INDEX ix_corpus_documents_content_hash;
            CREATE UNIQUE INDEX ix_corpus_documents_content_hash ON corpus_documents (content_hash, coalesce(owner_unit, ''));
            CREATE INDEX ix_corpus_documents_owner_unit ON corpus_documents (owner_unit);
            CREATE INDEX ix_corpus_passages_owner_unit ON corpus_passages (owner_unit);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            DROP INDEX ix_corpus_passages_owner_unit;
            DROP INDEX ix_corpus_documents_owner_unit;
            DROP INDEX ix_corpus_documents_content_hash;
            ALTER TABLE corpus_passages DROP COLUMN owner_unit;
            ALTER TABLE corpus_documents DROP COLUMN owner_unit;
            CREATE UNIQUE INDEX ix_corpus_documents_content_hash ON corpus_documents (content_hash);
            """);
    }
}
