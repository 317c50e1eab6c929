using Npgsql;

namespace Assistant.Features.Corpus;

/// <summary>Which indexes a load builds before it returns and which graphs it leaves to <see cref="CorpusGraphBuilder"/> (session 38).</summary>
public sealed partial class CorpusBulkLoader
{
    /// <summary>
    /// What the end of a load does with the indexes: <paramref name="Now"/> built before returning; <paramref name="Paid"/>,
    /// graphs earlier loads left owed that <paramref name="Now"/> builds (struck from the journal after); <paramref name="Deferred"/>,
    /// the graphs this load leaves owed (recorded with it); <paramref name="Later"/>, every graph still owed when it returns.
    /// </summary>
    internal sealed record IndexPlan(List<string> Now, List<string> Paid, List<string> Deferred, List<string> Later);

    /// <summary>
    /// Plans the indexes of a finished load: <paramref name="indexes"/> (dropped by it or by a crashed load) and the graphs of
    /// years it stored for the first time. While the exact scan serves the vector half (<see cref="ScanServesAsync"/>), a load
    /// that dropped the indexes and stored rows (<paramref name="mayDefer"/>) builds the rest now and leaves the graphs and the
    /// documents' vector B-tree owed (<see cref="CorpusGraphBuilder.MayOwe"/>);
    /// any other load leaves owed what was owed. When the scan does not serve, every graph is built now, owed ones included
    /// (HNSW is then the only vector path).
    /// </summary>
    internal async Task<IndexPlan> PlanAsync(NpgsqlConnection connection, BulkOptions options, List<string> indexes, bool mayDefer, CancellationToken cancellationToken)
    {
        var owed = await CorpusLoadJournal.OwedAsync(connection, cancellationToken);
        indexes.AddRange(await YearGraphs.MissingAsync(connection, [.. indexes, .. owed], cancellationToken));
        bool serves = options.Graphs == BulkGraphs.Background && await ScanServesAsync(connection, cancellationToken);
        if (!serves)
        {
            var paid = owed.Where(d => !indexes.Contains(d, StringComparer.Ordinal)).ToList();
            return new IndexPlan([.. indexes, .. paid], owed, [], []);
        }

        if (!mayDefer)
        {
            return new IndexPlan(indexes, [], [], owed);
        }

        var deferred = indexes.Where(CorpusGraphBuilder.MayOwe).Distinct(StringComparer.Ordinal).ToList();
        var later = deferred.Concat(owed).Distinct(StringComparer.Ordinal).ToList();
        later.Sort(CorpusGraphBuilder.Order);
        return new IndexPlan(indexes.Where(d => !CorpusGraphBuilder.MayOwe(d)).ToList(), [], deferred, later);
    }

    /// <summary>
    /// Whether the exact in-memory scan serves the vector half for this corpus: enabled for this embedder
    /// (<see cref="ExactScanIndex.Builds"/>) and every stored passage within <c>ExactScan:MaxBytes</c>. The loading
    /// process's own settings decide; the hosts that serve searches read the same configuration.
    /// </summary>
    private async Task<bool> ScanServesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (exactScan is null || !ExactScanIndex.Builds(exactScan.Settings, embedder))
        {
            return false;
        }

        long rows = await ScalarAsync(connection, "SELECT count(*) FROM corpus_passages", cancellationToken);
        return exactScan.Fits(rows, embedder.Dimensions());
    }

    /// <summary>Waits for the graph builder's lock (a build in progress finishes its graph first), so the loader drops or builds indexes alone.</summary>
    private static Task LockGraphsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, CorpusGraphBuilder.LockKey);

    /// <summary>
    /// After the load: this process's exact scan reads the new passages at once (other processes' within
    /// <c>ExactScan:RefreshSeconds</c>, or at their next search), and this process's graph builder is woken when graphs are owed.
    /// </summary>
    private async Task AfterLoadAsync(long passages, bool owed)
    {
        if (passages > 0 && exactScan is { IsReady: true })
        {
            try
            {
                await exactScan.RefreshAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The rows are committed whatever the read does; the next refresh reads them.
            }
        }

        if (owed)
        {
            graphs?.Wake();
        }
    }

    /// <summary>The index names of <paramref name="definitions"/>, as the answer lists what is still being built.</summary>
    internal static List<string> Names(IEnumerable<string> definitions) => definitions.Select(CorpusGraphBuilder.NameOf).ToList();
}
