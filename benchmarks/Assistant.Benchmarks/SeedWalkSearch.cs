using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Assistant.Benchmarks;

/// <summary>
/// Seed walks, session 33's lever for short questions' recall at 1M, measured and not adopted (docs/scaling.md,
/// 1M, session 33: unfiltered 0.843 against 0.837, p95 1,308 against 892 ms); moved out of <see cref="CorpusSearch"/>
/// in session 34. The vector half's HNSW read as the product does it for a whole-graph request (the filters as a
/// column of <see cref="CorpusSearch.VectorSql"/>, <see cref="CorpusSearch.EfSearch"/>, <see cref="CorpusSearch.VectorRows"/>
/// rows first, then <see cref="CorpusSearch.NextFetch"/>), then, for a sparse query, each of the <c>walks</c>
/// nearest passages found seeds a second walk (ef_search <see cref="SeedEfSearch"/>, <see cref="SeedRows"/> rows, ordered
/// by distance to the seed) whose rows' distances to the question itself are computed exactly and added when they pass
/// the filters. The answer: the nearest by (distance, id), one per text, the first <c>top</c>; scores are similarities
/// (no intent boost: this is the vector half alone, compared with the same read without seeds).
/// </summary>
internal sealed class SeedWalkSearch(NpgsqlDataSource dataSource, int walks)
{
    /// <summary>The candidate list of a seed's walk: a stored passage is a dense, passage-shaped query (<see cref="CorpusSearch.VectorEfSearch"/>).</summary>
    public const int SeedEfSearch = CorpusSearch.VectorEfSearch;

    /// <summary>How many rows each seed's walk returns.</summary>
    public const int SeedRows = 100;

    /// <summary>The nearest passages for <paramref name="request"/> (whole graph; no document scope) with their similarity, best first.</summary>
    public async Task<List<(long Id, double Score)>> SearchAsync(SearchRequest request, string? viewer)
    {
        float[] q = HashingEmbedding.Embed(request.Query);
        int candidates = Math.Max(request.Top * 4, 20);
        await using var connection = await dataSource.OpenConnectionAsync();
        var vector = await HnswReadAsync(connection, q, request, viewer, candidates);
        if (walks > 0 && CorpusSearch.IsSparse(q) && vector.Count > 0)
        {
            await WalkAsync(connection, q, request, viewer, vector);
        }

        return await NearestPerTextAsync(connection, vector, request.Top);
    }

    /// <summary>The product's HNSW read for a whole-graph request: the nearest <paramref name="candidates"/> passing passages it finds, by (distance, id).</summary>
    /// <remarks><paramref name="sql"/>: another read of <see cref="CorpusSearch.VectorSql"/>'s shape (a partial graph's, session 35).</remarks>
    internal static async Task<List<(long Id, double Distance)>> HnswReadAsync(NpgsqlConnection connection, float[] q, SearchRequest request, string? viewer, int candidates, string? sql = null)
    {
        var vector = new List<(long Id, double Distance)>();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            int ef = CorpusSearch.EfSearch(q, sectionGraph: false, candidates);
            await Exec(connection, tx, string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order"));
            await using (var declare = new NpgsqlCommand("DECLARE vector_read NO SCROLL CURSOR FOR " + (sql ?? CorpusSearch.VectorSql), connection, tx))
            {
                AddParameters(declare.Parameters, q, request, viewer, CorpusSearch.MaxVectorRows);
                await declare.ExecuteNonQueryAsync();
            }

            int fetch = CorpusSearch.VectorRows(q, candidates), read = 0;
            while (fetch > 0)
            {
                int returned = await ReadAsync(new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"FETCH {fetch} FROM vector_read"), connection, tx), vector);
                read += returned;
                fetch = returned < fetch ? 0 : CorpusSearch.NextFetch(read, vector.Count, candidates);
            }

            await tx.CommitAsync();
        }

        vector.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
        if (vector.Count > candidates)
        {
            vector.RemoveRange(candidates, vector.Count - candidates);
        }

        return vector;
    }

    private async Task WalkAsync(NpgsqlConnection connection, float[] q, SearchRequest request, string? viewer, List<(long Id, double Distance)> vector)
    {
        var seeds = new List<Vector>();
        await using (var cmd = new NpgsqlCommand("SELECT embedding FROM corpus_passages WHERE id = ANY($1) ORDER BY id", connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = vector.Take(walks).Select(v => v.Id).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                seeds.Add(r.GetFieldValue<Vector>(0));
            }
        }

        string seedSql = CorpusSearch.VectorSql.Replace("ORDER BY p.embedding <=> $1 LIMIT $7", "ORDER BY p.embedding <=> $10 LIMIT $7", StringComparison.Ordinal);
        var found = new List<(long Id, double Distance)>();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Exec(connection, tx, string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {SeedEfSearch}; SET LOCAL hnsw.iterative_scan = relaxed_order"));
            foreach (var seed in seeds)
            {
                var walk = new NpgsqlCommand(seedSql, connection, tx);
                AddParameters(walk.Parameters, q, request, viewer, SeedRows);
                walk.Parameters.Add(new NpgsqlParameter { Value = seed });
                await ReadAsync(walk, found);
            }

            await tx.CommitAsync();
        }

        var have = vector.Select(v => v.Id).ToHashSet();
        vector.AddRange(found.Where(f => have.Add(f.Id)));
        vector.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
    }

    internal static async Task<List<(long Id, double Score)>> NearestPerTextAsync(NpgsqlConnection connection, List<(long Id, double Distance)> vector, int top)
    {
        var hashes = new Dictionary<long, string>();
        await using (var cmd = new NpgsqlCommand("SELECT id, text_hash FROM corpus_passages WHERE id = ANY($1)", connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = vector.Select(v => v.Id).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                hashes[r.GetInt64(0)] = r.GetString(1);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. vector.Where(v => seen.Add(hashes[v.Id])).Take(top).Select(v => (v.Id, 1 - v.Distance))];
    }

    /// <summary>The parameters of <see cref="CorpusSearch.VectorSql"/>: $1 the question, $2–$6 the filters, $7 the limit, $8 the viewer, $9 no document scope.</summary>
    internal static void AddParameters(NpgsqlParameterCollection parameters, float[] q, SearchRequest request, string? viewer, int limit)
    {
        parameters.Add(new NpgsqlParameter { Value = new Vector(q) });
        parameters.Add(new NpgsqlParameter { Value = request.Kind is { } k ? SectionKinds.Name(k) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.Fund ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.Region ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.Year ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = limit });
        parameters.Add(new NpgsqlParameter { Value = (object?)viewer ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
    }

    /// <summary>Reads (id, distance) rows, keeping those with a distance (they passed the filters); returns how many rows came.</summary>
    internal static async Task<int> ReadAsync(NpgsqlCommand cmd, List<(long Id, double Distance)> into)
    {
        await using (cmd)
        {
            int rows = 0;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                rows++;
                if (!r.IsDBNull(1))
                {
                    into.Add((r.GetInt64(0), r.GetDouble(1)));
                }
            }

            return rows;
        }
    }

    private static async Task Exec(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync();
    }
}
