using Assistant.Domain.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>
/// Hybrid retrieval: pgvector cosine (HNSW, iterative scan under the filters) and BM25 over the
/// passages' words (GIN, candidates bounded by selectivity), each a bounded list under the same
/// filters, fused by reciprocal rank; passages with the same text are
/// returned once. Only published passages and the viewer's unit's own are searched (<see cref="CorpusAudience"/>).
/// </summary>
/// <param name="lexicalRowBudget">The most passages the lexical side fetches and ranks (<see cref="LexicalRowBudget"/>; another value for measurement).</param>
/// <param name="exactScanPassages">Up to how many passages a region or year filter's documents may hold to be searched exactly (<see cref="DocumentScope.MaxPassages"/>; another value for tests and measurement).</param>
/// <param name="sectionIndexes">Whether a section filter with its own partial index (<see cref="SectionIndexedKinds"/>) uses it (false: the whole graph, for tests and measurement).</param>
/// <param name="yearIndexes">Whether a year filter reads its year's own graph when it has one (<see cref="YearGraphs"/>; false: the whole graph, for tests and measurement).</param>
/// <param name="sparseQueryEf">Whether a sparse query vector gets <see cref="SparseQueryEfSearch"/> (false: every query at the graph's usual list, for measurement).</param>
/// <param name="wholeGraphEf">The whole graph's usual list (<see cref="VectorEfSearch"/>; another value for measurement).</param>
/// <param name="sparseQueryRows">How many rows a sparse query's HNSW scan reads before the nearest are kept (<see cref="SparseQueryRows"/>; 0: only the candidates, session 28's, for measurement).</param>
/// <param name="sparseEfSearch">A sparse query vector's list (<see cref="SparseQueryEfSearch"/>; another value for measurement).</param>
/// <param name="exactScan">The in-memory exact scan (<see cref="ExactScanIndex"/>, session 37): when loaded, the vector half of the queries it serves; null: HNSW and the document scope as before.</param>
/// <param name="lexicalScopes">Whether a search whose vector half does not read the document scope (lexical mode, or the exact scan serves the query) reads the documents only up to the lexical half's bound (<see cref="ScopeBound"/>; false: up to <paramref name="exactScanPassages"/> as before session 39, for measurement).</param>
public sealed partial class CorpusSearch(
    NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder, int lexicalRowBudget = CorpusSearch.LexicalRowBudget, int exactScanPassages = DocumentScope.MaxPassages,
    bool sectionIndexes = true, bool sparseQueryEf = true, int wholeGraphEf = CorpusSearch.VectorEfSearch, int sparseQueryRows = CorpusSearch.SparseQueryRows,
    int sparseEfSearch = CorpusSearch.SparseQueryEfSearch, bool yearIndexes = true, ExactScanIndex? exactScan = null, bool lexicalScopes = true)
{
    public const int MaxTop = 50;
    public const int MaxQueryChars = 500;
    private const int RrfK = 60;

    /// <summary>How much a passage of the asked-for kind gains (a multiplier on its fused score).</summary>
    private const double IntentBoost = 1.5;

    /// <summary>
    /// Filters shared by both sides; $2.. parameters follow the query's own. Fund and region match as
    /// case-insensitive literal substrings (a region of 川汇 or 川汇区 finds 河南省周口市川汇区; <c>%</c> and
    /// <c>_</c> are plain characters). $9, when set, is the documents the region and year select
    /// (<see cref="DocumentScope"/>): an indexed list of passages instead of a test per row. The section
    /// is compared as an expression so the planner never intersects the candidates with the index on
    /// <c>kind</c>: a section holds a quarter of the passages, and building that bitmap cost more than
    /// the lexical half's whole read (18 of 22 ms, session 25).
    /// </summary>
    private const string Filters =
        """
        ($2::text IS NULL OR (p.kind || '') = $2)
        AND ($3::text IS NULL OR strpos(lower(p.fund), lower($3)) > 0)
        AND ($4::text IS NULL OR strpos(lower(p.region), lower($4)) > 0)
        AND ($5::int IS NULL OR p.year = $5)
        AND ($6::uuid IS NULL OR p.document_id <> $6)
        AND (p.owner_unit IS NULL OR p.owner_unit = $8)
        AND ($9::uuid[] IS NULL OR p.document_id = ANY($9))
        """;

    /// <summary>
    /// The nearest-neighbour read through HNSW, ordered by the distance expression so the index serves
    /// it: every row the scan returns, with its distance when it passes the filters and null when not
    /// (a rejected row's embedding, stored out of line, is never read). The filters are a column, not a
    /// <c>WHERE</c> clause: the read is bounded by the rows the scan returns (<see cref="SparseQueryRows"/>),
    /// not by the rows that pass, so a filter passing one row in dozens does not multiply the walk (it
    /// read to 2,000 passing rows, session 29: 28,000 rows under region + year at 1M), and the planner,
    /// given no predicate to misjudge, cannot trade the index for a sort of every passing row (under
    /// section=deviation-reason it did: the expression's guessed selectivity put fewer rows than the
    /// limit in the section; docs/benchmarks.md, issue 21 — filtered search at 1M, session 30). Read
    /// through a cursor (<see cref="VectorAsync"/>); <c>$7</c> is <see cref="MaxVectorRows"/>.
    /// </summary>
    public const string VectorSql = VectorReadColumns + " ORDER BY p.embedding <=> $1 LIMIT $7";

    private const string VectorReadColumns =
        "SELECT p.id, CASE WHEN " + Filters + " THEN p.embedding <=> $1 END AS distance FROM corpus_passages p WHERE p.embedding IS NOT NULL";

    /// <summary>The partial HNSW index over the deviation-reason passages (<see cref="SectionIndexedKinds"/>).</summary>
    public const string DeviationReasonIndex = "ix_corpus_passages_embedding_deviation_reason";

    /// <summary>
    /// The sections with their own partial HNSW index (<c>WHERE kind = '…'</c>), each with its vector
    /// read: <see cref="VectorSql"/> plus the section as a literal, which is what lets the planner match the
    /// index's predicate (a parameter never does). Passages of one kind sit together in the embedding
    /// space, so for a query near other kinds the whole graph's iterative scan walks hundreds of
    /// rejected tuples; the section's own graph holds only passing ones (docs/benchmarks.md, issue 21 —
    /// search, session 26). Only deviation reasons, the drafter's own filter, have one: each graph adds
    /// to the bulk loader's rebuild (a quarter of the passages, about a quarter of the HNSW build).
    /// </summary>
    public static readonly IReadOnlyDictionary<SectionKind, string> SectionIndexedKinds = new Dictionary<SectionKind, string>
    {
        [SectionKind.DeviationReason] = SectionVectorSql(SectionKind.DeviationReason),
    };

    /// <summary>
    /// The vector read of <paramref name="year"/>'s own graph (<see cref="YearGraphs"/>): <see cref="VectorSql"/> plus
    /// the year as a literal, so the planner matches the partial index's predicate (the filters stay the column).
    /// </summary>
    public static string YearVectorSql(int year) =>
        VectorReadColumns + " AND p.year = " + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ORDER BY p.embedding <=> $1 LIMIT $7";

    private static string SectionVectorSql(SectionKind kind) =>
        VectorReadColumns + " AND p.kind = '" + SectionKinds.Name(kind) + "' ORDER BY p.embedding <=> $1 LIMIT $7";

    /// <summary>
    /// The most rows one search's HNSW read returns (pgvector's default <c>hnsw.max_scan_tuples</c>, which
    /// bounded the filtered scan before): a filter that passes fewer than the candidates among them
    /// gives what passed. Also keeps the read's estimated cost far under <c>jit_above_cost</c>.
    /// </summary>
    public const int MaxVectorRows = 20_000;

    /// <summary>
    /// The exact nearest neighbours among the few passages a document scope holds: the filtered rows
    /// through the index on their document, every distance computed, the nearest kept. The subquery
    /// (<c>OFFSET 0</c>) keeps the HNSW index out: its iterative scan would walk the graph for a filter
    /// that passes one row in dozens (docs/benchmarks.md, issue 21 — search filters, session 25).
    /// </summary>
    public const string ExactVectorSql =
        "SELECT c.id, c.embedding <=> $1 AS distance FROM (SELECT p.id, p.embedding FROM corpus_passages p WHERE p.embedding IS NOT NULL AND "
        + Filters + " OFFSET 0) c ORDER BY distance, c.id LIMIT $7";

    /// <summary>
    /// <see cref="ExactVectorSql"/> without a fund filter: only the columns <see cref="DocumentScope.VectorIndex"/>
    /// carries, so the scan is index-only (no heap row, no out-of-line vector read per passage). Region,
    /// year, owner and the excluded document are the documents' and already in the scope's list <c>$9</c>
    /// (a passage carries its document's region, year and owner); the section and the excluded document are
    /// tested again per passage.
    /// </summary>
    public const string ScopeVectorSql =
        "SELECT c.id, c.embedding <=> $1 AS distance FROM (SELECT p.id, p.embedding FROM corpus_passages p WHERE p.document_id = ANY($9) AND p.embedding IS NOT NULL"
        + " AND ($2::text IS NULL OR (p.kind || '') = $2) AND ($6::uuid IS NULL OR p.document_id <> $6) OFFSET 0) c ORDER BY distance, c.id LIMIT $7";

    /// <summary>
    /// The lexical candidates: passages whose terms hold any (<c>&amp;&amp;</c>) or all (<c>@&gt;</c>) of the
    /// candidate terms <c>$1</c>, found through the GIN index on the terms (and the document scope
    /// <c>$9</c>), at most <c>$11</c> rows read (<see cref="LexicalScanFactor"/>), at most <c>$10</c> of
    /// them passing the other filters kept (<see cref="LexicalRowBudget"/>). Ranked by BM25 in <c>Bm25</c>: computing
    /// term frequencies in SQL costs a function scan per row, ten times the fetch. The terms come as
    /// <c>array_send</c>'s bytes, counted by <see cref="TermArray"/> without a string per term.
    /// </summary>
    private const string LexicalSqlFormat =
        "SELECT p.id, array_send(p.terms) FROM (SELECT p.id, p.terms, p.kind, p.fund, p.region, p.year, p.document_id, p.owner_unit FROM corpus_passages p"
        + " WHERE p.terms {0} $1::text[] AND ($9::uuid[] IS NULL OR p.document_id = ANY($9)) LIMIT $11) p WHERE " + Filters + " LIMIT $10";

    /// <summary>Candidates holding any of the rarest terms.</summary>
    public static readonly string LexicalAnySql = string.Format(System.Globalization.CultureInfo.InvariantCulture, LexicalSqlFormat, "&&");

    /// <summary>Candidates holding all of the rarest terms (when even the rarest one alone is over the budget).</summary>
    public static readonly string LexicalAllSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, LexicalSqlFormat, "@>");

    /// <summary>
    /// The most passages the lexical side fetches and ranks for one query, whatever the terms and the
    /// corpus size. Each candidate is a random heap page read and its terms detoasted, so the lexical
    /// half's cost is this budget: 2,000 made hybrid 9× its floor at 114k passages, 500 3.5×
    /// (docs/benchmarks.md, issue 21, session 24).
    /// </summary>
    public const int LexicalRowBudget = 500;

    /// <summary>
    /// The most rows the lexical side reads, as a multiple of its budget: filters (section, fund) are
    /// tested on rows the terms found, so without this bound a filter passing few of them (or a
    /// conjunction of words that always go together, 即享 ∧ 免申: 2,271 rows, not the 45 independence
    /// predicts) reads every row holding the terms. Region and year narrow the scan itself (<see cref="DocumentScope"/>).
    /// </summary>
    public const int LexicalScanFactor = 2;

    /// <summary>
    /// HNSW candidate list for a dense (passage-shaped) query on the whole graph; at least the candidates
    /// asked for. 200 since session 28: 100 (session 25) gave such queries recall@10 1.000, 0.945 and
    /// 0.995 on three builds of the same 114k corpus, under 0.95 on one (docs/benchmarks.md, issue 21 —
    /// search at province scale, session 28, with the 1M figures); 200 keeps every build measured at or above 0.95.
    /// Short questions' sparse vectors get <see cref="SparseQueryEfSearch"/>.
    /// </summary>
    public const int VectorEfSearch = 200;

    /// <summary>
    /// HNSW candidate list on a section's own graph (<see cref="SectionIndexedKinds"/>). The whole
    /// graph's iterative scan under a section filter walks hundreds of rejected tuples and so, by
    /// accident, looks at many; the section's graph holds only passing ones, so it needs a longer list
    /// for the same recall: short queries under section=deviation-reason at 114k passages, recall@10
    /// 0.735 at 100 and 0.830 at 200 against the whole graph's 0.825 (docs/benchmarks.md, issue 21 —
    /// search, session 26), and the walk on a quarter-size graph still costs a fraction of the whole one's.
    /// </summary>
    public const int SectionEfSearch = 200;

    /// <summary>
    /// HNSW candidate list for a sparse query vector (<see cref="IsSparse"/>: a short question under the
    /// built-in embedding, 15–37 of 384 buckets set), on either graph. Such a query is far from every
    /// passage (cosine distance 0.5–0.7) with its nearest ones nearly tied, and the walk at 100 stops in
    /// the wrong region for some: short-query recall@10 at 114k passages 0.845 at 100, 0.945 at 400,
    /// 0.950 at 1000 (docs/benchmarks.md, issue 21 — search, session 27). A passage-shaped query (most
    /// buckets set, or any model embedder's dense vector) keeps the usual <see cref="VectorEfSearch"/>.
    /// 1000 is also the most pgvector accepts for <c>hnsw.ef_search</c>.
    /// </summary>
    public const int SparseQueryEfSearch = 1000;

    /// <summary>
    /// How many rows a sparse query's HNSW scan reads (the iterative scan continued past ef_search) before
    /// the nearest candidates by exact distance are kept. ef_search 1000 is pgvector's maximum, and at
    /// 300k–1M passages it leaves short questions at recall@10 0.875–0.880: for some the walk settles
    /// among passages that are near but not nearest, and only reading on reaches the rest (300k: 0.880
    /// at 40 rows, 0.930 at 2,000, 0.950 at 5,000; docs/benchmarks.md, issue 21 — vector recall at 1M,
    /// session 29). The rows cost their distances and heap reads, so the read is bounded. Rows the scan
    /// returns, passing the filters or not (session 30): under a filter the walk is as long as without
    /// one, and the read goes on only while fewer than the candidates have passed (<see cref="NextFetch"/>).
    /// </summary>
    public const int SparseQueryRows = 2000;

    /// <summary>How many rows the vector half's HNSW scan reads first for <paramref name="query"/>: <see cref="SparseQueryRows"/> for a sparse vector (<paramref name="sparseRows"/> in measurement), else the candidates.</summary>
    public static int VectorRows(ReadOnlySpan<float> query, int candidates, int sparseRows = SparseQueryRows) =>
        IsSparse(query) ? Math.Max(sparseRows, candidates) : candidates;

    /// <summary>A query vector with at most this share of its dimensions non-zero is sparse (48 of 384; a 20-character question sets about 50).</summary>
    public const int SparseDimensionsDivisor = 8;

    /// <summary>Whether <paramref name="query"/> is a sparse vector (<see cref="SparseQueryEfSearch"/>): at most 1/<see cref="SparseDimensionsDivisor"/> of its dimensions non-zero.</summary>
    public static bool IsSparse(ReadOnlySpan<float> query)
    {
        int nonZero = 0;
        foreach (float x in query)
        {
            if (x != 0)
            {
                nonZero++;
            }
        }

        return nonZero * SparseDimensionsDivisor <= query.Length;
    }

    /// <summary>The HNSW candidate list for <paramref name="query"/> on the whole graph or a section's own (<paramref name="sectionGraph"/>), at least <paramref name="candidates"/>.</summary>
    public static int EfSearch(ReadOnlySpan<float> query, bool sectionGraph, int candidates) => EfSearch(query, sectionGraph, candidates, VectorEfSearch, SparseQueryEfSearch);

    private static int EfSearch(ReadOnlySpan<float> query, bool sectionGraph, int candidates, int wholeGraphEf, int sparseEf) =>
        Math.Max(IsSparse(query) ? sparseEf : GraphEfSearch(sectionGraph, wholeGraphEf), candidates);

    private static int GraphEfSearch(bool sectionGraph, int wholeGraphEf) => sectionGraph ? SectionEfSearch : wholeGraphEf;

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        int candidates = Math.Max(request.Top * 4, 20);

        // The two halves run at once, each on its own connection: the vector half (embedding, then the
        // HNSW scan) and the lexical half (term statistics, then the GIN candidates) share nothing.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // The query's vector first when the exact scan is loaded: a query it serves needs the documents of a region or
        // year filter only for the lexical half, so they are read only up to that half's bound (session 39: at 1M, a
        // year's 10,600 documents were read on every search for a list no half used).
        float[]? q = request.Mode != SearchMode.Lexical && lexicalScopes && exactScan is { IsReady: true } ? await QueryVectorAsync(request.Query, cancellationToken) : null;
        bool lexicalOnly = lexicalScopes && (request.Mode == SearchMode.Lexical || (q is not null && exactScan!.Serves(q)));
        var scope = await DocumentScope.ForAsync(connection, request, ScopeBound(request, exactScanPassages, lexicalOnly), cancellationToken);
        Task<List<(long Id, double Score)>> vectorHalf = request.Mode == SearchMode.Lexical
            ? Task.FromResult(new List<(long Id, double Score)>())
            : VectorAsync(request, scope, lexicalOnly, q, candidates, cancellationToken);
        List<(long Id, double Score)> lexical;
        try
        {
            lexical = request.Mode == SearchMode.Vector ? [] : await LexicalAsync(connection, request, DocumentScope.ForLexical(scope), candidates, cancellationToken);
        }
        finally
        {
            // Never leave the other half running (or its failure unobserved) when this one fails.
            await ((Task)vectorHalf).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var vector = await vectorHalf;
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

    /// <summary>
    /// How many passages the documents a region or year filter selects may hold for the search to read them as a list
    /// (<see cref="DocumentScope.ForAsync"/>): the vector half's exact bound (<see cref="DocumentScope.Bound"/>), or, when
    /// only the lexical half reads the list (<paramref name="lexicalOnly"/>: lexical mode, or the in-memory exact scan
    /// serves the vector half), the lexical half's (<see cref="DocumentScope.ForLexical"/>), whichever is smaller.
    /// </summary>
    public static int ScopeBound(SearchRequest request, int maxPassages, bool lexicalOnly)
    {
        int bound = DocumentScope.Bound(request, maxPassages);
        return lexicalOnly ? Math.Min(bound, DocumentScope.MaxHeapPassages) : bound;
    }

    /// <summary>The lexical half: the candidates chosen by <see cref="LexicalPlanAsync"/>, ranked by BM25 (<c>Bm25</c>, over the terms' bytes).</summary>
    private async Task<List<(long Id, double Score)>> LexicalAsync(NpgsqlConnection connection, SearchRequest request, DocumentScope? scope, int candidates, CancellationToken cancellationToken)
    {
        if (await LexicalPlanAsync(connection, request.Query, lexicalRowBudget, cancellationToken) is not { } plan)
        {
            return [];
        }

        var rows = await LexicalRowsAsync(connection, plan, request, scope, candidates, cancellationToken);
        if (rows.Count == 0 && plan.All)
        {
            // The rarest words never occur together (岗位空缺未及时补充: 及时 ∧ 空缺): the passages holding the
            // rarest alone, under the same row budget, rather than no lexical half at all.
            rows = await LexicalRowsAsync(connection, plan.RarestAlone(), request, scope, candidates, cancellationToken);
        }

        return Bm25(plan, rows, candidates);
    }

    private async Task<List<(long Id, byte[] Terms)>> LexicalRowsAsync(
        NpgsqlConnection connection, LexicalPlan plan, SearchRequest request, DocumentScope? scope, int candidates, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(plan.All ? LexicalAllSql : LexicalAnySql, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = plan.Candidates });
        AddFilters(cmd, request, scope, candidates);
        cmd.Parameters.Add(new NpgsqlParameter { Value = lexicalRowBudget });
        cmd.Parameters.Add(new NpgsqlParameter { Value = LexicalScanFactor * lexicalRowBudget });
        var rows = new List<(long Id, byte[] Terms)>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            rows.Add((r.GetInt64(0), r.GetFieldValue<byte[]>(1)));
        }

        return rows;
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
    /// The lexical query's terms with their BM25 IDF from the corpus statistics (<see cref="CorpusTerm"/>),
    /// and its candidate terms chosen by selectivity: the rarest terms while the passages holding them
    /// stay within <see cref="LexicalRowBudget"/>; when even the rarest is over it, the fewest rarest
    /// terms whose conjunction is expected within it (<see cref="LexicalRowBudget"/> still caps the rows).
    /// Null when no term of the query occurs in the corpus.
    /// </summary>
    public static async Task<LexicalPlan?> LexicalPlanAsync(NpgsqlConnection connection, string query, int budget, CancellationToken cancellationToken)
    {
        var terms = LexicalTerms.OfQuery(query);
        if (terms.Length == 0)
        {
            return null;
        }

        var df = new Dictionary<string, (long Passages, long Occurrences)>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT term, passages, occurrences FROM corpus_terms WHERE term = ANY($1)", connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = terms.Append(CorpusTermCounts.Totals).ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                df[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2));
            }
        }

        return Plan(terms, df, budget);
    }

    public static LexicalPlan? Plan(string[] terms, IReadOnlyDictionary<string, (long Passages, long Occurrences)> df, int budget = LexicalRowBudget)
    {
        if (!df.TryGetValue(CorpusTermCounts.Totals, out var totals) || totals.Passages == 0)
        {
            return null;
        }

        double n = totals.Passages;
        var known = terms.Where(t => df.TryGetValue(t, out var d) && d.Passages > 0)
            .Select(t => (Term: t, Df: df[t].Passages))
            .OrderBy(x => x.Df).ThenBy(x => x.Term, StringComparer.Ordinal)
            .ToList();
        if (known.Count == 0)
        {
            return null;
        }

        var candidates = new List<string>();
        long rows = 0;
        foreach (var (term, count) in known)
        {
            if (rows + count > budget)
            {
                break;
            }

            candidates.Add(term);
            rows += count;
        }

        bool all = false;
        if (candidates.Count == 0)
        {
            // Every term is common: ask for passages holding several of the rarest at once.
            all = true;
            double expected = n;
            foreach (var (term, count) in known.Take(MaxConjunction))
            {
                candidates.Add(term);
                expected *= count / n;
                if (expected <= budget)
                {
                    break;
                }
            }
        }

        // BM25's IDF (the Lucene form, never negative).
        double[] idf = [.. known.Select(k => Math.Log(1 + ((n - k.Df + 0.5) / (k.Df + 0.5))))];
        return new LexicalPlan([.. known.Select(k => k.Term)], idf, [.. candidates], all, Math.Max(1, totals.Occurrences / n));
    }

    /// <summary>A conjunction of more common terms than this narrows little and costs a posting list each.</summary>
    private const int MaxConjunction = 3;

    /// <summary>BM25 terms with their IDF, the candidate terms (any or all of them) and the mean passage length.</summary>
    public sealed record LexicalPlan(string[] Terms, double[] Idf, string[] Candidates, bool All, double MeanLength)
    {
        /// <summary>The same plan asking for the passages holding its rarest candidate word alone (when a conjunction finds none).</summary>
        public LexicalPlan RarestAlone() => this with { Candidates = [Candidates[0]], All = false };
    }

    private sealed record Fused(long Id, double Score, int? VectorRank, int? LexicalRank);

    private static void AddFilters(NpgsqlCommand cmd, SearchRequest request, DocumentScope? scope, int limit) => AddFilters(cmd.Parameters, request, scope, limit);

    private static void AddFilters(NpgsqlParameterCollection parameters, SearchRequest request, DocumentScope? scope, int limit)
    {
        parameters.Add(new NpgsqlParameter { Value = request.Kind is { } k ? SectionKinds.Name(k) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Blank(request.Fund), NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = Blank(request.Region), NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.Year ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.ExcludeDocument ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = limit });
        parameters.Add(new NpgsqlParameter { Value = (object?)CorpusAudience.ViewerUnit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)scope?.Documents ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
    }

    internal static object Blank(string? s) => string.IsNullOrWhiteSpace(s) ? DBNull.Value : s.Trim();

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
