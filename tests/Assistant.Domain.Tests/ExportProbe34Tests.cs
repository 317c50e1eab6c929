using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Reporting;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Probe 34 #9 and #10: the Word annex keeps 总分 with the rows above it and prints 其中 on the first part line only;
/// a unit such as 元/人·年 keeps its middle dot.
/// </summary>
public sealed class ExportProbe34Tests
{
    private static Evaluation Table(string title, string unit, string[] parts, int rows, string kind = "project")
    {
        var lines = new List<(string, string?, string, string, string?)> { ("年度资金总额", null, "1000", "900", null) };
        lines.AddRange(parts.Select((p, i) => (p, (string?)"年度资金总额", i == 0 ? (1000 - 100 * (parts.Length - 1)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "100",
            i == 0 ? (1000 - 100 * (parts.Length - 1) - 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : "100", (string?)null)));
        var ind = Enumerable.Range(0, rows).Select(k => ("产出指标", "数量指标", $"完成任务{k + 1}", "项", "≥10", "10", (90 / rows).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)null)).ToArray();
        var o = TableJson.Build(title, "某省某县", unit, [.. lines], ind, "某县某局", "某县某中心");
        if (kind != "project")
        {
            o["kind"] = kind;
        }

        return EvaluationJson.Parse(o.ToJsonString());
    }

    private static Table[] Annex(Evaluation e)
    {
        var body = new Body();
        TableDocx.Append(body, e, Calculator.Score(e));
        return body.Elements<Table>().ToArray();
    }

    [Theory]
    [InlineData("2024年学生资助补助经费", "元", new[] { "中央财政资金", "省级资金", "县级资金" })]
    [InlineData("2024年农村公路养护项目", "万元", new[] { "中央资金", "市级资金" })]
    [InlineData("2024年基层文化站运行补助", "万元", new[] { "当年财政拨款" })]
    public void OnlyTheFirstPartLine_SaysQiZhong(string title, string unit, string[] parts)
    {
        Table funds = Annex(Table(title, unit, parts, 3))[0];
        var labels = funds.Elements<TableRow>().Select(r => r.Elements<TableCell>().ElementAtOrDefault(1)?.InnerText ?? string.Empty).ToList();
        Assert.Contains("其中：" + parts[0], labels);
        Assert.Single(labels, l => l.StartsWith("其中", StringComparison.Ordinal));
        foreach (string p in parts.Skip(1))
        {
            Assert.Contains(p, labels);
        }
    }

    [Fact]
    public void LineLabel_RestartsQiZhong_UnderEachParent()
    {
        FundLine[] lines =
        [
            new() { Name = "年度资金总额" }, new() { Name = "财政拨款", Parent = "年度资金总额" }, new() { Name = "其他资金", Parent = "年度资金总额" },
            new() { Name = "中央资金", Parent = "财政拨款" }, new() { Name = "地方资金", Parent = "财政拨款" },
        ];
        Assert.Equal(["年度资金总额", "其中：财政拨款", "其他资金", "其中：中央资金", "地方资金"], lines.Select((_, i) => TableCells.LineLabel(lines, i)).ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(17)]
    public void TotalRow_IsKeptWithTheRowAbove_AndNoRowSplits(int rows)
    {
        Table indicators = Annex(Table("2024年基本公共卫生服务项目", "万元", ["中央资金", "县级资金"], rows)).Last();
        var all = indicators.Elements<TableRow>().ToList();
        Assert.StartsWith("总分", all[^1].InnerText, StringComparison.Ordinal);
        Assert.NotEmpty(all[^2].Descendants<KeepNext>());
        Assert.All(all, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>()));
    }

    [Theory]
    [InlineData("元/人·年")]
    [InlineData("元/生·学期")]
    [InlineData("元/人.年")]
    [InlineData("元/亩·年")]
    public void MiddleDot_InAUnit_IsKept(string unit)
    {
        string expected = unit.Replace('.', '·');
        Assert.Equal(expected, UnitSpec.Parse(unit).Text);
        Assert.Equal(expected, UnitSpec.Parse("（" + unit + "）").Text);
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("元/人.年", "元/人·年")]
    [InlineData("万元", "万元")]
    [InlineData("人.", "人.")]
    public void KeepMiddleDot_LeavesDecimalPoints(string text, string expected) => Assert.Equal(expected, UnitSpec.KeepMiddleDot(text));

    [Theory]
    [InlineData("生均资助标准", "元/人·年", "≤2500", "2500")]
    [InlineData("亩均管护费用", "元/亩·年", "≤120", "115")]
    public void IndicatorCells_KeepTheMiddleDot(string name, string unit, string target, string actual)
    {
        var o = TableJson.Build("2024年某某项目", "某省某县", "万元", [("年度资金总额", null, "100", "95", null)],
            [("成本指标", "经济成本指标", name, unit, target, actual, "90", null)], "某局", "某中心");
        ScoreReport r = Calculator.Score(EvaluationJson.Parse(o.ToJsonString()));
        Assert.Equal(unit, Assert.IsType<QuantityCell>(r.Indicators[0].Target).EffectiveUnit.Text);
        Assert.Equal(unit, Assert.IsType<QuantityCell>(r.Indicators[0].Actual).EffectiveUnit.Text);
    }
}
