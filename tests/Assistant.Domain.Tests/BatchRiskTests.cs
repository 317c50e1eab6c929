using Assistant.Domain.Batches;
using Assistant.Domain.Drafting;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>The risk queue's scoring and ranking, table-driven.</summary>
public class BatchRiskTests
{
    public static TheoryData<string, string, int, string> Cases => new()
    {
        // signals (category:subject;…), expected first reason, expected score, expected level
        { "risk.table-error:a", RiskCategories.TableError, 30 + 5, "medium" },
        { "risk.report-contradicted:x;risk.report-contradicted:y", RiskCategories.ReportContradicted, 50 + 5, "high" },
        { "risk.target-too-low:a", RiskCategories.TargetTooLow, 10 + 5, "low" },
        { "risk.shortfall-unexplained:a;risk.total-high-for-rate:f", RiskCategories.TotalHighForRate, 35 + 5, "medium" },
        // seven table errors count as five: one long list does not outrank everything
        { "risk.table-error:1;risk.table-error:2;risk.table-error:3;risk.table-error:4;risk.table-error:5;risk.table-error:6;risk.table-error:7", RiskCategories.TableError, 150 + 5, "high" },
        { "risk.table-unclear:a", RiskCategories.ReportMissing, 3 + 5, "low" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signals_ScoreByCategory(string signals, string firstReason, int score, string level)
    {
        var list = signals.Split(';').Select(s => s.Split(':')).Select(p => new RiskSignal(p[0], p[1])).Append(new RiskSignal(RiskCategories.ReportMissing, "report")).ToList();
        RiskAssessment r = BatchRisk.Assess(list);
        Assert.Equal(score, r.Score);
        Assert.Equal(level, r.Level);
        Assert.Equal(firstReason, r.Reasons[0].Code);
        Assert.Equal(r.Score, r.Reasons.Sum(x => x.Points));
        Assert.True(r.Reasons.Zip(r.Reasons.Skip(1)).All(p => p.First.Points >= p.Second.Points));
    }

    [Fact]
    public void NoSignals_NoRisk()
    {
        RiskAssessment r = BatchRisk.Assess([]);
        Assert.Equal(0, r.Score);
        Assert.Equal("none", r.Level);
        Assert.Equal("未发现问题", r.Summary);
    }

    [Fact]
    public void Findings_MapToCategories()
    {
        Finding[] table =
        [
            new(FindingCodes.TotalPrinted, Severity.Error, "总分不符", "total"),
            new(FindingCodes.IndicatorShortfallUnexplained, Severity.Warning, "未说明", "indicators[2]"),
            new(FindingCodes.IndicatorCellUnreadable, Severity.Warning, "无法比较", "indicators[3].actual"),
            new(FindingCodes.FundsLowExecution, Severity.Info, "执行率低", "funds.lines[0]"),
        ];
        ReviewerFinding[] review =
        [
            new(ReviewerFindingCodes.TotalHighForRate, "总分偏高", FundLineIndex: 0),
            new(ReviewerFindingCodes.TargetTooLow, "指标值偏低", 4, "培训人数"),
            new(ReviewerFindingCodes.RateWithoutReason, "未说明原因", FundLineIndex: 0),
            new(ReviewerFindingCodes.UnspentShare, "结余", FundLineIndex: 0),
        ];
        var signals = BatchRisk.Signals(table, review, report: null);
        // The fund line below 90 % without a reason is the calculator's funds.low-execution and the reviewer's rate-without-reason:
        // one line, one signal.
        Assert.Equal(
            [RiskCategories.TableError, RiskCategories.ShortfallUnexplained, RiskCategories.TableUnclear, RiskCategories.ShortfallUnexplained, RiskCategories.TotalHighForRate, RiskCategories.TargetTooLow, RiskCategories.ReportMissing],
            signals.Select(s => s.Category).ToArray());
        Assert.Equal(["indicators[2]", "funds.lines[0]"], signals.Where(s => s.Category == RiskCategories.ShortfallUnexplained).Select(s => s.Subject));
        Assert.Equal("培训人数", signals.Single(s => s.Category == RiskCategories.TargetTooLow).Subject);
    }

    [Fact]
    public void Rank_ScoreThenSeriousnessThenKey()
    {
        var items = new (string Key, RiskAssessment Risk)[]
        {
            ("c", BatchRisk.Assess([new(RiskCategories.TargetTooLow, "a"), new(RiskCategories.TargetTooLow, "b"), new(RiskCategories.TargetTooLow, "c")])),
            ("b", BatchRisk.Assess([new(RiskCategories.TableError, "a")])),
            ("a", BatchRisk.Assess([new(RiskCategories.TableError, "a")])),
            ("d", BatchRisk.Assess([])),
            ("e", BatchRisk.Failed("文件为空。", "the file is empty.")),
        };
        var ranked = BatchRisk.Rank(items, i => i.Risk, i => i.Key).Select(i => i.Key).ToArray();
        // 100 (failed) > 30 (table error, a before b) = 30 (three low targets: less serious first reason) > 0
        Assert.Equal(["e", "a", "b", "c", "d"], ranked);
    }

    [Fact]
    public void Failed_CarriesBothLanguages()
    {
        RiskAssessment r = BatchRisk.Failed("文件已损坏。", "the file is corrupt.");
        Assert.Equal("high", r.Level);
        Assert.Contains("文件已损坏", r.Reasons[0].Zh, StringComparison.Ordinal);
        Assert.Contains("corrupt", r.Reasons[0].En, StringComparison.Ordinal);
    }
}
