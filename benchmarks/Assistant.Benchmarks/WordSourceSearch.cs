using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// The word source, session 35's lever for short questions' recall at 1M, measured and not adopted (docs/scaling.md,
/// "1M, session 35"): the product's HNSW read for a whole-graph request (<see cref="SeedWalkSearch.HnswReadAsync"/>),
/// joined for a sparse query by the passages holding its words, each at its exact distance, the answer the nearest
/// by (distance, id) over both, one per text. Two ways to choose the words: the rarest while their passages stay
/// within <c>rows</c> (<see cref="CorpusSearch.Plan"/> with <c>rows</c> as the budget, as the lexical half chooses them),
/// or (<c>allWords</c>) every word of the question held by at most a quarter of the passages at once (<c>@&gt;</c>),
/// at most <c>rows</c> read. Either way the rows pass the same filters and unit scope as the HNSW read
/// (<see cref="CorpusSearch.VectorSql"/>'s column).
/// </summary>
internal sealed class WordSourceSearch(NpgsqlDataSource dataSource, int rows, bool allWords)
{
    /// <summary>The nearest passages for <paramref name="request"/> (whole graph; no document scope) with their similarity, best first.</summary>
    public async Task<List<(long Id, double Score)>> SearchAsync(SearchRequest request, string? viewer)
    {
        float[] q = HashingEmbedding.Embed(request.Query);
        int candidates = Math.Max(request.Top * 4, 20);
        await using var connection = await dataSource.OpenConnectionAsync();
        var vector = await SeedWalkSearch.HnswReadAsync(connection, q, request, viewer, candidates);
        if (rows > 0 && CorpusSearch.IsSparse(q) && await CorpusSearch.LexicalPlanAsync(connection, request.Query, rows, CancellationToken.None) is { } plan)
        {
            if (allWords && AllWords(plan) is { } all)
            {
                plan = all;
            }

            var found = new List<(long Id, double Distance)>();
            await ReadAsync(connection, plan, q, request, viewer, found);
            if (found.Count == 0 && plan.All)
            {
                await ReadAsync(connection, plan.RarestAlone(), q, request, viewer, found);
            }

            var have = vector.Select(v => v.Id).ToHashSet();
            vector.AddRange(found.Where(f => have.Add(f.Id)));
            vector.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
        }

        return await SeedWalkSearch.NearestPerTextAsync(connection, vector, request.Top);
    }

    /// <summary>Every word of the question held by at most a quarter of the passages (BM25 IDF ≥ ln 4); null when none is that rare.</summary>
    private static CorpusSearch.LexicalPlan? AllWords(CorpusSearch.LexicalPlan plan)
    {
        string[] words = [.. plan.Terms.Where((_, i) => plan.Idf[i] >= Math.Log(4) - 1e-9)];
        return words.Length == 0 ? null : plan with { Candidates = words, All = true };
    }

    /// <summary>The passages holding any (or all) of the plan's words, at most <c>rows</c> read through the GIN index, with their distance when they pass the filters.</summary>
    private async Task ReadAsync(NpgsqlConnection connection, CorpusSearch.LexicalPlan plan, float[] q, SearchRequest request, string? viewer, List<(long Id, double Distance)> found)
    {
        string words = "p.id = ANY(ARRAY(SELECT w.id FROM corpus_passages w WHERE w.terms " + (plan.All ? "@>" : "&&") + " $10::text[] LIMIT $11))";
        string sql = CorpusSearch.VectorSql.Replace("ORDER BY p.embedding <=> $1 LIMIT $7", "AND " + words + " LIMIT $7", StringComparison.Ordinal);
        var cmd = new NpgsqlCommand(sql, connection);
        SeedWalkSearch.AddParameters(cmd.Parameters, q, request, viewer, rows);
        cmd.Parameters.Add(new NpgsqlParameter { Value = plan.Candidates });
        cmd.Parameters.Add(new NpgsqlParameter { Value = rows });
        await SeedWalkSearch.ReadAsync(cmd, found);
    }
}
