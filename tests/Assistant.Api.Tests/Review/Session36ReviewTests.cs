using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Probe 35 (chat #7, #8; files #10; invented data): a reviewer's <c>/review/reasons</c> flags name the table (title and
/// submission) in every use, so one unit's two tables with the same reason give two flags a reviewer can tell apart; a
/// <c>/review/execution</c> list mixing 元 and 万元 tables states every row (and its fund lines) in 万元, and a null
/// <c>overallRate</c> comes with the reason (several programs).
/// </summary>
public sealed class Session36ReviewTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private const string Health = "基本公共卫生服务项目";
    private const string Epidemic = "受疫情影响，部分孕产妇未能按时产检";


    /// <summary>One unit (t36.a) reports two counties' tables (甲县 in 元, 乙县 in 万元) with the same out-of-period reason; t36.b a road table in 万元.</summary>
    private static readonly (string Unit, JsonObject Table)[] Tables =
    [
        ("t36.a", Session35ReviewTests.Table("2024年甲县" + Health, "四川省甲县", "某州卫生健康局", "元",
            [("年度资金总额", null, "3600000.00", "2916000.00", "部分资金拨付进度滞后"), ("中央财政资金", "年度资金总额", "2400000.00", "2160000.00", null)],
            [("孕产妇死亡率", "1/10万", "≤20", "24", Epidemic), ("高血压患者规范管理率", "%", "≥60%", "58%", "乡镇卫生院专业技术人员不足，随访不及时")])),
        ("t36.a", Session35ReviewTests.Table("2024年乙县" + Health, "四川省乙县", "某州卫生健康局", "万元",
            [("年度资金总额", null, "500.00", "470.00", null)],
            [("孕产妇死亡率", "1/10万", "≤20", "22", Epidemic), ("高血压患者规范管理率", "%", "≥60%", "61%", null)])),
        ("t36.b", Session35ReviewTests.Table("丙县农村公路养护资金", "四川省丙县", "丙县交通运输局", "万元",
            [("年度资金总额", null, "250.00", "240.00", null)],
            [("农村公路养护里程", "公里", "≥300", "310", null), ("群众满意度", "%", "≥90%", "93%", null)])),
    ];

    private Task<HttpClient> ReviewerAsync() => factory.SubmittedAsync(
        new("t36", "某州财政局", "city"),
        [new("t36.a", "某州卫生健康局"), new("t36.b", "丙县交通运输局")],
        () => Tables.Select(t => (t.Unit, t.Table.ToJsonString())));

    [Fact]
    public async Task TheSameReasonInOneUnitsTwoTables_GivesTwoFlags_EachNamingItsTable()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/reasons?year=2024", null, HttpStatusCode.OK);
        var flags = a["flags"]!.AsArray().Where(f => (string)f!["code"]! == "reason.out-of-period").ToList();
        Assert.Equal(2, flags.Count);
        var titles = flags.Select(f => (string)Assert.Single(f!["uses"]!.AsArray())!["title"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2024年乙县" + Health, "2024年甲县" + Health], titles);
        Assert.NotEqual((string)flags[0]!["message"]!, (string)flags[1]!["message"]!);
        foreach (JsonNode? f in flags)
        {
            JsonNode use = f!["uses"]![0]!;
            Assert.Contains($"《{(string)use["title"]!}》", (string)f["message"]!, StringComparison.Ordinal);
            Assert.True(Guid.TryParse((string?)use["submission"], out _));
        }

        Assert.NotEqual((string)flags[0]!["uses"]![0]!["submission"]!, (string)flags[1]!["uses"]![0]!["submission"]!);
    }

    [Fact]
    public async Task RowsOfTablesInYuanAndWan_AreAllInWan_AndANullOverallRateSaysWhy()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        JsonArray rows = a["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("万元", (string)r!["fundUnit"]!));
        JsonNode jia = rows.Single(r => ((string)r!["title"]!).Contains("甲县", StringComparison.Ordinal))!;
        Assert.Equal(("360.00", "291.60", "81.00"), ((string)jia["budget"]!, (string)jia["executed"]!, (string)jia["rate"]!));
        JsonNode yi = rows.Single(r => ((string)r!["title"]!).Contains("乙县", StringComparison.Ordinal))!;
        Assert.Equal(("500.00", "470.00"), ((string)yi["budget"]!, (string)yi["executed"]!));

        Assert.Null((string?)a["overallRate"]);
        string note = (string)a["overallNote"]!;
        Assert.Contains("2个项目", note, StringComparison.Ordinal);
        Assert.Contains(Health, note, StringComparison.Ordinal);
        Assert.Contains("农村公路养护资金", note, StringComparison.Ordinal);
        var groups = a["groups"]!.AsArray().ToDictionary(g => (string)g!["program"]!, g => g!);
        Assert.Equal(("860.00", "761.60", "88.56"), ((string)groups[Health]["budget"]!, (string)groups[Health]["executed"]!, (string)groups[Health]["rate"]!));

        // The chat's list over the same rows: one money unit, the 元 table's amounts in 万元 (its 中央财政资金 line too).
        string said = await ReviewWorld.AskOfflineAsync(client, "哪些单位的预算执行率低于90%？");
        Assert.Contains("全年预算数360.00万元，执行数291.60万元", said, StringComparison.Ordinal);
        Assert.DoesNotContain("3600000", said, StringComparison.Ordinal);
        said = await ReviewWorld.AskOfflineAsync(client, "各单位中央财政资金执行率是多少？");
        Assert.Contains("全年预算数240.00万元，执行数216.00万元", said, StringComparison.Ordinal);
        Assert.DoesNotContain("2400000", said, StringComparison.Ordinal);
    }
}
