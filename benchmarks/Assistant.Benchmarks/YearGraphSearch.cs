using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// Graphs per year (issue 21, session 36): a partial HNSW index <c>WHERE year = Y</c> for each year present, read with
/// the year as a literal (a parameter never matches a partial index's predicate). A year filter reads its year's graph;
/// any other request (unfiltered, a fund) reads every year's graph and ranks the union by exact distance. Each graph's
/// read is <see cref="CorpusSearch.VectorSql"/> (the filters and unit scope as its distance column) with
/// <c>hnsw.ef_search</c> <c>ef</c> and the iterative scan: first <c>rows</c> rows, then more while fewer than
/// <c>keep</c> have passed (<see cref="CorpusSearch.NextFetch"/>); the nearest <c>keep</c> passing rows of each graph
/// join the union. <c>single</c>: every year's read in one statement (<c>UNION ALL</c> of the years' subqueries, each
/// <c>LIMIT rows</c>, no later fetch), one round trip instead of one per year.
/// </summary>
internal sealed class YearGraphSearch(NpgsqlDataSource dataSource, int ef, int rows, int keep, bool single)
{
    private int[]? years;

    /// <summary>The years with their own graph (the partial indexes present, by name).</summary>
    public static async Task<int[]> GraphYearsAsync(NpgsqlConnection connection)
    {
        var found = new List<int>();
        await using var cmd = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE tablename = 'corpus_passages' AND indexname LIKE 'ix_corpus_passages_embedding_year%' ORDER BY 1", connection);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            if (int.TryParse(r.GetString(0).AsSpan("ix_corpus_passages_embedding_year".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int y))
            {
                found.Add(y);
            }
        }

        return [.. found];
    }

    /// <summary>The read of one year's graph: <see cref="CorpusSearch.VectorSql"/> with the year as a literal.</summary>
    public static string YearSql(int year, string? limit = null)
    {
        string sql = CorpusSearch.VectorSql.Replace(" ORDER BY ", string.Create(CultureInfo.InvariantCulture, $" AND p.year = {year} ORDER BY "), StringComparison.Ordinal);
        return limit is null ? sql : sql.Replace("LIMIT $7", "LIMIT " + limit, StringComparison.Ordinal);
    }

    /// <summary>The nearest passages for <paramref name="request"/> with their similarity, best first, one per text.</summary>
    public async Task<List<(long Id, double Score)>> SearchAsync(SearchRequest request, string? viewer)
    {
        float[] q = HashingEmbedding.Embed(request.Query);
        await using var connection = await dataSource.OpenConnectionAsync();
        years ??= await GraphYearsAsync(connection);
        int[] read = request.Year is { } y ? [y] : years;
        var union = new List<(long Id, double Distance)>();
        if (single && read.Length > 1)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using (var set = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order"), connection, tx))
            {
                await set.ExecuteNonQueryAsync();
            }

            string sql = string.Join(" UNION ALL ", read.Select(year => "(" + YearSql(year, rows.ToString(CultureInfo.InvariantCulture)) + ")"));
            var cmd = new NpgsqlCommand(sql, connection, tx);
            SeedWalkSearch.AddParameters(cmd.Parameters, q, request, viewer, rows);
            await SeedWalkSearch.ReadAsync(cmd, union);
            await tx.CommitAsync();
        }
        else
        {
            foreach (int year in read)
            {
                union.AddRange(await ReadYearAsync(connection, year, q, request, viewer));
            }
        }

        union.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
        return await SeedWalkSearch.NearestPerTextAsync(connection, union, request.Top);
    }

    private async Task<List<(long Id, double Distance)>> ReadYearAsync(NpgsqlConnection connection, int year, float[] q, SearchRequest request, string? viewer)
    {
        var vector = new List<(long Id, double Distance)>();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var set = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order"), connection, tx))
            {
                await set.ExecuteNonQueryAsync();
            }

            await using (var declare = new NpgsqlCommand("DECLARE year_read NO SCROLL CURSOR FOR " + YearSql(year), connection, tx))
            {
                SeedWalkSearch.AddParameters(declare.Parameters, q, request, viewer, CorpusSearch.MaxVectorRows);
                await declare.ExecuteNonQueryAsync();
            }

            int fetch = Math.Max(rows, keep), read = 0;
            while (fetch > 0)
            {
                int returned = await SeedWalkSearch.ReadAsync(new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"FETCH {fetch} FROM year_read"), connection, tx), vector);
                read += returned;
                fetch = returned < fetch ? 0 : CorpusSearch.NextFetch(read, vector.Count, keep);
            }

            await tx.CommitAsync();
        }

        vector.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
        if (vector.Count > keep)
        {
            vector.RemoveRange(keep, vector.Count - keep);
        }

        return vector;
    }
}
