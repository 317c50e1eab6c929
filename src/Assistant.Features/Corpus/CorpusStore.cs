using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Microsoft.Extensions.AI;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>
/// Stores parsed reports and their passages. Ingestion is idempotent (a document is identified by the
/// hash of its normalised text) and atomic (a document and all its passages, or nothing).
/// </summary>
/// <param name="exactScan">The in-memory exact scan, told of each stored report after its commit (so this process searches it at once); null in tools without one.</param>
public sealed class CorpusStore(IDbContextFactory<AssistantDb> databases, IEmbeddingGenerator<string, Embedding<float>> embedder, TimeProvider clock, ExactScanIndex? exactScan = null)
{
    private const int EmbedBatch = 128;

    /// <summary>Passages one document may have (a long report has a few hundred).</summary>
    public const int MaxPassages = CorpusRows.MaxPassages;
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
        var (prepared, failure) = CorpusRows.Prepare(fileName, text, hints, source, owner, cancellationToken);
        if (prepared is null)
        {
            return failure!;
        }

        var existing = await FindByHashAsync(prepared.ContentHash, owner, cancellationToken);
        if (existing is { } id)
        {
            return prepared.Result(IngestResult.Duplicate, id);
        }

        var vectors = await EmbedAsync(prepared.EmbeddingTexts, cancellationToken);
        var document = CorpusRows.Document(prepared, Guid.CreateVersion7(clock.GetUtcNow()), clock.GetUtcNow());
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        if (document.Year is { } year)
        {
            // A year seen for the first time gets its own graph (YearGraphs), built before the rows are written (on none, so at once).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await YearGraphs.EnsureAsync((NpgsqlConnection)db.Database.GetDbConnection(), [year], cancellationToken);
        }

        db.CorpusDocuments.Add(document);
        db.CorpusPassages.AddRange(CorpusRows.Passages(prepared, document.Id, vectors, embedder.Identity()));
        try
        {
            // One transaction: the document, all its passages and their term counts, or nothing.
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await CorpusTermCounts.AddDocumentsAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(), [document.Id], cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Records.RecordStore.IsUniqueViolation(e))
        {
            // The same document arrived concurrently: the other request stored it.
            var winner = await FindByHashAsync(prepared.ContentHash, owner, cancellationToken);
            return prepared.Result(IngestResult.Duplicate, winner);
        }

        if (exactScan is not null)
        {
            // Stored: this process's searches see it now (others' within ExactScan:RefreshSeconds, or at their next search).
            // The report is committed whatever the read does; a failed read is caught up by the next refresh.
            try
            {
                await exactScan.RefreshAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
            }
        }

        return prepared.Result(IngestResult.Ingested, document.Id);
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
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("ANALYZE corpus_passages", cancellationToken);
    }

    /// <summary>The same text already stored where <paramref name="owner"/> can see it (published, or its own).</summary>
    private async Task<Guid?> FindByHashAsync(string hash, string? owner, CancellationToken cancellationToken)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.CorpusDocuments
            .Where(d => d.ContentHash == hash && (d.OwnerUnit == null || d.OwnerUnit == owner))
            .OrderBy(d => d.OwnerUnit != null)
            .Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ReportView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        string? viewer = CorpusAudience.ViewerUnit;
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        CorpusDocument? d = await db.CorpusDocuments.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == id && (x.OwnerUnit == null || x.OwnerUnit == viewer), cancellationToken);
        if (d is null)
        {
            return null;
        }

        var sections = JsonSerializer.Deserialize<List<SectionView>>(d.Sections, Json) ?? [];
        var statements = JsonSerializer.Deserialize<List<StatementView>>(d.Statements, Json) ?? [];
        List<PassageView> passages = await db.CorpusPassages.AsNoTracking()
            .Where(p => p.DocumentId == id)
            .OrderBy(p => p.Ordinal)
            .Select(p => new PassageView(p.Id, p.Ordinal, p.Kind, p.SectionPath, p.Indicator, p.Fund, p.Text))
            .ToListAsync(cancellationToken);
        return new ReportView(id, d.Title, d.Region, d.Year, d.Fund, d.FileName, d.Source, d.CreatedAt, sections, statements, passages, CorpusAudience.ScopeOf(d.OwnerUnit));
    }

    public async Task<IReadOnlyList<ReportListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        string? viewer = CorpusAudience.ViewerUnit;
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.CorpusDocuments.AsNoTracking()
            .Where(d => d.OwnerUnit == null || d.OwnerUnit == viewer)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.Region, d.Year, d.Fund, d.Source, d.PassageCount, d.CreatedAt, d.OwnerUnit })
            .ToListAsync(cancellationToken);
        return rows.Select(d => new ReportListItem(d.Id, d.Title, d.Region, d.Year, d.Fund, d.Source, d.PassageCount, d.CreatedAt, CorpusAudience.ScopeOf(d.OwnerUnit))).ToList();
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
        await using (AssistantDb db = await databases.CreateDbContextAsync(cancellationToken))
        {
            int columnDims = await db.Database
                .SqlQuery<int>($"SELECT atttypmod AS \"Value\" FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'")
                .SingleAsync(cancellationToken);
            if (columnDims != dims)
            {
                // The model declares the default size; a configured size re-types the column here (DDL, so SQL).
                // DDL takes no parameters; dims is an int from validated settings.
                // The documents' vector index holds each vector in a B-tree row, which has room for
                // DocumentScope.MaxIndexedDimensions; a larger model's vectors are scanned from the table.
                string retype = $"""
                    DROP INDEX IF EXISTS ix_corpus_passages_embedding;
                    DROP INDEX IF EXISTS {CorpusSearch.DeviationReasonIndex};
                    DROP INDEX IF EXISTS {DocumentScope.VectorIndex};
                    ALTER TABLE corpus_passages ALTER COLUMN embedding TYPE vector({dims}) USING NULL;
                    UPDATE corpus_passages SET embedder = NULL;
                    CREATE INDEX ix_corpus_passages_embedding ON corpus_passages USING hnsw (embedding vector_cosine_ops);
                    CREATE INDEX {CorpusSearch.DeviationReasonIndex} ON corpus_passages USING hnsw (embedding vector_cosine_ops) WHERE kind = 'deviation-reason';
                    {(dims <= DocumentScope.MaxIndexedDimensions ? DocumentScope.VectorIndexSql + ";" : "")}
                    """;
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(retype, cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
        }

        int total = 0;
        while (true)
        {
            await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
            List<CorpusPassage> rows = await db.CorpusPassages
                .Where(p => p.Embedder != identity)
                .OrderBy(p => p.Id)
                .Take(512)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var vectors = await EmbedAsync(rows.Select(r => PassageRow.EmbeddingText(r.SectionPath, r.Indicator, r.Text)).ToList(), cancellationToken);
            for (int i = 0; i < rows.Count; i++)
            {
                rows[i].Embedding = new Vector(vectors[i]);
                rows[i].Embedder = identity;
            }

            await db.SaveChangesAsync(cancellationToken);
            total += rows.Count;
        }

        return total;
    }

    /// <summary>
    /// Segments passages stored without terms (rows from before word segmentation), in batches, then
    /// recounts the term statistics. Returns how many passages were segmented.
    /// </summary>
    public async Task<int> SegmentAsync(CancellationToken cancellationToken = default)
    {
        int total = 0;
        while (true)
        {
            await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
            List<CorpusPassage> rows = await db.CorpusPassages
                .Where(p => p.Terms == null)
                .OrderBy(p => p.Id)
                .Take(1000)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            foreach (CorpusPassage r in rows)
            {
                r.Terms = PassageRow.Terms(r.SectionPath, r.Indicator, r.Text);
            }

            await db.SaveChangesAsync(cancellationToken);
            total += rows.Count;
        }

        if (total > 0)
        {
            await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE corpus_terms IN EXCLUSIVE MODE; " + CorpusTermCounts.RecountSql, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return total;
    }

    /// <summary>SHA-256 (hex) of the text without its white space: a document's key.</summary>
    internal static string ContentHash(string text) => Convert.ToHexStringLower(HashKept(text, keepLetters: false));

    /// <summary>The first 32 hex digits of SHA-256 of the normalised text's letters and digits.</summary>
    internal static string TextHash(string text) => Convert.ToHexStringLower(HashKept(Domain.Numbers.TextNormalizer.Normalize(text), keepLetters: true).AsSpan(0, 16));

    /// <summary>
    /// SHA-256 of the UTF-8 of <paramref name="text"/>'s letters and digits (<paramref name="keepLetters"/>) or of everything
    /// but its white space: the characters kept in a pooled buffer rather than a string built a character at a time
    /// (issue 21, session 39: the two hashes were a tenth of the bulk load's preparing). Same bytes, same hash.
    /// </summary>
    private static byte[] HashKept(string text, bool keepLetters)
    {
        char[] chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            int n = 0;
            foreach (char c in text)
            {
                if (keepLetters ? char.IsLetterOrDigit(c) : !char.IsWhiteSpace(c))
                {
                    chars[n++] = c;
                }
            }

            int max = Encoding.UTF8.GetMaxByteCount(n);
            byte[] bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, max));
            try
            {
                int length = Encoding.UTF8.GetBytes(chars, 0, n, bytes, 0);
                return SHA256.HashData(bytes.AsSpan(0, length));
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    internal static SectionView SectionView(ReportSection s) =>
        new(s.Level, s.Number, s.Heading, s.Path, SectionKinds.Name(s.Kind), s.Text);

    internal static StatementView StatementView(IndicatorStatement s) =>
        new(s.Name, s.Target, s.Actual, s.Reason, s.Measure, s.ShortfallStated, s.Fund, s.SectionPath);
}
