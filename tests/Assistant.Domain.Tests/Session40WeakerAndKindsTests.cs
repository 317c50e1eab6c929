using Assistant.Domain.Cells;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;
using Assistant.Domain.Tests.Conversation;
using Assistant.Features.Drafting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40 (probe 38 §6, what session 39 left): a qualitative result at a first stage or a lesser degree than its target
/// (初步建立 against 进一步完善 or 不断健全, 有所提升 against 明显提升 or 大幅提升, 初见成效 against 显著改善) is weaker — DOMAIN's rule for
/// qualitative rows: a finding for the reviewer, never a silent full mark — and the score trace, the chat's 计分 line, the explanation's
/// rule and the draft of 三 say so alike; and causes of publicity or awareness (宣传力度不够, 宣传不到位, 政策解读不够) are a kind of their
/// own, answered by a publicity measure.
/// </summary>
public class Session40WeakerAndKindsTests
{
    [Theory]
    [InlineData("进一步完善", "初步建立", true)]
    [InlineData("不断健全", "初步建立", true)]
    [InlineData("健全", "初步形成", true)]
    [InlineData("健全", "基本建立", true)]
    [InlineData("明显提升", "有所提升", true)]
    [InlineData("大幅提升", "有所提升", true)]
    [InlineData("显著改善", "初见成效", true)]
    [InlineData("全面建成", "起步阶段", true)]
    // Not weaker: the same stage, a plain result against a target with no grade word, a degree at least the target's.
    [InlineData("逐步缩小", "有所缩小", true)] // one ranking with the verifier (i40-verify): 逐步 above 有所
    [InlineData("初步建立", "初步建立", false)]
    [InlineData("建立", "已建立", false)]
    [InlineData("有所提升", "明显提升", false)]
    [InlineData("进一步完善", "进一步完善", false)]
    [InlineData("持续提升", "大幅提升", false)]
    public void AFirstStageOrALesserDegree_IsWeakerThanItsTarget(string target, string actual, bool weaker) =>
        Assert.Equal(weaker, Calculator.IsWeaker(CellParser.Parse(target, null), CellParser.Parse(actual, null)));

    public static TheoryData<string, string, string, bool> WeakerRows() => new()
    {
        // table, row, the words of its target and result, whether the table printed a lower score (kept) or full marks (for review)
        { "session40-xichuan", "培训长效机制", "初步建立", false },
        { "session40-xichuan", "劳动者就业技能", "有所提升", false },
        { "session40-meitan", "茶园管护机制", "初步建立", false },
        { "session40-meitan", "茶叶品牌影响力", "有所提升", false },
        { "session40-tongwei", "基层治理体系", "初步建立", true },
        { "session40-tongwei", "群众安全感", "有所提升", false },
    };

    [Theory]
    [MemberData(nameof(WeakerRows))]
    public void AWeakerRow_TheTraceTheChatTheExplanationAndTheDraft_AllSayWeaker(string table, string row, string actual, bool printedLower)
    {
        FactSheet sheet = ChatTables.Table(table);
        int i = ChatTables.Row(sheet, row);
        IndicatorResult r = sheet.Report.Indicators[i];
        // The trace: weaker, short, and how it was scored.
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.Contains($"完成值“{actual}”弱于指标值", r.Trace, StringComparison.Ordinal);
        Assert.Contains(printedLower ? "按表中评定" : "需复核", r.Trace, StringComparison.Ordinal);

        // The chat: listed among the rows not met, and its why says weaker and how it was scored (never the bare three-band rule).
        Assert.Contains($"“{row}”", ChatTables.AnswerAll(sheet, "哪些指标没完成"), StringComparison.Ordinal);
        string why = ChatTables.AnswerAll(sheet, row + "为什么扣分");
        Assert.Contains("弱于", why, StringComparison.Ordinal);
        Assert.Contains(printedLower ? "完成值弱于指标值，按表中评定的分数计分" : "暂按“达成”档计分，须复核", why, StringComparison.Ordinal);

        // The explanation's rule.
        Assert.Contains(printedLower ? "按表中评定的分数计分" : "须复核", IndicatorExplainer.RuleText(r), StringComparison.Ordinal);

        // The draft of 三: the row is an item, said to be weaker than its target.
        string draft = SelfCheckTables.DraftOfThree(sheet.Evaluation);
        string item = draft.Split('\n').Single(l => l.Contains("实际效果弱于年度指标值", StringComparison.Ordinal) && l.Contains($"“{row}”", StringComparison.Ordinal));
        Assert.Contains($"“{row}”年度指标值为“{sheet.Evaluation.Indicators[i].Target}”，实际完成为“{actual}”", item, StringComparison.Ordinal);
        string measures = draft[draft.IndexOf("（二）", StringComparison.Ordinal)..];
        Assert.Contains($"“{row}”", measures, StringComparison.Ordinal); // and it has its measure
    }

    [Fact]
    public void ALesserDegreeThanAStepwiseTarget_IsAnItem()
    {
        // 通渭's 矛盾纠纷 (逐步减少 / 有所减少): by the ranking the calculator and the verifier share, 有所 is below 逐步 — short,
        // and an item of the draft.
        FactSheet sheet = ChatTables.Table("session40-tongwei");
        Assert.Equal(IndicatorStatus.Short, sheet.Report.Indicators[ChatTables.Row(sheet, "矛盾纠纷")].Status);
        Assert.Contains("矛盾纠纷", SelfCheckTables.DraftOfThree(sheet.Evaluation), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("宣传力度不够")]
    [InlineData("政策宣传不到位，部分群众不清楚申报流程")]
    [InlineData("宣传力度不足，部分农户不清楚补贴政策")]
    [InlineData("宣传面窄，偏远村组覆盖不到")]
    [InlineData("政策解读不够，部分对象未申请")]
    [InlineData("部分对象未告知到位")]
    public void PublicityCauses_AreTheirOwnKind(string reason) => Assert.Equal("宣传或政策知晓不足", ReasonKinds.Classify(reason));

    [Theory]
    // Earlier kinds still win where the reason names them.
    [InlineData("宣传力度不够，申报人数减少", "需求或申报不足")]
    [InlineData("受汛期影响，宣传活动推迟", "天气或自然灾害")]
    // No cause named at all stays unclassified.
    [InlineData("工作推进不够到位", ReasonKinds.Other)]
    [InlineData("基层重视程度不够", ReasonKinds.Other)]
    public void PublicityWords_DoNotTakeOtherKinds(string reason, string kind) => Assert.Equal(kind, ReasonKinds.Classify(reason));

    [Theory]
    [InlineData("宣传力度不够", "培训茶农人次")]
    [InlineData("政策宣传不到位，部分茶农不清楚报名方式", "培训茶农人次")]
    public void APublicityCause_GetsAPublicityMeasure_ThatTheRubricAccepts(string reason, string row)
    {
        Evaluation e = ChatTables.Table("session40-meitan").Evaluation;
        e = e with { Indicators = e.Indicators.Select(x => x.Name == row ? x with { DeviationNote = reason } : x).ToList() };
        string draft = SelfCheckTables.DraftOfThree(e);
        string measure = draft[draft.IndexOf("（二）", StringComparison.Ordinal)..].Split('\n').Single(l => l.Contains($"“{row}”", StringComparison.Ordinal));
        Assert.Matches("宣传|告知|解读", measure);
        Assert.Empty(DraftQualityOf(e));
    }

    private static IReadOnlyList<string> DraftQualityOf(Evaluation e)
    {
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        RenderedDraft rendered = DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0);
        var paragraphs = rendered.Paragraphs.Select(p => new ReviewedParagraph(p.Text,
            items.Where(i => TextNormalizer.Normalize(p.Text).Contains(TextNormalizer.Normalize(i.Name), StringComparison.Ordinal)
                             || p.FactIds.Any(f => f.StartsWith(i.Path + ".", StringComparison.Ordinal))).Select(i => i.Id).ToList(), p.Sources)).ToList();
        return DraftQuality.MismatchedMeasures(e, items, paragraphs);
    }
}
