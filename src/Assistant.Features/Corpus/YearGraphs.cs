using System.Globalization;
using Npgsql;

namespace Assistant.Features.Corpus;

/// <summary>
/// A graph per year (issue 21, session 36): a partial HNSW index <c>WHERE year = Y</c> for each year the corpus
/// holds, read by a search filtered to that year with the year written as a literal (a parameter never matches a
/// partial index's predicate). A short question's nearest ten under a year filter are found far more often in the
/// year's own graph (a fifth of the passages) than by the whole graph's walk past the other years' rows: at 1M,
/// recall@10 0.858 → 0.950 (2023) and 0.838 → 0.972 (2021) at about the same cost (docs/scaling.md, 1M, sessions 35–36).
/// A year without its graph (a year whose graph was never built, or a load that dropped it) is read through the
/// whole graph as before. How a year gets its graph: the migration <c>YearVectorIndexes</c> builds one for each year
/// present; <see cref="CorpusStore"/> builds a year's graph when a report of a year without one is ingested (before its
/// rows are written, so the graph is built on no rows and grows with them); the bulk loader drops and rebuilds every
/// year's graph with the other vector indexes and then builds those of the years it loaded for the first time
/// (<see cref="EnsureAsync"/>).
/// </summary>
public static class YearGraphs
{
    /// <summary>The index name's prefix; the year follows (<c>ix_corpus_passages_embedding_year2023</c>).</summary>
    public const string IndexPrefix = "ix_corpus_passages_embedding_year";

    /// <summary>The years a graph is built for: those a search may name (<see cref="CorpusSearch"/>'s validation).</summary>
    public const int MinYear = 1990, MaxYear = 2100;

    /// <summary>The name of <paramref name="year"/>'s graph.</summary>
    public static string IndexName(int year) => IndexPrefix + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The definition of <paramref name="year"/>'s graph (the bulk loader's form, like the catalogue's).</summary>
    public static string DefinitionSql(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"CREATE INDEX {IndexName(year)} ON corpus_passages USING hnsw (embedding vector_cosine_ops) WHERE year = {year}");

    /// <summary>The definition of <paramref name="year"/>'s graph, idempotent.</summary>
    public static string CreateSql(int year) => "CREATE INDEX IF NOT EXISTS " + DefinitionSql(year)["CREATE INDEX ".Length..];

    /// <summary>Whether <paramref name="year"/> has a valid graph (the catalogue, by name; an invalid index, left by a failed build, is not read).</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, int year, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass($1) AND indisvalid)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = IndexName(year) });
        return await cmd.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Builds the graph of each of <paramref name="years"/> that has none, each in its own transaction under an
    /// advisory lock (two ingests of a new year at once build it once). Call it outside a transaction that has
    /// written passages: the build waits for other writers of the table, and a writer waiting for it would deadlock.
    /// A year whose graph a bulk load left owed, or any year while the graph builder or a bulk load holds
    /// <see cref="CorpusGraphBuilder.LockKey"/>, is skipped: <see cref="CorpusGraphBuilder"/> builds it (session 38).
    /// Returns the years whose graph was built.
    /// </summary>
    public static async Task<IReadOnlyList<int>> EnsureAsync(NpgsqlConnection connection, IEnumerable<int?> years, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(years);
        var built = new List<int>();
        foreach (int year in years.OfType<int>().Where(y => y is >= MinYear and <= MaxYear).Distinct().Order())
        {
            if (await ExistsAsync(connection, year, cancellationToken))
            {
                continue;
            }

            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('corpus year graph'), $1)", connection, tx))
            {
                lockCmd.Parameters.Add(new NpgsqlParameter { Value = year });
                await lockCmd.ExecuteNonQueryAsync(cancellationToken);
            }

            // A graph build in the background, or a bulk load dropping or building indexes, holds the graph lock: the year's
            // graph is then left to CorpusGraphBuilder, which builds every year's without one, instead of waiting for it;
            // so is a graph a bulk load left owed (its rows are stored: the builder builds it without blocking writes).
            await using (var graphLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock_shared($1)", connection, tx))
            {
                graphLock.Parameters.Add(new NpgsqlParameter { Value = CorpusGraphBuilder.LockKey });
                if (await graphLock.ExecuteScalarAsync(cancellationToken) is not true
                    || (await CorpusLoadJournal.OwedAsync(connection, cancellationToken)).Contains(DefinitionSql(year), StringComparer.Ordinal))
                {
                    await tx.RollbackAsync(cancellationToken);
                    continue;
                }
            }

            // The year is an int in range, written as a literal (DDL takes no parameters).
            await using (var create = new NpgsqlCommand(CreateSql(year), connection, tx) { CommandTimeout = 0 })
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            built.Add(year);
        }

        return built;
    }

    /// <summary>
    /// The definitions (<see cref="DefinitionSql"/>) of the graphs missing for the years the corpus's documents hold,
    /// leaving out those named in <paramref name="pending"/> (definitions about to be built): the bulk loader adds them
    /// to its rebuild, so a load's new years get their graph with the same memory and workers.
    /// </summary>
    public static async Task<List<string>> MissingAsync(NpgsqlConnection connection, IReadOnlyCollection<string> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var missing = new List<string>();
        await using var cmd = new NpgsqlCommand(
            "SELECT DISTINCT d.year FROM corpus_documents d WHERE d.year BETWEEN $1 AND $2 AND to_regclass($3 || d.year) IS NULL ORDER BY 1", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = MinYear });
        cmd.Parameters.Add(new NpgsqlParameter { Value = MaxYear });
        cmd.Parameters.Add(new NpgsqlParameter { Value = IndexPrefix });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            int year = r.GetInt32(0);
            string name = IndexName(year) + " ";
            if (!pending.Any(d => d.Contains(name, StringComparison.Ordinal)))
            {
                missing.Add(DefinitionSql(year));
            }
        }

        return missing;
    }
}
