using System.Diagnostics;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>
/// Loads many reports fast: documents are read, parsed and embedded in parallel on every core (a
/// model provider gets batched calls), and written with binary <c>COPY</c> in batches, each batch one
/// transaction. A large load drops the corpus's HNSW and GIN indexes first and rebuilds them at the
/// end with a large <c>maintenance_work_mem</c> and parallel workers.
/// <para>
/// Resumable: a document's key is its content hash and owner (the unique index
/// <c>ix_corpus_documents_content_hash</c>); a batch skips what is already stored, so re-running a
/// killed load stores every missing document once. The journal table <c>corpus_loads</c> records
/// the index definitions a load dropped before it drops them, so the next load rebuilds indexes a
/// crashed load left dropped. One load runs at a time
/// (a session advisory lock, released by the server when the process dies).
/// </para>
/// <para>
/// While the exact in-memory scan serves the vector half (session 38, <see cref="BulkGraphs.Background"/>), a large
/// load does not wait for the graphs (HNSW): it rebuilds the words' GIN index and the term counts, records the graphs
/// as owed in the journal and returns; <see cref="CorpusGraphBuilder"/> builds them in the background.
/// </para>
/// </summary>
public sealed partial class CorpusBulkLoader(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder, TimeProvider clock, ExactScanIndex? exactScan = null, CorpusGraphBuilder? graphs = null)
{
    /// <summary>
    /// <see cref="BulkIndexes.Auto"/> rebuilds when the load brings at least this many documents and at
    /// least as many as are stored: building an HNSW graph in memory with parallel workers costs per
    /// row a fraction of inserting into a live index (measured in docs/benchmarks.md, issue 21), so
    /// rebuilding everything wins once the new rows are as many as the old ones.
    /// </summary>
    public const int RebuildWhen = 1000;

    private const long LockKey = 0x436F_7270_7573_4C64; // "CorpusLd"
    private const int EmbedBatch = 128;

    /// <summary>Loads <paramref name="inputs"/>; per-document failures are results, not exceptions.</summary>
    public async Task<BulkLoadReport> LoadAsync(IReadOnlyList<BulkInput> inputs, BulkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var results = new IngestResult?[inputs.Count];
        int reported = 0;
        void Report(int index, IngestResult result)
        {
            results[index] = result;
            while (reported < results.Length && results[reported] is { } next)
            {
                options.OnResult?.Invoke(reported, next);
                reported++;
            }
        }

        var clockStart = Stopwatch.StartNew();
        List<Prepared[]>? checkedFirst = null;
        if (options.AllOrNothing && !options.OneTransaction)
        {
            checkedFirst = [];
            for (int start = 0; start < inputs.Count; start += options.BatchDocuments)
            {
                checkedFirst.Add(await PrepareAsync(inputs, start, Math.Min(options.BatchDocuments, inputs.Count - start), options, cancellationToken));
            }

            var failures = checkedFirst.SelectMany(c => c).Where(p => p.Failure is not null).Select(p => p.Failure!).ToList();
            if (failures.Count > 0)
            {
                return new BulkLoadReport(new IngestSummary(0, 0, failures.Count, failures), 0, false, [], clockStart.Elapsed.TotalSeconds, 0, 0);
            }
        }

        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A crash can lose the last few commits; the re-run stores them again (the key makes that safe).
        await ExecuteAsync(connection, "SET synchronous_commit = off", cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, LockKey);
        bool graphsLocked = false;
        try
        {
            await CorpusLoadJournal.EnsureAsync(connection, cancellationToken);
            var pending = await CorpusLoadJournal.UnfinishedAsync(connection, cancellationToken);
            long stored = await ScalarAsync(connection, "SELECT count(*) FROM corpus_documents", cancellationToken);
            bool rebuild = options.Indexes == BulkIndexes.Rebuild
                || (options.Indexes == BulkIndexes.Auto && inputs.Count >= Math.Max(RebuildWhen, stored));
            if (rebuild)
            {
                // Dropping the indexes waits for a graph being built in the background (one graph at most).
                await LockGraphsAsync(connection, cancellationToken);
                graphsLocked = true;
            }

            Guid loadId = Guid.CreateVersion7(clock.GetUtcNow());
            var dropped = await CorpusLoadJournal.StartAsync(connection, loadId, clock.GetUtcNow(), options, inputs.Count, rebuild, cancellationToken);
            var indexes = pending.SelectMany(p => p.Indexes).Concat(dropped).Distinct(StringComparer.Ordinal).ToList();

            // BM25's term counts: added per batch (in its transaction) for a small load; tallied in
            // process and added once at the end of a large one (a crash loses the tally with the
            // journal's finish, so the next load recounts); counted afresh in SQL at the end of a load
            // finishing a crashed one.
            bool recount = pending.Count > 0;
            TermTally? loadTally = rebuild && !recount ? new TermTally() : null;
            bool perBatch = !rebuild && !recount;
            var seen = new Dictionary<string, Guid>(StringComparer.Ordinal);
            long passages = 0;
            Task<long> writing = Task.FromResult(0L);

            // One transaction for the whole load (the API): batches are written as they are prepared,
            // each under a savepoint; the first failing document stops the writing (the rest are only
            // checked, to name every failure) and everything written is rolled back.
            await using NpgsqlTransaction? whole = options.OneTransaction ? await connection.BeginTransactionAsync(cancellationToken) : null;
            var failed = new List<(int Index, IngestResult Result)>();
            void Note(int index, IngestResult result)
            {
                if (whole is not null && result.Status == IngestResult.Failed)
                {
                    failed.Add((index, result));
                }

                Report(index, result);
            }

            for (int start = 0, batch = 0; start < inputs.Count; start += options.BatchDocuments, batch++)
            {
                int count = Math.Min(options.BatchDocuments, inputs.Count - start);
                Prepared[] prepared = checkedFirst?[batch] ?? await PrepareAsync(inputs, start, count, options, cancellationToken);
                passages += await writing;
                if (whole is not null && (failed.Count > 0 || prepared.Any(p => p.Failure is not null)))
                {
                    failed.AddRange(prepared.Where(p => p.Failure is not null).Select(p => (p.Index, p.Failure!)));
                    writing = Task.FromResult(0L);
                    continue;
                }

                writing = WriteBatchAsync(connection, whole, loadId, prepared, seen, Note, perBatch, loadTally, options.OnBatchWriting, cancellationToken);
            }

            passages += await writing;
            if (whole is not null)
            {
                if (failed.Count == 0)
                {
                    await whole.CommitAsync(cancellationToken);
                }
                else
                {
                    await whole.RollbackAsync(cancellationToken);
                    passages = 0;
                    loadTally = null;
                }
            }

            double loadSeconds = clockStart.Elapsed.TotalSeconds;
            var indexClock = Stopwatch.StartNew();

            // Also after a rolled-back load: the indexes it (or a crashed load) dropped come back, with the graphs of years loaded for the first time (YearGraphs).
            // While the exact scan serves, a load that stored rows leaves the graphs owed (BuildPlanAsync).
            var plan = await PlanAsync(connection, options, indexes, rebuild && passages > 0, cancellationToken);
            if (plan.Now.Count > 0 && !graphsLocked)
            {
                await LockGraphsAsync(connection, cancellationToken);
                graphsLocked = true;
            }

            var timings = await RebuildAsync(connection, plan.Now, cancellationToken);
            foreach (string paid in plan.Paid)
            {
                await CorpusLoadJournal.PaidAsync(connection, paid, cancellationToken);
            }

            if (recount)
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await using (var count = new NpgsqlCommand(CorpusTermCounts.RecountSql, connection, tx) { CommandTimeout = 0 })
                {
                    await count.ExecuteNonQueryAsync(cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
            }
            else if (loadTally is not null)
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await CorpusTermCounts.AddAsync(connection, tx, loadTally, cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }

            await ExecuteAsync(connection, "ANALYZE corpus_documents; ANALYZE corpus_passages; ANALYZE corpus_terms", cancellationToken);
            if (plan.Deferred.Count > 0)
            {
                await CorpusLoadJournal.OweAsync(connection, loadId, plan.Deferred, cancellationToken);
            }

            await CorpusLoadJournal.FinishAsync(connection, [loadId, .. pending.Select(p => p.Id)], clock.GetUtcNow(), cancellationToken);
            await AfterLoadAsync(passages, plan.Later.Count > 0);
            if (failed.Count > 0)
            {
                var failures = failed.OrderBy(f => f.Index).Select(f => f.Result).ToList();
                return new BulkLoadReport(new IngestSummary(0, 0, failures.Count, failures) { Building = Names(plan.Later) }, 0, false, plan.Now, loadSeconds, indexClock.Elapsed.TotalSeconds, pending.Count) { IndexTimings = timings, GraphsOwed = plan.Later };
            }

            var files = results.Select(r => r!).ToList();
            var summary = new IngestSummary(
                files.Count(r => r.Status == IngestResult.Ingested),
                files.Count(r => r.Status == IngestResult.Duplicate),
                files.Count(r => r.Status == IngestResult.Failed),
                files) { Building = Names(plan.Later) };
            return new BulkLoadReport(summary, passages, true, plan.Now, loadSeconds, indexClock.Elapsed.TotalSeconds, pending.Count) { IndexTimings = timings, GraphsOwed = plan.Later };
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                if (graphsLocked)
                {
                    await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, CorpusGraphBuilder.LockKey);
                }

                await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
            }
        }
    }

    /// <summary>A document read, checked, parsed and embedded; or why it could not be.</summary>
    internal sealed record Prepared(int Index, PreparedReport? Report, float[][]? Vectors, IngestResult? Failure);

    private async Task<Prepared[]> PrepareAsync(IReadOnlyList<BulkInput> inputs, int start, int count, BulkOptions options, CancellationToken cancellationToken)
    {
        var items = new Prepared[count];
        bool local = embedder is HashingEmbeddingGenerator;
        int dims = embedder.Dimensions();
        await Task.Run(() => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            BulkInput input = inputs[start + i];
            string text;
            try
            {
                text = input.ReadText(cancellationToken);
            }
            catch (InputException e)
            {
                items[i] = new Prepared(start + i, null, null, IngestResult.Failure(input.Name, string.Join("; ", e.Errors.Select(x => $"{x.Zh} / {x.En}"))));
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                items[i] = new Prepared(start + i, null, null, IngestResult.Failure(input.Name, $"无法读取文件 / cannot read the file: {e.Message}"));
                return;
            }

            var (report, failure) = CorpusRows.Prepare(input.Name, text, options.Hints, options.Source, options.Owner, cancellationToken);
            float[][]? vectors = null;
            if (report is not null && local)
            {
                vectors = report.EmbeddingTexts.Select(t => Domain.Corpus.HashingEmbedding.Embed(t, dims)).ToArray();
            }

            items[i] = new Prepared(start + i, report, vectors, failure);
        }), cancellationToken);

        if (!local)
        {
            // A model: every passage of the batch in calls of EmbedBatch texts, a few at a time.
            var texts = items.Where(p => p.Report is not null).SelectMany(p => p.Report!.EmbeddingTexts.Select((t, k) => (p.Index - start, k, t))).ToList();
            var vectors = items.Select(p => p.Report is null ? null : new float[p.Report.EmbeddingTexts.Count][]).ToArray();
            var calls = texts.Chunk(EmbedBatch).ToList();
            await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (call, ct) =>
            {
                var generated = await embedder.GenerateAsync(call.Select(c => c.t), null, ct);
                for (int j = 0; j < call.Length; j++)
                {
                    vectors[call[j].Item1]![call[j].k] = generated[j].Vector.ToArray();
                }
            });
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = items[i] with { Vectors = vectors[i] };
            }
        }

        return items;
    }

    /// <summary>One batch in one transaction; a batch the database refuses is retried a document at a time to name the culprit.</summary>
    private async Task<long> WriteBatchAsync(NpgsqlConnection connection, NpgsqlTransaction? whole, Guid loadId, Prepared[] batch, Dictionary<string, Guid> seen, Action<int, IngestResult> report, bool countTerms, TermTally? loadTally, Func<NpgsqlConnection, NpgsqlTransaction, int, long, CancellationToken, Task>? onBatchWriting, CancellationToken cancellationToken)
    {
        foreach (var failed in batch.Where(p => p.Failure is not null))
        {
            report(failed.Index, failed.Failure!);
        }

        var good = batch.Where(p => p.Report is not null).ToList();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(connection, whole, loadId, good, seen, report, countTerms, loadTally, onBatchWriting, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
                // Another writer stored one of these documents meanwhile: look again.
            }
            catch (PostgresException e) when (good.Count > 1 && IsRowProblem(e))
            {
                long written = 0;
                foreach (var one in good)
                {
                    written += await WriteBatchAsync(connection, whole, loadId, [one], seen, report, countTerms, loadTally, onBatchWriting, cancellationToken);
                }

                return written;
            }
            catch (PostgresException e) when (IsRowProblem(e))
            {
                var p = good[0];
                report(p.Index, IngestResult.Failure(p.Report!.FileName, $"数据库拒绝保存该文档（{e.MessageText}），未保存任何部分。 / The database refused this document ({e.MessageText}); nothing of it was stored."));
                return 0;
            }
        }
    }

    private static bool IsRowProblem(PostgresException e) =>
        e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("54", StringComparison.Ordinal)
        || (e.SqlState.StartsWith("23", StringComparison.Ordinal) && e.SqlState != PostgresErrorCodes.UniqueViolation);

    /// <summary>The savepoint a batch is written under in a one-transaction load.</summary>
    private const string Savepoint = "bulk_batch";

    /// <summary>One batch in its own transaction, or under a savepoint of <paramref name="whole"/> (rolled back to it when the database refuses the batch).</summary>
    private async Task<long> WriteOnceAsync(NpgsqlConnection connection, NpgsqlTransaction? whole, Guid loadId, List<Prepared> batch, Dictionary<string, Guid> seen, Action<int, IngestResult> report, bool countTerms, TermTally? loadTally, Func<NpgsqlConnection, NpgsqlTransaction, int, long, CancellationToken, Task>? onBatchWriting, CancellationToken cancellationToken)
    {
        if (whole is null)
        {
            await using NpgsqlTransaction own = await connection.BeginTransactionAsync(cancellationToken);
            return await WriteInAsync(connection, own, own, loadId, batch, seen, report, countTerms, loadTally, onBatchWriting, cancellationToken);
        }

        await whole.SaveAsync(Savepoint, cancellationToken);
        try
        {
            return await WriteInAsync(connection, whole, null, loadId, batch, seen, report, countTerms, loadTally, onBatchWriting, cancellationToken);
        }
        catch (PostgresException)
        {
            await whole.RollbackAsync(Savepoint, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Writes the batch in <paramref name="tx"/>; commits <paramref name="own"/> when given, otherwise releases the batch's savepoint.</summary>
    private async Task<long> WriteInAsync(NpgsqlConnection connection, NpgsqlTransaction tx, NpgsqlTransaction? own, Guid loadId, List<Prepared> batch, Dictionary<string, Guid> seen, Action<int, IngestResult> report, bool countTerms, TermTally? loadTally, Func<NpgsqlConnection, NpgsqlTransaction, int, long, CancellationToken, Task>? onBatchWriting, CancellationToken cancellationToken)
    {
        string? owner = batch.Count > 0 ? batch[0].Report!.Owner : null;
        var stored = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var find = new NpgsqlCommand(
            "SELECT content_hash, id FROM corpus_documents WHERE content_hash = ANY($1) AND (owner_unit IS NULL OR owner_unit = $2) ORDER BY owner_unit NULLS FIRST", connection, tx))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = batch.Select(p => p.Report!.ContentHash).ToArray() });
            find.Parameters.Add(new NpgsqlParameter { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.TryAdd(reader.GetString(0), reader.GetGuid(1));
            }
        }

        var outcome = new List<(int Index, IngestResult Result, string Hash, Guid Id)>();
        var rows = new List<(Prepared P, CorpusDocument Document)>();
        var thisBatch = new Dictionary<string, Guid>(StringComparer.Ordinal);
        DateTimeOffset now = clock.GetUtcNow();
        foreach (var p in batch)
        {
            string hash = p.Report!.ContentHash;
            if (stored.TryGetValue(hash, out Guid id) || seen.TryGetValue(hash, out id) || thisBatch.TryGetValue(hash, out id))
            {
                outcome.Add((p.Index, p.Report.Result(IngestResult.Duplicate, id), hash, id));
                continue;
            }

            var document = CorpusRows.Document(p.Report, Guid.CreateVersion7(now), now);
            thisBatch[hash] = document.Id;
            rows.Add((p, document));
            outcome.Add((p.Index, p.Report.Result(IngestResult.Ingested, document.Id), hash, document.Id));
        }

        long passages = 0;
        TermTally? batchTally = null;
        if (rows.Count > 0)
        {
            await CopyDocumentsAsync(connection, rows.Select(r => r.Document), cancellationToken);
            string embedderId = embedder.Identity();
            passages = await CopyPassagesAsync(connection, rows.SelectMany(r => CorpusRows.Passages(r.P.Report!, r.Document.Id, r.P.Vectors!, embedderId)), cancellationToken);
            if (countTerms || loadTally is not null)
            {
                batchTally = new TermTally();
                foreach (var (p, _) in rows)
                {
                    foreach (string[] terms in p.Report!.PassageTerms)
                    {
                        batchTally.Add(terms);
                    }
                }

                if (countTerms)
                {
                    await CorpusTermCounts.AddAsync(connection, tx, batchTally, cancellationToken);
                }
            }

            await CorpusLoadJournal.ProgressAsync(connection, tx, loadId, rows.Count, passages, cancellationToken);
        }

        if (onBatchWriting is not null)
        {
            await onBatchWriting(connection, tx, batch.Count, passages, cancellationToken);
        }

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        else
        {
            await tx.ReleaseAsync(Savepoint, cancellationToken);
        }

        if (loadTally is not null && batchTally is not null)
        {
            loadTally.Add(batchTally);
        }

        foreach (var (index, result, hash, id) in outcome)
        {
            seen.TryAdd(hash, id);
            report(index, result);
        }

        return passages;
    }

    /// <summary>
    /// Rebuilds dropped indexes with memory for the whole graph (HNSW builds fast while it fits in
    /// <c>maintenance_work_mem</c>) and the server's parallel maintenance workers. Searches keep
    /// working meanwhile (without the index: exact scans); writes to the table wait for the build.
    /// </summary>
    private static async Task<List<(string Definition, double Seconds)>> RebuildAsync(NpgsqlConnection connection, IReadOnlyList<string> definitions, CancellationToken cancellationToken)
    {
        if (definitions.Count == 0)
        {
            return [];
        }

        long rows = await ScalarAsync(connection, "SELECT count(*) FROM corpus_passages", cancellationToken);
        long currentKb = await ScalarAsync(connection, "SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem'", cancellationToken);
        int dims = (int)await ScalarAsync(connection, "SELECT atttypmod FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'", cancellationToken);
        long wantedKb = MaintenanceWorkMemKb(rows, dims, currentKb);
        int workers = Math.Max(1, Environment.ProcessorCount - 1);
        await ExecuteAsync(connection, $"SET maintenance_work_mem = '{wantedKb}kB'; SET max_parallel_maintenance_workers = {workers}", cancellationToken);
        var timings = new List<(string, double)>();

        // pgvector says when the graph outgrows maintenance_work_mem (the build then slows several-fold).
        var notices = new List<string>();
        void OnNotice(object? sender, NpgsqlNoticeEventArgs e) => notices.Add(e.Notice.MessageText);
        connection.Notice += OnNotice;
        try
        {
            foreach (string definition in definitions)
            {
                string sql = definition.StartsWith("CREATE INDEX ", StringComparison.Ordinal)
                    ? "CREATE INDEX IF NOT EXISTS " + definition["CREATE INDEX ".Length..]
                    : definition;
                var clock = Stopwatch.StartNew();
                await ExecuteAsync(connection, sql, cancellationToken);
                timings.Add((notices.Count == 0 ? definition : definition + " -- " + string.Join(" ", notices), clock.Elapsed.TotalSeconds));
                notices.Clear();
            }
        }
        finally
        {
            connection.Notice -= OnNotice;
        }

        await ExecuteAsync(connection, "RESET maintenance_work_mem; RESET max_parallel_maintenance_workers", cancellationToken);
        return timings;
    }

    /// <summary>
    /// Enough memory for the HNSW graph of <paramref name="rows"/> vectors (the vector plus about 1 KB of
    /// neighbour lists and header each), never less than the server's setting, at most a quarter of
    /// this machine's memory (the server is usually this machine; on a larger server raise its own
    /// <c>maintenance_work_mem</c>, which this never lowers).
    /// </summary>
    internal static long MaintenanceWorkMemKb(long rows, int dims, long currentKb)
    {
        long wanted = rows * ((Math.Max(dims, 1) * 4L) + 1024) / 1024;
        long cap = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / 1024;
        return Math.Max(currentKb, Math.Min(wanted + (64 * 1024), cap));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
