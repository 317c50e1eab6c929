using System.Text;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>What OA systems send (probe 29): blank required numbers, empty tables, exponent numbers, deep nesting — each a named error or read as meant, never a silent 0. Both readers (streaming and document) agree.</summary>
public class EvaluationJsonOaTests
{
    private const string Indicator = """{"level1":"产出指标","name":"培训人次","unit":"人次","target":"≥100","actual":"100","weight":"90","printedScore":"90"}""";

    private static string Table(string line, string indicators = "[" + Indicator + "]") =>
        $$"""{"kind":"project","title":"t","funds":{"unit":"万元","weight":"10","lines":[{{line}}]},"indicators":{{indicators}}}""";

    private static InputException Refused(string json)
    {
        var streamed = Assert.Throws<InputException>(() => EvaluationJson.Parse(json));
        var document = Assert.Throws<InputException>(() => EvaluationJson.ParseDocument(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(streamed.Errors.Select(e => e.Field), document.Errors.Select(e => e.Field));
        return streamed;
    }

    [Theory]
    [InlineData("""{"name":"年度资金总额","budget":"","executed":"2181.57"}""")]
    [InlineData("""{"name":"年度资金总额","budget":"  ","executed":2181.57}""")]
    [InlineData("""{"name":"年度资金总额","executed":"2181.57"}""")]
    [InlineData("""{"name":"年度资金总额","budget":null,"executed":"2181.57"}""")]
    public void BlankBudget_BesideAnExecutedAmount_IsNamed(string line)
    {
        InputException e = Refused(Table(line));
        InputError error = Assert.Single(e.Errors);
        Assert.Equal("funds.lines[0].budget", error.Field);
        Assert.Contains("全年预算数", error.Zh, StringComparison.Ordinal);
        Assert.Contains("budget is required", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void BadBudget_IsNamedOnce()
    {
        InputError error = Assert.Single(Refused(Table("""{"name":"a","budget":"abc","executed":"1"}""")).Errors);
        Assert.Contains("不是数字", error.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void LineWithNeitherAmount_StillReads() =>
        Assert.Null(EvaluationJson.Parse(Table("""{"name":"其他资金"}""")).Funds.Lines[0].Budget);

    [Theory]
    [InlineData("[]")]
    public void EmptyIndicatorList_IsRefused(string indicators)
    {
        InputError error = Assert.Single(Refused(Table("""{"name":"a","budget":"1","executed":"1"}""", indicators)).Errors);
        Assert.Equal("indicators", error.Field);
        Assert.Contains("至少要有一项", error.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyTable_IsRefusedNamingIndicators() =>
        Assert.Contains(Refused("""{"kind":"project","title":"空表","funds":{"unit":"万元","lines":[]},"indicators":[]}""").Errors, e => e.Field == "indicators");

    [Theory]
    [InlineData("2.7e3", "2700")]
    [InlineData("2.7E+3", "2700")]
    [InlineData("27e2", "2700")]
    [InlineData("2.5e-1", "0.25")]
    public void ExponentNumbers_ReadAsTheirDecimal(string written, string read)
    {
        Evaluation e = EvaluationJson.Parse(Table($$"""{"name":"a","budget":{{written}},"executed":"1"}"""));
        Assert.Equal(read, e.Funds.Lines[0].Budget!.Value.ToString());
        Assert.Equal(e.Funds.Lines[0].Budget!.Value.Value, EvaluationJson.ParseDocument(Encoding.UTF8.GetBytes(Table($$"""{"name":"a","budget":{{written}},"executed":"1"}"""))).Funds.Lines[0].Budget!.Value.Value);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    public void ExponentBeyondDecimal_IsOutOfRange(string written) =>
        Assert.Contains("超出范围", Assert.Single(Refused(Table($$"""{"name":"a","budget":{{written}},"executed":"1"}""")).Errors).Zh, StringComparison.Ordinal);

    [Fact]
    public void DeepNesting_SaysSo()
    {
        string deep = new string('[', 200) + new string(']', 200);
        InputError error = Assert.Single(Refused($$"""{"kind":"project","title":"t","meta":{{deep}},"funds":{},"indicators":[{{Indicator}}]}""").Errors);
        Assert.Contains("嵌套层数超过", error.Zh, StringComparison.Ordinal);
        Assert.Contains("nested deeper", error.En, StringComparison.Ordinal);
    }
}
