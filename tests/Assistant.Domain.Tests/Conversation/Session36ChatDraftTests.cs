using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 35's chat tester #2 and #4a, for session 36: a measure given in the conversation (X的措施改成：…) is in the next part 三
/// on every kind of item — a row short of target, a ceiling row over it, an over-achieved row, a cancelled row, a fund line —
/// and the figures inside it (低于50%, 每季度2次, 每月5日前) are the user's standard, written as given, never 【待核实】.
/// </summary>
public partial class Session36ChatTests
{
    private static Evaluation Health(params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "2024年某县基本公共卫生服务项目",
        Year = 2024,
        Region = "某县",
        Funds = new FundSection
        {
            Unit = "万元",
            Weight = PrintedNumber.Parse("10"),
            Lines = [new FundLine { Name = "年度资金总额", Budget = PrintedNumber.Parse("360.00"), Executed = PrintedNumber.Parse("291.60"), DeviationNote = "无" }],
        },
        Indicators = rows,
    };

    private static Indicator Row(string name, string target, string actual, string weight, string? note, string level2 = "数量指标") => new()
    {
        Level1 = "产出指标",
        Level2 = level2,
        Name = name,
        Target = target,
        Actual = actual,
        Weight = PrintedNumber.Parse(weight),
        DeviationNote = note,
    };

    private static readonly Indicator[] Rows =
    [
        Row("65岁以上老年人健康管理人数", "≥12000", "10800", "15", "乡镇卫生院医务人员不足，体检队伍人手短缺"),
        Row("孕产妇死亡率", "≤20", "24", "10", "辖区内发生2例羊水栓塞等急危重症", "质量指标"),
        Row("健康教育讲座次数", "≥12", "20", "5", null),
        Row("高血压患者规范管理率", "≥60%", "48%", "10", "/", "质量指标"),
        Row("居民健康素养水平", "≥25%", "22.5%", "15", "汛期暴雨导致下乡宣传活动多次取消", "质量指标"),
        Row("家庭医生签约服务覆盖率", "≥70%", "", "10", "该指标经批准年度中取消", "质量指标"),
        Row("服务对象满意度", "≥90%", "92%", "10", null, "满意度指标"),
    ];

    /// <summary>Part 三 drafted offline from the table read with the chat's measures, and what the drafter's gate would mask in it.</summary>
    private static (string Text, GateOutcome Gate) DraftWith(Evaluation table, IReadOnlyDictionary<int, string> rows, IReadOnlyDictionary<int, string>? funds = null)
    {
        Evaluation e = UserStatements.ApplyMeasures(table, rows, funds ?? new Dictionary<int, string>());
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        string text = DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0).Text;
        return (text, DraftGate.Judge(sheet, text, items));
    }

    private static string MeasuresHalf(string text) => text[text.IndexOf("（二）", StringComparison.Ordinal)..];

    public static TheoryData<string, string> MeasuresOnEveryKindOfRow => new()
    {
        // A row short of target with a reason (the tester's 居民健康素养水平, once taken for cancelled).
        { "居民健康素养水平", "与气象部门建立汛期预警联动，把下乡宣传安排在汛期之前完成" },
        // A placeholder reason (/): the measure alone, with a figure of the user's.
        { "高血压患者规范管理率", "对规范管理率低于50%的乡镇卫生院约谈负责人" },
        // A ceiling row over its cap, a figure in the measure.
        { "孕产妇死亡率", "每季度开展2次产科急救演练，高危孕产妇100%专案管理" },
        // An over-achieved row (20 against 12): the unit's measure, not only the “set the target higher” one.
        { "健康教育讲座次数", "下一年度按实际需求把讲座次数目标调整为18次" },
        // A cancelled row: its own measure, as well as the rule on cancelling.
        { "家庭医生签约服务覆盖率", "恢复签约服务考核，每半年通报一次签约率" },
        // A row short of target, with a number and a deadline.
        { "65岁以上老年人健康管理人数", "2025年6月底前招聘公卫医师8名，组建3支流动体检队" },
    };

    [Theory]
    [MemberData(nameof(MeasuresOnEveryKindOfRow))]
    public void AMeasureGivenInTheChat_IsInTheRedraft_OnEveryKindOfRow_WithItsFiguresAsGiven(string row, string measure)
    {
        int i = Array.FindIndex(Rows, r => r.Name == row);
        (string text, GateOutcome gate) = DraftWith(Health(Rows), new Dictionary<int, string> { [i] = measure });
        string measures = MeasuresHalf(text);
        Assert.Contains(measure, measures, StringComparison.Ordinal);
        Assert.Contains(measures.Split('\n'), p => p.Contains($"“{row}”", StringComparison.Ordinal) && p.Contains(measure, StringComparison.Ordinal));
        Assert.Empty(gate.Mask);
        Assert.DoesNotContain("【待核实】", text, StringComparison.Ordinal);
        Assert.DoesNotContain("改进措施：", text, StringComparison.Ordinal);
        Assert.DoesNotContain("单位说明的原因是/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameMeasureGivenForTwoRows_IsWrittenForBoth()
    {
        const string measure = "建立乡镇卫生院月度考核通报制度，每月10日前通报进度";
        (string text, GateOutcome gate) = DraftWith(Health(Rows), new Dictionary<int, string> { [0] = measure, [4] = measure });
        string measures = MeasuresHalf(text);
        Assert.Contains(measures.Split('\n'), p => p.Contains("“65岁以上老年人健康管理人数”", StringComparison.Ordinal) && p.Contains(measure, StringComparison.Ordinal));
        Assert.Contains(measures.Split('\n'), p => p.Contains("“居民健康素养水平”", StringComparison.Ordinal) && p.Contains(measure, StringComparison.Ordinal));
        Assert.Empty(gate.Mask);
    }

    [Theory]
    [InlineData("每月5日前通报各乡镇资金支出进度，对执行率低于60%的单位约谈")]
    [InlineData("对结余的68.4万元按规定结转，下一年度一季度执行完毕")]
    public void AMeasureForTheMoney_WithFigures_IsWrittenAsGiven(string measure)
    {
        (string text, GateOutcome gate) = DraftWith(Health(Rows), new Dictionary<int, string>(), new Dictionary<int, string> { [0] = measure });
        Assert.Contains(measure, MeasuresHalf(text), StringComparison.Ordinal);
        Assert.Empty(gate.Mask);
    }

    [Fact]
    public void AFigureOfAReason_ThatTheTableRefutes_IsStillMasked_OnlyAMeasuresFiguresAreSpared()
    {
        // The cause says 完成10000人 against the table's 10800: a claim about the result, refuted, masked as before.
        Indicator[] rows = [.. Rows];
        rows[0] = rows[0] with { DeviationNote = "全年只完成10000人，医务人员不足" };
        (_, GateOutcome gate) = DraftWith(Health(rows), new Dictionary<int, string> { [0] = "招聘公卫医师8名" });
        Assert.NotEmpty(gate.Mask);
    }
}
