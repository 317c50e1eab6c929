using System.Diagnostics;
using System.Globalization;
using Assistant.Api;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Benchmarks;

/// <summary>
/// Search at scale (issue 21), everything measured in one run on its own database
/// <c>assistant_scale_N</c>: loads N synthetic passages (rows from <see cref="PassageRow"/>, binary
/// COPY, indexes built after the load; every 10th report owned by one of 20 units), then times, after
/// warm-ups: the floors (an authenticated no-op API call, <c>GET /api/v1/policies</c>; the raw HNSW
/// query), hybrid / vector / lexical search in process and through the API, filtered searches
/// (section, region, year, the caller's unit scope), HNSW recall@10 against exact search for several
/// ef_search (unfiltered and filtered), and index sizes.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- search-scale --passages 100000 [--queries 200] [--m 16] [--ef-construction 64] [--keep] [--drop] [--build-only | --short-probe | --filtered-recall | --search-only | --recall-only [--short-recall] [--dense 40]] [--no-index]</c> (<c>--no-index</c>: the indexes as they are, e.g. while another run builds one)
/// </summary>
internal static partial class SearchScale
{
    internal static readonly string[] Queries =
    [
        "见习岗位不足的原因", "资金下达时间较晚导致支出进度慢", "培训机构师资不足开班推迟", "创业者投资趋于保守", "加强与上级财政沟通对接",
        "推行免申即享", "倒排任务时间表", "科学合理设置绩效目标", "岗位空缺未及时补充", "合作银行审批收紧",
        "农忙季节参训意愿不高", "年初目标设置偏高", "零工市场服务人次", "城镇新增就业人数未完成", "预算执行率偏低的原因",
        "退役军人结对帮扶", "高校就业指导中心专场招聘", "残疾人就业困难人员", "创业担保贷款贴息", "公益性岗位安置人数",
    ];

    /// <summary>
    /// 40 more short questions of the same kind for the filtered recall probe (session 31): with 20, one
    /// question's misses move recall by up to 0.05, the whole gap between 0.90 and 0.95.
    /// </summary>
    internal static readonly string[] MoreQueries =
    [
        "职业技能培训补贴发放", "培训合格率未达标", "就业见习补贴标准", "见习人员留用率低", "创业补贴申领人数减少",
        "稳岗返还资金拨付", "失业人员再就业培训", "零就业家庭援助", "就业困难人员认定", "公益性岗位补贴发放不及时",
        "社会保险补贴审核", "高校毕业生求职创业补贴", "农村劳动力转移就业", "返乡创业人员扶持", "家政服务培训",
        "技能提升补贴申领", "职业培训机构监管", "以工代训补贴", "就业服务平台建设", "招聘会场次减少",
        "资金使用效益不高", "项目实施进度滞后", "绩效目标未完成原因", "资金结余较多", "预算编制不够精准",
        "部门协调配合不够", "宣传力度不足", "政策知晓率偏低", "服务对象满意度调查", "档案资料不完整",
        "资金拨付流程繁琐", "审核把关不严", "培训质量有待提高", "补贴对象精准识别", "疫情影响培训开班",
        "就业帮扶车间", "易地搬迁后续就业", "脱贫劳动力就业", "创业孵化基地运营", "职业技能竞赛",
    ];

    internal const string Viewer = "单位7";

    /// <summary>Session 26's list for every query on the whole graph: the floor and the product's before, timed beside the product's.</summary>
    private const int Ef100 = 100;

    /// <summary>The exact-scan bound before session 31 (4,000 passages), timed beside the product's: at 1M region + year then walks HNSW.</summary>
    private const int HeapScopePassages = DocumentScope.MaxHeapPassages;

    public static async Task<int> RunAsync(string[] args)
    {
        int target = Int(args, "--passages", 100_000);
        int queries = Int(args, "--queries", 200);
        int m = Int(args, "--m", 16);
        int efConstruction = Int(args, "--ef-construction", 64);
        var server = StorageSetup.ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        string name = "assistant_scale_" + target.ToString(CultureInfo.InvariantCulture);
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            bool exists = await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", c).ExecuteScalarAsync() is not null;
            if (exists && !args.Contains("--keep"))
            {
                await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
                exists = false;
            }

            if (!exists)
            {
                await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync();
            }
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        await using (WebApplication app = ApiHost.Build([
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Assistant=" + connection,
            "--RateLimits:PermitsPerMinute=1000000",
            "--Logging:LogLevel:Default=Warning",

            // The API's own exact-scan index (session 37) only when asked: the variants load their own, timed beside HNSW.
            "--ExactScan:Enabled=" + (Environment.GetEnvironmentVariable("BENCH_API_EXACT") == "1" ? "true" : "false"),
        ]))
        {
            await app.StartAsync();
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            string embedder = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().Identity();
            long have = await Scalar(dataSource, "SELECT count(*) FROM corpus_passages");
            if (have < target)
            {
                await LoadAsync(dataSource, have, target, embedder);
            }

            if (!args.Contains("--no-index"))
            {
                await IndexAsync(dataSource, m, efConstruction);
            }

            if (args.Contains("--build-only"))
            {
                // Only the corpus and its indexes (session 29): measure later with --search-only or --recall-only on the kept database.
            }
            else if (args.Contains("--short-probe"))
            {
                // Short questions' recall strict and tie-aware, by candidate source (session 29).
                await SearchScaleShort.RunAsync(dataSource, Queries, args.Contains("--widths") ? [.. args[Array.IndexOf(args, "--widths") + 1].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))] : [200, 1000, 3000]);
            }
            else if (args.Contains("--filtered-recall"))
            {
                // The product's vector answers under each timed filter against the exact filtered answers (session 30).
                await SearchScaleFiltered.RunAsync(dataSource, app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), [.. Queries, .. MoreQueries], Queries.Length);
            }
            else if (args.Contains("--recall-only"))
            {
                // Recall only (session 28): the dense queries' sets, and the short questions' with --short-recall.
                if (args.Contains("--short-recall"))
                {
                    await RecallAsync(dataSource, Queries.Select(q => HashingEmbedding.Embed(q)).ToArray());
                }

                await SearchScaleRecall.DenseAsync(dataSource, Int(args, "--dense", 40));
            }
            else
            {
                await MeasureAsync(app, dataSource, queries, args.Contains("--search-only"));
            }

            await app.StopAsync();
        }

        if (args.Contains("--drop"))
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
        }

        return 0;
    }

    /// <summary>Synthetic reports until the corpus holds <paramref name="target"/> passages: rows built in parallel, binary COPY, indexes dropped first.</summary>
    private static async Task LoadAsync(NpgsqlDataSource dataSource, long have, long target, string embedder)
    {
        await Exec(dataSource, "DROP INDEX IF EXISTS ix_corpus_passages_embedding; DROP INDEX IF EXISTS ix_corpus_passages_terms; DROP INDEX IF EXISTS " + CorpusSearch.DeviationReasonIndex + ";");
        int next = (int)await Scalar(dataSource, "SELECT count(*) FROM corpus_documents");
        var clock = Stopwatch.StartNew();
        long added = 0;
        while (have < target)
        {
            const int Batch = 1000;
            var built = new (CorpusDocument Document, List<CorpusPassage> Passages)[Batch];
            int first = next;
            Parallel.For(0, Batch, i => built[i] = Build(first + i, embedder));
            next += Batch;
            await using var conn = await dataSource.OpenConnectionAsync();
            await using (var w = await conn.BeginBinaryImportAsync("COPY corpus_documents (id, content_hash, file_name, title, region, year, fund, source, sections, statements, char_count, passage_count, created_at, owner_unit) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (d, _) in built)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(d.Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(d.ContentHash, NpgsqlDbType.Text);
                    await w.WriteAsync(d.FileName, NpgsqlDbType.Text);
                    await w.WriteAsync(d.Title, NpgsqlDbType.Text);
                    await WriteNullable(w, d.Region, NpgsqlDbType.Text);
                    await WriteNullable(w, d.Year, NpgsqlDbType.Integer);
                    await WriteNullable(w, d.Fund, NpgsqlDbType.Text);
                    await w.WriteAsync(d.Source, NpgsqlDbType.Text);
                    await w.WriteAsync(d.Sections, NpgsqlDbType.Jsonb);
                    await w.WriteAsync(d.Statements, NpgsqlDbType.Jsonb);
                    await w.WriteAsync(d.CharCount, NpgsqlDbType.Integer);
                    await w.WriteAsync(d.PassageCount, NpgsqlDbType.Integer);
                    await w.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz);
                    await WriteNullable(w, d.OwnerUnit, NpgsqlDbType.Text);
                }

                await w.CompleteAsync();
            }

            await using (var w = await conn.BeginBinaryImportAsync("COPY corpus_passages (document_id, ordinal, kind, section_path, indicator, fund, region, year, text, text_hash, terms, embedding, embedder, owner_unit) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var p in built.SelectMany(b => b.Passages))
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(p.DocumentId, NpgsqlDbType.Uuid);
                    await w.WriteAsync(p.Ordinal, NpgsqlDbType.Integer);
                    await w.WriteAsync(p.Kind, NpgsqlDbType.Text);
                    await w.WriteAsync(p.SectionPath, NpgsqlDbType.Text);
                    await WriteNullable(w, p.Indicator, NpgsqlDbType.Text);
                    await WriteNullable(w, p.Fund, NpgsqlDbType.Text);
                    await WriteNullable(w, p.Region, NpgsqlDbType.Text);
                    await WriteNullable(w, p.Year, NpgsqlDbType.Integer);
                    await w.WriteAsync(p.Text, NpgsqlDbType.Text);
                    await w.WriteAsync(p.TextHash, NpgsqlDbType.Text);
                    await w.WriteAsync(p.Terms!, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await w.WriteAsync(p.Embedding!);
                    await w.WriteAsync(p.Embedder!, NpgsqlDbType.Text);
                    await WriteNullable(w, p.OwnerUnit, NpgsqlDbType.Text);
                    added++;
                }

                await w.CompleteAsync();
            }

            have += built.Sum(b => b.Passages.Count);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {have} passages, {added / clock.Elapsed.TotalSeconds:0} passages/s"));
        }

        await using (var recount = dataSource.CreateCommand(CorpusTermCounts.RecountSql))
        {
            recount.CommandTimeout = 0;
            await recount.ExecuteNonQueryAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load (rows built on {Environment.ProcessorCount} cores, binary COPY, no indexes, term recount): {added} passages in {clock.Elapsed.TotalSeconds:0.0} s = {added / clock.Elapsed.TotalSeconds:0} passages/s"));
    }

    private static (CorpusDocument, List<CorpusPassage>) Build(int index, string embedder)
    {
        var (file, text) = SyntheticCorpus.Report(index);
        var report = ReportParser.Parse(text, null);
        var id = Guid.CreateVersion7();
        string? owner = index % 10 == 9 ? "单位" + ((index / 10) % 20).ToString(CultureInfo.InvariantCulture) : null;
        var md = report.Metadata;
        var document = new CorpusDocument
        {
            Id = id, ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), FileName = file, Title = md.Title, Region = md.Region, Year = md.Year, Fund = md.Fund,
            Source = "synthetic", Sections = "[]", Statements = "[]", CharCount = text.Length, PassageCount = report.Passages.Count,
            CreatedAt = DateTimeOffset.UtcNow, OwnerUnit = owner,
        };
        var passages = report.Passages.Select(p => PassageRow.Create(id, p, md, HashingEmbedding.Embed(PassageRow.EmbeddingText(p)), embedder, owner)).ToList();
        return (document, passages);
    }

    /// <summary>Builds the GIN and HNSW indexes (if missing or built with other parameters) with memory for the whole graph.</summary>
    private static async Task IndexAsync(NpgsqlDataSource dataSource, int m, int efConstruction)
    {
        string? options = await dataSource.CreateCommand("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'ix_corpus_passages_embedding'").ExecuteScalarAsync() as string;
        bool exists = await Scalar(dataSource, "SELECT count(*) FROM pg_class WHERE relname = 'ix_corpus_passages_embedding'") > 0;
        string wanted = string.Create(CultureInfo.InvariantCulture, $"m={m},ef_construction={efConstruction}");
        bool defaults = m == 16 && efConstruction == 64;
        await using var conn = await dataSource.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand("SET maintenance_work_mem = '6GB'; SET max_parallel_maintenance_workers = 2", conn))
        {
            await set.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var gin = new NpgsqlCommand("CREATE INDEX IF NOT EXISTS ix_corpus_passages_terms ON corpus_passages USING gin (terms)", conn) { CommandTimeout = 0 })
        {
            await gin.ExecuteNonQueryAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GIN (terms) ready in {clock.Elapsed.TotalSeconds:0.0} s"));
        if (!exists || (options ?? string.Empty) != (defaults && options is null ? null : wanted) && options != wanted)
        {
            clock.Restart();
            await using var hnsw = new NpgsqlCommand(
                "DROP INDEX IF EXISTS ix_corpus_passages_embedding; CREATE INDEX ix_corpus_passages_embedding ON corpus_passages USING hnsw (embedding vector_cosine_ops) WITH (" + wanted + ")", conn) { CommandTimeout = 0 };
            await hnsw.ExecuteNonQueryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HNSW ({wanted}) built in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        // The deviation reasons' own graph (the product's migration makes it; a load drops it).
        bool section = await Scalar(dataSource, $"SELECT count(*) FROM pg_class WHERE relname = '{CorpusSearch.DeviationReasonIndex}'") > 0;
        if (!section || Environment.GetEnvironmentVariable("BENCH_REBUILD_SECTION_INDEX") == "1")
        {
            clock.Restart();
            await using var partial = new NpgsqlCommand(
                $"DROP INDEX IF EXISTS {CorpusSearch.DeviationReasonIndex}; CREATE INDEX {CorpusSearch.DeviationReasonIndex} ON corpus_passages USING hnsw (embedding vector_cosine_ops) WITH ({wanted}) WHERE kind = 'deviation-reason'", conn) { CommandTimeout = 0 };
            await partial.ExecuteNonQueryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HNSW ({wanted}) WHERE kind = 'deviation-reason' built in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        foreach (string table in new[] { "corpus_passages", "corpus_documents", "corpus_terms" })
        {
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE " + table, conn) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    /// <param name="searchOnly">Only the search paths (<c>--search-only</c>): no budget curve, no recall.</param>
    private static async Task MeasureAsync(WebApplication app, NpgsqlDataSource dataSource, int n, bool searchOnly)
    {
        long passages = await Scalar(dataSource, "SELECT count(*) FROM corpus_passages");
        long reports = await Scalar(dataSource, "SELECT count(*) FROM corpus_documents");
        long terms = await Scalar(dataSource, "SELECT count(*) FROM corpus_terms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {passages} passages, {reports} reports, {terms} distinct terms"));
        foreach (string rel in new[] { "corpus_passages", "ix_corpus_passages_embedding", CorpusSearch.DeviationReasonIndex, "ix_corpus_passages_terms", "corpus_passages_pkey", "corpus_terms" })
        {
            long bytes = await Scalar(dataSource, $"SELECT coalesce(pg_total_relation_size(to_regclass('{rel}')), 0)"); // 0: not built (e.g. --no-index before the graph)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size {rel}: {bytes / 1048576.0:0.0} MB"));
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        string key = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Drafter, Viewer, "scale")).Key;
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var search = app.Services.GetRequiredService<CorpusSearch>();
        // BENCH_QUESTIONS=60: the filtered recall probe's 60 short questions instead of the first 20 (session 37 at 1M).
        string[] questions = Environment.GetEnvironmentVariable("BENCH_QUESTIONS") == "60" ? [.. Queries, .. MoreQueries] : Queries;
        var vectors = questions.ToDictionary(q => q, q => HashingEmbedding.Embed(q), StringComparer.Ordinal);

        // Every path, the floors included, is one entry of a list timed together (Timing.Interleaved): all warmed alike first, then round by round, so the load drifts alike for all of them.
        // The raw HNSW floor runs at the ef_search the product's vector half uses for that query (CorpusSearch.EfSearch: a short query's sparse vector gets the longer list),
        // so the floor answers with the recall the product's vector half has; session 26's floor (ef_search 100 for every query) is timed beside it.
        var rawConnections = new Dictionary<int, NpgsqlConnection>();
        foreach (int ef in new[] { Ef100, CorpusSearch.VectorEfSearch, CorpusSearch.SparseQueryEfSearch }.Concat(SearchScaleCandidates.SparseEfSearches).Distinct())
        {
            var c = await dataSource.OpenConnectionAsync();
            await using var set = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SET hnsw.ef_search = {ef}"), c);
            await set.ExecuteNonQueryAsync();
            rawConnections[ef] = c;
        }

        Func<string, Task> Raw(Func<float[], int> efOf) => async q =>
        {
            await using var cmd = new NpgsqlCommand("SELECT id FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT 10", rawConnections[efOf(vectors[q])]);
            cmd.Parameters.Add(new NpgsqlParameter { Value = vectors[q], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
            }
        };

        // Without the HNSW graph (a corpus kept with --no-index before its build, session 37 at 1M) the raw floor would be a
        // sequential scan: it is not timed, and its rows say so (the ratios below are then to the no-op alone).
        bool graph = await Scalar(dataSource, "SELECT count(*) FROM pg_class WHERE relname = 'ix_corpus_passages_embedding'") > 0;
        Func<string, Task> RawIfGraph(Func<float[], int> efOf) => graph ? Raw(efOf) : _ => Task.CompletedTask;
        string noGraph = graph ? string.Empty : "NOT MEASURED (no HNSW graph): ";
        int sparse = questions.Count(q => CorpusSearch.IsSparse(vectors[q]));
        var paths = new List<(string Name, Func<string, Task> Run)>
        {
            ("floor: authenticated no-op API call (GET /api/v1/policies)", async q =>
            {
                using var r = await http.GetAsync(new Uri("/api/v1/policies", UriKind.Relative));
                r.EnsureSuccessStatusCode();
                await r.Content.ReadAsByteArrayAsync();
            }),
            (string.Create(CultureInfo.InvariantCulture, $"{noGraph}floor: raw HNSW query (ORDER BY embedding <=> q LIMIT 10) at the product's ef_search for the query ({CorpusSearch.SparseQueryEfSearch} for a sparse vector: {sparse} of {questions.Length} queries; else {CorpusSearch.VectorEfSearch})"), RawIfGraph(v => CorpusSearch.IsSparse(v) ? CorpusSearch.SparseQueryEfSearch : CorpusSearch.VectorEfSearch)),
            (string.Create(CultureInfo.InvariantCulture, $"{noGraph}raw HNSW query at ef_search {Ef100} for every query (session 26's floor)"), RawIfGraph(_ => Ef100)),
        };

        // The raw floor at each other sparse list timed (session 34): the floor of that list's hybrid.
        foreach (int ef in SearchScaleCandidates.SparseEfSearches.Where(e => e != CorpusSearch.SparseQueryEfSearch))
        {
            paths.Add((string.Create(CultureInfo.InvariantCulture, $"raw HNSW query (LIMIT 10) at ef_search {ef} for a sparse vector, else {CorpusSearch.VectorEfSearch}"), Raw(v => CorpusSearch.IsSparse(v) ? ef : CorpusSearch.VectorEfSearch)));
        }

        var cases = new (string Name, Func<string, SearchRequest> Make)[]
        {
            ("hybrid", q => new SearchRequest(q, 10)),
            ("vector", q => new SearchRequest(q, 10, Mode: SearchMode.Vector)),
            ("lexical", q => new SearchRequest(q, 10, Mode: SearchMode.Lexical)),
            ("hybrid, section=deviation-reason", q => new SearchRequest(q, 10, SectionKind.DeviationReason)),
            ("hybrid, region=川汇区, year=2023", q => new SearchRequest(q, 10, Region: "川汇区", Year: 2023)),
            ("hybrid, fund=见习", q => new SearchRequest(q, 10, Fund: "见习")),
            ("vector, section=deviation-reason", q => new SearchRequest(q, 10, SectionKind.DeviationReason, Mode: SearchMode.Vector)),
            ("vector, fund=见习", q => new SearchRequest(q, 10, Fund: "见习", Mode: SearchMode.Vector)),
            ("lexical, fund=见习", q => new SearchRequest(q, 10, Fund: "见习", Mode: SearchMode.Lexical)),
            ("lexical, section=deviation-reason", q => new SearchRequest(q, 10, SectionKind.DeviationReason, Mode: SearchMode.Lexical)),
            ("vector, region=川汇区, year=2023", q => new SearchRequest(q, 10, Region: "川汇区", Year: 2023, Mode: SearchMode.Vector)),
            ("lexical, region=川汇区, year=2023", q => new SearchRequest(q, 10, Region: "川汇区", Year: 2023, Mode: SearchMode.Lexical)),
            ("hybrid, region=川汇 (no suffix)", q => new SearchRequest(q, 10, Region: "川汇")),
            ("hybrid, year=2023", q => new SearchRequest(q, 10, Year: 2023)),
            ("vector, year=2023", q => new SearchRequest(q, 10, Year: 2023, Mode: SearchMode.Vector)),
        };
        Func<string, Task> InProcess(CorpusSearch s, Func<string, SearchRequest> make) => async q =>
        {
            using var scope = CorpusAudience.For(Viewer);
            await s.SearchAsync(make(q));
        };

        // The lexical row budget's curve: the same hybrid search with fewer candidate rows fetched and ranked.
        var embedderService = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        foreach (int budget in new[] { 2000, 1000, 500 }.Where(b => b != CorpusSearch.LexicalRowBudget && !searchOnly))
        {
            paths.Add(($"CorpusSearch hybrid, lexical row budget {budget} (default {CorpusSearch.LexicalRowBudget}) (unit scope {Viewer})", InProcess(new CorpusSearch(dataSource, embedderService, budget), q => new SearchRequest(q, 10))));
        }

        paths.AddRange(cases.Select(c => ($"CorpusSearch {c.Name} (unit scope {Viewer})", InProcess(search, c.Make))));

        // Session 37: the exact in-memory scan (loaded when BENCH_PATHS names "in-memory"), every case, and the scan alone.
        if (await SearchScaleExact.LoadIfAskedAsync(dataSource, Environment.GetEnvironmentVariable("BENCH_PATHS"), app.Services) is { } memory)
        {
            var exactSearch = new CorpusSearch(dataSource, embedderService, exactScan: memory);
            paths.AddRange(cases.Select(c => ($"CorpusSearch {c.Name}, exact in-memory scan (unit scope {Viewer})", InProcess(exactSearch, c.Make))));
            // Session 39's before: the documents of a region or year filter read up to the vector half's bound although the scan serves that half.
            var wideScope = new CorpusSearch(dataSource, embedderService, exactScan: memory, lexicalScopes: false);
            paths.AddRange(cases.Where(c => c.Name is "hybrid, year=2023" or "hybrid, region=川汇 (no suffix)" or "lexical, region=川汇区, year=2023").Select(c => ($"before session 39: CorpusSearch {c.Name}, exact in-memory scan, documents read to the vector bound (unit scope {Viewer})", InProcess(wideScope, c.Make))));
            foreach (var (label, fund, year) in new[] { ("no filter", (string?)null, (int?)null), ("fund=见习", "见习", null), ("year=2023", null, 2023) })
            {
                paths.Add(($"in-memory scan alone (top 72, {label}, no SQL)", q =>
                {
                    memory.Scan(vectors[q], new ExactScanIndex.ScanFilter(null, fund, null, year, null, Viewer), 72);
                    return Task.CompletedTask;
                }));
            }
        }

        // Every query at ef_search 100 (200 on the section's graph): the sparse-query list's before, in this run.
        var usualEf = new CorpusSearch(dataSource, embedderService, sparseQueryEf: false, wholeGraphEf: Ef100);
        foreach (var (label, make) in cases.Where(c => c.Name is "hybrid" or "vector" or "hybrid, section=deviation-reason" or "hybrid, fund=见习"))
        {
            paths.Add(($"CorpusSearch {label}, ef_search {Ef100} for every query (session 26) (unit scope {Viewer})", InProcess(usualEf, make)));
        }

        // Session 28's vector half for sparse queries (the candidates only, no wider read), and the raw
        // query read to the wider count: session 29's lever's before and its own raw cost, in this run.
        var narrow = new CorpusSearch(dataSource, embedderService, sparseQueryRows: 0);
        foreach (var (label, make) in cases.Where(c => c.Name is "hybrid" or "vector" or "hybrid, section=deviation-reason" or "hybrid, fund=见习" or "hybrid, region=川汇区, year=2023"))
        {
            paths.Add(($"CorpusSearch {label}, sparse queries read only their candidates (session 28) (unit scope {Viewer})", InProcess(narrow, make)));
        }

        var wide = await dataSource.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SET hnsw.ef_search = {CorpusSearch.SparseQueryEfSearch}; SET hnsw.iterative_scan = relaxed_order"), wide))
        {
            await set.ExecuteNonQueryAsync();
        }

        rawConnections[-1] = wide;
        paths.Add((string.Create(CultureInfo.InvariantCulture, $"raw HNSW query at ef_search {CorpusSearch.SparseQueryEfSearch}, iterative scan read to {CorpusSearch.SparseQueryRows} rows (the product's sparse read)"), async q =>
        {
            await using var cmd = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT {CorpusSearch.SparseQueryRows}"), wide);
            cmd.Parameters.Add(new NpgsqlParameter { Value = vectors[q], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
            }
        }));

        // Region + year under session 30's exact-scan bound (at 1M their documents hold 13.5k passages: over it, so HNSW).
        var heapScope = new CorpusSearch(dataSource, embedderService, exactScanPassages: HeapScopePassages);
        foreach (var (label, make) in cases.Where(c => c.Name is "hybrid, region=川汇区, year=2023" or "vector, region=川汇区, year=2023"))
        {
            paths.Add(($"CorpusSearch {label}, exact-scan bound {HeapScopePassages} (session 30; product {DocumentScope.MaxPassages}) (unit scope {Viewer})", InProcess(heapScope, make)));
        }

        paths.AddRange(SearchScaleCandidates.Paths(dataSource, embedderService, cases, InProcess));

        // The same section searches on the whole graph (no partial index): the lever's before, in this run.
        var wholeGraph = new CorpusSearch(dataSource, embedderService, sectionIndexes: false);
        foreach (var (label, mode) in new[] { ("hybrid", SearchMode.Hybrid), ("vector", SearchMode.Vector) })
        {
            paths.Add(($"CorpusSearch {label}, section=deviation-reason, whole graph (unit scope {Viewer})", InProcess(wholeGraph, q => new SearchRequest(q, 10, SectionKind.DeviationReason, Mode: mode))));
        }

        foreach (var (label, query) in new[] { ("hybrid", ""), ("hybrid, section=deviation-reason", "&section=deviation-reason"), ("hybrid, region=川汇区, year=2023", "&region=" + Uri.EscapeDataString("川汇区") + "&year=2023"), ("hybrid, fund=见习", "&fund=" + Uri.EscapeDataString("见习")) })
        {
            paths.Add(($"GET /api/v1/corpus/search {label}", async q =>
            {
                using var r = await http.GetAsync(new Uri("/api/v1/corpus/search?top=10&q=" + Uri.EscapeDataString(q) + query, UriKind.Relative));
                r.EnsureSuccessStatusCode();
                await r.Content.ReadAsByteArrayAsync();
            }));
        }

        // BENCH_PATHS=a|b: only the floors and the paths whose name holds one of these (a short run at 1M under load).
        if (Environment.GetEnvironmentVariable("BENCH_PATHS") is { Length: > 0 } only)
        {
            var keep = only.Split('|');
            paths = [.. paths.Where((p, i) => i < 3 || keep.Any(k => p.Name.Contains(k, StringComparison.Ordinal)))];
        }

        bool sequential = Environment.GetEnvironmentVariable("BENCH_SEQUENTIAL") == "1";
        var timed = sequential ? await Timing.SequentialAsync(n, questions, paths.Select(p => p.Run).ToArray()) : await Timing.InterleavedAsync(n, questions, paths.Select(p => p.Run).ToArray());
        Console.WriteLine();
        Console.WriteLine(sequential
            ? "timing: BENCH_SEQUENTIAL=1 (each path warmed with 20 calls, then timed alone, one after the other: session 26's way)"
            : $"timing: interleaved ({Timing.WarmRounds} warm-up rounds of every path over all {questions.Length} queries, then {n} rounds, each path once per round, order rotated)");
        Console.WriteLine("| path | n | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        double floor = P(timed[0], 0.95) + P(timed[1], 0.95);
        for (int k = 0; k < paths.Count; k++)
        {
            Row(paths[k].Name, timed[k], k < 3 ? null : floor);
            if (k == 2)
            {
                Console.WriteLine(graph
                    ? string.Create(CultureInfo.InvariantCulture, $"floor p95 (no-op + raw HNSW at the product's ef_search) = {floor:0.00} ms; target hybrid p95 ≤ {3 * floor:0.00} ms; session 26's floor (no-op + raw at ef_search {Ef100}) = {P(timed[0], 0.95) + P(timed[2], 0.95):0.00} ms")
                    : string.Create(CultureInfo.InvariantCulture, $"no HNSW graph: the floor's raw half is NOT measured; the ratios below are to the authenticated no-op alone (p95 {floor:0.00} ms), not issue 21's floor"));
            }
        }

        foreach (var c in rawConnections.Values)
        {
            await c.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("BENCH_NO_PROBES") == "1")
        {
            return; // only the timed table (session 33)
        }

        await SearchScaleProbes.ApiOverheadAsync(http, search, n);
        await SearchScaleProbes.SectionGraphsAsync(dataSource, vectors.Values.ToArray());
        await SearchScaleProbes.LexicalPlansAsync(dataSource);

        if (!searchOnly)
        {
            await RecallAsync(dataSource, vectors.Values.ToArray());
            await SearchScaleRecall.DenseAsync(dataSource, 40);
        }
    }

    /// <summary>
    /// HNSW recall@10 against exact search (index scans off, ordered by distance then id), two ways in
    /// each cell (session 29): strict (the approximate id is in that exact top 10) / tie-aware (its exact
    /// distance is no farther than the exact 10th + 1e-6: synthetic passages repeat a template, so
    /// several may be equally near and any of them is a right answer). Filtered: the product's vector
    /// query under a filter and the unit scope, iterative scan on.
    /// </summary>
    private static async Task RecallAsync(NpgsqlDataSource dataSource, float[][] vectors)
    {
        Console.WriteLine();
        Console.WriteLine("recall@10 strict / tie-aware (exact top 10 by distance, then id)");
        Console.WriteLine("| ef_search | recall@10 | recall@10, section=deviation-reason + scope (its own graph) | the same, whole graph | recall@10, region=川汇区 + year=2023 + scope | p95 ms raw |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        const string Plain = "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT 10";
        const string Section = "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages WHERE kind = 'deviation-reason' AND (owner_unit IS NULL OR owner_unit = '" + Viewer + "') ORDER BY embedding <=> $1::real[]::vector LIMIT 10";
        const string SectionWhole = "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages WHERE (kind || '') = 'deviation-reason' AND (owner_unit IS NULL OR owner_unit = '" + Viewer + "') ORDER BY embedding <=> $1::real[]::vector LIMIT 10";
        const string Region = "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages WHERE region ILIKE '%川汇区%' AND year = 2023 AND (owner_unit IS NULL OR owner_unit = '" + Viewer + "') ORDER BY embedding <=> $1::real[]::vector LIMIT 10";
        var exact = new Dictionary<string, List<List<(long, double)>>>();
        foreach (string sql in new[] { Plain, Section, SectionWhole, Region })
        {
            exact[sql] = [];
            foreach (var v in vectors)
            {
                exact[sql].Add(await Ids(dataSource, sql.Replace(" LIMIT 10", ", id LIMIT 10", StringComparison.Ordinal), v, null));
            }
        }

        foreach (int ef in new[] { 40, 100, 200, 400, 1000 })
        {
            var recalls = new List<string>();
            var times = new List<double>();
            foreach (string sql in new[] { Plain, Section, SectionWhole, Region })
            {
                double overlap = 0, strict = 0;
                for (int i = 0; i < vectors.Length; i++)
                {
                    var sw = Stopwatch.StartNew();
                    var approx = await Ids(dataSource, sql, vectors[i], ef);
                    if (sql == Plain)
                    {
                        times.Add(sw.Elapsed.TotalMilliseconds);
                    }

                    var ex = exact[sql][i];
                    double tenth = ex.Count == 0 ? double.MaxValue : ex.Max(e => e.Item2) + 1e-6;
                    overlap += ex.Count == 0 ? 1 : Math.Min(1.0, (double)approx.Count(a => a.Item2 <= tenth) / ex.Count);
                    strict += ex.Count == 0 ? 1 : (double)approx.Count(a => ex.Any(e => e.Item1 == a.Item1)) / ex.Count;
                }

                recalls.Add(string.Create(CultureInfo.InvariantCulture, $"{strict / vectors.Length:0.000} / {overlap / vectors.Length:0.000}"));
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ef} | {recalls[0]} | {recalls[1]} | {recalls[2]} | {recalls[3]} | {P(times, 0.95):0.00} |"));
        }
    }
}
