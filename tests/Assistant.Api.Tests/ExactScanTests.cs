using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Api.Tests;

/// <summary>
/// The exact in-memory vector scan (<see cref="ExactScanIndex"/>, issue 21, session 37): its answer is the exact SQL answer
/// (<c>ORDER BY embedding &lt;=&gt; q, id</c> under every filter, written here independently of the product's SQL) for every
/// filter combination and viewer, with ties, newly stored reports (this process's at once, another process's at the next
/// search), deleted documents and other units' passages; it is off, or over its memory budget, without changing answers.
/// </summary>
public sealed class ExactScanTests(ExactScanTests.Corpus corpus) : IClassFixture<ExactScanTests.Corpus>
{
    private const string UnitA = "单位甲";
    private const string UnitB = "单位乙";

    /// <summary>A corpus of synthetic reports (some owned by units, some with regions the cases name) and a host whose index loads in the background.</summary>
    public sealed class Corpus : IAsyncLifetime
    {
        private readonly TestDatabase database = new("exactscan");

        public IHost Host { get; private set; } = null!;

        public NpgsqlDataSource DataSource => Host.Services.GetRequiredService<NpgsqlDataSource>();

        public IEmbeddingGenerator<string, Embedding<float>> Embedder => Host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        public ExactScanIndex Index => Host.Services.GetRequiredService<ExactScanIndex>();

        public async Task InitializeAsync()
        {
            Host = await CorpusHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["ExactScan:RefreshSeconds"] = "3600" });
            var store = Host.Services.GetRequiredService<CorpusStore>();
            for (int i = 0; i < 40; i++)
            {
                var (name, text) = SyntheticCorpus.Report(i);
                string? owner = i % 10 == 3 ? UnitA : i % 10 == 7 ? UnitB : null;
                Assert.Equal(IngestResult.Ingested, (await store.IngestTextAsync(name, text, source: "synthetic", owner: owner)).Status);
            }

            var hinted = new (int Index, string Region, int Year, string? Owner)[]
            {
                (2001, "云南省红河州弥勒县", 2022, null), (2002, "河南省周口市川汇区", 2023, null), (2003, "河南省周口市川汇区", 2023, UnitB),
                (2004, "四川省南充市", 2023, UnitA), (2005, "甘肃省定西市安定区", 2024, null),
            };
            foreach (var (index, region, year, owner) in hinted)
            {
                var (name, text) = SyntheticCorpus.Report(index);
                Assert.Equal(IngestResult.Ingested, (await store.IngestTextAsync(name, text, new ReportHints(Region: region, Year: year), "synthetic", owner: owner)).Status);
            }

            await WaitReadyAsync(Index);
        }

        public async Task DisposeAsync()
        {
            Host.Dispose();
            await database.DisposeAsync();
        }
    }

    public static TheoryData<string?, int?, string?, string?> Filters() => new()
    {
        { null, null, null, null },
        { "川汇", null, null, null },
        { "周口市", 2023, null, null },
        { "弥勒", null, null, null },
        { null, 2022, null, null },
        { null, null, "deviation-reason", null },
        { null, null, "improvement-measure", "见习" },
        { null, null, null, "见习" },
        { null, null, null, "创业" },
        { "定西", 2024, "indicator", "就业补助" },
        { "川_区", null, null, null },
        { "无此地区", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TheScan_UnderEveryFilterAndViewer_IsTheExactSqlAnswer(string? region, int? year, string? section, string? fund)
    {
        var index = corpus.Index;
        Assert.True(index.IsReady);
        var search = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: index);
        foreach (string query in new[] { "见习岗位供给不足", "资金下达时间较晚", "合作银行审批收紧", "项目实施进度滞后" })
        {
            foreach (string? viewer in new[] { null, UnitA, UnitB })
            {
                var request = Request(query, region, year, section, fund);
                long scans = index.Scans;
                var actual = await IdsAsync(search, request, viewer);
                Assert.True(index.Scans > scans, $"{query}: the search did not scan");
                var expected = await ExactAsync(request, viewer);
                Assert.True(expected.SequenceEqual(actual), $"{query}, viewer {viewer}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            }
        }
    }

    /// <summary>
    /// Session 39: when only the lexical half reads a region or year filter's documents (lexical mode, or the exact scan serves
    /// the vector half), they are read only up to the lexical half's bound; otherwise up to the vector half's, as before.
    /// </summary>
    [Theory]
    [InlineData(SearchMode.Hybrid, null, 2023, null, DocumentScope.MaxPassages, false, DocumentScope.MaxPassages)]
    [InlineData(SearchMode.Hybrid, null, 2023, null, DocumentScope.MaxPassages, true, DocumentScope.MaxHeapPassages)]
    [InlineData(SearchMode.Vector, "川汇", null, null, DocumentScope.MaxPassages, true, DocumentScope.MaxHeapPassages)]
    [InlineData(SearchMode.Lexical, "川汇", 2023, null, DocumentScope.MaxPassages, true, DocumentScope.MaxHeapPassages)]
    [InlineData(SearchMode.Hybrid, "川汇", null, "见习", DocumentScope.MaxPassages, false, DocumentScope.MaxHeapPassages)]
    [InlineData(SearchMode.Hybrid, "川汇", null, "见习", DocumentScope.MaxPassages, true, DocumentScope.MaxHeapPassages)]
    [InlineData(SearchMode.Hybrid, null, 2022, null, 2000, true, 2000)]
    [InlineData(SearchMode.Hybrid, null, 2022, null, 2000, false, 2000)]
    [InlineData(SearchMode.Hybrid, null, 2022, null, 50_000, true, DocumentScope.MaxHeapPassages)]
    [InlineData(SearchMode.Hybrid, null, 2022, null, 50_000, false, 50_000)]
    public void TheDocumentsAreReadToTheBoundOfTheHalfThatReadsThem(SearchMode mode, string? region, int? year, string? fund, int maxPassages, bool lexicalOnly, int expected) =>
        Assert.Equal(expected, CorpusSearch.ScopeBound(new SearchRequest("见习岗位供给不足", 10, null, fund, region, year, mode), maxPassages, lexicalOnly));

    /// <summary>
    /// The same answers, hybrid and lexical, under every filter and viewer, whether the documents are read to the lexical
    /// half's bound (the product since session 39) or to the vector half's (before); and a lexical answer is the one a search
    /// without the exact scan gives (the lexical half never depends on the vector half's index).
    /// </summary>
    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ReadingTheDocumentsToTheLexicalBound_ChangesNoAnswer(string? region, int? year, string? section, string? fund)
    {
        var index = corpus.Index;
        Assert.True(index.IsReady);
        var now = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: index);
        var before = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: index, lexicalScopes: false);
        var withoutScan = new CorpusSearch(corpus.DataSource, corpus.Embedder);
        foreach (string query in new[] { "见习岗位供给不足", "资金下达时间较晚", "合作银行审批收紧", "项目实施进度滞后" })
        {
            foreach (string? viewer in new[] { null, UnitA, UnitB })
            {
                foreach (var mode in new[] { SearchMode.Hybrid, SearchMode.Lexical })
                {
                    var request = Make(query, region, year, section, fund) with { Mode = mode };
                    long scans = index.Scans;
                    var actual = await IdsAsync(now, request, viewer);
                    Assert.True(mode == SearchMode.Lexical || index.Scans > scans, $"{query}: the hybrid search did not scan");
                    var expected = await IdsAsync(before, request, viewer);
                    Assert.True(expected.SequenceEqual(actual), $"{query}, {mode}, viewer {viewer}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
                    if (mode == SearchMode.Lexical)
                    {
                        var plain = await IdsAsync(withoutScan, request, viewer);
                        Assert.True(plain.SequenceEqual(actual), $"{query}, lexical, viewer {viewer}: without the scan [{string.Join(",", plain)}], got [{string.Join(",", actual)}]");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Passages with the same vector as others (copies under another text, stored by "another process": straight into the
    /// table, so the index reads them at the search) rank by id among the tied, as the database orders them, under filters too.
    /// </summary>
    [Fact]
    public async Task Ties_RankByIdAsTheDatabaseOrdersThem()
    {
        const string Query = "培训机构师资不足开班推迟";
        var nearest = await ExactAsync(Request(Query, null, null, null, null) with { Top = 3 }, null);
        await using (var copy = corpus.DataSource.CreateCommand(
            """
            INSERT INTO corpus_passages (document_id, ordinal, kind, section_path, indicator, fund, region, year, text, text_hash, terms, embedding, embedder, owner_unit)
            SELECT document_id, ordinal * 10 + 100000 + g, kind, section_path, indicator, fund, region, year, text || '（副本' || g || '）', md5(text || g), terms, embedding, embedder, owner_unit
            FROM corpus_passages, generate_series(1, 3) g WHERE id = ANY($1)
            """))
        {
            copy.Parameters.Add(new NpgsqlParameter { Value = nearest.ToArray() });
            Assert.Equal(9, await copy.ExecuteNonQueryAsync());
        }

        var search = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: corpus.Index);
        foreach (var request in new[] { Request(Query, null, null, null, null), Request(Query, null, null, null, "就业") })
        {
            var actual = await IdsAsync(search, request, null);
            var expected = await ExactAsync(request, null);
            Assert.True(expected.SequenceEqual(actual), $"expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            Assert.True(actual.Count(id => id > nearest.Max()) >= 3, "the copies (ties) are in the answer");
        }
    }

    /// <summary>A report stored through the product is in the index as soon as the store returns, and its passages are found by this process's next search.</summary>
    [Fact]
    public async Task AReportStoredThroughTheProduct_IsSearchedAtOnce()
    {
        var index = corpus.Index;
        int before = index.Count;
        var (name, text) = SyntheticCorpus.Report(3001);
        var result = await corpus.Host.Services.GetRequiredService<CorpusStore>().IngestTextAsync(name, text, new ReportHints(Region: "新疆维吾尔自治区和田地区于田县", Year: 2021), "synthetic");
        Assert.Equal(IngestResult.Ingested, result.Status);
        Assert.True(index.Count > before, "the store told the index");
        var search = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: index);
        var request = Request("见习岗位供给不足", "于田", null, null, null);
        var actual = await IdsAsync(search, request, null);
        Assert.NotEmpty(actual);
        Assert.Equal(await ExactAsync(request, null), actual);
    }

    /// <summary>A document deleted behind the index's back (it still holds its passages) is never returned: the re-read drops it, and the answer is the exact one without it.</summary>
    [Fact]
    public async Task ADeletedDocument_IsNeverReturned()
    {
        var (name, text) = SyntheticCorpus.Report(3101);
        var stored = await corpus.Host.Services.GetRequiredService<CorpusStore>().IngestTextAsync(name, text, new ReportHints(Region: "西藏自治区林芝市", Year: 2021), "synthetic");
        var search = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: corpus.Index);
        var request = Request("见习岗位供给不足", "林芝", null, null, null);
        Assert.NotEmpty(await IdsAsync(search, request, null));
        int held = corpus.Index.Count;
        foreach (string sql in new[] { "DELETE FROM corpus_passages WHERE document_id = $1", "DELETE FROM corpus_documents WHERE id = $1" })
        {
            await using var delete = corpus.DataSource.CreateCommand(sql);
            delete.Parameters.Add(new NpgsqlParameter { Value = stored.DocumentId!.Value });
            await delete.ExecuteNonQueryAsync();
        }

        Assert.Empty(await IdsAsync(search, request, null));
        var unfiltered = Request("见习岗位供给不足", null, null, null, null);
        Assert.Equal(await ExactAsync(unfiltered, null), await IdsAsync(search, unfiltered, null));
        Assert.Equal(held, corpus.Index.Count); // still held: the database's re-read is what dropped it
    }

    /// <summary>
    /// A dense (passage-shaped) query: scanned over every dimension when <see cref="ExactScanSettings.DenseQueries"/> is on,
    /// with the exact answer; left to HNSW (no scan) when off, as a model embedder's queries are.
    /// </summary>
    [Fact]
    public async Task DenseQueries_AreScannedOnlyWhenAllowed()
    {
        const string Query = "2023年度就业补助资金项目支出绩效自评报告中关于见习岗位开发数量与职业技能培训人次及创业担保贷款发放情况的说明";
        float[] v = (await corpus.Embedder.GenerateAsync([Query]))[0].Vector.ToArray();
        Assert.False(CorpusSearch.IsSparse(v));
        Assert.False(corpus.Index.Serves(v));

        var dense = new ExactScanIndex(corpus.DataSource, new ExactScanSettings { DenseQueries = true, Threads = 2 });
        Assert.True(await dense.LoadAsync());
        Assert.True(dense.Serves(v));
        var search = new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: dense);
        foreach (var request in new[] { Request(Query, null, null, null, null), Request(Query, "川汇", 2023, null, null), Request(Query, null, null, "indicator", "就业") })
        {
            foreach (string? viewer in new[] { null, UnitB })
            {
                long scans = dense.Scans;
                var actual = await IdsAsync(search, request, viewer);
                Assert.True(dense.Scans > scans);
                Assert.Equal(await ExactAsync(request, viewer), actual);
            }
        }

        long before = corpus.Index.Scans;
        await IdsAsync(new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: corpus.Index), Request(Query, null, null, null, null), null);
        Assert.Equal(before, corpus.Index.Scans);
    }

    /// <summary>Over its memory budget the index is not loaded (and says why); the search walks HNSW and still answers.</summary>
    [Fact]
    public async Task OverTheMemoryBudget_TheIndexIsNotLoaded_AndHnswServes()
    {
        var small = new ExactScanIndex(corpus.DataSource, new ExactScanSettings { MaxBytes = 100_000 });
        Assert.False(await small.LoadAsync());
        Assert.False(small.IsReady);
        Assert.Contains("ExactScan:MaxBytes", small.NotServing, StringComparison.Ordinal);
        Assert.Equal(0, await small.RefreshAsync());
        var hits = await IdsAsync(new CorpusSearch(corpus.DataSource, corpus.Embedder, exactScan: small), Request("见习岗位供给不足", null, null, null, null), null);
        Assert.Equal(10, hits.Count);
        Assert.Equal(0, small.Scans);

        var enough = new ExactScanIndex(corpus.DataSource, new ExactScanSettings { MaxBytes = 1L << 30 });
        Assert.True(await enough.LoadAsync());
        Assert.InRange(enough.Bytes, 1, 1L << 30);
    }

    /// <summary>The setting turns it off (nothing loaded, every search walks HNSW); a model embedder's dense vectors build it only with dense queries allowed.</summary>
    [Fact]
    public async Task TheSettingTurnsItOff_AndAModelEmbedderBuildsItOnlyForDenseQueries()
    {
        await using var database = new TestDatabase("exactscanoff");
        using (var host = await CorpusHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["ExactScan:Enabled"] = "false" }))
        {
            var (name, text) = SyntheticCorpus.Report(1);
            await host.Services.GetRequiredService<CorpusStore>().IngestTextAsync(name, text, source: "synthetic");
            await Task.Delay(500);
            Assert.False(host.Services.GetRequiredService<ExactScanIndex>().IsReady);
            Assert.NotEmpty((await host.Services.GetRequiredService<CorpusSearch>().SearchAsync(new SearchRequest("见习岗位供给不足", 5, Mode: SearchMode.Vector))).Hits);
        }

        using (var host = await CorpusHost.StartAsync(database.ConnectionString))
        {
            await WaitReadyAsync(host.Services.GetRequiredService<ExactScanIndex>());
        }

        using var model = new DenseEmbedder();
        Assert.True(ExactScanIndex.Builds(new ExactScanSettings(), new HashingEmbeddingGenerator()));
        Assert.False(ExactScanIndex.Builds(new ExactScanSettings(), model));
        Assert.True(ExactScanIndex.Builds(new ExactScanSettings { DenseQueries = true }, model));
        Assert.False(ExactScanIndex.Builds(new ExactScanSettings { Enabled = false, DenseQueries = true }, model));
    }

    [Theory]
    [InlineData(-1L, 5, 60, 0, "ExactScan:MaxBytes")]
    [InlineData(0L, 0, 60, 0, "ExactScan:RefreshSeconds")]
    [InlineData(0L, 5, 0, 0, "ExactScan:CompactMinutes")]
    [InlineData(0L, 5, 60, 1000, "ExactScan:Threads")]
    public void BadSettings_NameTheSetting(long maxBytes, int refresh, int compact, int threads, string named)
    {
        var problems = new ExactScanSettings { MaxBytes = maxBytes, RefreshSeconds = refresh, CompactMinutes = compact, Threads = threads }.Problems();
        Assert.Single(problems);
        Assert.Contains(named, problems[0], StringComparison.Ordinal);
        Assert.Empty(new ExactScanSettings().Problems());
    }

    private static async Task WaitReadyAsync(ExactScanIndex index)
    {
        for (int i = 0; i < 600 && !index.IsReady; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(index.IsReady, $"the index did not load: {index.NotServing}");
    }

    /// <summary>A vector-mode request; its query asks for no kind, so no kind is boosted and the answer is the nearest passages alone.</summary>
    private static SearchRequest Request(string query, string? region, int? year, string? section, string? fund)
    {
        Assert.Empty(QueryIntent.Kinds(query));
        return Make(query, region, year, section, fund);
    }

    private static SearchRequest Make(string query, string? region, int? year, string? section, string? fund) =>
        new(query, 10, section is null ? null : SectionKinds.TryParse(section, out var k) ? k : throw new ArgumentException(section), fund, region, year, SearchMode.Vector);

    private static async Task<List<long>> IdsAsync(CorpusSearch search, SearchRequest request, string? viewer)
    {
        using var scope = CorpusAudience.For(viewer);
        return [.. (await search.SearchAsync(request)).Hits.Select(h => h.PassageId)];
    }

    /// <summary>The exact answer, in SQL written here: the nearest candidates under the filters by (distance, id), then one per text, the first <c>Top</c>.</summary>
    private async Task<List<long>> ExactAsync(SearchRequest request, string? viewer)
    {
        float[] q = (await corpus.Embedder.GenerateAsync([request.Query]))[0].Vector.ToArray();
        await using var cmd = corpus.DataSource.CreateCommand(
            """
            SELECT p.id, p.embedding <=> $1 AS d, p.text_hash FROM corpus_passages p
            WHERE p.embedding IS NOT NULL
              AND ($2::text IS NULL OR p.kind = $2)
              AND ($3::text IS NULL OR position(lower($3) IN lower(coalesce(p.fund, ''))) > 0)
              AND ($4::text IS NULL OR position(lower($4) IN lower(coalesce(p.region, ''))) > 0)
              AND ($5::int IS NULL OR p.year = $5)
              AND (p.owner_unit IS NULL OR p.owner_unit = $6)
            ORDER BY d, p.id LIMIT $7
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(q) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = request.Kind is { } k ? SectionKinds.Name(k) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Fund ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Region ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Year ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)viewer ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Max(request.Top * 4, 20) });
        var rows = new List<(long Id, double Similarity, string Hash)>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                rows.Add((r.GetInt64(0), 1 - r.GetDouble(1), r.GetString(2)));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. rows.OrderByDescending(x => x.Similarity).ThenBy(x => x.Id).Where(x => seen.Add(x.Hash)).Take(request.Top).Select(x => x.Id)];
    }

    /// <summary>A model embedder's stand-in: every dimension set.</summary>
    private sealed class DenseEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(Enumerable.Repeat(0.05f, 384).ToArray()))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
