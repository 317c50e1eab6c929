using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 41: POST /verify keeps the prepared verifier of the tables it verified last, keyed by the table's
/// canonical content (never an id). Verdicts through a kept verifier must be those of a verifier prepared for the call —
/// text after text, table after table, thread beside thread —, a changed table must never be answered from the old one,
/// and the count and size bounds must hold.
/// </summary>
public class PreparedVerifiersTests
{
    private static readonly string[] TableNames =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer",
    ];

    private static string TableJson(string name) => File.ReadAllText(RepoPaths.Reference(name));

    private static string Request(string evaluationJson, string text, string? policy = null)
    {
        var o = new JsonObject { ["evaluation"] = JsonNode.Parse(evaluationJson), ["text"] = text };
        if (policy is not null)
        {
            o["policy"] = policy;
        }

        return o.ToJsonString();
    }

    private static string Uncached(string request)
    {
        var (evaluation, text, policy) = VerificationContract.ParseRequest(request);
        return JsonSerializer.Serialize(EvaluationService.Verify(evaluation, text, policy));
    }

    private static string Cached(PreparedVerifiers prepared, string request)
    {
        var (evaluation, text, policy, table) = VerificationContract.ParseKeyedRequest(request);
        return JsonSerializer.Serialize(EvaluationService.Verify(prepared, table, evaluation, text, policy));
    }

    /// <summary>Drafts of a table's text: the seed reports, and each table's own facts stated right, shifted and in other units.</summary>
    private static List<string> Drafts(string tableJson)
    {
        var drafts = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => File.ReadAllText(p)).Select(t => t.Length > 6000 ? t[..6000] : t).ToList();
        FactSheet sheet = FactSheet.Build(EvaluationJson.Parse(tableJson));
        var right = new System.Text.StringBuilder();
        var wrong = new System.Text.StringBuilder();
        foreach (Fact f in sheet.Facts.Take(60))
        {
            right.Append(f.Label).Append('为').Append(f.Text).Append('。');
            wrong.Append(f.Label).Append('为').Append(UnitSpec.Write(PrintedNumber.Format(f.Value + 1m, f.Decimals), f.Unit)).Append("，超额完成。");
        }

        drafts.Add(right.ToString());
        drafts.Add(wrong.ToString());
        drafts.Add("执行率80.80%。享受公益性岗位补贴人员数量完成1464人，超额完成。总分85.92分。");
        return drafts;
    }

    [Fact]
    public void KeptVerifiers_AnswerAsVerifiersPreparedForTheCall_TextAfterTextAndTableAfterTable()
    {
        var prepared = new PreparedVerifiers();
        var tables = TableNames.Select(TableJson).ToList();
        var drafts = tables.Select(Drafts).ToList();
        int compared = 0;
        for (int round = 0; round < 2; round++)
        {
            for (int d = 0; d < drafts.Max(x => x.Count); d++)
            {
                for (int t = 0; t < tables.Count; t++)
                {
                    if (d >= drafts[t].Count)
                    {
                        continue;
                    }

                    // Every other pass in reverse, so each kept verifier sees its texts in both orders.
                    string text = round == 0 ? drafts[t][d] : drafts[t][drafts[t].Count - 1 - d];
                    string request = Request(tables[t], text);
                    Assert.Equal(Uncached(request), Cached(prepared, request));
                    compared++;
                }
            }
        }

        Assert.True(compared >= 50, $"{compared} verifications compared");
        Assert.Equal(TableNames.Length, prepared.Count);
        Assert.Equal(TableNames.Length, prepared.Misses);
        Assert.Equal(compared - TableNames.Length, prepared.Hits);
    }

    [Fact]
    public void AChangedTable_IsNeverAnsweredFromTheKeptOne()
    {
        var prepared = new PreparedVerifiers();
        string a = TableJson("zhongwei-2024-entrepreneurship-fund");
        JsonNode changed = JsonNode.Parse(a)!;
        changed["indicators"]![1]!["actual"] = "1464";
        string b = changed.ToJsonString();
        const string text = "享受公益性岗位补贴人员数量完成1464人。";

        string Verdict(string table)
        {
            string request = Request(table, text);
            string cached = Cached(prepared, request);
            Assert.Equal(Uncached(request), cached);
            return JsonNode.Parse(cached)!["Mentions"]!.AsArray().Single(m => (string?)m!["Text"] == "1464人")!["Verdict"]!.GetValue<string>();
        }

        // The same text, the table changed in one cell and back: each answer is its own table's.
        Assert.Equal("contradicted", Verdict(a));
        Assert.Equal("verified", Verdict(b));
        Assert.Equal("contradicted", Verdict(a));
        Assert.Equal("verified", Verdict(b));
        Assert.Equal(2, prepared.Count);
        Assert.Equal(2, prepared.Misses);
        Assert.Equal(2, prepared.Hits);
    }

    public static TheoryData<string, string, bool> Keys() => new()
    {
        // Same table: white space, comments and trailing commas are not content.
        { "{\"kind\":\"project\",\"title\":\"t\"}", "{ \"kind\" : \"project\",\n  \"title\": \"t\" }", true },
        { "{\"kind\":\"project\",\"title\":\"t\"}", "{\"kind\":\"project\",/* 注 */\"title\":\"t\",}", true },
        // Different tables: numbers as printed, one character, the order of rows, a duplicate field (the last wins).
        { "{\"a\":\"1\"}", "{\"a\":\"1.0\"}", false },
        { "{\"a\":1}", "{\"a\":1.0}", false },
        { "{\"title\":\"就业补助\"}", "{\"title\":\"就业补贴\"}", false },
        { "{\"indicators\":[{\"n\":1},{\"n\":2}]}", "{\"indicators\":[{\"n\":2},{\"n\":1}]}", false },
        { "{\"title\":\"a\"}", "{\"title\":\"a\",\"title\":\"b\"}", false },
        { "{\"title\":\"a\",\"title\":\"b\"}", "{\"title\":\"b\",\"title\":\"a\"}", false },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void TheKey_IsTheCanonicalContent(string first, string second, bool same)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using JsonDocument x = JsonDocument.Parse(first, options);
        using JsonDocument y = JsonDocument.Parse(second, options);
        string kx = PreparedVerifiers.KeyOf(x.RootElement, "default").Key;
        Assert.Equal(same, kx == PreparedVerifiers.KeyOf(y.RootElement, "default").Key);
        // The policy is part of the key.
        Assert.NotEqual(kx, PreparedVerifiers.KeyOf(x.RootElement, "other").Key);
        Assert.Equal(kx, PreparedVerifiers.KeyOf(x.RootElement, "default").Key);
    }

    [Fact]
    public void ThePolicy_IsPartOfTheKey_AndEachAnswerIsItsPolicys()
    {
        var prepared = new PreparedVerifiers();
        string table = TableJson("zhongwei-2024-internship-subsidy");
        const string text = "总分85.92分，执行率19.50%。";
        foreach (string? policy in new[] { null, ScoringPolicy.All[^1].Name, null, ScoringPolicy.All[0].Name })
        {
            string request = Request(table, text, policy);
            Assert.Equal(Uncached(request), Cached(prepared, request));
        }

        Assert.Equal(3, prepared.Count);
    }

    [Fact]
    public void TheCountBound_Holds_AndTheLeastRecentlyUsedGoesFirst()
    {
        var prepared = new PreparedVerifiers(maxEntries: 3);
        var tables = Enumerable.Range(1, 8).Select(n => ScoringGoldenTests.ToJson(SyntheticTables.Project(4 + n))).ToList();
        foreach (string t in tables)
        {
            Cached(prepared, Request(t, "执行率80.80%。"));
            Assert.True(prepared.Count <= 3, $"{prepared.Count} kept");
        }

        Assert.Equal(3, prepared.Count);
        Assert.Equal(8, prepared.Misses);

        // The last three are kept; touching the oldest of them keeps it past the next new table.
        Cached(prepared, Request(tables[5], "执行率80.80%。"));
        Assert.Equal(1, prepared.Hits);
        Cached(prepared, Request(tables[0], "执行率80.80%。"));
        Cached(prepared, Request(tables[5], "执行率80.80%。"));
        Assert.Equal(2, prepared.Hits);
        Cached(prepared, Request(tables[6], "执行率80.80%。"));
        Assert.Equal(2, prepared.Hits);
        Assert.Equal(10, prepared.Misses);
    }

    [Fact]
    public void TheSizeBound_Holds_AndATooLargeTableIsNotKept()
    {
        int SizeOf(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return PreparedVerifiers.KeyOf(doc.RootElement, "\0").Bytes;
        }

        var sizes = TableNames.Select(n => SizeOf(TableJson(n))).ToList();
        string one = TableJson(TableNames[0]);
        int size = sizes[0];

        // Room for all but not every one of the reference tables.
        var prepared = new PreparedVerifiers(maxEntries: 100, maxBytes: sizes.Sum() - 1);
        foreach (string name in TableNames.Concat(TableNames))
        {
            string request = Request(TableJson(name), "执行率80.80%。");
            Assert.Equal(Uncached(request), Cached(prepared, request));
            Assert.True(prepared.Bytes <= prepared.MaxBytes, $"{prepared.Bytes} bytes kept");
        }

        Assert.InRange(prepared.Count, 1, TableNames.Length - 1);

        var none = new PreparedVerifiers(maxEntries: 100, maxBytes: size - 1);
        Cached(none, Request(one, "执行率80.80%。"));
        Assert.Equal(0, none.Count);
        Assert.Equal(0, none.Bytes);

        // No table past the bound of one entry is kept, whatever the total allows.
        var roomy = new PreparedVerifiers(maxEntries: 100, maxBytes: long.MaxValue, maxEntryBytes: size - 1);
        string request2 = Request(one, "执行率80.80%。");
        Assert.Equal(Uncached(request2), Cached(roomy, request2));
        Assert.Equal(0, roomy.Count);
        Assert.Equal(PreparedVerifiers.DefaultMaxEntryBytes, new PreparedVerifiers().MaxEntryBytes);

        var off = new PreparedVerifiers(maxEntries: 0);
        Cached(off, Request(one, "执行率80.80%。"));
        Assert.Equal(0, off.Count);
    }

    [Fact]
    public void ThreadsBesideEachOther_GetTheirOwnTextsAnswers()
    {
        var prepared = new PreparedVerifiers();
        string table = TableJson("zhongwei-2024-entrepreneurship-fund");
        var drafts = Drafts(table);
        var expected = drafts.Select(d => Uncached(Request(table, d))).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, drafts.Count * 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            int d = i % drafts.Count;
            if (Cached(prepared, Request(table, drafts[d])) != expected[d])
            {
                failures.Add(d);
            }
        });

        Assert.Empty(failures);
        Assert.Equal(1, prepared.Count);
        Assert.Equal(drafts.Count * 6, prepared.Hits + prepared.Misses);
    }

    /// <summary>
    /// A verifier kept for many texts forgets what it remembers per unit past a bound (its answers are the same), so
    /// a stream of texts with ever new units cannot grow it.
    /// </summary>
    [Fact]
    public void AKeptVerifier_RemembersABoundedNumberOfUnits_WithTheSameAnswers()
    {
        FactSheet sheet = FactSheet.Build(SyntheticTables.Project(12));
        var kept = new Verifier(sheet);
        string[] units = ["人", "人次", "户", "个", "项", "家", "所", "台", "辆", "公里", "亩", "吨", "万人", "万元", "元", "次", "场", "期", "批", "名"];
        for (int n = 0; n < 40; n++)
        {
            var text = new System.Text.StringBuilder();
            foreach (string u in units)
            {
                text.Append("完成").Append(n + 3).Append(u).Append('，').Append(n + 5).Append('万').Append(u).Append('。');
            }

            string body = text.ToString();
            Assert.Equal(VerifierCorpus.Render(Verifier.Verify(sheet, body)), VerifierCorpus.Render(kept.Verify(body)));
            Assert.True(kept.RememberedUnits <= Verifier.MaxRememberedUnits + (2 * units.Length), $"{kept.RememberedUnits} units remembered");
        }
    }
}
