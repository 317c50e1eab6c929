using System.Diagnostics;
using Npgsql;

namespace Assistant.Features.Corpus;

/// <summary>
/// Builds the graphs (HNSW) a large bulk load left owed (issue 21, session 38). While the exact in-memory scan
/// (<see cref="ExactScanIndex"/>) serves the vector half and the corpus fits its budget, <see cref="CorpusBulkLoader"/>
/// returns once the rows, the words' GIN index and the term counts are in, and records in the journal
/// (<c>corpus_loads.owed_indexes</c>) the graphs still to build. This builds them one at a time with
/// <c>CREATE INDEX CONCURRENTLY</c>, so single uploads keep writing meanwhile and searches keep reading; each graph
/// is struck from the journal once built, so a build that died (the process killed: the server aborts it and leaves
/// the index invalid) is finished by the next run, which drops the invalid index first. It also builds the graph of
/// any year the documents hold without one (<see cref="YearGraphs.MissingAsync"/>).
/// <para>
/// Never twice at once: every build holds the advisory lock <see cref="LockKey"/>, taken without waiting (a second
/// builder finds it held and leaves), and released between graphs, so a large load that must drop the indexes (it
/// waits for the lock) waits for one graph at most. Run by <see cref="CorpusGraphService"/> in every web host and
/// <c>assistant worker</c> (at start, when a load in the process asks, and every
/// <see cref="CorpusGraphService.PollSeconds"/>), and by <c>assistant ingest --graphs now</c>.
/// </para>
/// </summary>
public sealed class CorpusGraphBuilder(NpgsqlDataSource dataSource)
{
    /// <summary>The advisory lock of graph builds ("CorpGrph"); a bulk load holds it while it drops or builds indexes itself.</summary>
    public const long LockKey = 0x436F_7270_4772_7068;

    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Asks this process's <see cref="CorpusGraphService"/> to look at the journal now.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already asked.
        }
    }

    /// <summary>Waits until <see cref="Wake"/> or <paramref name="period"/>.</summary>
    internal Task WaitAsync(TimeSpan period, CancellationToken cancellationToken) => wake.WaitAsync(period, cancellationToken);

    /// <summary>Whether <paramref name="definition"/> is a graph (HNSW or IVFFlat), which the loader may leave to this builder.</summary>
    public static bool IsGraph(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Contains(" USING hnsw ", StringComparison.Ordinal) || definition.Contains(" USING ivfflat ", StringComparison.Ordinal);
    }

    /// <summary>The index's name in a definition (<c>CREATE INDEX name ON …</c>).</summary>
    public static string NameOf(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        string rest = definition.StartsWith("CREATE INDEX ", StringComparison.Ordinal) ? definition["CREATE INDEX ".Length..] : definition;
        if (rest.StartsWith("IF NOT EXISTS ", StringComparison.Ordinal))
        {
            rest = rest["IF NOT EXISTS ".Length..];
        }

        int space = rest.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? rest : rest[..space]).Trim('"');
    }

    /// <summary>
    /// Whether a large load may leave <paramref name="definition"/> owed while the exact scan serves (session 39): a graph
    /// (<see cref="IsGraph"/>), or the documents' vector B-tree (<see cref="DocumentScope.VectorIndex"/>), which only speeds
    /// a scope's exact scan when the in-memory scan does not serve (without it that scan reads the passages through the
    /// unique key on <c>document_id, ordinal</c>: the same rows, more slowly). The words' GIN index is never owed: the
    /// lexical half has no other way to find a term.
    /// </summary>
    public static bool MayOwe(string definition) =>
        IsGraph(definition) || string.Equals(NameOf(definition), DocumentScope.VectorIndex, StringComparison.Ordinal);

    /// <summary>
    /// The order owed indexes are built in: the whole corpus's graph first (every unfiltered search reads it), then the
    /// documents' vector B-tree (every scoped search), then the partial graphs by name.
    /// </summary>
    public static int Order(string? a, string? b)
    {
        int pa = Rank(a), pb = Rank(b);
        return pa != pb ? pa.CompareTo(pb) : string.CompareOrdinal(a, b);
    }

    private static int Rank(string? definition) =>
        definition is null || definition.Contains(" WHERE ", StringComparison.Ordinal) ? 2 : IsGraph(definition) ? 0 : 1;

    /// <summary>
    /// Builds every owed graph, one at a time, until none is owed; returns what it built. When another builder holds
    /// the lock (or a load waits for it), returns what it built so far with <see cref="GraphBuildReport.Busy"/>.
    /// </summary>
    public async Task<GraphBuildReport> BuildOwedAsync(CancellationToken cancellationToken = default)
    {
        var built = new List<(string Definition, double Seconds)>();
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            if (!await TryLockAsync(connection, cancellationToken))
            {
                return new GraphBuildReport(built, true, await OwedAsync(connection, cancellationToken));
            }

            try
            {
                var owed = await OwedAsync(connection, cancellationToken);
                if (owed.Count == 0)
                {
                    return new GraphBuildReport(built, false, []);
                }

                string definition = owed[0];
                double? seconds = await BuildOneAsync(connection, definition, cancellationToken);
                await CorpusLoadJournal.PaidAsync(connection, definition, cancellationToken);
                if (seconds is { } s)
                {
                    built.Add((definition, s));
                }
            }
            finally
            {
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                    unlock.Parameters.Add(new NpgsqlParameter { Value = LockKey });
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
        }
    }

    /// <summary>What is owed now: the journal's graphs, then the graphs of years the documents hold without one.</summary>
    public static async Task<List<string>> OwedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var owed = await CorpusLoadJournal.OwedAsync(connection, cancellationToken);
        owed.AddRange(await YearGraphs.MissingAsync(connection, owed, cancellationToken));
        return owed;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = LockKey });
        return await cmd.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Builds one graph concurrently (an invalid one left by a dead build is dropped first); null when it was already
    /// there and valid. Same memory and workers as the loader's rebuild (<see cref="CorpusBulkLoader.MaintenanceWorkMemKb"/>).
    /// </summary>
    private static async Task<double?> BuildOneAsync(NpgsqlConnection connection, string definition, CancellationToken cancellationToken)
    {
        string name = NameOf(definition);
        bool? valid;
        await using (var state = new NpgsqlCommand("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass($1)", connection))
        {
            state.Parameters.Add(new NpgsqlParameter { Value = name });
            valid = await state.ExecuteScalarAsync(cancellationToken) as bool?;
        }

        if (valid is true)
        {
            return null;
        }

        string quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        if (valid is false)
        {
            await ExecuteAsync(connection, "DROP INDEX CONCURRENTLY IF EXISTS " + quoted, cancellationToken);
        }

        long rows = await ScalarAsync(connection, "SELECT count(*) FROM corpus_passages", cancellationToken);
        long currentKb = await ScalarAsync(connection, "SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem'", cancellationToken);
        int dims = (int)await ScalarAsync(connection, "SELECT atttypmod FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'", cancellationToken);
        long wantedKb = CorpusBulkLoader.MaintenanceWorkMemKb(rows, dims, currentKb);
        int workers = Math.Max(1, Environment.ProcessorCount - 1);
        await ExecuteAsync(connection, $"SET maintenance_work_mem = '{wantedKb}kB'; SET max_parallel_maintenance_workers = {workers}", cancellationToken);
        try
        {
            string rest = definition.StartsWith("CREATE INDEX ", StringComparison.Ordinal) ? definition["CREATE INDEX ".Length..] : throw new InvalidOperationException("Not an index definition: " + definition);
            var clock = Stopwatch.StartNew();
            await ExecuteAsync(connection, "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + rest, cancellationToken);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, "RESET maintenance_work_mem; RESET max_parallel_maintenance_workers", CancellationToken.None);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What <see cref="CorpusGraphBuilder.BuildOwedAsync"/> did: the graphs built with their seconds; whether it stopped because another holds the lock; what is still owed then.</summary>
public sealed record GraphBuildReport(IReadOnlyList<(string Definition, double Seconds)> Built, bool Busy, IReadOnlyList<string> StillOwed);
