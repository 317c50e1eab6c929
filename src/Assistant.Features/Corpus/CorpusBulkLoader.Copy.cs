using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>The binary <c>COPY</c> of a batch's documents and passages.</summary>
public sealed partial class CorpusBulkLoader
{
    private static async Task CopyDocumentsAsync(NpgsqlConnection connection, IEnumerable<CorpusDocument> documents, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY corpus_documents (id, content_hash, file_name, title, region, year, fund, source, sections, statements, char_count, passage_count, created_at, owner_unit) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var d in documents)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(d.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(d.ContentHash, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(d.FileName, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(d.Title, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, d.Region, cancellationToken);
            await WriteAsync(writer, d.Year, cancellationToken);
            await WriteAsync(writer, d.Fund, cancellationToken);
            await writer.WriteAsync(d.Source, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(d.Sections, NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(d.Statements, NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(d.CharCount, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(d.PassageCount, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteAsync(writer, d.OwnerUnit, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<long> CopyPassagesAsync(NpgsqlConnection connection, IEnumerable<CorpusPassage> passages, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY corpus_passages (document_id, ordinal, kind, section_path, indicator, fund, region, year, text, text_hash, terms, embedding, embedder, owner_unit) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var p in passages)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(p.DocumentId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(p.Ordinal, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(p.Kind, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.SectionPath, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(writer, p.Indicator, cancellationToken);
            await WriteAsync(writer, p.Fund, cancellationToken);
            await WriteAsync(writer, p.Region, cancellationToken);
            await WriteAsync(writer, p.Year, cancellationToken);
            await writer.WriteAsync(p.Text, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(p.TextHash, NpgsqlDbType.Text, cancellationToken);
            if (p.Terms is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(p.Terms, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            }

            await writer.WriteAsync(p.Embedding!, "vector", cancellationToken);
            await WriteAsync(writer, p.Embedder, cancellationToken);
            await WriteAsync(writer, p.OwnerUnit, cancellationToken);
        }

        return (long)await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value.Value, NpgsqlDbType.Integer, cancellationToken);
}
