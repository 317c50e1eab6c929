using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Storage;
using Assistant.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// Search filters give the exact filtered answer: on a small corpus (synthetic reports, reports whose
/// region ends in 县 or 市, reports owned by units) every filter — region with and without its suffix,
/// year, section, fund, the unit scope, and their combinations — returns what an independent oracle
/// computes from all rows (filters tested in C#, nearest by the database's own distances, BM25 over
/// every row holding the candidate terms), both through the document scope (region or year: an exact
/// scan of the scope's passages) and without it (the HNSW path).
/// </summary>
public sealed partial class CorpusFilterTests(CorpusFilterTests.Corpus corpus) : IClassFixture<CorpusFilterTests.Corpus>
{
    private const string UnitA = Corpus.UnitA;
    private const string UnitB = Corpus.UnitB;

    private IHost host => corpus.Host;

    private List<Row> rows => corpus.Rows;

    public sealed record Row(long Id, Guid Document, string Kind, string? Fund, string? Region, int? Year, string? Owner, string[] Terms, string TextHash);

    /// <summary>The corpus, stored once for the class.</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        public const string UnitA = "单位甲";
        public const string UnitB = "单位乙";

        private readonly TestDatabase database = new("filters");

        public IHost Host { get; private set; } = null!;

        public List<Row> Rows { get; } = [];

        public async Task InitializeAsync()
        {
            Host = await CorpusHost.StartAsync(database.ConnectionString);
            var store = Host.Services.GetRequiredService<CorpusStore>();
            for (int i = 0; i < 60; i++)
            {
                var (name, text) = SyntheticCorpus.Report(i);
                string? owner = i % 10 == 3 ? UnitA : i % 10 == 7 ? UnitB : null;
                Assert.Equal(IngestResult.Ingested, (await store.IngestTextAsync(name, text, source: "synthetic", owner: owner)).Status);
            }

            // Regions the cases name (the synthetic reports' own are random per process), some ending
            // in 县 or 市 (hints override what the title says), some a unit's own.
            var hinted = new (int Index, string Region, int Year, string? Owner)[]
            {
                (1001, "云南省红河州弥勒县", 2022, null), (1002, "云南省红河州弥勒县", 2023, null), (1003, "内蒙古自治区赤峰市", 2023, null),
                (1004, "四川省南充市", 2023, UnitA), (1005, "弥勒市", 2023, null), (1006, "河南省周口市川汇区", 2023, null),
                (1007, "河南省周口市川汇区", 2023, UnitB), (1008, "甘肃省定西市安定区", 2024, null), (1009, "河南省周口市川汇区", 2022, null),
            };
            foreach (var (index, region, year, owner) in hinted)
            {
                var (name, text) = SyntheticCorpus.Report(index);
                var hints = new ReportHints(Region: region, Year: year);
                Assert.Equal(IngestResult.Ingested, (await store.IngestTextAsync(name, text, hints, "synthetic", owner: owner)).Status);
            }

            var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
            await using (var analyze = dataSource.CreateCommand("VACUUM ANALYZE corpus_passages; ANALYZE corpus_documents"))
            {
                await analyze.ExecuteNonQueryAsync();
            }

            await using var cmd = dataSource.CreateCommand("SELECT id, document_id, kind, fund, region, year, owner_unit, terms, text_hash FROM corpus_passages");
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                Rows.Add(new Row(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<string[]>(7), r.GetString(8)));
            }
        }

        public async Task DisposeAsync()
        {
            Host.Dispose();
            await database.DisposeAsync();
        }
    }

    /// <summary>The cases: region (whole, without its suffix, a middle level, 县 and 市), year, section, fund, and combinations; each for a viewer without a unit and for both units.</summary>
    public static TheoryData<string?, int?, string?, string?> Filters() => new()
    {
        { "川汇区", null, null, null },
        { "川汇", null, null, null },
        { "周口市", 2023, null, null },
        { "河南省周口市川汇区", 2023, null, null },
        { "弥勒县", null, null, null },
        { "弥勒", null, null, null },
        { "弥勒市", 2023, null, null },
        { "赤峰", null, "deviation-reason", null },
        { "南充", 2023, null, null },
        { null, 2022, null, null },
        { null, null, "deviation-reason", null },
        { null, null, "improvement-measure", "见习" },
        { null, null, null, "见习" },
        { "定西", 2024, "indicator", "就业补助" },
        { "川_区", null, null, null },
        { "无此地区", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task VectorSearch_UnderFilters_IsTheExactFilteredAnswer(string? region, int? year, string? section, string? fund)
    {
        foreach (string? viewer in new[] { null, UnitA, UnitB })
        {
            foreach (int exact in new[] { DocumentScope.MaxPassages, 0 })
            {
                var request = Request("见习岗位供给不足", region, year, section, fund, SearchMode.Vector);
                var expected = await NearestAsync(request, viewer);
                var actual = await SearchAsync(request, viewer, exact);
                Assert.True(expected.SequenceEqual(actual), $"viewer {viewer}, scope limit {exact}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task LexicalSearch_UnderFilters_IsTheExactFilteredAnswer(string? region, int? year, string? section, string? fund)
    {
        foreach (string query in new[] { "培训机构师资不足", "合作银行审批条件收紧" })
        {
            foreach (string? viewer in new[] { null, UnitA, UnitB })
            {
                foreach (int exact in new[] { DocumentScope.MaxPassages, 0 })
                {
                    var request = Request(query, region, year, section, fund, SearchMode.Lexical);
                    var expected = await Bm25Async(request, viewer);
                    var actual = await SearchAsync(request, viewer, exact);
                    Assert.True(expected.SequenceEqual(actual), $"{query}, viewer {viewer}, scope limit {exact}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task HybridSearch_UnderFilters_ReturnsOnlyPassingPassages_AndFindsThem(string? region, int? year, string? section, string? fund)
    {
        var request = Request("见习岗位供给不足", region, year, section, fund, SearchMode.Hybrid);
        var passing = rows.Where(r => Passes(r, request, UnitA)).Select(r => r.Id).ToHashSet();
        var hits = await SearchAsync(request, UnitA, DocumentScope.MaxPassages);
        Assert.All(hits, id => Assert.Contains(id, passing));
        Assert.Equal(passing.Count == 0, hits.Count == 0);
    }

    /// <summary>
    /// Under section=deviation-reason the vector half walks the section's own graph (a partial HNSW
    /// index): on this small corpus the planner would rather scan, so here sequential scans and sorts
    /// are priced out until it takes the index (the plan is asserted), and the answer is still the
    /// exact filtered one, for every viewer, with other filters on top.
    /// </summary>
    [Theory]
    [InlineData("见习岗位供给不足", null, null)]
    [InlineData("培训机构师资不足开班推迟", null, null)]
    [InlineData("资金下达时间较晚", "见习", null)]
    [InlineData("合作银行审批收紧", null, "赤峰")]
    public async Task VectorSearch_UnderTheSectionsOwnIndex_IsTheExactFilteredAnswer(string query, string? fund, string? region)
    {
        await using var indexOnly = IndexOnly();
        var request = Request(query, region, null, "deviation-reason", fund, SearchMode.Vector);
        Assert.Contains(await PlanAsync(indexOnly, CorpusSearch.SectionIndexedKinds[SectionKind.DeviationReason], "deviation-reason", fund, region), l => l.Contains("Index Scan using " + CorpusSearch.DeviationReasonIndex + " on", StringComparison.Ordinal));

        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        foreach (string? viewer in new[] { null, UnitA, UnitB })
        {
            var expected = await NearestAsync(request, viewer);
            Assert.NotEmpty(expected);
            using var scope = CorpusAudience.For(viewer);
            var own = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0).SearchAsync(request)).Hits.Select(h => h.PassageId).ToList();
            var whole = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0, sectionIndexes: false).SearchAsync(request)).Hits.Select(h => h.PassageId).ToList();
            Assert.True(expected.SequenceEqual(own), $"viewer {viewer}, own graph: expected [{string.Join(",", expected)}], got [{string.Join(",", own)}]");
            Assert.True(expected.SequenceEqual(whole), $"viewer {viewer}, whole graph: expected [{string.Join(",", expected)}], got [{string.Join(",", whole)}]");
        }
    }

    /// <summary>
    /// A short question's sparse vector reads <see cref="CorpusSearch.SparseQueryRows"/> rows through
    /// the HNSW index (session 29) and keeps its nearest candidates: in vector and hybrid mode the same
    /// answer, with the same vector ranks, as reading only the candidates (on this small corpus ef_search
    /// 1000 reaches every node the graph links, so both reads find the same nearest; a wider list that
    /// was not cut back to the candidates would fuse ranks past them and change the hybrid answer), and
    /// every vector hit among the exact nearest 40. (An HNSW graph built row by row may leave a node
    /// unreachable, so the exact top 10 itself is not asserted here; CorpusFilterTests' other cases do
    /// that where the planner scans.)
    /// </summary>
    [Theory]
    [InlineData("见习岗位不足的原因")]
    [InlineData("资金下达时间较晚导致支出进度慢")]
    [InlineData("推行免申即享")]
    public async Task SparseQueries_ReadWiderThroughHnsw_AndKeepTheirNearestCandidates(string query)
    {
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        float[] v = (await embedder.GenerateAsync([query]))[0].Vector.ToArray();
        Assert.True(CorpusSearch.IsSparse(v));
        Assert.True(CorpusSearch.VectorRows(v, 40) > rows.Count / 2, "the wider read must reach past this corpus's candidates");
        await using var indexOnly = IndexOnly();
        Assert.Contains(await PlanAsync(indexOnly, CorpusSearch.VectorSql, null, null, null), l => l.Contains("Index Scan using ix_corpus_passages_embedding on", StringComparison.Ordinal));
        foreach (string? viewer in new[] { null, UnitA })
        {
            using var scope = CorpusAudience.For(viewer);
            var vector = Request(query, null, null, null, null, SearchMode.Vector);
            var nearest = await NearestAsync(vector with { Top = 40 }, viewer);
            var actual = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0).SearchAsync(vector)).Hits.Select(h => h.PassageId).ToList();
            var before = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0, sparseQueryRows: 0).SearchAsync(vector)).Hits.Select(h => h.PassageId).ToList();
            Assert.Equal(10, actual.Count);
            Assert.All(actual, id => Assert.Contains(id, nearest));
            Assert.Equal(before, actual);

            var hybrid = Request(query, null, null, null, null, SearchMode.Hybrid);
            var wide = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0).SearchAsync(hybrid)).Hits.Select(h => (h.PassageId, h.VectorRank, h.LexicalRank)).ToList();
            var narrow = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0, sparseQueryRows: 0).SearchAsync(hybrid)).Hits.Select(h => (h.PassageId, h.VectorRank, h.LexicalRank)).ToList();
            Assert.NotEmpty(wide);
            Assert.All(wide, h => Assert.True(h.VectorRank is null or <= 40, $"vector rank {h.VectorRank} past the 40 candidates"));
            Assert.Equal(narrow, wide);
        }
    }

    /// <summary>Every passage's exact cosine similarity to a short (sparse) question's built-in embedding.</summary>
    private async Task<Dictionary<long, double>> ExactSimilarityAsync(string query)
    {
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        float[] v = (await embedder.GenerateAsync([query]))[0].Vector.ToArray();
        Assert.True(CorpusSearch.IsSparse(v));
        var similarity = new Dictionary<long, double>();
        await using (var cmd = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT id, 1 - (embedding <=> $1) FROM corpus_passages"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(v) });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                similarity[r.GetInt64(0)] = r.GetDouble(1);
            }
        }

        return similarity;
    }

    /// <summary>
    /// Seed walks (session 33; since session 34 the benchmark's <see cref="Assistant.Benchmarks.SeedWalkSearch"/>,
    /// not the product's) only add passages ranked by their exact distance to the query and passing every
    /// filter: under no filter, a fund and a section, for the public and a unit's viewer, every hit with seed
    /// walks is among the exact nearest 40 passing passages, its score is its exact similarity, and the
    /// answer holds at least as many of the exact ten as the same read without them.
    /// </summary>
    [Theory]
    [InlineData("见习岗位不足的原因", null, null)]
    [InlineData("退役军人结对帮扶", "见习", null)]
    [InlineData("家政服务培训", null, "deviation-reason")]
    [InlineData("预算执行率偏低的原因", "创业", null)]
    public async Task SeedWalks_AddOnlyPassingPassages_RankedByTheirExactDistance(string query, string? fund, string? section)
    {
        var similarity = await ExactSimilarityAsync(query);

        await using var indexOnly = IndexOnly();
        foreach (string? viewer in new[] { null, UnitA })
        {
            using var scope = CorpusAudience.For(viewer);
            var request = Request(query, null, null, section, fund, SearchMode.Vector);
            var nearest = await NearestAsync(request with { Top = 40 }, viewer);
            var ten = await NearestAsync(request, viewer);
            var seeded = await new Assistant.Benchmarks.SeedWalkSearch(indexOnly, 5).SearchAsync(request, viewer);
            var plain = await new Assistant.Benchmarks.SeedWalkSearch(indexOnly, 0).SearchAsync(request, viewer);
            Assert.Equal(ten.Count, seeded.Count);
            Assert.All(seeded, h => Assert.Contains(h.Id, nearest));
            Assert.All(seeded, h => Assert.True(Math.Abs(h.Score - similarity[h.Id]) < 2e-6, $"{h.Id}: {h.Score} against {similarity[h.Id]}"));
            Assert.True(seeded.Count(h => ten.Contains(h.Id)) >= plain.Count(h => ten.Contains(h.Id)), $"{query}: seed walks found fewer of the exact ten");
        }
    }

    /// <summary>
    /// The word source (session 35, the benchmark's <see cref="Assistant.Benchmarks.WordSourceSearch"/>, measured and
    /// not adopted): the passages holding the question's rarest words, or all its words, join the HNSW read at their
    /// exact distance, under every filter and viewer: every hit is among the exact nearest 40 passing passages, its
    /// score is its exact similarity, and the answer holds at least as many of the exact ten as the read alone.
    /// </summary>
    [Theory]
    [InlineData("岗位空缺未及时补充", null, null)]
    [InlineData("政策知晓率偏低", "创业", null)]
    [InlineData("创业担保贷款贴息", null, "deviation-reason")]
    [InlineData("培训质量有待提高", "见习", null)]
    public async Task TheWordSource_AddsOnlyPassingPassages_RankedByTheirExactDistance(string query, string? fund, string? section)
    {
        var similarity = await ExactSimilarityAsync(query);

        await using var indexOnly = IndexOnly();
        await using (var connection = await indexOnly.OpenConnectionAsync())
        {
            Assert.NotNull(await CorpusSearch.LexicalPlanAsync(connection, query, 200, CancellationToken.None)); // the source has words to read
        }

        foreach (string? viewer in new[] { null, UnitB })
        {
            using var scope = CorpusAudience.For(viewer);
            var request = Request(query, null, null, section, fund, SearchMode.Vector);
            var nearest = await NearestAsync(request with { Top = 40 }, viewer);
            var ten = await NearestAsync(request, viewer);
            var plain = await new Assistant.Benchmarks.WordSourceSearch(indexOnly, 0, false).SearchAsync(request, viewer);
            foreach (var (rows, allWords) in new[] { (200, false), (5000, true) })
            {
                var joined = await new Assistant.Benchmarks.WordSourceSearch(indexOnly, rows, allWords).SearchAsync(request, viewer);
                Assert.Equal(ten.Count, joined.Count);
                Assert.All(joined, h => Assert.Contains(h.Id, nearest));
                Assert.All(joined, h => Assert.True(Math.Abs(h.Score - similarity[h.Id]) < 2e-6, $"{h.Id}: {h.Score} against {similarity[h.Id]}"));
                Assert.True(joined.Count(h => ten.Contains(h.Id)) >= plain.Count(h => ten.Contains(h.Id)), $"{query}: the word source found fewer of the exact ten");
            }
        }
    }

    /// <summary>
    /// The HNSW read returns rows passing the filters or not, their distance only when they pass (session
    /// 30): the filters are no predicate of the scan (the plan shows none), and when fewer than the
    /// candidates pass among the first rows read, the read goes on (<see cref="CorpusSearch.NextFetch"/>)
    /// until they have, so a passage-shaped query (first read: its 40 candidates) under a filter passing
    /// a few rows in the corpus still gets the exact filtered answer, for every viewer.
    /// </summary>
    [Theory]
    [InlineData("川汇区", null, null)]
    [InlineData("川汇", 2023, null)]
    [InlineData(null, null, "见习")]
    public async Task AFilterPassingFewOfTheRowsRead_ReadsOnUntilTheCandidatesPass(string? region, int? year, string? fund)
    {
        const string Query = "2023年度就业补助资金项目支出绩效自评报告中关于见习岗位开发数量与职业技能培训人次及创业担保贷款发放情况的说明";
        Assert.Empty(QueryIntent.Kinds(Query)); // no kind boosted: the answer is the nearest passages alone
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        float[] v = (await embedder.GenerateAsync([Query]))[0].Vector.ToArray();
        Assert.False(CorpusSearch.IsSparse(v));
        Assert.Equal(40, CorpusSearch.VectorRows(v, 40));
        await using var indexOnly = IndexOnly();
        var plan = await PlanAsync(indexOnly, CorpusSearch.VectorSql, null, fund, region);
        Assert.Contains(plan, l => l.Contains("Index Scan using ix_corpus_passages_embedding on", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("Filter:", StringComparison.Ordinal) && l.Contains("strpos", StringComparison.Ordinal));
        foreach (string? viewer in new[] { null, UnitA, UnitB })
        {
            var request = Request(Query, region, year, null, fund, SearchMode.Vector);
            int passing = rows.Count(r => Passes(r, request, viewer));
            Assert.InRange(passing, 10, rows.Count / 4);
            var expected = await NearestAsync(request, viewer);
            using var scope = CorpusAudience.For(viewer);
            var actual = (await new CorpusSearch(indexOnly, embedder, exactScanPassages: 0).SearchAsync(request)).Hits.Select(h => h.PassageId).ToList();
            Assert.True(expected.SequenceEqual(actual), $"viewer {viewer}, {passing} passing: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
        }
    }

    /// <summary>
    /// A document scope without a fund filter is ranked from the documents' vector index alone (issue 21,
    /// session 31): an index-only scan, no heap row and no out-of-line vector read per passage, so the exact
    /// scan's bound can be five times the heap scan's; the answer is the exact filtered answer for every
    /// viewer, including a section filter and a unit's own documents inside the scope. Fails without the
    /// index (the plan reads the table) and with the scope's SQL naming a column the index does not carry.
    /// </summary>
    [Theory]
    [InlineData("川汇区", 2023, null)]
    [InlineData("川汇", null, null)]
    [InlineData("周口市", 2023, "deviation-reason")]
    [InlineData(null, 2022, null)]
    public async Task AScopeWithoutAFund_IsRankedFromTheDocumentsVectorIndexAlone(string? region, int? year, string? section)
    {
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var indexOnly = IndexOnly(); // on this small corpus a sequential scan would be cheaper than any index
        foreach (string? viewer in new[] { null, UnitA, UnitB })
        {
            var request = Request("见习岗位供给不足", region, year, section, null, SearchMode.Vector);
            DocumentScope? scope;
            await using (var connection = await dataSource.OpenConnectionAsync())
            {
                using var audience = CorpusAudience.For(viewer);
                scope = await DocumentScope.ForAsync(connection, request, DocumentScope.MaxPassages, CancellationToken.None);
            }

            Assert.NotNull(scope);
            Assert.Equal(rows.Count(r => Passes(r, request with { Kind = null }, viewer)), scope.Passages);
            var plan = await ExplainScopeAsync(indexOnly, request, scope, viewer);
            Assert.Contains(plan, l => l.Contains("Index Only Scan using " + DocumentScope.VectorIndex + " on", StringComparison.Ordinal));
            Assert.Contains(plan, l => l.Trim() == "Heap Fetches: 0");

            var expected = await NearestAsync(request, viewer);
            var actual = await SearchAsync(request, viewer, DocumentScope.MaxPassages);
            Assert.True(expected.SequenceEqual(actual), $"viewer {viewer}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
        }
    }

    [Fact]
    public void AFundFilter_AndTheLexicalHalf_KeepTheHeapScansBound()
    {
        Assert.Equal(DocumentScope.MaxPassages, DocumentScope.Bound(new SearchRequest("q", 10, Region: "川汇区", Year: 2023), DocumentScope.MaxPassages));
        Assert.Equal(DocumentScope.MaxHeapPassages, DocumentScope.Bound(new SearchRequest("q", 10, Fund: "见习", Region: "川汇区"), DocumentScope.MaxPassages));
        Assert.Equal(0, DocumentScope.Bound(new SearchRequest("q", 10, Fund: "见习"), 0));
        Assert.Equal(DocumentScope.MaxPassages, DocumentScope.Bound(new SearchRequest("q", 10, Fund: " "), DocumentScope.MaxPassages));
        Assert.True(DocumentScope.MaxPassages > DocumentScope.MaxHeapPassages);

        // The lexical half reads through a scope only as large as a heap read may be.
        var small = new DocumentScope([Guid.NewGuid()], DocumentScope.MaxHeapPassages);
        Assert.Same(small, DocumentScope.ForLexical(small));
        Assert.Null(DocumentScope.ForLexical(new DocumentScope([Guid.NewGuid()], 13_524)));
        Assert.Null(DocumentScope.ForLexical(null));
    }

    /// <summary><c>EXPLAIN (ANALYZE)</c> of <see cref="CorpusSearch.ScopeVectorSql"/> for <paramref name="request"/> under <paramref name="scope"/>.</summary>
    private async Task<List<string>> ExplainScopeAsync(NpgsqlDataSource dataSource, SearchRequest request, DocumentScope scope, string? viewer)
    {
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        float[] v = (await embedder.GenerateAsync([request.Query]))[0].Vector.ToArray();
        return await ExplainAsync(
            dataSource, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + CorpusSearch.ScopeVectorSql, v, request.Kind is { } k ? SectionKinds.Name(k) : null, null, request.Region, request.Year, viewer, scope.Documents);
    }

    [Fact]
    public void TheCorpus_HasWhatTheCasesNeed()
    {
        // Without these the cases above would compare empty answers.
        Assert.Contains(rows, r => r.Region == "云南省红河州弥勒县" && r.Year == 2022);
        Assert.Contains(rows, r => r.Region == "弥勒市");
        Assert.Contains(rows, r => r.Owner == UnitA && r.Region == "四川省南充市");
        Assert.Contains(rows, r => r.Owner == UnitB);
        Assert.Contains(rows, r => r.Region == "河南省周口市川汇区" && r.Year == 2023 && r.Owner == UnitB);
        Assert.Contains(rows, r => r.Region == "甘肃省定西市安定区" && r.Year == 2024);
        Assert.Empty(QueryIntent.Kinds("见习岗位供给不足"));
    }

    /// <summary>The test database with sequential scans, sorts and bitmap scans priced out, so the planner takes the indexes (HNSW, the documents' vectors) even on this small corpus.</summary>
    private NpgsqlDataSource IndexOnly(bool pooling = true)
    {
        var options = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString)
        {
            Options = "-c enable_seqscan=off -c enable_sort=off -c enable_bitmapscan=off",
            Pooling = pooling,
        };
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.UseVector();
        return builder.Build();
    }

    /// <summary>The plan of a vector query (<see cref="CorpusSearch.VectorSql"/> or a section's) for a unit's viewer under the given filters.</summary>
    private static async Task<List<string>> PlanAsync(NpgsqlDataSource dataSource, string sql, string? kind, string? fund, string? region)
    {
        float[] axis = [.. new float[HashingEmbedding.DefaultDimensions].Select((_, i) => i == 1 ? 1f : 0f)];
        return await ExplainAsync(dataSource, "EXPLAIN " + sql, axis, kind, fund, region, null, UnitA, null);
    }

    /// <summary>The plan lines of <paramref name="explain"/> (a vector query under EXPLAIN) with the search's nine parameters.</summary>
    private static async Task<List<string>> ExplainAsync(
        NpgsqlDataSource dataSource, string explain, float[] vector, string? kind, string? fund, string? region, int? year, string? viewer, Guid[]? documents)
    {
        await using var cmd = dataSource.CreateCommand(explain);
        cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(vector) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)fund ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)year ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = 40 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)viewer ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)documents ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
        var plan = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            plan.Add(r.GetString(0));
        }

        return plan;
    }

    private static SearchRequest Request(string query, string? region, int? year, string? section, string? fund, SearchMode mode) =>
        new(query, 10, section is null ? null : SectionKinds.TryParse(section, out var k) ? k : throw new ArgumentException(section), fund, region, year, mode);

    private async Task<List<long>> SearchAsync(SearchRequest request, string? viewer, int exactScanPassages)
    {
        var search = new CorpusSearch(
            host.Services.GetRequiredService<NpgsqlDataSource>(), host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            exactScanPassages: exactScanPassages);
        using var scope = CorpusAudience.For(viewer);
        return [.. (await search.SearchAsync(request)).Hits.Select(h => h.PassageId)];
    }

    /// <summary>The filters, tested in C#: fund and region as case-insensitive substrings, the unit scope as published or the viewer's own.</summary>
    private static bool Passes(Row r, SearchRequest q, string? viewer) =>
        (q.Kind is null || r.Kind == SectionKinds.Name(q.Kind.Value))
        && (q.Fund is null || (r.Fund?.Contains(q.Fund, StringComparison.OrdinalIgnoreCase) ?? false))
        && (q.Region is null || (r.Region?.Contains(q.Region, StringComparison.OrdinalIgnoreCase) ?? false))
        && (q.Year is null || r.Year == q.Year)
        && (r.Owner is null || r.Owner == viewer);

    /// <summary>What the search promises in vector mode: the nearest passing passages (the database's distances, ties by id), the search's candidate count of them, one per text, the first ten.</summary>
    private async Task<List<long>> NearestAsync(SearchRequest request, string? viewer)
    {
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var q = (await embedder.GenerateAsync([request.Query]))[0].Vector.ToArray();
        var distance = new Dictionary<long, double>();
        await using (var cmd = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT id, embedding <=> $1 FROM corpus_passages"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(q) });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                distance[r.GetInt64(0)] = r.GetDouble(1);
            }
        }

        int candidates = Math.Max(request.Top * 4, 20);
        var nearest = rows.Where(r => Passes(r, request, viewer)).OrderBy(r => distance[r.Id]).ThenBy(r => r.Id).Take(candidates);
        return OnePerText(nearest.OrderByDescending(r => 1 - distance[r.Id]).ThenBy(r => r.Id), request.Top);
    }

    /// <summary>What the search promises in lexical mode: BM25 over every passing passage holding the plan's candidate terms, one per text, the first ten.</summary>
    private async Task<List<long>> Bm25Async(SearchRequest request, string? viewer)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var plan = await CorpusSearch.LexicalPlanAsync(connection, request.Query, CorpusSearch.LexicalRowBudget, CancellationToken.None);
        Assert.NotNull(plan);
        var holding = rows.Where(r => plan.All ? plan.Candidates.All(r.Terms.Contains) : plan.Candidates.Any(r.Terms.Contains)).ToList();
        if (plan.All && !holding.Any(r => Passes(r, request, viewer)))
        {
            // No passing passage holds the rarest words together: the passages holding the rarest alone.
            holding = [.. rows.Where(r => r.Terms.Contains(plan.Candidates[0]))];
        }

        // The search reads at most its budget of rows: the comparison holds while the corpus stays under it.
        Assert.InRange(holding.Count, 1, CorpusSearch.LexicalRowBudget);
        var scored = CorpusSearch.Bm25(plan, [.. holding.Where(r => Passes(r, request, viewer)).Select(r => (r.Id, r.Terms))], Math.Max(request.Top * 4, 20));
        var byId = rows.ToDictionary(r => r.Id);
        return OnePerText(scored.Select(s => byId[s.Id]), request.Top);
    }

    private static List<long> OnePerText(IEnumerable<Row> ranked, int top)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. ranked.Where(r => seen.Add(r.TextHash)).Take(top).Select(r => r.Id)];
    }
}
