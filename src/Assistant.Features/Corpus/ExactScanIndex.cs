using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>
/// The corpus's embeddings held in the process, bucket-major (one contiguous column per dimension), for an exact
/// nearest-neighbour scan (issue 21, session 37): cosine similarity of a sparse query only needs its non-zero
/// dimensions, so a short question under the built-in embedding (15–48 of 384 set) costs that many streamed columns
/// of multiply-adds over the passages, with the filters tested in memory (<see cref="Scan"/>). The scan only
/// proposes candidates: <see cref="CorpusSearch"/> re-reads them from PostgreSQL with every filter, the unit scope
/// and their exact distance, so a deleted or out-of-scope passage is never returned and the order is the database's.
/// Passages are appended (never changed in place): rows stored by this process at once (<see cref="RefreshAsync"/>
/// after the store commits), others' by polling the serial id; a reload (<see cref="LoadAsync"/>) drops deleted rows.
/// Readers never lock: each reads the state and count it saw; an append writes past the count, then publishes it.
/// </summary>
public sealed partial class ExactScanIndex(NpgsqlDataSource dataSource, ExactScanSettings settings)
{
    /// <summary>Bytes per passage besides its vector: id, year, kind, fund, region, owner and document codes.</summary>
    public const int RowOverheadBytes = 8 + 2 + 4 * 5;

    /// <summary>
    /// Ids this far below the highest seen are read again by each refresh: a transaction that took a lower id may
    /// commit after one that took a higher (serial ids are handed out at insert, not at commit).
    /// </summary>
    public const long Lookback = 10_000;

    private const string Columns = "id, embedding, year, kind, fund, region, owner_unit, document_id";

    private readonly SemaphoreSlim writer = new(1, 1);
    private volatile State? state;
    private long lastSeen;

    public ExactScanSettings Settings => settings;

    /// <summary>Whether the index is loaded and serves searches.</summary>
    public bool IsReady => state is not null;

    /// <summary>Passages held (0 before the load).</summary>
    public int Count => state?.Count ?? 0;

    /// <summary>The highest passage id read (held, or without a vector).</summary>
    public long LastId => Interlocked.Read(ref lastSeen);

    /// <summary>The memory the index takes (its arrays' capacity).</summary>
    public long Bytes => state is { } s ? (long)s.Capacity * ((4L * s.Dimensions) + RowOverheadBytes) : 0;

    /// <summary>What the last load took, for the log and the benchmark.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Why the index is not serving (null when it is, or before the first load).</summary>
    public string? NotServing { get; private set; }

    /// <summary>Whether the index is built for these settings and embedder: enabled, and some query can be scanned (a model embedder's are all dense, so only with <see cref="ExactScanSettings.DenseQueries"/>).</summary>
    public static bool Builds(ExactScanSettings settings, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> embedder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Enabled && (settings.DenseQueries || embedder is HashingEmbeddingGenerator);
    }

    /// <summary>Whether <paramref name="query"/> is answered by the scan: loaded, the same dimensions, sparse (or dense ones allowed).</summary>
    public bool Serves(ReadOnlySpan<float> query) =>
        state is { } s && s.Dimensions == query.Length && (settings.DenseQueries || CorpusSearch.IsSparse(query));

    /// <summary>
    /// Loads every passage with a vector (binary COPY), replacing what the index held, unless the corpus is over
    /// <see cref="ExactScanSettings.MaxBytes"/> (then the index is dropped and HNSW serves). Returns whether it serves.
    /// </summary>
    public async Task<bool> LoadAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int dims = await DimensionsAsync(connection, cancellationToken);
        long rows = await EstimateAsync(connection, cancellationToken);
        if (dims <= 0 || !Fits(rows, dims))
        {
            Drop($"{rows} passages × {dims} dimensions over ExactScan:MaxBytes {settings.MaxBytes}");
            return false;
        }

        var fresh = new State(dims, (int)Math.Max(1024, rows + (rows / 16)));
        await using (var reader = await connection.BeginBinaryExportAsync("COPY (SELECT " + Columns + " FROM corpus_passages WHERE embedding IS NOT NULL) TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            while (await reader.StartRowAsync(cancellationToken) >= 0)
            {
                var row = await ReadRowAsync(reader, cancellationToken);
                if (fresh.Count == fresh.Capacity)
                {
                    if (!Fits(fresh.Capacity * 2L, dims))
                    {
                        Drop($"over ExactScan:MaxBytes {settings.MaxBytes} while loading");
                        return false;
                    }

                    fresh = fresh.Grow(fresh.Capacity * 2);
                }

                fresh.Append(row);
            }
        }

        await writer.WaitAsync(cancellationToken);
        try
        {
            state = fresh;
            Interlocked.Exchange(ref lastSeen, fresh.LastId);
            NotServing = null;
        }
        finally
        {
            writer.Release();
        }

        // Rows committed while the copy ran: the refresh's look-back reads them.
        await RefreshAsync(cancellationToken);
        LoadTime = clock.Elapsed;
        return true;
    }

    /// <summary>
    /// Reads the passages committed since the last read into the index (ids above the highest held, less
    /// <see cref="Lookback"/>, skipping those held). Returns how many were added. Nothing before the first load.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (state is null)
        {
            return 0;
        }

        await writer.WaitAsync(cancellationToken);
        try
        {
            var s = state;
            if (s is null)
            {
                return 0;
            }

            long low = Math.Max(0, LastId - Lookback);
            var held = s.IdsAbove(low);
            int added = 0;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

            // The ids first (the primary key alone), then only the rows not held: the look-back costs no vector reads.
            var wanted = new List<long>();
            await using (var ids = new NpgsqlCommand("SELECT id FROM corpus_passages WHERE id > $1", connection))
            {
                ids.Parameters.Add(new NpgsqlParameter { Value = low });
                await using var ir = await ids.ExecuteReaderAsync(cancellationToken);
                while (await ir.ReadAsync(cancellationToken))
                {
                    long id = ir.GetInt64(0);
                    if (id > LastId)
                    {
                        Interlocked.Exchange(ref lastSeen, id);
                    }

                    if (!held.Contains(id))
                    {
                        wanted.Add(id);
                    }
                }
            }

            if (wanted.Count == 0)
            {
                return 0;
            }

            await using var cmd = new NpgsqlCommand("SELECT " + Columns + " FROM corpus_passages WHERE id = ANY($1) ORDER BY id", connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = wanted.ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                long id = r.GetInt64(0);
                if (id > LastId)
                {
                    Interlocked.Exchange(ref lastSeen, id);
                }

                if (r.IsDBNull(1) || held.Contains(id))
                {
                    continue;
                }

                var row = new Row(id, r.GetFieldValue<Vector>(1).Memory, r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetGuid(7));
                if (row.Vector.Length != s.Dimensions)
                {
                    // The column was re-typed (another embedder): only a reload can follow.
                    Drop("the vectors' dimensions changed");
                    return added;
                }

                if (s.Count == s.Capacity)
                {
                    if (!Fits(s.Capacity * 2L, s.Dimensions))
                    {
                        Drop($"over ExactScan:MaxBytes {settings.MaxBytes}");
                        return added;
                    }

                    s = s.Grow(s.Capacity * 2);
                    state = s;
                }

                s.Append(row);
                added++;
            }

            return added;
        }
        finally
        {
            writer.Release();
        }
    }

    internal bool Fits(long rows, int dims) => rows * ((4L * dims) + RowOverheadBytes) <= settings.MaxBytes;

    private void Drop(string why)
    {
        state = null;
        NotServing = why;
    }

    private static async Task<int> DimensionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT atttypmod FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'", connection);
        return await cmd.ExecuteScalarAsync(cancellationToken) is int d ? d : 0;
    }

    /// <summary>The passages' count from the statistics (a count of 1M rows reads the table), the exact count when there are none.</summary>
    private static async Task<long> EstimateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT reltuples::bigint FROM pg_class WHERE oid = 'corpus_passages'::regclass", connection);
        long estimate = await cmd.ExecuteScalarAsync(cancellationToken) is long n ? n : -1;
        if (estimate >= 0)
        {
            return estimate;
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM corpus_passages", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Row> ReadRowAsync(NpgsqlBinaryExporter reader, CancellationToken cancellationToken)
    {
        long id = await reader.ReadAsync<long>(cancellationToken);
        var vector = await reader.ReadAsync<Vector>(cancellationToken);
        int? year = reader.IsNull ? Skip(reader) : await reader.ReadAsync<int>(cancellationToken);
        string kind = await reader.ReadAsync<string>(cancellationToken);
        string? fund = reader.IsNull ? SkipText(reader) : await reader.ReadAsync<string>(cancellationToken);
        string? region = reader.IsNull ? SkipText(reader) : await reader.ReadAsync<string>(cancellationToken);
        string? owner = reader.IsNull ? SkipText(reader) : await reader.ReadAsync<string>(cancellationToken);
        Guid document = await reader.ReadAsync<Guid>(cancellationToken);
        return new Row(id, vector.Memory, year, kind, fund, region, owner, document);
    }

    private static int? Skip(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    private static string? SkipText(NpgsqlBinaryExporter reader)
    {
        reader.Skip();
        return null;
    }

    private readonly record struct Row(long Id, ReadOnlyMemory<float> Vector, int? Year, string Kind, string? Fund, string? Region, string? Owner, Guid Document);

    /// <summary>
    /// Distinct text values and their codes. Values are appended to an array that is replaced when it grows, and the
    /// count is published after the value: a reader that reads the count first finds every value below it.
    /// </summary>
    private sealed class Codes
    {
        private readonly ConcurrentDictionary<string, int> codes = new(StringComparer.Ordinal);
        private string[] values = new string[16];
        private volatile int count;

        /// <summary>The values so far (read the count, then the array).</summary>
        public ReadOnlySpan<string> Values
        {
            get
            {
                int n = count;
                return values.AsSpan(0, n);
            }
        }

        /// <summary>The code of <paramref name="value"/>, added when new (the index's writer only); -1 for null.</summary>
        public int Code(string? value)
        {
            if (value is null)
            {
                return -1;
            }

            if (codes.TryGetValue(value, out int code))
            {
                return code;
            }

            code = count;
            if (code == values.Length)
            {
                var grown = new string[values.Length * 2];
                values.CopyTo(grown, 0);
                values = grown;
            }

            values[code] = value;
            codes[value] = code;
            count = code + 1;
            return code;
        }

        /// <summary>The code of <paramref name="value"/>, or -2 when no passage holds it (matches no row's code, not even null's -1).</summary>
        public int Find(string value) => codes.TryGetValue(value, out int code) ? code : -2;
    }
}
