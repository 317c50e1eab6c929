using Assistant.Domain.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>
/// Hybrid retrieval: pgvector cosine (HNSW) and a bigram full-text rank, each taking its own
/// candidates under the same filters, fused by reciprocal rank; passages with the same text are
/// returned once. Only published passages and the viewer's unit's own are searched (<see cref="CorpusAudience"/>).
/// </summary>
public sealed class CorpusSearch(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    public const int MaxTop = 50;
    public const int MaxQueryChars = 500;
    private const int RrfK = 60;

    /// <summary>How much a passage of the asked-for kind gains (a multiplier on its fused score).</summary>
    private const double IntentBoost = 1.5;

    /// <summary>Filters shared by both sides; $2.. parameters follow the query's own.</summary>
    private const string Filters =
        """
        ($2::text IS NULL OR p.kind = $2)
        AND ($3::text IS NULL OR p.fund ILIKE '%' || $3 || '%')
        AND ($4::text IS NULL OR p.region ILIKE '%' || $4 || '%')
        AND ($5::int IS NULL OR p.year = $5)
        AND ($6::uuid IS NULL OR p.document_id <> $6)
        AND (p.owner_unit IS NULL OR p.owner_unit = $8)
        """;

    /// <summary>The nearest-neighbour query; ordered by the distance expression so the HNSW index serves it.</summary>
    public const string VectorSql =
        "SELECT p.id, p.embedding <=> $1 AS distance FROM corpus_passages p WHERE p.embedding IS NOT NULL AND "
        + Filters + " ORDER BY p.embedding <=> $1 LIMIT $7";

    /// <summary>The lexical query over the bigram tsvector (GIN).</summary>
    public const string LexicalSql =
        "SELECT p.id, ts_rank_cd(p.tsv, q, 1) AS rank FROM corpus_passages p, to_tsquery('simple', $1) q WHERE p.tsv @@ q AND "
        + Filters + " ORDER BY rank DESC, p.id LIMIT $7";

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        int candidates = Math.Max(request.Top * 4, 20);
        var vector = new List<(long Id, double Score)>();
        var lexical = new List<(long Id, double Score)>();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        float[]? q = request.Mode == SearchMode.Lexical
            ? null
            : (await embedder.GenerateAsync([request.Query], null, cancellationToken))[0].Vector.ToArray();

        // A query with nothing that embeds ("。", ":*") has no direction: cosine distance would be NaN.
        if (q is not null && q.Any(x => x != 0 && float.IsFinite(x)))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var set = new NpgsqlCommand(
                $"SET LOCAL hnsw.ef_search = {Math.Max(40, candidates)}; SET LOCAL hnsw.iterative_scan = relaxed_order;", connection, tx))
            {
                await set.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var cmd = new NpgsqlCommand(VectorSql, connection, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = new Vector(q) });
            AddFilters(cmd, request, candidates);
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken))
                {
                    double distance = r.IsDBNull(1) ? double.NaN : r.GetDouble(1);
                    if (double.IsFinite(distance))
                    {
                        vector.Add((r.GetInt64(0), 1 - distance));
                    }
                }
            }

            await tx.CommitAsync(cancellationToken);

            // relaxed_order may return neighbours slightly out of order.
            vector.Sort((a, b) => b.Score.CompareTo(a.Score));
        }

        var tsquery = await LexicalQueryAsync(connection, request.Query, cancellationToken);
        if (request.Mode != SearchMode.Vector && tsquery.Length > 0)
        {
            await using var cmd = new NpgsqlCommand(LexicalSql, connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = tsquery });
            AddFilters(cmd, request, candidates);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                lexical.Add((r.GetInt64(0), r.GetFloat(1)));
            }
        }

        var fused = Fuse(request.Mode, vector, lexical);
        var details = await DetailsAsync(connection, fused.Select(f => f.Id).ToArray(), cancellationToken);

        // Passages of the kind the query asks for (why / what next / money) rank first among equals.
        var intent = request.Kind is null ? QueryIntent.Kinds(request.Query) : new HashSet<SectionKind>();
        if (intent.Count > 0)
        {
            fused = fused
                .Select(f => details.TryGetValue(f.Id, out var d) && SectionKinds.TryParse(d.Hit.Section, out var k) && intent.Contains(k)
                    ? f with { Score = f.Score * IntentBoost }
                    : f)
                .OrderByDescending(f => f.Score)
                .ThenBy(f => f.Id)
                .ToList();
        }

        var hits = new List<SearchHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in fused)
        {
            if (!details.TryGetValue(f.Id, out var d) || !seen.Add(d.TextHash))
            {
                continue;
            }

            hits.Add(d.Hit with { Score = Math.Round(f.Score, 6), VectorRank = f.VectorRank, LexicalRank = f.LexicalRank });
            if (hits.Count == request.Top)
            {
                break;
            }
        }

        return new SearchResponse(request.Query, request.Mode.ToString().ToLowerInvariant(), hits.Count, hits);
    }

    private static List<Fused> Fuse(
        SearchMode mode, List<(long Id, double Score)> vector, List<(long Id, double Score)> lexical)
    {
        var vRank = vector.Select((v, i) => (v.Id, Rank: i + 1, v.Score)).ToDictionary(x => x.Id);
        var lRank = lexical.Select((v, i) => (v.Id, Rank: i + 1, v.Score)).ToDictionary(x => x.Id);
        var ids = vector.Select(v => v.Id).Concat(lexical.Select(l => l.Id)).Distinct();
        return ids.Select(id =>
            {
                int? vr = vRank.TryGetValue(id, out var v) ? v.Rank : null;
                int? lr = lRank.TryGetValue(id, out var l) ? l.Rank : null;
                double score = mode switch
                {
                    SearchMode.Vector => v.Score,
                    SearchMode.Lexical => l.Score,
                    _ => (vr is { } a ? 1.0 / (RrfK + a) : 0) + (lr is { } b ? 1.0 / (RrfK + b) : 0),
                };
                return new Fused(id, score, vr, lr);
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Id)
            .ToList();
    }

    /// <summary>
    /// The OR-query of the query's bigrams, without those that occur in a large share of all passages
    /// (就业, 资金 …): PostgreSQL's ranking has no inverse document frequency, so such tokens would
    /// outvote the rare, telling ones. Frequencies come from the planner's statistics on the tsvector
    /// column (ANALYZE), read at most once a minute.
    /// </summary>
    private async Task<string> LexicalQueryAsync(NpgsqlConnection connection, string query, CancellationToken cancellationToken)
    {
        var tokens = LexicalTokens.Tokens(query);
        var stats = await TokenStatsAsync(connection, cancellationToken);

        // Tokens the statistics do not list are rarer than the rarest listed one.
        float Share(string t) => stats.Shares.TryGetValue(t, out var f) ? f : stats.Floor;
        var telling = tokens.Where(t => Share(t) < CommonShare).OrderBy(Share).ToList();
        if (telling.Count == 0)
        {
            return string.Join(" | ", tokens);
        }

        // Keep the rarest tokens while the rows they would match stay within a budget (at least two tokens):
        // ranking every passage that shares one middling bigram costs more than it tells.
        var kept = new List<string>();
        double rows = 0;
        foreach (var t in telling)
        {
            double add = Share(t) * stats.Rows;
            if (kept.Count >= 2 && rows + add > LexicalRowBudget)
            {
                break;
            }

            kept.Add(t);
            rows += add;
        }

        return string.Join(" | ", kept);
    }

    private const float CommonShare = 0.12f;
    private const double LexicalRowBudget = 4000;
    private TokenStats tokenStats = new(DateTimeOffset.MinValue, new Dictionary<string, float>(StringComparer.Ordinal), 0f, 0);

    private sealed record TokenStats(DateTimeOffset At, Dictionary<string, float> Shares, float Floor, double Rows);

    /// <summary>Token shares from the planner's statistics on the tsvector column (ANALYZE), read at most once a minute.</summary>
    private async Task<TokenStats> TokenStatsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var cached = tokenStats;
        if (DateTimeOffset.UtcNow - cached.At < TimeSpan.FromMinutes(1))
        {
            return cached;
        }

        var shares = new Dictionary<string, float>(StringComparer.Ordinal);
        float floor = 0f;
        double rows = 0;
        await using (var cmd = new NpgsqlCommand(
            """
            SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs,
                   (SELECT reltuples FROM pg_class WHERE oid = 'corpus_passages'::regclass)
            FROM pg_stats s
            WHERE s.tablename = 'corpus_passages' AND s.attname = 'tsv' AND s.schemaname = current_schema()
            """, connection))
        {
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            if (await r.ReadAsync(cancellationToken) && !r.IsDBNull(0))
            {
                var elems = r.GetFieldValue<string[]>(0);
                var freqs = r.GetFieldValue<float[]>(1);
                for (int i = 0; i < elems.Length && i < freqs.Length; i++)
                {
                    shares[elems[i]] = freqs[i];
                }

                // most_common_elem_freqs ends with the minimum, the maximum and the null share.
                floor = freqs.Length > elems.Length ? freqs[elems.Length] : 0f;
                rows = Math.Max(0, r.GetFloat(2));
            }
        }

        var fresh = new TokenStats(DateTimeOffset.UtcNow, shares, floor, rows);
        tokenStats = fresh;
        return fresh;
    }

    private sealed record Fused(long Id, double Score, int? VectorRank, int? LexicalRank);

    private static void AddFilters(NpgsqlCommand cmd, SearchRequest request, int limit)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = request.Kind is { } k ? SectionKinds.Name(k) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Blank(request.Fund), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Blank(request.Region), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Year ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.ExcludeDocument ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)CorpusAudience.ViewerUnit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private static object Blank(string? s) => string.IsNullOrWhiteSpace(s) ? DBNull.Value : s.Trim();

    private static async Task<Dictionary<long, (SearchHit Hit, string TextHash)>> DetailsAsync(NpgsqlConnection connection, long[] ids, CancellationToken cancellationToken)
    {
        var map = new Dictionary<long, (SearchHit, string)>();
        if (ids.Length == 0)
        {
            return map;
        }

        await using var cmd = new NpgsqlCommand(
            """
            SELECT p.id, p.document_id, d.title, p.region, p.year, p.fund, p.kind, p.section_path, p.indicator, p.text, p.text_hash
            FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id WHERE p.id = ANY($1)
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var hit = new SearchHit(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9), 0, null, null);
            map[hit.PassageId] = (hit, r.GetString(10));
        }

        return map;
    }

    /// <summary>Bad queries are input errors (400), named by field in Chinese and English.</summary>
    public static void Validate(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            errors.Add(new InputError("q", "查询内容不能为空。", "The query must not be empty."));
        }
        else if (request.Query.Length > MaxQueryChars)
        {
            errors.Add(new InputError("q", $"查询内容不能超过 {MaxQueryChars} 个字符。", $"The query must not exceed {MaxQueryChars} characters."));
        }

        if (request.Top is < 1 or > MaxTop)
        {
            errors.Add(new InputError("top", $"top 必须在 1 到 {MaxTop} 之间。", $"top must be between 1 and {MaxTop}."));
        }

        if (request.Year is < 1990 or > 2100)
        {
            errors.Add(new InputError("year", "年度必须在 1990 到 2100 之间。", "year must be between 1990 and 2100."));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
