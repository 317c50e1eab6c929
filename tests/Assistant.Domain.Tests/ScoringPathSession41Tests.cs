using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 41's reconciliation changes keep every finding: an indicator's path is kept once made (the same text for every row and
/// field, asked in any order); a printed total that rounds from the computed one is exact before the rows' intervals are summed
/// (no finding, as before; every other total still gets its finding and severity); the unit column is not asked of a row whose
/// cells print no unit (no finding, as before); the shortfall message reads as before with and without its detail.
/// </summary>
public class ScoringPathSession41Tests
{
    private static readonly string[] Fields = [.. IndicatorPaths.KeptFields, ".level1", ".name", ".unit"];

    [Fact]
    public void Paths_AreTheTextOfTheirRowAndField_InAnyOrder_KeptOrNot()
    {
        int[] rows = [0, 1, 2, 9, 10, 11, 99, 100, 101, 511, 1022, 1023, 1024, 1025, 4096, int.MaxValue, -1, -7];
        var random = new Random(41);
        var asks = rows.SelectMany(r => Fields.Select(f => (Row: r, Field: f))).ToList();

        // Three passes in different orders: a slot filled for one row or field and read for another would show here.
        for (int pass = 0; pass < 3; pass++)
        {
            foreach ((int row, string field) in asks.OrderBy(_ => random.Next()))
            {
                Assert.Equal($"indicators[{row}]{field}", IndicatorPaths.Of(row, field));
            }
        }

        // A kept row's field is the same string each time; the others are made afresh (still the same text).
        Assert.Same(IndicatorPaths.Of(3, ".actual"), IndicatorPaths.Of(3, ".actual"));
        Assert.Same(IndicatorPaths.Of(0, string.Empty), IndicatorPaths.Of(0, string.Empty));
        Assert.NotSame(IndicatorPaths.Of(1024, ".actual"), IndicatorPaths.Of(1024, ".actual"));
        Assert.NotSame(IndicatorPaths.Of(3, ".level1"), IndicatorPaths.Of(3, ".level1"));
    }

    [Fact]
    public void Paths_FromManyThreadsAtOnce_AreTheirOwn()
    {
        Parallel.For(0, 8, t =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                int row = (i * 7 + t) % 1100;
                string field = IndicatorPaths.KeptFields[(i + t) % IndicatorPaths.KeptFields.Length];
                Assert.Equal($"indicators[{row}]{field}", IndicatorPaths.Of(row, field));
            }
        });
    }

    [Fact]
    public void Findings_NameTheirRows_InARealTableAndALongOne()
    {
        // Every indicator finding's path names a row the table has and a field as written before: indicators[k] + field.
        var tables = new List<Evaluation> { SharedData.LoadReference("zhongwei-2024-employment-service-demo"), SyntheticTables.Project(1500) };
        foreach (Evaluation e in tables)
        {
            foreach (Finding f in Calculator.Score(e).Findings.Where(f => f.Path.StartsWith("indicators[", StringComparison.Ordinal)))
            {
                int close = f.Path.IndexOf(']', StringComparison.Ordinal);
                int k = int.Parse(f.Path.AsSpan(11, close - 11), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(k, 0, e.Indicators.Count - 1);
                Assert.Equal($"indicators[{k}]{f.Path[(close + 1)..]}", f.Path);
            }
        }
    }

    /// <summary>
    /// 资金 10 of 10 (budget = executed) and one row ≥100 against 99.5 of weight 90: completion 0.995, score 89.55, total 99.55.
    /// </summary>
    private static Evaluation Totalled(string printedTotal, string actual = "99.5") => new()
    {
        Kind = EvaluationKind.Project,
        Title = "总分",
        Funds = new FundSection
        {
            Weight = new PrintedNumber(10m, 0),
            Lines = [new FundLine { Name = "年度资金总额", Budget = PrintedNumber.Parse("100.00"), Executed = PrintedNumber.Parse("100.00") }],
        },
        Indicators = [new Indicator { Level1 = "产出指标", Name = "覆盖人数", Unit = "人", Target = "≥100", Actual = actual, Weight = new PrintedNumber(90m, 0), DeviationNote = "原因已说明：报名人数少于预期" }],
        PrintedTotal = PrintedNumber.Parse(printedTotal),
    };

    [Theory]
    [InlineData("99.55", null)] // as computed
    [InlineData("99.550", null)] // more decimals, the same value
    [InlineData("99.6", null)] // 99.55 half up at one decimal
    [InlineData("100", null)] // and at none
    [InlineData("99.5", Severity.Info)] // not what 99.55 rounds to, inside the rounding of 99.5 (99.45–99.55)
    [InlineData("99.54", Severity.Info)] // 99.5 is 99.45–99.55 of an actual: the total may be 99.505–99.595
    [InlineData("99.56", Severity.Info)]
    [InlineData("99.7", Severity.Error)]
    [InlineData("99.4", Severity.Error)]
    [InlineData("99", Severity.Error)]
    [InlineData("90.00", Severity.Error)]
    public void PrintedTotal_ExactGetsNoFinding_OthersTheirSeverity(string printed, Severity? expected)
    {
        ScoreReport report = Calculator.Score(Totalled(printed));
        Assert.Equal(99.55m, report.Total);
        Finding? total = report.Findings.SingleOrDefault(f => f.Code == FindingCodes.TotalPrinted);
        Assert.Equal(expected, total?.Severity);
        if (total is not null)
        {
            Assert.Equal("printedTotal", total.Path);
            Assert.Equal("99.55", total.Expected);
            Assert.Equal(printed, total.Actual);
        }
    }

    [Fact]
    public void PrintedTotal_FromTheComputedOne_IsExact_InRealAndGeneratedTables()
    {
        // Each table printed with its own total at 0–4 decimals has no total finding; one cent off always has one.
        var tables = new List<Evaluation> { SyntheticTables.Project(100) };
        foreach (string name in new[] { "zhongwei-2024-employment-service-demo", "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-operating-funds" })
        {
            tables.Add(SharedData.LoadReference(name));
        }

        var random = new Random(4141);
        for (int n = 0; n < 60; n++)
        {
            tables.Add(ScoreAnswerWriterTests.Table(random, n));
        }

        int checkedTotals = 0;
        foreach (Evaluation e in tables.Where(t => t.Kind == EvaluationKind.Project))
        {
            decimal total = Calculator.Score(e).Total!.Value;
            for (int d = 0; d <= 4; d++)
            {
                decimal rounded = PrintedNumber.RoundHalfUp(total, d);
                Assert.DoesNotContain(Calculator.Score(e with { PrintedTotal = new PrintedNumber(rounded, d) }).Findings, f => f.Code == FindingCodes.TotalPrinted);
                checkedTotals++;
            }

            decimal off = PrintedNumber.RoundHalfUp(total, 2) + 0.01m;
            Assert.Contains(Calculator.Score(e with { PrintedTotal = new PrintedNumber(off, 2) }).Findings, f => f.Code == FindingCodes.TotalPrinted);
        }

        Assert.True(checkedTotals >= 200, $"{checkedTotals} totals checked");
    }

    private static Finding? UnitFinding(string? unit, string target, string actual) =>
        Calculator.Score(new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "单位",
            Funds = new FundSection(),
            Indicators = [new Indicator { Name = "指标", Unit = unit, Target = target, Actual = actual, Weight = new PrintedNumber(10m, 0) }],
        }).Findings.SingleOrDefault(f => f.Code == FindingCodes.IndicatorUnitColumn);

    [Theory]
    // No cell prints a unit: never a finding, whatever the column says.
    [InlineData("人", "≥1250", "763.43", null)]
    [InlineData("元/人", "≤100", "120", null)]
    [InlineData("万人", "效果显著", "效果良好", null)]
    [InlineData("天", "12月底前", "11月", null)]
    [InlineData("", "≥95", "96", null)]
    [InlineData(null, "≥95", "96", null)]
    [InlineData("次/年·人·某", "≥95", "96", null)]
    // A cell prints its unit: the column is asked.
    [InlineData("万人", "≥98%", "99%", ".target")]
    [InlineData("%", "≥98%", "99%", null)]
    [InlineData("%", "≥98", "99.5%", null)]
    [InlineData("人", "≥98", "99%", ".actual")]
    [InlineData("", "≥98%", "99%", null)]
    [InlineData(null, "≥98万元", "99万元", null)]
    [InlineData("元", "≥98万元", "99万元", null)]
    [InlineData("天", "≤15天", "12日", null)]
    [InlineData("个", "≤15天", "12", ".target")]
    public void UnitColumn_AskedOnlyOfCellsWithAUnit_SameFindings(string? unit, string target, string actual, string? field)
    {
        Finding? f = UnitFinding(unit, target, actual);
        Assert.Equal(field is null ? null : "indicators[0]" + field, f?.Path);
    }

    [Theory]
    [InlineData("≥100", "99.5", "“指标”未完成年度指标（指标值≥100，完成值99.5，完成率99.50%），未说明偏差原因")]
    [InlineData("≤100", "120", "“指标”未完成年度指标（指标值≤100，完成值120，超出上限20人），未说明偏差原因")]
    [InlineData("效果显著", "效果一般", "“指标”未完成年度指标（指标值效果显著，完成值效果一般，实际效果弱于指标值），未说明偏差原因")]
    [InlineData("12月底前", "2025年3月", "“指标”未完成年度指标（指标值12月底前，完成值2025年3月），未说明偏差原因")]
    public void Shortfall_Message_WithAndWithoutItsDetail(string target, string actual, string message)
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "偏差",
            Year = 2024,
            Funds = new FundSection(),
            Indicators = [new Indicator { Name = "指标", Unit = "人", Target = target, Actual = actual, Weight = new PrintedNumber(10m, 0) }],
        };
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.IndicatorShortfallUnexplained);
        Assert.Equal(message, f.Message);
        Assert.Equal("indicators[0].deviationNote", f.Path);
    }

    private static readonly string[] Spellings =
    [
        "年度资金总额", " 年度资金总额", "年度资金总额 ", "\u3000年度资金总额\u3000", "\t年度资金总额\n", "\u00A0年度资金总额", "年度资金总额\u200B",
        "年度资金 总额", "年度资金总额（万元）", "", " ", "\u3000", "其中：当年财政拨款", " 其中：当年财政拨款",
    ];

    [Fact]
    public void HasPart_IsTheTrimmedNamesCompared_ForEverySpelling()
    {
        // Every parent name against every line's parent (and none): the answer of Parent.Trim() == Name.Trim(), as before.
        int yes = 0, no = 0;
        foreach (string name in Spellings)
        {
            foreach (string? parent in Spellings.Append(null))
            {
                var lines = new List<FundLine> { new() { Name = name }, new() { Name = "其他资金", Parent = parent } };
                bool expected = lines.Any(l => l.Parent is { } pn && pn.Trim() == name.Trim());
                Assert.Equal(expected, Reconciliation.HasPart(lines, name));
                _ = expected ? yes++ : no++;
            }
        }

        Assert.True(yes >= 20 && no >= 100, $"{yes} with a part, {no} without");
    }

    [Theory]
    [InlineData("年度资金总额", "年度资金总额", true)]
    [InlineData("年度资金总额", " 年度资金总额\u3000", true)]
    [InlineData(" 年度资金总额", "年度资金总额", true)]
    [InlineData("年度资金总额", "年度资金总额\u200B", false)]
    [InlineData("年度资金总额", "其他", false)]
    [InlineData("年度资金总额", null, false)]
    public void PartsThatDoNotAddUp_AreFoundUnderTheirParent_AsBefore(string total, string? parent, bool found)
    {
        // 100.00 against parts of 60.00 + 30.00: a parts-sum finding on the total's line when the parts name it.
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "资金",
            Funds = new FundSection
            {
                Lines =
                [
                    new FundLine { Name = total, Budget = PrintedNumber.Parse("100.00"), Executed = PrintedNumber.Parse("90.00") },
                    new FundLine { Name = "当年财政拨款", Parent = parent, Budget = PrintedNumber.Parse("60.00"), Executed = PrintedNumber.Parse("60.00") },
                    new FundLine { Name = "其他资金", Parent = parent, Budget = PrintedNumber.Parse("30.00"), Executed = PrintedNumber.Parse("30.00") },
                ],
            },
            Indicators = [],
        };
        var sums = Calculator.Score(e).Findings.Where(f => f.Code == FindingCodes.FundsPartsSum).ToList();
        Assert.Equal(found ? ["funds.lines[0].budget"] : [], sums.Select(f => f.Path).ToArray());
        if (found)
        {
            Assert.Equal(Severity.Error, sums[0].Severity);
            Assert.Equal("90.00", sums[0].Expected);
        }
    }
}
