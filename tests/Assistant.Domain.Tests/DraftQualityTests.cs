using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>Fit before use: the issue's pasted sentences are refused for the items they were pasted into, and fitting ones pass.</summary>
public class PrecedentFitTests
{
    private static (Evaluation E, IReadOnlyList<DeviationItem> Items) Load(string table)
    {
        Evaluation e = SharedData.LoadReference(table);
        return (e, DeviationItems.Find(FactSheet.Build(e)));
    }

    private static DeviationItem Item(IReadOnlyList<DeviationItem> items, string name) => items.Single(i => i.Name == name);

    [Theory]
    // Measures pasted from another kind of fund (the issue's own examples, and more of each class).
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量", "督促培训机构按进度申报，实行按季度结算", "subject")]
    [InlineData("zhongwei-2024-internship-subsidy", "机关事业单位实习生数量", "优先安置零就业家庭成员和大龄失业人员", "subject")]
    [InlineData("zhongwei-2024-employment-service-demo", "参加劳务品牌技能培训人员数量", "科学合理设置社会保险补贴人数绩效目标", "subject")]
    [InlineData("zhongwei-2024-employment-service-demo", "参加师资培训人员数量", "根据上年实际见习人数科学设置目标值", "subject")]
    [InlineData("zhongwei-2024-employment-service-demo", "失业人员再就业人数", "另有部分小微企业因吸纳就业人数不足未达到贷款申请条件", "subject")]
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量", "扩大合作银行范围，推动农商行参与创业担保贷款业务", "subject")]
    [InlineData("guangxi-2024-employment-transfer", "城镇新增就业人数", "加强家庭医生签约服务，提高患者随访率", "subject")]
    // A reason lifted from another report's context, for a whole fund.
    [InlineData("zhongwei-2024-entrepreneurship-fund", "年度资金总额", "岗位空缺导致补贴支出少于预算", "subject")]
    [InlineData("zhongwei-2024-employment-service-demo", "年度资金总额", "见习人数不足导致补贴支出减少", "subject")]
    // A lead-in without what it leads into.
    [InlineData("zhongwei-2024-entrepreneurship-fund", "年度资金总额", "进一步提高就业补助资金使用效益，我们将采取以下措施", "lead-in")]
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量", "具体措施如下：", "lead-in")]
    // A named programme, place or year that is not this unit's.
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量", "结合春风行动开展见习岗位专场招聘", "named")]
    [InlineData("zhongwei-2024-employment-service-demo", "失业人员再就业人数", "借鉴株洲市经验推动失业人员再就业", "named")]
    [InlineData("guangxi-2024-employment-transfer", "城镇新增就业人数", "2023年城镇新增就业推进较慢", "named")]
    // A money reason for a headcount.
    [InlineData("zhongwei-2024-employment-service-demo", "失业人员再就业人数", "预算执行率偏低，资金拨付进度较慢", "nature")]
    public void Misfits_AreRefused(string table, string item, string sentence, string why)
    {
        var (e, items) = Load(table);
        string? misfit = PrecedentFit.Misfit(sentence, Item(items, item), e);
        Assert.NotNull(misfit);
        Assert.StartsWith(why, misfit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量", "拓展见习基地和见习岗位，动员更多用人单位参与")]
    [InlineData("zhongwei-2024-internship-subsidy", "年度资金总额", "加快资金拨付进度，按月调度支出情况")]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "享受公益性岗位补贴人员数量", "建立岗位动态补充机制，退岗与补岗同步办理")]
    [InlineData("zhongwei-2024-employment-service-demo", "失业人员再就业人数", "加强与用人单位对接，提高失业人员再就业的精准度")]
    [InlineData("guangxi-2024-employment-transfer", "城镇新增就业人数", "年初设定指标值时测算偏于保守")]
    public void FittingSentences_Pass(string table, string item, string sentence)
    {
        var (e, items) = Load(table);
        Assert.Null(PrecedentFit.Misfit(sentence, Item(items, item), e));
    }

    [Fact]
    public void TheReportsOwnTable_IsNeverItsOwnPrecedent()
    {
        Evaluation e = SharedData.LoadReference("zhongwei-2024-internship-subsidy");
        Assert.True(PrecedentFit.IsSelf("中卫市2024年度项目支出绩效自评表", "中卫市", 2024, e));
        Assert.True(PrecedentFit.IsSelf("就业见习补贴项目支出绩效自评表", null, 2024, e));
        Assert.True(PrecedentFit.IsSelf("宁夏中卫市人社局自评报告", "宁夏回族自治区中卫市", 2024, e));
        Assert.False(PrecedentFit.IsSelf("中卫市2023年度项目支出绩效自评表", "中卫市", 2023, e));
        Assert.False(PrecedentFit.IsSelf("潍坊市寒亭区就业见习补贴资金", "山东省潍坊市寒亭区", 2024, e));
        Evaluation g = SharedData.LoadReference("guangxi-2024-employment-transfer");
        Assert.True(PrecedentFit.IsSelf("广西2024年就业补助资金绩效自评报告", "广西壮族自治区", 2024, g));
        Assert.False(PrecedentFit.IsSelf("湖北省宜昌市夷陵区公益性岗位补贴资金", "湖北省宜昌市夷陵区", 2024, g));
    }

    [Fact]
    public void TheDrafterOwnPhrases_NameOnlyTheirOwnPeople()
    {
        foreach (SubjectGroup g in FundLexicon.Groups)
        {
            string own = string.Join("；", g.Terms);
            foreach (Nature nature in Enum.GetValues<Nature>())
            {
                foreach (string phrase in DraftPhrases.Causes(own, nature).Concat(DraftPhrases.Measures(own, nature)))
                {
                    Assert.True(FundLexicon.Foreign(phrase, own).Count == 0, $"{g.Name}: {phrase}");
                    Assert.False(PrecedentFit.IsLeadIn(phrase), phrase);
                }
            }
        }
    }
}

/// <summary>Weak stated reasons, reviewer criteria as data, grouping by cause and weight.</summary>
public class ReviewCriteriaTests
{
    [Fact]
    public void WeakReasons_AreNamed_StrongOnesAreNot()
    {
        var sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-employment-service-demo"));
        var items = DeviationItems.Find(sheet);
        var notes = ReasonStrength.Judge(sheet, items);
        Assert.Contains(notes, n => n.Kind == ReviewNoteKinds.WeakReason && n.IndicatorName == "企业吸纳就业困难人员数量" && n.Message.Contains("资金使用顺序", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Kind == ReviewNoteKinds.WeakReason && n.IndicatorName == "城镇调查失业率");

        var fund = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund"));
        var fundNotes = ReasonStrength.Judge(fund, DeviationItems.Find(fund));
        Assert.DoesNotContain(fundNotes, n => n.IndicatorName == "创业担保贷款贴息");
        Assert.Contains(fundNotes, n => n.Kind == ReviewNoteKinds.WeakReason && n.IndicatorName == "就业创业服务补助");
        Assert.Contains(fundNotes, n => n.Kind == ReviewNoteKinds.RepeatedReason && n.Message.Contains("3.40%", StringComparison.Ordinal));
    }

    [Fact]
    public void ReviewerCriteria_FindWhatAReviewerWould()
    {
        var demo = ReviewerFindings.Find(FactSheet.Build(SharedData.LoadReference("zhongwei-2024-employment-service-demo")));
        Assert.Equal(
            [ReviewerFindingCodes.TotalHighForRate, ReviewerFindingCodes.ScoresAheadOfSpending, ReviewerFindingCodes.TargetTooLow, ReviewerFindingCodes.RateWithoutReason, ReviewerFindingCodes.UnspentShare, ReviewerFindingCodes.CostLinesVsSpending],
            demo.Select(f => f.Code).Distinct().ToArray());
        Assert.Equal(6, demo.Count(f => f.Code == ReviewerFindingCodes.TargetTooLow));

        var fund = ReviewerFindings.Find(FactSheet.Build(SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund")));
        Assert.DoesNotContain(fund, f => f.Code is ReviewerFindingCodes.TotalHighForRate or ReviewerFindingCodes.UnspentShare);
        Assert.Contains(fund, f => f.Code == ReviewerFindingCodes.CostLinesVsSpending && f.Message.Contains("1337.43", StringComparison.Ordinal));
        Assert.DoesNotContain(ReviewerFindings.Find(FactSheet.Build(SharedData.LoadReference("zhongwei-2024-employment-operating-funds"))),
            f => f.Code != ReviewerFindingCodes.TargetTooLow);
    }

    [Fact]
    public void Thresholds_AreData_OfTheNamedPolicy()
    {
        var sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund"));
        ScoringPolicy strict = ScoringPolicy.Default with
        {
            Name = "test-strict-review",
            Review = ReviewerCriteria.Default with { UnspentShareAbove = 0.10m, TotalBands = [new(0.80m, 0.90m, 85m)], OvershootSuspect = 3m },
        };
        var found = ReviewerFindings.Find(sheet, strict);
        Assert.Contains(found, f => f.Code == ReviewerFindingCodes.UnspentShare);
        Assert.Contains(found, f => f.Code == ReviewerFindingCodes.TotalHighForRate && f.Message.Contains("89.47", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Code == ReviewerFindingCodes.TargetTooLow);
        Assert.All(ScoringPolicy.All, p => Assert.Equal(3, p.Review.TotalBands.Count));
    }

    [Fact]
    public void Groups_ShareACause_AndComeByWeight()
    {
        var sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund"));
        var groups = DeviationGroups.Build(sheet, DeviationItems.Find(sheet));
        Assert.Equal(["就业创业服务补助", "公益性岗位补贴", "就业困难人员社保补贴"], groups[0].Items.Select(i => i.Name));
        Assert.True(groups[0].Money);
        Assert.Equal(["享受公益性岗位补贴人员数量", "就业困难人员灵活就业社保补贴预计补贴人数"], groups[1].Items.Select(i => i.Name));
        Assert.Equal(DeviationKind.Overshoot, groups[^1].Kind);
        Assert.Equal(2, groups[^1].Items.Count);
        Assert.True(groups.Zip(groups.Skip(1)).Where(p => p.First.Kind != DeviationKind.Overshoot && p.Second.Kind != DeviationKind.Overshoot)
            .All(p => p.First.PointsLost >= p.Second.PointsLost));

        var demo = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-employment-service-demo"));
        var demoGroups = DeviationGroups.Build(demo, DeviationItems.Find(demo));
        var over = demoGroups.Single(g => g.Kind == DeviationKind.Overshoot);
        Assert.Equal(6, over.Items.Count);
        Assert.Equal("创建技能大师工作室数量", over.Items[0].Name);
        Assert.Equal("企业吸纳就业困难人员数量", demoGroups[0].Items.Single().Name);
    }
}

/// <summary>The rubric catches each defect of the issue, and the sanitizer strikes what a model writes of them.</summary>
public class RubricTests
{
    private static readonly Evaluation Fund = SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund");

    [Fact]
    public void TheIssuesDraft_ScoresEveryDefect()
    {
        var sheet = FactSheet.Build(Fund);
        var items = DeviationItems.Find(sheet);
        string Id(string name) => items.Single(i => i.Name == name).Id;
        var paragraphs = new List<ReviewedParagraph>
        {
            new("1. “年度资金总额”预算执行率偏低。岗位空缺导致补贴支出少于预算。请单位结合实际核实补充。", [Id("年度资金总额")], [1]),
            new("2. “享受公益性岗位补贴人员数量”未完成。单位填报的偏差原因为：优先使用中央及自治区资金。建立“享受公益性岗位补贴人员数量”完成情况月度调度机制，对进度滞后的指标及时分析原因、调整措施。", [Id("享受公益性岗位补贴人员数量")], [2]),
            new("3. “创业担保贷款贴息”未完成。建立“创业担保贷款贴息”完成情况月度调度机制，对进度滞后的指标及时分析原因、调整措施。督促培训机构按进度申报，实行按季度结算。", [Id("创业担保贷款贴息")], []),
            new("4. 针对“就业创业服务补助”的问题，提高就业补助资金使用效益，我们将采取以下措施。", [Id("就业创业服务补助")], []),
        };
        var sources = new List<ReviewedSource>
        {
            new(1, "中卫市2024年度项目支出绩效自评表", "中卫市", 2024, null),
            new(2, "山东省潍坊市寒亭区就业见习补贴资金", "山东省潍坊市寒亭区", 2025, "新增见习人数"),
        };
        DraftDefects d = DraftQuality.Score(sheet, items, paragraphs, sources, []);
        Assert.True(d.ForeignSubjects >= 2, string.Join("\n", d.Details));
        Assert.Equal(1, d.NotesInText);
        Assert.Equal(1, d.DanglingLeadIns);
        Assert.Equal(1, d.RepeatedSentences);
        Assert.Equal(1, d.SelfCitations);
        Assert.Equal(1, d.KindMismatch);
        Assert.True(d.LargestGapUncovered >= 1, string.Join("\n", d.Details));
        Assert.True(d.WeakReasonsUnflagged >= 3, string.Join("\n", d.Details));
    }

    [Fact]
    public void Sanitizer_StrikesNotesLeadInsForeignPeopleAndTemplates_KeepsTheRest()
    {
        var sheet = FactSheet.Build(Fund);
        var items = DeviationItems.Find(sheet);
        string draft = string.Join('\n',
            "三、偏离绩效目标的原因和下一步改进措施",
            "1. “享受公益性岗位补贴人员数量”未完成，完成{{fact:indicators[1].actual}}。主要原因是部分岗位人员退出后补充不及时。请单位结合实际核实补充。建立“享受公益性岗位补贴人员数量”完成情况月度调度机制，对进度滞后的指标及时分析原因、调整措施。",
            "2. “创业担保贷款贴息”未完成。主要原因是创业者投资趋于保守[S2]。根据上年实际见习人数科学设置目标值。建立“创业担保贷款贴息”完成情况月度调度机制，对进度滞后的指标及时分析原因、调整措施。",
            "3. 针对“就业创业服务补助”，为提高资金使用效益，我们将采取以下措施。",
            "4. 针对“就业困难人员社保补贴”，精准摸排符合条件的人员[S1]。");
        SanitizedDraft clean = DraftSanitizer.Clean(draft, Fund, items, new Dictionary<int, string?> { [1] = "新增见习人数", [2] = null });
        Assert.Contains("部分岗位人员退出后补充不及时", clean.Text, StringComparison.Ordinal);
        Assert.Contains("创业者投资趋于保守[S2]", clean.Text, StringComparison.Ordinal);
        Assert.Contains("{{fact:indicators[1].actual}}", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("请单位", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("月度调度机制", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("见习", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("以下措施", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("精准摸排", clean.Text, StringComparison.Ordinal);
        ReviewNote note = Assert.Single(clean.Notes);
        Assert.Equal(ReviewNoteKinds.Supply, note.Kind);
        Assert.Equal("享受公益性岗位补贴人员数量", note.IndicatorName);
        Assert.Equal(6, clean.Removed.Count);
    }
}
