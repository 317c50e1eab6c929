using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 32's outside testers: a qualitative result weaker than its target (效果良好 against 效果显著, 有所改善
/// against 明显改善, 良 against 优) is not met, and group claims that all indicators were completed are contradicted;
/// a printed 总分 off by exactly a wrongly printed row score is an error, not rounding (a row whose printed score
/// agrees with its rules stands for that printed score, not for the wider interval its actual's rounding allows).
/// </summary>
public class Probe32CalcTests
{
    private static PrintedNumber N(string s) => PrintedNumber.Parse(s);

    private static Indicator Row(string name, string target, string actual, string weight, string? printed = null, string? note = null) =>
        RuleTests.Row(target, actual, weight, printed: printed, note: note) with { Name = name };

    private static Evaluation Table(string? printedTotal, params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "t",
        Funds = new FundSection(),
        Indicators = rows,
        PrintedTotal = printedTotal is null ? null : N(printedTotal),
    };

    [Theory]
    [InlineData("效果显著", "效果良好")]
    [InlineData("明显改善", "有所改善")]
    [InlineData("满意", "基本满意")]
    [InlineData("显著提升", "有所提升")]
    [InlineData("效果明显", "一般")]
    [InlineData("优", "良")]
    [InlineData("良", "中")]
    [InlineData("提高服务水平", "基本完成")]
    public void AWeakerQualitativeResult_IsShort_AtFullMarksInTheAchievedBand_WithFindings(string target, string actual)
    {
        ScoreReport report = Calculator.Score(Table(null, Row("教学质量提升", target, actual, "10", printed: "10")));
        IndicatorResult r = Assert.Single(report.Indicators);
        Assert.Equal(IndicatorRule.Qualitative, r.Rule);
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.Equal(10m, r.Score);
        Assert.Contains("未达到指标值", r.Trace, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorQualitativeWeaker);
        // Short of its target with no explanation: the reviewer is told a 偏差原因 is missing.
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorShortfallUnexplained);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IndicatorScorePrinted);
    }

    [Theory]
    [InlineData("效果良好", "效果显著")]
    [InlineData("有所改善", "明显改善")]
    [InlineData("良", "优")]
    [InlineData("中", "良")]
    [InlineData("基本满意", "满意")]
    [InlineData("效果显著", "效果显著")]
    public void AResultAsStrongAsItsTarget_OrStronger_IsMet(string target, string actual)
    {
        IndicatorResult r = Assert.Single(Calculator.Score(Table(null, Row("群众满意度", target, actual, "10"))).Indicators);
        Assert.Equal(IndicatorStatus.Met, r.Status);
        Assert.Equal(10m, r.Score);
    }

    [Theory]
    [InlineData("效果显著", "效果良好", "所有指标均已完成。")]
    [InlineData("明显改善", "有所改善", "各项绩效指标均已完成。")]
    [InlineData("优", "良", "全部指标均达到年度目标。")]
    [InlineData("满意", "基本满意", "年度绩效指标全部完成。")]
    public void AllCompleted_IsContradicted_ByAWeakerQualitativeRow(string target, string actual, string text)
    {
        FactSheet sheet = FactSheet.Build(Table(null,
            Row("培训人次", "≥100", "120", "45", printed: "45"),
            Row("项目完成时间", "12月底前", "12月底前", "45", printed: "45"),
            Row("实施效果", target, actual, "10", printed: "10")));
        CheckedClaim c = Assert.Single(Verifier.Verify(sheet, text).Claims);
        Assert.Equal(Verdict.Contradicted, c.Verdict);
    }

    /// <summary>
    /// Session 34 (probe 33 #2): counts are exact — the weaker row graded short at full marks counts as 未完成 and not as
    /// 完成 — unless the sentence counts the weaker rows apart (实际效果弱于指标值的1项), when its 未完成 may leave them out.
    /// </summary>
    [Fact]
    public void CountsAreExact_UnlessTheSentenceSetsTheWeakerRowApart()
    {
        FactSheet sheet = FactSheet.Build(Table(null,
            Row("培训人次", "≥100", "120", "40", printed: "40"),
            Row("覆盖村数", "≥20", "18", "10", printed: "9", note: "部分村庄合并"),
            Row("项目完成时间", "12月底前", "12月底前", "40", printed: "40"),
            Row("实施效果", "效果显著", "效果良好", "10", printed: "10")));
        Verdict CountVerdict(string text, string count) => Verifier.Verify(sheet, text).Mentions.First(m => m.Mention.Text == count).Verdict;
        // Short: 覆盖村数 and the weaker 实施效果 (graded short at full marks).
        Assert.Equal(Verdict.Verified, CountVerdict("年度共设置绩效指标4项，其中未完成的指标有1项，实际效果弱于指标值的1项。", "1项"));
        Assert.Equal(Verdict.Contradicted, CountVerdict("年度共设置绩效指标4项，其中未完成的指标有1项。", "1项"));
        Assert.Equal(Verdict.Verified, CountVerdict("年度共设置绩效指标4项，其中未完成的指标有2项。", "2项"));
        Assert.Equal(Verdict.Contradicted, CountVerdict("年度共设置绩效指标4项，其中未完成的指标有3项。", "3项"));
        Assert.Equal(Verdict.Verified, CountVerdict("已完成的指标有2项。", "2项"));
        Assert.Equal(Verdict.Contradicted, CountVerdict("已完成的指标有3项。", "3项"));
        Assert.Equal(Verdict.Contradicted, CountVerdict("已完成的指标有4项。", "4项"));
    }

    public static TheoryData<string, Indicator[], string, string> WrongRowTotals => new()
    {
        // 四川 education: ≤50‰ got 55‰ (9.00 right), 1080 of ≥1200 printed 13.60 (13.50 by the rules).
        {
            "97.60",
            [
                Row("学生近视新发率", "≤50‰", "55‰", "10", printed: "9.00"),
                Row("培训教师人次", "≥1200", "1080", "15", printed: "13.60"),
                Row("校舍维修面积", "≥5000", "5200", "75", printed: "75"),
            ],
            "97.50", "“培训教师人次”"
        },
        // 湖北 employment: 0.9万人 of ≥1 (18.00 right, the actual's rounding would allow 17–19), 190 of ≥200 printed 9.80.
        {
            "97.80",
            [
                Row("带动就业人数（万人）", "≥1", "0.9", "20", printed: "18.00"),
                Row("开展培训场次", "≥200", "190", "10", printed: "9.80"),
                Row("补贴发放及时率", "100%", "100%", "70", printed: "70"),
            ],
            "97.50", "“开展培训场次”"
        },
        // 甘肃 health: ≤3‰ got 3.3‰ (9.00 right), 9 of ≥10 printed 5.00 (4.50 by the rules).
        {
            "99.00",
            [
                Row("新生儿死亡率", "≤3‰", "3.3‰", "10", printed: "9.00"),
                Row("家庭医生签约团队数", "≥10", "9", "5", printed: "5.00"),
                Row("群众满意度", "≥90%", "95%", "85", printed: "85"),
            ],
            "98.50", "“家庭医生签约团队数”"
        },
    };

    [Theory]
    [MemberData(nameof(WrongRowTotals))]
    public void ATotalOffByAWrongRowScore_IsAnError_NotRounding(string printedTotal, Indicator[] rows, string expected, string blamed)
    {
        ScoreReport report = Calculator.Score(Table(printedTotal, rows));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorScorePrinted && f.Severity == Severity.Error);
        Finding total = Assert.Single(report.Findings, f => f.Code == FindingCodes.TotalPrinted);
        Assert.Equal(Severity.Error, total.Severity);
        Assert.Equal(expected, total.Expected);
        Assert.Contains(blamed, total.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("四舍五入范围内一致", total.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATotalOffOnlyThroughARowsPrintedRounding_StaysInformation()
    {
        // 1.5 of ≥3 on weight 10 is 5, but 1.5 is [1.45, 1.55): the printed 5.1 agrees with the rules, and so does 95.1.
        ScoreReport report = Calculator.Score(Table("95.1", Row("a", "≥3", "1.5", "10", printed: "5.1"), Row("b", "≥1", "1", "90", printed: "90")));
        Assert.Equal(Severity.Info, Assert.Single(report.Findings, f => f.Code == FindingCodes.TotalPrinted).Severity);
        // A total further out than the printed rows allow is an error even though the actual's rounding would cover it.
        ScoreReport wider = Calculator.Score(Table("95.16", Row("a", "≥3", "1.5", "10", printed: "5.1"), Row("b", "≥1", "1", "90", printed: "90")));
        Assert.Equal(Severity.Error, Assert.Single(wider.Findings, f => f.Code == FindingCodes.TotalPrinted).Severity);
    }

    [Fact]
    public void ThePrintedRowsRightAndTheTotalTheirRoundedSum_IsNotBlamedOnARow()
    {
        // 88% of ≥90% on 10 is 9.7778 (printed 9.78); 55‰ of ≤50‰ is 9.00: the total 18.78 is exact from unrounded 18.7778.
        ScoreReport report = Calculator.Score(Table("18.78", Row("家长满意度", "≥90%", "88%", "10", printed: "9.78"), Row("近视新发率", "≤50‰", "55‰", "10", printed: "9.00")));
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.TotalPrinted);
    }

    [Theory]
    [InlineData("家长满意度", "≥90%", "88%", "家长满意度实际完成98%。", "98%", Verdict.Contradicted)]
    [InlineData("家长满意度", "≥90%", "88%", "家长满意度实际完成88%。", "88%", Verdict.Verified)]
    [InlineData("家长满意度", "≥90%", "88%", "家长满意度完成率97.78%。", "97.78%", Verdict.Verified)]
    [InlineData("适龄儿童疫苗接种率", "≥90%", "85%", "适龄儿童疫苗接种率实际达到94%。", "94%", Verdict.Contradicted)]
    [InlineData("农户参保覆盖率", "≥80%", "76%", "农户参保覆盖率完成值为95%。", "95%", Verdict.Contradicted)]
    [InlineData("农户参保覆盖率", "≥80%", "76%", "农户参保覆盖率完成值为76%，完成率95%。", "95%", Verdict.Verified)]
    public void ANumberCalledTheActual_IsComparedWithTheActual_NotTheCompletion(string name, string target, string actual, string text, string mention, Verdict verdict)
    {
        FactSheet sheet = FactSheet.Build(Table(null, Row(name, target, actual, "10", note: "原因"), Row("其他", "≥1", "1", "90")));
        CheckedMention m = Assert.Single(Verifier.Verify(sheet, text).Mentions, m => m.Mention.Text == mention);
        Assert.Equal(verdict, m.Verdict);
        if (verdict == Verdict.Contradicted)
        {
            Assert.Contains(actual, m.Note, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("学生近视新发率", "≤50‰", "55‰", "学生近视新发率完成率90.91%。", "90.91%", Verdict.Verified)]
    // Session 35: 完成值 ÷ 指标值 above 100 % on a row that broke its limit reads as over-achievement.
    [InlineData("学生近视新发率", "≤50‰", "55‰", "学生近视新发率完成率110.00%。", "110.00%", Verdict.Contradicted)]
    [InlineData("学生近视新发率", "≤50‰", "55‰", "学生近视新发率完成率95.00%。", "95.00%", Verdict.Contradicted)]
    [InlineData("人均服务成本（元）", "≤89", "95", "人均服务成本完成率93.68%。", "93.68%", Verdict.Verified)]
    [InlineData("医疗费用结算时限（天）", "≤30", "35", "医疗费用结算时限完成率85.71%。", "85.71%", Verdict.Verified)]
    [InlineData("医疗费用结算时限（天）", "≤30", "35", "医疗费用结算时限完成率87.71%。", "87.71%", Verdict.Contradicted)]
    // A row that kept its limit: 指标值 ÷ 完成值 would read as an overshoot; only 完成值 ÷ 指标值 stands.
    [InlineData("职业技能培训补贴人均标准（元/人）", "≤1600", "1200", "职业技能培训补贴人均标准完成率133.33%。", "133.33%", Verdict.Contradicted)]
    [InlineData("职业技能培训补贴人均标准（元/人）", "≤1600", "1200", "职业技能培训补贴人均标准完成率75.00%。", "75.00%", Verdict.Verified)]
    public void AReverseRowsCompletion_MayBeTheTargetOverTheActual(string name, string target, string actual, string text, string mention, Verdict verdict)
    {
        FactSheet sheet = FactSheet.Build(Table(null, Row(name, target, actual, "10", note: "原因"), Row("其他", "≥1", "1", "90")));
        CheckedMention m = Assert.Single(Verifier.Verify(sheet, text).Mentions, m => m.Mention.Text == mention);
        Assert.Equal(verdict, m.Verdict);
    }

    [Theory]
    [InlineData("设置的绩效指标4项全部完成。", "4项")]
    [InlineData("设置的4项绩效指标均已完成。", "4项")]
    [InlineData("年度设定的4项指标都已完成。", "4项")]
    [InlineData("本项目4个指标全部完成。", "4个")]
    public void AllCompleted_WithTheRightCount_IsOneError_TheClaim(string text, string count)
    {
        FactSheet sheet = FactSheet.Build(Table(null,
            Row("培训人次", "≥100", "120", "40", printed: "40"),
            Row("覆盖村数", "≥20", "18", "10", printed: "9", note: "部分村庄合并"),
            Row("项目完成时间", "12月底前", "12月底前", "40", printed: "40"),
            Row("实施效果", "效果显著", "效果良好", "10", printed: "10")));
        VerificationReport r = Verifier.Verify(sheet, text);
        Assert.Equal(Verdict.Verified, Assert.Single(r.Mentions, m => m.Mention.Text == count).Verdict);
        Assert.Equal(Verdict.Contradicted, Assert.Single(r.Claims).Verdict);
    }

    private static FactSheet Funded(string total, string a, string aBudget, string aSpent, string b, string bBudget, string bSpent)
    {
        decimal budget = decimal.Parse(aBudget, System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(bBudget, System.Globalization.CultureInfo.InvariantCulture);
        decimal spent = decimal.Parse(aSpent, System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(bSpent, System.Globalization.CultureInfo.InvariantCulture);
        string B(decimal d) => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return FactSheet.Build(Table(null, Row("培训人次", "≥100", "120", "90"), Row("其他", "≥1", "1", "10")) with
        {
            Funds = new FundSection
            {
                Unit = "万元",
                Weight = N("10"),
                Lines =
                [
                    new FundLine { Name = total, Budget = N(B(budget)), Executed = N(B(spent)) },
                    new FundLine { Name = a, Parent = total, Budget = N(aBudget), Executed = N(aSpent) },
                    new FundLine { Name = b, Parent = total, Budget = N(bBudget), Executed = N(bSpent) },
                ],
            },
        });
    }

    [Theory]
    [InlineData("年度资金总额", "当年财政拨款", "400.00", "350.00", "上年结转", "100.00", "82.18", "其中当年财政拨款执行350.00万元，执行率87.5%；上年结转执行82.18万元，执行率81.18%。", "81.18%", "上年结转")]
    [InlineData("资金总额", "中央资金", "300.00", "270.00", "地方资金", "200.00", "140.00", "中央资金执行率90.00%；地方资金执行140.00万元，执行率72.00%。", "72.00%", "地方资金")]
    [InlineData("资金总额", "省级资金", "80.00", "60.00", "县级资金", "20.00", "13.00", "省级资金执行率75.00%，县级资金执行率60.00%。", "60.00%", "县级资金")]
    public void AWrongPartRate_IsContradictedByThePartItNames(string total, string a, string ab, string ae, string b, string bb, string be, string text, string mention, string named)
    {
        CheckedMention m = Assert.Single(Verifier.Verify(Funded(total, a, ab, ae, b, bb, be), text).Mentions, m => m.Mention.Text == mention);
        Assert.Equal(Verdict.Contradicted, m.Verdict);
        Assert.StartsWith(named, m.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("本项目共设置绩效指标5项。", "5项", "绩效指标共有4项")]
    [InlineData("年度共设定指标6项。", "6项", "绩效指标共有4项")]
    public void AWrongIndicatorCount_HasAPlainNote(string text, string mention, string note)
    {
        FactSheet sheet = FactSheet.Build(Table(null,
            Row("培训人次", "≥100", "120", "40"), Row("覆盖村数", "≥20", "18", "10", note: "合并"),
            Row("项目完成时间", "12月底前", "12月底前", "40"), Row("实施效果", "效果显著", "效果显著", "10")));
        CheckedMention m = Assert.Single(Verifier.Verify(sheet, text).Mentions, m => m.Mention.Text == mention);
        Assert.Equal(Verdict.Contradicted, m.Verdict);
        Assert.Equal(note, m.Note);
    }

    [Theory]
    [InlineData("老年人健康管理率", "≥70%", "63%", "老年人健康管理率目标70%，实际63%，低于目标7个百分点，完成率111.11%。", "111.11%", Verdict.Contradicted)]
    [InlineData("老年人健康管理率", "≥70%", "63%", "老年人健康管理率目标70%，实际63%，低于目标7个百分点，完成率90.00%。", "90.00%", Verdict.Verified)]
    [InlineData("农村饮水安全覆盖率", "≥95%", "90%", "农村饮水安全覆盖率目标95%，实际90%，低于目标5个百分点，完成率94.74%。", "94.74%", Verdict.Verified)]
    [InlineData("义务教育巩固率", "≥98%", "96%", "义务教育巩固率目标98%，实际96%，低于目标2个百分点，完成率102.08%。", "102.08%", Verdict.Contradicted)]
    public void ARateAfterAGapInPercentagePoints_StaysWithTheNamedRow(string name, string target, string actual, string text, string mention, Verdict verdict)
    {
        FactSheet sheet = FactSheet.Build(Table(null, Row(name, target, actual, "10", note: "原因"), Row("其他", "≥1", "1", "90")));
        VerificationReport r = Verifier.Verify(sheet, text);
        Assert.Equal(verdict, Assert.Single(r.Mentions, m => m.Mention.Text == mention).Verdict);
        Assert.Equal(Verdict.Verified, Assert.Single(r.Claims).Verdict);
    }
}
