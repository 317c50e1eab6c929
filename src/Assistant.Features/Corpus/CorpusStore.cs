using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>
/// Stores parsed reports and their passages. Ingestion is idempotent (a document is identified by the
/// hash of its normalised text) and atomic (a document and all its passages, or nothing).
/// </summary>
public sealed class CorpusStore(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder, TimeProvider clock)
{
    private const int EmbedBatch = 128;

    /// <summary>Passages one document may have (a long report has a few hundred).</summary>
    public const int MaxPassages = 2000;
    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    public IEmbeddingGenerator<string, Embedding<float>> Embedder => embedder;

    /// <summary>
    /// Reads, parses and stores one file; failures are results, not exceptions. <paramref name="owner"/>
    /// is the unit the document belongs to (seen by that unit only), or null for a published report.
    /// </summary>
    public async Task<IngestResult> IngestAsync(string fileName, byte[] content, ReportHints? hints = null, string source = "upload", CancellationToken cancellationToken = default, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = DocumentText.Read(fileName, content, cancellationToken);
        }
        catch (InputException e)
        {
            var error = e.Errors[0];
            return IngestResult.Failure(fileName, $"{error.Zh} / {error.En}");
        }

        return await IngestTextAsync(fileName, text, hints, source, cancellationToken, owner);
    }

    public async Task<IngestResult> IngestTextAsync(string fileName, string text, ReportHints? hints = null, string source = "upload", CancellationToken cancellationToken = default, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        if (text.Length > DocumentText.MaxTextChars)
        {
            return IngestResult.Failure(fileName, $"文件文字过多（超过{DocumentText.MaxTextChars}字）。 / The file has too much text (over {DocumentText.MaxTextChars} characters).");
        }

        fileName = StorableText.Clean(fileName);
        text = StorableText.Clean(text);
        hints = hints is null ? null : new ReportHints(StorableText.CleanOrNull(hints.Title), StorableText.CleanOrNull(hints.Region), hints.Year, StorableText.CleanOrNull(hints.Fund));
        cancellationToken.ThrowIfCancellationRequested();
        var report = ReportParser.Parse(text, hints);
        if (report.Passages.Count == 0)
        {
            return IngestResult.Failure(fileName, "没有可检索的段落。 / No passages found in the text.");
        }

        if (report.Passages.Count > MaxPassages)
        {
            return IngestResult.Failure(fileName, $"报告切分出的段落过多（{report.Passages.Count}段，上限{MaxPassages}段），不像一份绩效自评报告。 / The report splits into too many passages ({report.Passages.Count}; at most {MaxPassages}) for a performance self-evaluation report.");
        }

        var hash = ContentHash(text);
        var existing = await FindByHashAsync(hash, owner, cancellationToken);
        if (existing is { } id)
        {
            return Result(fileName, IngestResult.Duplicate, id, report);
        }

        var vectors = await EmbedAsync(report.Passages.Select(EmbeddingText).ToList(), cancellationToken);
        var documentId = Guid.CreateVersion7(clock.GetUtcNow());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var insert = new NpgsqlCommand(
                """
                INSERT INTO corpus_documents (id, content_hash, file_name, title, region, year, fund, source, sections, statements, char_count, passage_count, created_at, owner_unit)
                VALUES (@id, @hash, @file, @title, @region, @year, @fund, @source, @sections, @statements, @chars, @passages, @created, @owner)
                """, connection, tx))
            {
                var m = report.Metadata;
                insert.Parameters.AddWithValue("id", documentId);
                insert.Parameters.AddWithValue("hash", hash);
                insert.Parameters.AddWithValue("file", fileName);
                insert.Parameters.AddWithValue("title", m.Title);
                insert.Parameters.AddWithValue("region", (object?)m.Region ?? DBNull.Value);
                insert.Parameters.AddWithValue("year", (object?)m.Year ?? DBNull.Value);
                insert.Parameters.AddWithValue("fund", (object?)m.Fund ?? DBNull.Value);
                insert.Parameters.AddWithValue("source", source);
                insert.Parameters.Add(new NpgsqlParameter("sections", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(report.Sections.Select(SectionView), Json) });
                insert.Parameters.Add(new NpgsqlParameter("statements", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(report.Statements.Select(StatementView), Json) });
                insert.Parameters.AddWithValue("chars", text.Length);
                insert.Parameters.AddWithValue("passages", report.Passages.Count);
                insert.Parameters.AddWithValue("created", clock.GetUtcNow());
                insert.Parameters.Add(new NpgsqlParameter("owner", NpgsqlDbType.Text) { Value = (object?)owner ?? DBNull.Value });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await InsertPassagesAsync(connection, tx, documentId, report, vectors, embedder.Identity(), owner, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same document arrived concurrently: the other request stored it.
            await tx.RollbackAsync(cancellationToken);
            var winner = await FindByHashAsync(hash, owner, cancellationToken);
            return Result(fileName, IngestResult.Duplicate, winner, report);
        }

        return Result(fileName, IngestResult.Ingested, documentId, report);
    }

    private static async Task InsertPassagesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid documentId, ParsedReport report, IReadOnlyList<float[]> vectors, string embedderId, string? owner, CancellationToken cancellationToken)
    {
        var m = report.Metadata;
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var p in report.Passages)
        {
            var cmd = new NpgsqlBatchCommand(
                """
                INSERT INTO corpus_passages (document_id, ordinal, kind, section_path, indicator, fund, region, year, text, text_hash, lexemes, embedding, embedder, owner_unit)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::real[]::vector, $13, $14)
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = documentId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = p.Ordinal });
            cmd.Parameters.Add(new NpgsqlParameter { Value = SectionKinds.Name(p.Kind) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = p.SectionPath });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)p.IndicatorName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)p.Fund ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)m.Region ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)m.Year ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            cmd.Parameters.Add(new NpgsqlParameter { Value = p.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = TextHash(p.Text) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = LexicalTokens.Document(p.SectionPath + " " + p.IndicatorName + " " + p.Text) });
            cmd.Parameters.Add(new NpgsqlParameter { Value = vectors[p.Ordinal], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            cmd.Parameters.Add(new NpgsqlParameter { Value = embedderId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(cmd);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What is embedded for a passage: its heading path and indicator give context to short text.</summary>
    internal static string EmbeddingText(Passage p) =>
        $"{LastHeading(p.SectionPath)} {p.IndicatorName} {p.Text}";

    private static string LastHeading(string path)
    {
        int at = path.LastIndexOf(" / ", StringComparison.Ordinal);
        return at < 0 ? path : path[(at + 3)..];
    }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        for (int i = 0; i < texts.Count; i += EmbedBatch)
        {
            var part = texts.Skip(i).Take(EmbedBatch).ToList();
            var generated = await embedder.GenerateAsync(part, null, cancellationToken);
            vectors.AddRange(generated.Select(e => e.Vector.ToArray()));
        }

        return vectors;
    }

    /// <summary>Refreshes the planner's statistics (and the lexical search's common-token list) after bulk ingestion.</summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("ANALYZE corpus_passages");
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The same text already stored where <paramref name="owner"/> can see it (published, or its own).</summary>
    private async Task<Guid?> FindByHashAsync(string hash, string? owner, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT id FROM corpus_documents WHERE content_hash = $1 AND (owner_unit IS NULL OR owner_unit = $2) ORDER BY owner_unit NULLS FIRST LIMIT 1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = hash });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await cmd.ExecuteScalarAsync(cancellationToken) is Guid g ? g : null;
    }

    public async Task<ReportView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT title, region, year, fund, file_name, source, created_at, sections::text, statements::text, owner_unit FROM corpus_documents WHERE id = $1 AND (owner_unit IS NULL OR owner_unit = $2)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)CorpusAudience.ViewerUnit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var title = reader.GetString(0);
        var region = reader.IsDBNull(1) ? null : reader.GetString(1);
        int? year = reader.IsDBNull(2) ? null : reader.GetInt32(2);
        var fund = reader.IsDBNull(3) ? null : reader.GetString(3);
        var file = reader.GetString(4);
        var source = reader.GetString(5);
        var created = reader.GetFieldValue<DateTimeOffset>(6);
        var sections = JsonSerializer.Deserialize<List<SectionView>>(reader.GetString(7), Json) ?? [];
        var statements = JsonSerializer.Deserialize<List<StatementView>>(reader.GetString(8), Json) ?? [];
        var scope = CorpusAudience.ScopeOf(reader.IsDBNull(9) ? null : reader.GetString(9));
        await reader.CloseAsync();

        var passages = new List<PassageView>();
        await using var pcmd = dataSource.CreateCommand(
            "SELECT id, ordinal, kind, section_path, indicator, fund, text FROM corpus_passages WHERE document_id = $1 ORDER BY ordinal");
        pcmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var pr = await pcmd.ExecuteReaderAsync(cancellationToken);
        while (await pr.ReadAsync(cancellationToken))
        {
            passages.Add(new PassageView(pr.GetInt64(0), pr.GetInt32(1), pr.GetString(2), pr.GetString(3),
                pr.IsDBNull(4) ? null : pr.GetString(4), pr.IsDBNull(5) ? null : pr.GetString(5), pr.GetString(6)));
        }

        return new ReportView(id, title, region, year, fund, file, source, created, sections, statements, passages, scope);
    }

    public async Task<IReadOnlyList<ReportListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<ReportListItem>();
        await using var cmd = dataSource.CreateCommand(
            "SELECT id, title, region, year, fund, source, passage_count, created_at, owner_unit FROM corpus_documents WHERE owner_unit IS NULL OR owner_unit = $1 ORDER BY created_at, id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)CorpusAudience.ViewerUnit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new ReportListItem(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetFieldValue<DateTimeOffset>(7), CorpusAudience.ScopeOf(r.IsDBNull(8) ? null : r.GetString(8))));
        }

        return list;
    }

    /// <summary>
    /// Brings every passage's vector to the current generator: passages made by another generator are
    /// re-embedded in place (no new rows); when the size changes the column and its HNSW index follow.
    /// Returns how many passages were re-embedded.
    /// </summary>
    public async Task<int> ReembedAsync(CancellationToken cancellationToken = default)
    {
        var identity = embedder.Identity();
        int dims = embedder.Dimensions();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int columnDims;
        await using (var c = new NpgsqlCommand("SELECT atttypmod FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'", connection))
        {
            columnDims = Convert.ToInt32(await c.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (columnDims != dims)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using var alter = new NpgsqlCommand(
                $"""
                DROP INDEX IF EXISTS ix_corpus_passages_embedding;
                ALTER TABLE corpus_passages ALTER COLUMN embedding TYPE vector({dims}) USING NULL;
                UPDATE corpus_passages SET embedder = NULL;
                CREATE INDEX ix_corpus_passages_embedding ON corpus_passages USING hnsw (embedding vector_cosine_ops);
                """, connection, tx);
            await alter.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        int total = 0;
        while (true)
        {
            var rows = new List<(long Id, string Text)>();
            await using (var select = new NpgsqlCommand(
                "SELECT id, section_path, indicator, text FROM corpus_passages WHERE embedder IS DISTINCT FROM $1 ORDER BY id LIMIT 512", connection))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = identity });
                await using var r = await select.ExecuteReaderAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                {
                    var p = new Passage(0, r.GetString(3), SectionKind.Other, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), null);
                    rows.Add((r.GetInt64(0), EmbeddingText(p)));
                }
            }

            if (rows.Count == 0)
            {
                break;
            }

            var vectors = await EmbedAsync(rows.Select(r => r.Text).ToList(), cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            for (int i = 0; i < rows.Count; i++)
            {
                var cmd = new NpgsqlBatchCommand("UPDATE corpus_passages SET embedding = $1::real[]::vector, embedder = $2 WHERE id = $3");
                cmd.Parameters.Add(new NpgsqlParameter { Value = vectors[i], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
                cmd.Parameters.Add(new NpgsqlParameter { Value = identity });
                cmd.Parameters.Add(new NpgsqlParameter { Value = rows[i].Id });
                batch.BatchCommands.Add(cmd);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            total += rows.Count;
        }

        return total;
    }

    internal static string ContentHash(string text)
    {
        var normalized = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    internal static string TextHash(string text)
    {
        var normalized = string.Concat(Domain.Numbers.TextNormalizer.Normalize(text).Where(char.IsLetterOrDigit));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..32];
    }

    internal static SectionView SectionView(ReportSection s) =>
        new(s.Level, s.Number, s.Heading, s.Path, SectionKinds.Name(s.Kind), s.Text);

    internal static StatementView StatementView(IndicatorStatement s) =>
        new(s.Name, s.Target, s.Actual, s.Reason, s.Measure, s.ShortfallStated, s.Fund, s.SectionPath);

    private static IngestResult Result(string fileName, string status, Guid? id, ParsedReport report) =>
        new(fileName, status, id, report.Metadata.Title, report.Metadata.Region, report.Metadata.Year, report.Metadata.Fund,
            report.Sections.Count, report.Statements.Count, report.Passages.Count, report.Reasons.Count(), report.Measures.Count(), null);
}
