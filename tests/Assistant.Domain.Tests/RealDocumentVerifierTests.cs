using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 18: the defect classes found verifying real reports, each with cases of its own (another
/// province's county table, other phrasings, other indicators) besides the Guangxi examples.
/// </summary>
public class RealDocumentVerifierTests
{
    private static readonly FactSheet Guangxi = FactSheet.Build(SharedData.LoadReference(ReferenceTablesTests.Guangxi));

    /// <summary>A county table of another province: shared-prefix names, a shortfall, a cost cap with a bare actual, a unit spelled 百分比, 上年结余.</summary>
    internal const string CountyJson = """
        {"kind":"transfer","title":"泸溪县就业补助资金","year":2024,"region":"湖南省湘西州泸溪县",
         "funds":{"unit":"万元","lines":[
           {"name":"年度资金总额","budget":"1000","executed":"800"},
           {"name":"中央财政资金","parent":"年度资金总额","budget":"600","executed":"500"},
           {"name":"上年结余资金","parent":"年度资金总额","budget":"400","executed":"300"}]},
         "indicators":[
           {"level1":"产出指标","level2":"数量指标","name":"职业技能培训人数","unit":"人","target":"≥1000","actual":"1200"},
           {"level1":"产出指标","level2":"数量指标","name":"职业技能培训补贴发放人数","unit":"人","target":"≥800","actual":"760"},
           {"level1":"产出指标","level2":"质量指标","name":"补贴发放准确率","unit":"%","target":"≥95%","actual":"98%"},
           {"level1":"产出指标","level2":"成本指标","name":"培训补贴总成本","target":"≤90万元","actual":"90"},
           {"level1":"效益指标","level2":"社会效益指标","name":"就业困难人员就业率","unit":"百分比","target":"≥80","actual":"85"},
           {"level1":"满意度指标","level2":"服务对象满意度指标","name":"培训对象满意度","unit":"%","target":"≥90%","actual":"93%"}]}
        """;

    private static readonly FactSheet County = FactSheet.Build(EvaluationJson.Parse(CountyJson));

    private static FactSheet Sheet(string name) => name == "guangxi" ? Guangxi : County;

    private static CheckedMention Mention(string sheet, string text, string mention)
    {
        VerificationReport r = Verifier.Verify(Sheet(sheet), text);
        int at = System.Text.RegularExpressions.Regex.Match(text, @"(?<![\d.])" + System.Text.RegularExpressions.Regex.Escape(mention)).Index;
        return Assert.Single(r.Mentions, m => m.Mention.Start <= at && at < m.Mention.Start + m.Mention.Length);
    }

    private static CheckedClaim Claim(string sheet, string text, string claim)
    {
        VerificationReport r = Verifier.Verify(Sheet(sheet), text);
        int at = text.IndexOf(claim, StringComparison.Ordinal);
        return Assert.Single(r.Claims, c => c.Start <= at && at < c.Start + c.Length);
    }

    // ---------------------------------------------------------------- 1. each clause and list item binds its own indicator

    [Theory]
    [InlineData("guangxi", "2024年广西实现城镇新增就业40.55万人，失业人员再就业11.91万人，就业困难人员实现就业4.43万人，分别完成目标任务的135.16%、140.12%、147.54%。", "135.16%", Verdict.Verified)]
    [InlineData("guangxi", "2024年广西实现城镇新增就业40.55万人，失业人员再就业11.91万人，就业困难人员实现就业4.43万人，分别完成目标任务的135.16%、140.12%、147.54%。", "147.54%", Verdict.Verified)]
    [InlineData("county", "职业技能培训人数1200人，补贴发放准确率98%，培训对象满意度93%，分别完成目标任务的120%、103.16%、103.33%。", "103.16%", Verdict.Verified)]
    [InlineData("county", "职业技能培训人数1200人，补贴发放准确率98%，培训对象满意度93%，分别完成目标任务的120%、103.16%、103.33%。", "103.33%", Verdict.Verified)]
    [InlineData("county", "职业技能培训人数、补贴发放准确率分别完成目标任务的103.16%、120%。", "103.16%", Verdict.Contradicted)]
    [InlineData("county", "职业技能培训补贴发放人数目标任务800人，实际完成760人，完成率为95%；补贴发放准确率98%。", "760人", Verdict.Verified)]
    [InlineData("guangxi", "就业困难人员就业人数4.43万人；享受就业见习补贴人数2.77万人。", "2.77万人", Verdict.Verified)]
    public void Class1_ClausesBindTheirOwnIndicator(string sheet, string text, string mention, Verdict expected) =>
        Assert.Equal(expected, Mention(sheet, text, mention).Verdict);

    // ---------------------------------------------------------------- 2. out of the table's scope

    [Theory]
    [InlineData("guangxi", "失业人员再就业11.91万人，均超额完成年度目标任务；农民工外出务工规模1400万人，脱贫人口外出务工就业规模达290.31万人。", "1400万人")]
    [InlineData("guangxi", "失业人员再就业11.91万人，均超额完成年度目标任务；农民工外出务工规模1400万人，脱贫人口外出务工就业规模达290.31万人。", "290.31万人")]
    [InlineData("guangxi", "全年支出为317808万元，其中桂林市公共就业服务能力提升示范项目支出21171万元，执行率88.21%，河池市公共就业服务能力提升示范项目支出4681万元，执行率23.41%。", "88.21%")]
    [InlineData("guangxi", "全年支出为317808万元，其中桂林市公共就业服务能力提升示范项目支出21171万元，执行率88.21%，河池市公共就业服务能力提升示范项目支出4681万元，执行率23.41%。", "23.41%")]
    [InlineData("county", "三、偏离原因\n（一）吉首市创业孵化基地项目的职业技能培训人数目标任务500人，实际完成420人，低于目标任务80人。\n", "420人")]
    [InlineData("county", "2.凤凰县零工市场项目绩效完成情况\n补贴发放准确率97%，完成目标任务。\n三、其他\n", "97%")]
    [InlineData("county", "全县农村劳动力转移就业3.2万人，职业技能培训人数1200人。", "3.2万人")]
    public void Class2_NumbersAboutOtherSubjects_AreOutOfScope(string sheet, string text, string mention) =>
        Assert.Equal(Verdict.OutOfScope, Mention(sheet, text, mention).Verdict);

    [Fact]
    public void Class2_OutOfScope_IsCountedAndNamedInTheContract()
    {
        VerificationReport r = Verifier.Verify(Guangxi, "农民工外出务工规模1400万人，城镇新增就业40.55万人。");
        Assert.Equal(1, r.Summary.OutOfScope);
        Assert.Equal(0, r.Summary.Contradicted);
        var dto = VerificationContract.ToResponse(r);
        Assert.Equal("out-of-scope", dto.Mentions.Single(m => m.Text == "1400万人").Verdict);
        Assert.Equal(1, dto.Summary.OutOfScope);
    }

    // ---------------------------------------------------------------- 3. consistent through the rounding of printed inputs

    [Theory]
    [InlineData("guangxi", "城镇新增就业40.55万人，完成目标任务的135.16%。", "135.16%", Verdict.Verified)]
    [InlineData("guangxi", "城镇新增就业40.55万人，完成目标任务的135.17%。", "135.17%", Verdict.Verified)]
    [InlineData("guangxi", "城镇新增就业40.55万人，完成目标任务的135.20%。", "135.20%", Verdict.Contradicted)]
    [InlineData("guangxi", "毕业年度高校毕业生享受一次性求职补贴人数15.44万人，完成目标任务的118%。", "118%", Verdict.Contradicted)]
    public void Class3_RoundingOfPrintedInputs(string sheet, string text, string mention, Verdict expected) =>
        Assert.Equal(expected, Mention(sheet, text, mention).Verdict);

    // ---------------------------------------------------------------- 4. differences of two rates in 个百分点

    [Theory]
    [InlineData("county", "补贴发放准确率98%，高于目标值3个百分点。", "3个百分点", true)]
    [InlineData("county", "就业困难人员就业率85%，高于目标值5个百分点。", "5个百分点", true)]
    [InlineData("county", "中央财政资金执行率高于上年结余资金执行率8.33个百分点。", "8.33个百分点", true)]
    [InlineData("county", "补贴发放准确率98%，高于目标值4个百分点。", "4个百分点", false)]
    [InlineData("county", "补贴发放准确率98%，高于目标值3百分点。", "3百分点", true)]
    public void Class4_RateDifferencesInPercentagePoints(string sheet, string text, string mention, bool ok)
    {
        Verdict v = Mention(sheet, text, mention).Verdict;
        Assert.Equal(ok, v is Verdict.Verified or Verdict.Derived);
    }

    // ---------------------------------------------------------------- 5. group claims over the whole group

    [Theory]
    [InlineData("产出指标均已完成。", "均已完成", Verdict.Contradicted)]
    [InlineData("满意度指标均已完成。", "均已完成", Verdict.Verified)]
    [InlineData("效益指标全面完成。", "全面完成", Verdict.Verified)]
    [InlineData("各项指标全部完成。", "全部完成", Verdict.Contradicted)]
    [InlineData("职业技能培训人数1200人，补贴发放准确率98%，均超额完成年度目标任务。", "超额完成", Verdict.Verified)]
    [InlineData("职业技能培训人数1200人，职业技能培训补贴发放人数760人，均超额完成年度目标任务。", "超额完成", Verdict.Contradicted)]
    [InlineData("数量指标均达到目标任务要求。", "均达到目标任务要求", Verdict.Contradicted)]
    public void Class5_GroupClaims(string text, string claim, Verdict expected) =>
        Assert.Equal(expected, Claim("county", text, claim).Verdict);

    // ---------------------------------------------------------------- 6. direction words against the sign

    [Theory]
    [InlineData("职业技能培训补贴发放人数760人，比目标少40人。", "40人", Verdict.Verified)]
    [InlineData("职业技能培训补贴发放人数760人，比目标多40人。", "40人", Verdict.Contradicted)]
    [InlineData("职业技能培训人数1200人，超出目标200人。", "200人", Verdict.Verified)]
    [InlineData("职业技能培训人数1200人，低于目标任务200人。", "200人", Verdict.Contradicted)]
    [InlineData("职业技能培训补贴发放人数实际完成760人，差目标40人。", "40人", Verdict.Verified)]
    public void Class6_DirectionWords(string text, string mention, Verdict expected) =>
        Assert.Equal(expected, Mention("county", text, mention).Verdict);

    // ---------------------------------------------------------------- 7. counts with the qualifier that says which group

    [Theory]
    [InlineData("共设置6项指标，其中一项未完成。", "一项", Verdict.Verified)]
    [InlineData("共设置6项指标，其中两项未完成。", "两项", Verdict.Contradicted)]
    [InlineData("共设置6项指标，其中两项未完成。", "6项", Verdict.Verified)]
    [InlineData("产出指标中有一项未达到目标。", "一项", Verdict.Verified)]
    [InlineData("满意度指标中一项未完成。", "一项", Verdict.Contradicted)]
    [InlineData("五项指标超额完成。", "五项", Verdict.Contradicted)]
    [InlineData("4项指标超额完成。", "4项", Verdict.Verified)]
    [InlineData("本年共设置7项绩效指标。", "7项", Verdict.Contradicted)]
    public void Class7_CountsWithTheirQualifier(string text, string mention, Verdict expected) =>
        Assert.Equal(expected, Mention("county", text, mention).Verdict);

    // ---------------------------------------------------------------- 8. a 结余 is what a budget left

    [Theory]
    [InlineData("年度资金结余200万元。", "200万元", true)]
    [InlineData("中央财政资金结余100万元。", "100万元", true)]
    [InlineData("年末资金结余400万元。", "400万元", false)]
    [InlineData("上年结余资金400万元。", "400万元", true)]
    [InlineData("资金结余结转300万元。", "300万元", false)]
    public void Class8_BalanceMustBeBudgetMinusExecuted(string text, string mention, bool ok)
    {
        Verdict v = Mention("county", text, mention).Verdict;
        Assert.Equal(ok, v is Verdict.Verified or Verdict.Derived);
    }

    // ---------------------------------------------------------------- 9. names sharing a prefix cite their own row

    [Theory]
    [InlineData("county", "职业技能培训补贴发放人数760人。", "760人", Verdict.Verified, null)]
    [InlineData("county", "职业技能培训补贴发放人数790人。", "790人", Verdict.Contradicted, "职业技能培训补贴发放人数")]
    [InlineData("county", "职业技能培训人数1150人。", "1150人", Verdict.Contradicted, "“职业技能培训人数”")]
    [InlineData("guangxi", "就业困难人员就业人数4.53万人。", "4.53万人", Verdict.Contradicted, "就业困难人员就业人数")]
    public void Class9_SharedPrefixNamesCiteTheRightRow(string sheet, string text, string mention, Verdict expected, string? cites)
    {
        CheckedMention m = Mention(sheet, text, mention);
        Assert.Equal(expected, m.Verdict);
        if (cites is not null)
        {
            Assert.StartsWith(cites.StartsWith('“') ? cites : "“" + cites, m.Note!, StringComparison.Ordinal);
        }
    }

    // ---------------------------------------------------------------- calculator 10–12

    [Theory]
    [InlineData("95百分比", "%")]
    [InlineData("≥80（百分比）", "%")]
    [InlineData("3百分点", "个百分点")]
    [InlineData("≤5个百分点", "个百分点")]
    [InlineData("2千分比", "‰")]
    public void Class10_UnitsSpelledAsWords(string cell, string unit)
    {
        QuantityCell q = Assert.IsType<QuantityCell>(CellParser.Parse(cell));
        Assert.Equal(unit, q.EffectiveUnit.Base);
    }

    [Fact]
    public void Class10_RowUnitSpelledAsWord_IsScorable()
    {
        IndicatorResult r = County.Report.Indicators[4];
        Assert.Equal(IndicatorStatus.Exceeded, r.Status);
        Assert.Equal(85m / 80m, r.Completion);
    }

    [Theory]
    [InlineData("≤90万元", "90", IndicatorStatus.Met)]
    [InlineData("≤90万元", "85", IndicatorStatus.Exceeded)]
    [InlineData("≤90万元", "95", IndicatorStatus.Short)]
    [InlineData("≤90", "85万元", IndicatorStatus.Exceeded)]
    [InlineData("≥500人", "520", IndicatorStatus.Exceeded)]
    public void Class11_BareCellTakesItsPartnersUnit(string target, string actual, IndicatorStatus expected)
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Transfer,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [new Indicator { Level1 = "产出指标", Level2 = target.Contains('≤') || actual.Contains('≤') ? "成本指标" : "数量指标", Name = "x", Target = target, Actual = actual }],
        };
        Assert.Equal(expected, Calculator.Score(e).Indicators[0].Status);
    }

    [Theory]
    [InlineData("32", "10", "10", "10", Severity.Error)]   // sum stands for [28.5, 31.5); 32 for [31.5, 32.5): they only touch
    [InlineData("31", "10", "10", "10", Severity.Info)]
    [InlineData("30.5", "10", "10", "10", Severity.Info)]
    [InlineData("103", "50.5", "50.0", "0.0", Severity.Error)] // [100.40, 100.60) vs [102.5, 103.5)
    public void Class12_PartsSumIsHalfOpen(string total, string a, string b, string c, Severity expected)
    {
        var lines = new List<FundLine> { new() { Name = "总额", Budget = PrintedNumber.Parse(total), Executed = PrintedNumber.Parse(total) } };
        foreach (string p in new[] { a, b, c })
        {
            lines.Add(new FundLine { Name = "部分" + lines.Count, Parent = "总额", Budget = PrintedNumber.Parse(p), Executed = PrintedNumber.Parse(p) });
        }

        var e = new Evaluation { Kind = EvaluationKind.Transfer, Title = "t", Funds = new FundSection { Lines = lines }, Indicators = [] };
        Finding f = Calculator.Score(e).Findings.First(x => x.Code == FindingCodes.FundsPartsSum);
        Assert.Equal(expected, f.Severity);
    }

    [Theory]
    [InlineData(99.5, 100.5, 100.5, 100.5, false)]
    [InlineData(99.5, 100.5, 99.5, 99.5, true)]
    [InlineData(99.5, 100.5, 98, 99.5, false)]
    [InlineData(99.5, 100.5, 98, 99.6, true)]
    public void Interval_AllowsIsHalfOpen(double pl, double ph, double cl, double ch, bool expected) =>
        Assert.Equal(expected, Interval.Allows(new Interval((decimal)pl, (decimal)ph), new Interval((decimal)cl, (decimal)ch)));
}
