using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// A city health and forestry review across five counties (probe 34 chat #8, #11, #15, #16; invented data): one program
/// titled with and without year and place (甲县 in 元, 乙县 in 万元) is summed as one (91.59 %); population change is a kind
/// of reason, and the most common kind is never 其他原因 while classified kinds exist; the queue's missing-reason count,
/// the submission's findings and /review/reasons count the same rows (fund parts below 90 % included the same way); a
/// ranked list across units is in one money unit.
/// </summary>
public sealed class Session35ReviewTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private const string Health = "基本公共卫生服务项目";
    private const string Forest = "森林防火专项资金";


    /// <summary>The counties' tables: code, name, the table, and the rows that must be counted as having no reason.</summary>
    private static readonly (string Code, string Name, JsonObject Table, string[] Missing)[] Counties =
    [
        // 甲县, in 元: total 84 % and 地方资金 62 % without a reason, one short row without one; two population reasons, one staffing.
        ("t35.a", "甲县卫生健康局", Table(Health, "四川省甲县", "甲县卫生健康局", "元",
            [("年度资金总额", null, "3600000.00", "3024000.00", null), ("中央财政资金", "年度资金总额", "2400000.00", "2280000.00", null), ("地方资金", "年度资金总额", "1200000.00", "744000.00", null)],
            [("65岁及以上老年人健康管理人数", "人", "≥5000", "4600", "部分老年人随子女外出居住，未能按期参加体检"),
             ("高血压患者规范管理率", "%", "≥60%", "58%", "乡镇卫生院专业技术人员不足，随访不及时"),
             ("婴儿死亡率", "‰", "≤6‰", "6.6‰", "辖区流动人口增加，高危孕产妇管理难度加大"),
             ("城乡居民满意度", "%", "≥90%", "86%", null)]),
            ["年度资金总额", "地方资金", "城乡居民满意度"]),
        // 乙县, in 万元, year and place in the title: the same program. Two unclassified reasons, one staffing.
        ("t35.b", "乙县卫生健康局", Table("2024年乙县" + Health, "四川省乙县", "乙县卫生健康局", "万元",
            [("年度资金总额", null, "800.00", "760.00", null)],
            [("65岁及以上老年人健康管理人数", "人", "≥8000", "7200", "部分村医兼职较多，入户随访力量不足"),
             ("高血压患者规范管理率", "%", "≥60%", "55%", "基层重视程度不够"),
             ("婴儿死亡率", "‰", "≤5‰", "5.5‰", "工作推进不够到位"),
             ("城乡居民满意度", "%", "≥90%", "92%", null)]),
            []),
        // 丙县: the total's reason covers its parts (县级资金 30 %); a weather reason and an unclassified one.
        ("t35.c", "丙县林业和草原局", Table(Forest, "云南省丙县", "丙县林业和草原局", "万元",
            [("年度资金总额", null, "500.00", "300.00", "上级资金下达时间较晚"), ("中央财政资金", "年度资金总额", "300.00", "240.00", null), ("县级资金", "年度资金总额", "200.00", "60.00", null)],
            [("新建防火隔离带长度", "公里", "≥50", "35", "受汛期持续降雨影响，部分路段施工推迟"),
             ("护林员培训人次", "人次", "≥1200", "1000", "宣传力度不够"),
             ("周边群众满意度", "%", "≥90%", "93%", null)]),
            []),
        // 丁县, place and year leading the title: 93 % in all, but 县级资金 72 % without a reason; one short row without one.
        ("t35.d", "丁县林业和草原局", Table("丁县2024年" + Forest, "云南省丁县", "丁县林业和草原局", "万元",
            [("年度资金总额", null, "400.00", "372.00", null), ("中央财政资金", "年度资金总额", "300.00", "300.00", null), ("县级资金", "年度资金总额", "100.00", "72.00", null)],
            [("新建防火隔离带长度", "公里", "≥40", "40", null),
             ("护林员培训人次", "人次", "≥800", "760", null),
             ("周边群众满意度", "%", "≥90%", "95%", null)]),
            ["县级资金", "护林员培训人次"]),
        // 戊县: 80 % without a reason, its one part the whole money (counted once, as the total).
        ("t35.e", "戊县交通运输局", Table("戊县农村公路养护资金", "四川省戊县", "戊县交通运输局", "万元",
            [("年度资金总额", null, "250.00", "200.00", null), ("当年财政拨款", "年度资金总额", "250.00", "200.00", null)],
            [("农村公路养护里程", "公里", "≥300", "310", null),
             ("群众满意度", "%", "≥90%", "91%", null)]),
            ["年度资金总额"]),
    ];

    internal static JsonObject Table(string title, string region, string department, string unit,
        (string Name, string? Parent, string Budget, string Executed, string? Note)[] lines, (string Name, string Unit, string Target, string Actual, string? Note)[] rows)
    {
        var funds = new JsonArray();
        foreach (var l in lines)
        {
            var line = new JsonObject { ["name"] = l.Name, ["budget"] = l.Budget, ["executed"] = l.Executed };
            if (l.Parent is not null)
            {
                line["parent"] = l.Parent;
            }

            if (l.Note is not null)
            {
                line["deviationNote"] = l.Note;
            }

            funds.Add(line);
        }

        var indicators = new JsonArray();
        int weight = 90 / rows.Length;
        for (int i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            bool satisfaction = r.Name.Contains("满意度", StringComparison.Ordinal);
            var row = new JsonObject
            {
                ["level1"] = satisfaction ? "满意度指标" : "产出指标", ["level2"] = satisfaction ? "服务对象满意度指标" : "数量指标",
                ["name"] = r.Name, ["unit"] = r.Unit, ["target"] = r.Target, ["actual"] = r.Actual,
                ["weight"] = (i == rows.Length - 1 ? 90 - (weight * (rows.Length - 1)) : weight).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (r.Note is not null)
            {
                row["deviationNote"] = r.Note;
            }

            indicators.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "project", ["title"] = title, ["year"] = 2024, ["region"] = region, ["department"] = department, ["implementer"] = department,
            ["funds"] = new JsonObject { ["unit"] = unit, ["weight"] = "10", ["lines"] = funds }, ["indicators"] = indicators,
        };
    }

    private Task<HttpClient> ReviewerAsync() => factory.SubmittedAsync(
        new("t35", "某市卫生健康委员会", "city"),
        Counties.Select(c => new ReviewFactory.Member(c.Code, c.Name)),
        () => Counties.Select(c => (c.Code, c.Table.ToJsonString())));

    [Fact]
    public async Task OneProgram_WithAndWithoutYearAndPlace_IsSummedInWan()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        var groups = a["groups"]!.AsArray().ToDictionary(g => (string)g!["program"]!, g => g!);
        Assert.Equal(3, groups.Count);
        JsonNode health = groups[Health];
        Assert.Equal((2, "1160.00", "1062.40", "91.59"), ((int)health["tables"]!, (string)health["budget"]!, (string)health["executed"]!, (string)health["rate"]!));
        Assert.Equal(["乙县卫生健康局", "甲县卫生健康局"], health["units"]!.AsArray().Select(u => (string)u!).Order(StringComparer.Ordinal));
        JsonNode forest = groups[Forest];
        Assert.Equal((2, "900.00", "672.00", "74.67"), ((int)forest["tables"]!, (string)forest["budget"]!, (string)forest["executed"]!, (string)forest["rate"]!));
        Assert.Equal(1, (int)groups["农村公路养护资金"]["tables"]!);
        Assert.All(a["rows"]!.AsArray(), r => Assert.Contains((string)r!["program"]!, groups.Keys));

        string said = await ReviewWorld.AskOfflineAsync(client, "基本公共卫生服务项目两个县合计执行率是多少？");
        string sums = said[said.IndexOf("按项目分别合计", StringComparison.Ordinal)..];
        Assert.Contains($"- {Health}（项目支出，2张表：", sums, StringComparison.Ordinal);
        Assert.Contains("执行率91.59%，全年预算数1160.00万元，执行数1062.40万元", sums, StringComparison.Ordinal);
        Assert.DoesNotContain("乙县基本公共卫生服务项目", sums, StringComparison.Ordinal);

        // The ranked list across units is in one money unit: 甲县's 元 table in 万元 beside the others.
        said = await ReviewWorld.AskOfflineAsync(client, "哪些单位的预算执行率低于90%？");
        string list = said[..said.IndexOf("按项目分别合计", StringComparison.Ordinal)];
        Assert.Contains("执行率84.00%，全年预算数360.00万元，执行数302.40万元", list, StringComparison.Ordinal);
        Assert.Contains("执行率60.00%，全年预算数500.00万元，执行数300.00万元", list, StringComparison.Ordinal);
        Assert.DoesNotContain("3600000", list, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d元", list.Replace("万元", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReasonKinds_PopulationChangeIsAKind_AndTheUnclassifiedComeLast()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/reasons?year=2024", null, HttpStatusCode.OK);
        var kinds = a["kinds"]!.AsArray().Select(k => ((string)k!["kind"]!, (int)k["count"]!)).ToList();
        // 其他原因 (2: 基层重视程度不够, 工作推进不够到位) comes last; the classified kinds lead, most frequent first. 宣传力度不够 is a kind of
        // its own since session 40.
        Assert.Equal(("其他原因", 2), kinds[^1]);
        Assert.Contains(("宣传或政策知晓不足", 1), kinds);
        Assert.Contains(("人口或对象流动", 2), kinds);
        Assert.Contains(("人员力量不足", 2), kinds);
        Assert.Contains(("天气或自然灾害", 1), kinds);
        Assert.True(kinds[0].Item2 >= kinds[1].Item2);
        var flow = a["kinds"]!.AsArray().Single(k => (string)k!["kind"]! == "人口或对象流动")!["examples"]!.AsArray().Select(e => (string)e!["reason"]!).ToList();
        Assert.Contains("辖区流动人口增加，高危孕产妇管理难度加大", flow);

        JsonNode infant = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/indicators?year=2024&name=" + Uri.EscapeDataString("婴儿死亡率"), null, HttpStatusCode.OK);
        var rows = infant["rows"]!.AsArray().ToDictionary(r => (string)r!["unit"]!, r => (string?)r!["reasonKind"]);
        Assert.Equal("人口或对象流动", rows["t35.a"]);
        Assert.Equal("其他原因", rows["t35.b"]);
        Assert.Equal("人口或对象流动", (string)infant["shortReasons"]!.AsArray()[0]!["kind"]!);

        string said = await ReviewWorld.AskOfflineAsync(client, "今年最常见的偏差原因是什么");
        var kindLines = said.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.True(kindLines.Count >= 4, said);
        Assert.DoesNotContain("其他原因", kindLines[0], StringComparison.Ordinal);
        Assert.StartsWith("- 其他原因（未能归入以上类别）：2条", kindLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingReasons_TheQueueTheFindingsAndTheReasonsEndpoint_CountTheSameRows()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode reasons = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/reasons?year=2024", null, HttpStatusCode.OK);
        JsonArray queue = (await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/submissions", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(Counties.Length, queue.Count);
        foreach (var c in Counties)
        {
            var missing = reasons["missing"]!.AsArray().Where(m => (string)m!["unit"]! == c.Code).Select(m => (string)m!["subject"]!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(c.Missing.Order(StringComparer.Ordinal), missing);

            JsonNode item = queue.Single(q => (string)q!["unit"]! == c.Code)!;
            string? riskLine = item["risk"]!["reasons"]!.AsArray().Select(r => (string)r!).SingleOrDefault(r => r.StartsWith("未完成指标或低执行率未说明原因", StringComparison.Ordinal));
            Assert.Equal(c.Missing.Length == 0 ? null : $"未完成指标或低执行率未说明原因（{c.Missing.Length}处）", riskLine?.Split("/ ", 2)[0]);

            // The review page's 审核发现: the table's findings name each of those rows, with its rate or status.
            JsonNode detail = await ReviewWorld.SendAsync(client, HttpMethod.Get, $"/api/v1/submissions/{(string)item["id"]!}", null, HttpStatusCode.OK);
            var table = detail["findings"]!.AsArray().Where(f => (string)f!["source"]! == "table")
                .Where(f => (string)f!["code"]! is "funds.low-execution" or "indicator.shortfall-unexplained").Select(f => (string)f!["message"]!).ToList();
            Assert.Equal(c.Missing.Length, table.Count);
            foreach (string subject in c.Missing)
            {
                Assert.Contains(table, m => m.Contains(subject, StringComparison.Ordinal));
            }
        }

        JsonNode jia = await ReviewWorld.SendAsync(client, HttpMethod.Get,
            $"/api/v1/submissions/{(string)queue.Single(q => (string)q!["unit"]! == "t35.a")!["id"]!}", null, HttpStatusCode.OK);
        Assert.Contains(jia["findings"]!.AsArray(), f => ((string)f!["message"]!).StartsWith("地方资金（年度资金总额中的一部分）执行率62.00%", StringComparison.Ordinal));

        string said = await ReviewWorld.AskOfflineAsync(client, "哪些单位未完成指标却没写偏差原因？");
        int total = Counties.Sum(c => c.Missing.Length);
        Assert.Contains($"共{total}项，涉及{Counties.Count(c => c.Missing.Length > 0)}个单位", said, StringComparison.Ordinal);
        Assert.Contains("“地方资金”执行率偏低", said, StringComparison.Ordinal);
        Assert.DoesNotContain("“当年财政拨款”", said, StringComparison.Ordinal);
    }
}
