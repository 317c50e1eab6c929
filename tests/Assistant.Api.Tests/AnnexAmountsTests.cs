using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 40 (outside tester, 蕲春县 医疗救助 in 元): the annex's fund block broke amounts of eleven characters over two
/// lines (<c>18000000.0</c> / <c>0</c>, <c>17106482.3</c> / <c>5</c>). Rendered with LibreOffice, every amount of a 元 table
/// of eight to thirteen characters prints whole on one line, in a scored and in a transfer table.
/// </summary>
public class AnnexAmountsTests
{
    private static Evaluation Table(string kind, (string Name, string? Parent, string Initial, string Budget, string Executed)[] lines)
    {
        var fund = new JsonArray();
        foreach (var l in lines)
        {
            var o = new JsonObject { ["name"] = l.Name, ["initialBudget"] = l.Initial, ["budget"] = l.Budget, ["executed"] = l.Executed };
            if (l.Parent is not null)
            {
                o["parent"] = l.Parent;
            }

            fund.Add(o);
        }

        var e = new JsonObject
        {
            ["kind"] = kind, ["title"] = "2024年蕲春县城乡医疗救助补助资金", ["year"] = 2024, ["region"] = "黄冈市蕲春县",
            ["funds"] = kind == "project" ? new JsonObject { ["unit"] = "元", ["weight"] = "10", ["lines"] = fund } : new JsonObject { ["unit"] = "元", ["lines"] = fund },
            ["indicators"] = new JsonArray(new JsonObject
            {
                ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "资助困难群众参加基本医疗保险人数", ["unit"] = "人", ["target"] = "≥42000", ["actual"] = "41236",
                ["weight"] = kind == "project" ? "90" : null,
            }),
        };
        if (kind == "project")
        {
            e["levelWeights"] = new JsonObject { ["产出指标"] = "90" };
        }

        return EvaluationJson.Parse(e.ToJsonString());
    }

    public static TheoryData<string> Kinds => new() { "project", "transfer" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EveryAmountOfAYuanTable_PrintsWholeOnOneLine(string kind)
    {
        (string, string?, string, string, string)[] lines =
        [
            ("年度资金总额", null, "123456789.12", "123456789.12", "103456789.55"),
            ("中央财政资金", "年度资金总额", "18000000.00", "18000000.00", "17106482.35"),
            ("省级资金", "年度资金总额", "12450000.00", "12450000.00", "12450000.00"),
            ("县级资金", "年度资金总额", "93006789.12", "93006789.12", "73900307.20"),
        ];
        Evaluation e = Table(kind, lines);
        ScoreReport score = Calculator.Score(e);
        using var ms = new MemoryStream();
        ReportDocx.Write(ms, e, score, new ReportDraft(e.Title, 2024, e.Region, kind, "default", null, null, "verified", []));
        string pdf = await DocumentRendering.ToPdfAsync(ms.ToArray(), "annex-amounts-" + kind, ".docx");
        int pages = await DocumentRendering.PagesAsync(pdf);
        string text = await DocumentRendering.TextAsync(pdf, pages, raw: true);
        await DocumentRendering.PageToPngAsync(pdf, pages, "annex-amounts-" + kind);
        var amounts = lines.SelectMany(l => kind == "project" ? new[] { l.Item3, l.Item4, l.Item5 } : [l.Item4, l.Item5]).Distinct().ToList();
        Assert.All(amounts, a => Assert.True(text.Contains(a, StringComparison.Ordinal), $"“{a}” is not whole on one line of the annex:\n{text}"));
    }

    [Theory]
    [InlineData("3600000.00", 21)]
    [InlineData("18000000.0", 21)]
    [InlineData("17106482.35", 18)]
    [InlineData("123456789.12", 18)]
    [InlineData("1234567890.12", 16)]
    public void LongerAmounts_AreSetASizeSmaller(string amount, int halfPoints) => Assert.Equal(halfPoints, TableDocx.AmountSize(amount));
}
