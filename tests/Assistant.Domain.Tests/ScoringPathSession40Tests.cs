using System.Buffers;
using System.Text;
using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40's scoring-path changes keep every answer: the percent beside a 4-decimal ratio (completionText, rateText)
/// taken from that ratio's digits is the contract's <c>Format(r × 100, 2) + "%"</c> for ratios at every rounding edge, scale
/// and size (and both writers still refuse a ratio whose percent overflows); a cell is read as before where the period
/// pattern and the number search are now skipped (no 年, no digit).
/// </summary>
public class ScoringPathSession40Tests
{
    private static readonly decimal[] EdgeRatios =
    [
        0m, 0.0000m, 1m, 1.0000m, 0.1m, 0.5m, 0.6107m, 0.61065m, 0.610649999m, 0.00004999m, 0.00005m, 0.000049999999999999999999999m,
        0.99994999m, 0.99995m, 0.9999m, 9.99995m, 99.99995m, 999.99994m, 0.0001m, 0.00015m, 0.0050m, 0.005m, 0.0049999m,
        1m / 3m, 2m / 3m, 1m / 7m, 763.43m / 1250m, 2181.57m / 2700.00m, 0.0000000000000000000000000001m, 0.9999999999999999999999999999m,
        12.3456m, 100m, 100.00005m, 1234567.89015m, 79228162514264.337593543950335m, 99999999999999999999.99994m / 1.00000001m,
        99999999999999999999m, 99999999999999999999.9999m, 99999999999999999999.99995m, 100000000000000000000m,
        100000000000000000001m, 792281625142643375935439503m, -0m, -0.5m, -1m / 3m, -0.00005m,
    ];

    /// <summary>A table of one qualitative row per ratio, scored as a report whose completions (and fund rates) are the ratios.</summary>
    private static (Evaluation Table, ScoreReport Report) WithRatios(IReadOnlyList<decimal> ratios)
    {
        var indicators = ratios.Select((_, i) => new Indicator { Name = $"指标{i}", Target = "≥1", Actual = "1" }).ToList();
        var table = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "比率",
            Funds = new FundSection { Lines = [new FundLine { Name = "年度资金总额" }, new FundLine { Name = "其中", Parent = "年度资金总额" }] },
            Indicators = indicators,
        };
        Cell cell = new QualitativeCell("1", null);
        var results = ratios.Select((r, i) => new IndicatorResult
        {
            Index = i,
            Name = indicators[i].Name,
            Rule = IndicatorRule.Positive,
            Status = IndicatorStatus.Met,
            Target = cell,
            Actual = cell,
            Completion = r,
            Trace = "t",
        }).ToList();
        var funds = new List<FundLineResult>
        {
            new(0, "年度资金总额", null, true, ratios[0], null, null, null),
            new(1, "其中", "年度资金总额", false, ratios[^1], null, null, null),
        };
        var report = new ScoreReport { PolicyName = "default", Funds = funds, Indicators = results, Levels = [], Findings = [] };
        return (table, report);
    }

    private static void AssertSameBytes(Evaluation table, ScoreReport report)
    {
        foreach (bool indented in new[] { true, false })
        {
            var expected = new ArrayBufferWriter<byte>();
            ContractWriter.Write(expected, ScoreContract.ToResponse(table, report), indented);
            var actual = new ArrayBufferWriter<byte>();
            ScoreAnswerWriter.Write(actual, table, report, indented);
            Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(actual.WrittenSpan));
        }
    }

    [Fact]
    public void EdgeRatios_PercentAsTheContractWritesIt()
    {
        (Evaluation table, ScoreReport report) = WithRatios(EdgeRatios);
        AssertSameBytes(table, report);

        // Written out: the rounding edges land where Format(r × 100, 2) puts them.
        var output = new ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(output, table, report, indented: false);
        string answer = Encoding.UTF8.GetString(output.WrittenSpan);
        foreach ((decimal ratio, string text) in new[]
        {
            (0.6107m, "\"completion\":\"0.6107\",\"completionText\":\"61.07%\""),
            (0.00005m, "\"completion\":\"0.0001\",\"completionText\":\"0.01%\""),
            (0.00004999m, "\"completion\":\"0.0000\",\"completionText\":\"0.00%\""),
            (0.99995m, "\"completion\":\"1.0000\",\"completionText\":\"100.00%\""),
            (0.0050m, "\"completion\":\"0.0050\",\"completionText\":\"0.50%\""),
            (12.3456m, "\"completion\":\"12.3456\",\"completionText\":\"1234.56%\""),
            (99999999999999999999.99995m, "\"completion\":\"100000000000000000000.0000\",\"completionText\":\"10000000000000000000000.00%\""),
        })
        {
            Assert.Contains(text, answer, StringComparison.Ordinal);
            Assert.Contains(ratio, EdgeRatios);
        }
    }

    [Fact]
    public void RandomRatios_PercentAsTheContractWritesIt()
    {
        // Quotients like the calculator's (28 significant digits), short decimals at every scale, and values around the
        // shift's bound (10^20), in tables of 200 rows.
        var random = new Random(4040);
        for (int table = 0; table < 100; table++)
        {
            var ratios = new List<decimal>(200);
            for (int i = 0; i < 200; i++)
            {
                decimal a = random.Next(0, 100000) / (decimal)Math.Pow(10, random.Next(0, 5));
                decimal b = random.Next(1, 100000) / (decimal)Math.Pow(10, random.Next(0, 5));
                ratios.Add((i % 4) switch
                {
                    0 => a / b,
                    1 => new decimal(random.Next(), random.Next(), random.Next(0, 50), false, (byte)random.Next(0, 29)),
                    2 => decimal.Round(a / b, random.Next(0, 8)),
                    _ => (a / b) * 1e14m,
                });
            }

            (Evaluation t, ScoreReport r) = WithRatios(ratios);
            AssertSameBytes(t, r);
        }
    }

    [Fact]
    public void PercentOverflow_RefusedByBothWriters()
    {
        (Evaluation table, ScoreReport report) = WithRatios([0.5m, decimal.MaxValue, 0.25m]);
        Assert.Throws<OverflowException>(() => ScoreContract.ToResponse(table, report));
        Assert.Throws<OverflowException>(() => ScoreAnswerWriter.Write(new ArrayBufferWriter<byte>(), table, report, indented: false));
    }

    [Fact]
    public void Normalize_WritesEveryDigitInAscii()
    {
        // A normalized cell without an ASCII digit holds no digit at all, so it has no number token (\d) to look for.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char mapped = TextNormalizer.Map((char)c);
            Assert.True(!char.IsDigit(mapped) || char.IsAsciiDigit(mapped), $"U+{c:X4} maps to U+{(int)mapped:X4}");
        }
    }

    [Theory]
    [InlineData("2023—2025年累计≥6", true)]
    [InlineData("2023-2025年共完成12万亩", true)]
    [InlineData("到2025年累计达到6万亩", true)]
    [InlineData("截至2025年底累计≥3000户", true)]
    [InlineData("2023—2025累计≥6", false)]
    [InlineData("2023-2025共完成12万亩", false)]
    [InlineData("到2025累计达到6万亩", false)]
    [InlineData("截至2025底累计≥3000户", false)]
    [InlineData("2023—2025度累计≥6", false)]
    public void Period_NeedsItsYearCharacter(string cell, bool period)
    {
        Assert.Equal(period, CellParser.PeriodOf(cell) is { PeriodTo: not null });
        Assert.Equal(period, CellParser.Parse(cell, "个") is QuantityCell { PeriodTo: not null });
    }

    [Theory]
    [InlineData("效果显著", 3)]
    [InlineData("效果良好", 2)]
    [InlineData("一般", 1)]
    [InlineData("未达成", 0)]
    [InlineData("提高服务水平", null)]
    [InlineData("是", 3)]
    [InlineData("否", 0)]
    [InlineData("优", 3)]
    public void WordsWithoutDigits_ReadAsGradedWords(string cell, int? level)
    {
        Cell read = CellParser.Parse(cell, "%");
        Assert.Equal(new QualitativeCell(cell, level), read);
    }

    [Theory]
    [InlineData("约30家企业")]
    [InlineData("1月700元/人/月，2月开始1000元/人/月")]
    [InlineData("３０项工作")]
    [InlineData("约٣٠家企业")]
    public void WordsWithDigits_StillCompound(string cell)
    {
        Assert.IsType<CompoundCell>(CellParser.Parse(cell, "个"));
        Assert.NotEmpty(((CompoundCell)CellParser.Parse(cell, "个")).Numbers);
    }

    [Fact]
    public void UnitColumn_NamesTheTargetFirstThenTheActual()
    {
        // Both cells in another unit: the target is named; only the actual: the actual; neither: no finding.
        Evaluation Row(string target, string actual) => new()
        {
            Kind = EvaluationKind.Project,
            Title = "单位",
            Funds = new FundSection(),
            Indicators = [new Indicator { Name = "指标", Unit = "元", Target = target, Actual = actual, Weight = new PrintedNumber(10m, 0) }],
        };
        string? Named(Evaluation e) => Calculator.Score(e).Findings.SingleOrDefault(f => f.Code == FindingCodes.IndicatorUnitColumn)?.Path;

        Assert.Equal("indicators[0].target", Named(Row("≤1600元/人", "1500元/人")));
        Assert.Equal("indicators[0].actual", Named(Row("≤1600", "1500元/人")));
        Assert.Equal("indicators[0].target", Named(Row("≤1600元/人", "1500")));
        Assert.Null(Named(Row("≤1600", "1500")));
        Assert.Null(Named(Row("≤1600元", "1500元")));
        Assert.Equal("indicators[0].target", Named(Row("≤16元/台", "15元/人")));
    }
}
