using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

public class EvaluationJsonTests
{
    private const string Minimal = """
        {"kind":"project","title":"t","funds":{"unit":"万元","weight":5,"lines":[{"name":"年度资金总额","budget":2700.00,"executed":"2181.57"}]},
         "indicators":[{"name":"a","target":"≥1500","actual":1464,"weight":"5"}]}
        """;

    [Fact]
    public void Numbers_AsJsonNumbersOrStrings_KeepPrintedPrecision()
    {
        Evaluation e = EvaluationJson.Parse(Minimal);
        Assert.Equal(2, e.Funds.Lines[0].Budget!.Value.Decimals);
        Assert.Equal(2700.00m, e.Funds.Lines[0].Budget!.Value.Value);
        Assert.Equal(2, e.Funds.Lines[0].Executed!.Value.Decimals);
        Assert.Equal("1464", e.Indicators[0].Actual);
        Assert.Equal(5m, e.Funds.Weight!.Value.Value);
    }

    [Theory]
    [InlineData("{", "body", "JSON格式错误")]
    [InlineData("[]", "body", "JSON对象")]
    [InlineData("""{"kind":"x","title":"t","funds":{},"indicators":[]}""", "kind", "project 或 transfer")]
    [InlineData("""{"kind":"project","funds":{},"indicators":[]}""", "title", "缺少必填字段")]
    [InlineData("""{"kind":"project","title":"t","indicators":[]}""", "funds", "缺少项目资金")]
    [InlineData("""{"kind":"project","title":"t","funds":{}}""", "indicators", "缺少绩效指标")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":{}}""", "indicators", "必须是数组")]
    [InlineData("""{"kind":"project","title":"t","funds":{"lines":[{"name":"a","budget":"-1"}]},"indicators":[]}""", "funds.lines[0].budget", "不能为负数")]
    [InlineData("""{"kind":"project","title":"t","funds":{"lines":[{"name":"a","budget":true}]},"indicators":[]}""", "funds.lines[0].budget", "必须是数字")]
    [InlineData("""{"kind":"project","title":"t","funds":{"lines":[{"name":"a","executed":"12a"}]},"indicators":[]}""", "funds.lines[0].executed", "不是数字")]
    [InlineData("""{"kind":"project","title":"t","funds":{"lines":[{"name":"a","parent":"b"}]},"indicators":[]}""", "funds.lines[0].parent", "不存在")]
    [InlineData("""{"kind":"project","title":"t","funds":{"unit":"美元"},"indicators":[]}""", "funds.unit", "万元")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":[{"name":"a","weight":"十"}]}""", "indicators[0].weight", "不是数字")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":[{"name":"a","weight":{}}]}""", "indicators[0].weight", "必须是数字")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":[{"name":"a","target":[1]}]}""", "indicators[0].target", "字符串或数字")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":[{"name":"a","grade":"优秀"}]}""", "indicators[0].grade", "达成")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":[3]}""", "indicators[0]", "必须是对象")]
    [InlineData("""{"kind":"project","title":"t","year":"去年","funds":{},"indicators":[]}""", "year", "年份")]
    [InlineData("""{"kind":"project","title":"t","funds":{"lines":[{"name":"a","printedRate":"八成"}]},"indicators":[]}""", "funds.lines[0].printedRate", "百分数")]
    [InlineData("""{"kind":"project","title":"t","funds":{},"indicators":[],"levelWeights":[1]}""", "levelWeights", "必须是对象")]
    public void BadInput_NamesTheField_InChineseAndEnglish(string json, string field, string zh)
    {
        InputException ex = Assert.Throws<InputException>(() => EvaluationJson.Parse(json));
        InputError error = Assert.Single(ex.Errors, e => e.Field == field);
        Assert.Contains(zh, error.Zh, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.En));
        Assert.Matches("(must|is|required|malformed|unknown|at most)", error.En);
    }

    [Fact]
    public void AllErrors_AreReportedAtOnce()
    {
        InputException ex = Assert.Throws<InputException>(() => EvaluationJson.Parse(
            """{"kind":"x","funds":{"lines":[{"name":"a","budget":"-3"}]},"indicators":[{"weight":"abc"}]}"""));
        Assert.Equal(["kind", "title", "funds.lines[0].budget", "indicators[0].name", "indicators[0].weight"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void UnknownFields_AreIgnored_ForwardCompatibility()
    {
        Evaluation e = EvaluationJson.Parse(Minimal.Replace("\"kind\"", "\"future\":{\"x\":1},\"kind\"", StringComparison.Ordinal));
        Assert.Equal("t", e.Title);
    }

    [Theory]
    [MemberData(nameof(ReferenceTablesTests.AllTables), MemberType = typeof(ReferenceTablesTests))]
    public void ReferenceTables_Parse(string table)
    {
        Evaluation e = SharedData.LoadReference(table);
        Assert.NotEmpty(e.Indicators);
        Assert.NotEmpty(e.Funds.Lines);
    }

    /// <summary>
    /// An indicator row's fields are found in one pass, not searched for one by one: a field given twice
    /// still takes its last value (as <c>JsonElement.TryGetProperty</c> finds it), an escaped name is the
    /// name it spells, unknown fields and field order change nothing, and errors keep their order.
    /// </summary>
    [Fact]
    public void IndicatorFields_OnePass_AsSearchedFieldByField()
    {
        const string Row = """
            {"x":1,"actual":"1","target":"≥9","name":"旧","\u006eame":"新名","weight":"3","weight":"4.50","unit":"人","level1":"产出指标","grade":null,
             "deviationNote":"说明","printedScore":"4.5","level2":"数量指标","id":"i1","target":"≥1500"}
            """;
        Evaluation e = EvaluationJson.Parse($$"""{"kind":"project","title":"t","funds":{},"indicators":[{{Row}}]}""");
        Indicator ind = Assert.Single(e.Indicators);
        using (var doc = System.Text.Json.JsonDocument.Parse(Row))
        {
            var row = doc.RootElement;
            Assert.Equal(row.GetProperty("name").GetString(), ind.Name);
            Assert.Equal(row.GetProperty("target").GetString(), ind.Target);
            Assert.Equal(row.GetProperty("weight").GetString(), PrintedNumberText(ind.Weight));
        }

        Assert.Equal("新名", ind.Name);
        Assert.Equal("≥1500", ind.Target);
        Assert.Equal("1", ind.Actual);
        Assert.Equal(new Assistant.Domain.Numbers.PrintedNumber(4.50m, 2), ind.Weight);
        Assert.Equal(("i1", "产出指标", "数量指标", "人", "说明"), (ind.Id, ind.Level1, ind.Level2, ind.Unit, ind.DeviationNote));
        Assert.Equal(new Assistant.Domain.Numbers.PrintedNumber(4.5m, 1), ind.PrintedScore);
        Assert.Null(ind.Grade);

        InputException ex = Assert.Throws<InputException>(() => EvaluationJson.Parse(
            """{"kind":"project","title":"t","funds":{},"indicators":[{"printedScore":"x","weight":"y","grade":"优","target":{},"name":" "},{"actual":[1]}]}"""));
        Assert.Equal(["indicators[0].name", "indicators[0].grade", "indicators[0].weight", "indicators[0].target", "indicators[0].printedScore", "indicators[1].name", "indicators[1].actual"],
            ex.Errors.Select(x => x.Field));
    }

    private static string? PrintedNumberText(Assistant.Domain.Numbers.PrintedNumber? n) => n?.ToString();
}
