using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Probe 33 (files #12, #13; chat #15) on the drafted report, across sectors: part 五 has one line per qualitative row,
/// consistent with how the table scored it; part 二(三) says 优于指标值 where a ceiling row is among the rows better than
/// their targets; a part of the money below 90 % is flagged when the total is below it too and nobody says why.
/// </summary>
public class ReportProbe33Tests
{
    private static Evaluation Table(string title, string unit, (string, string?, string, string, string?)[] lines,
        (string L1, string L2, string Name, string Unit, string Target, string Actual, string Weight, string? Note)[] rows, Action<JsonObject>? edit = null)
    {
        JsonObject o = TableJson.Build(title, "某省某市某县", unit, lines, rows, "某县某局", "某县某中心");
        edit?.Invoke(o);
        return EvaluationJson.Parse(o.ToJsonString());
    }

    private static string Part(string key, Evaluation e)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e));
        ComposedPart part = ReportComposer.Compose(key, sheet, []);
        RenderedDraft rendered = DraftText.Render(part.Draft, sheet, 0);
        Assert.Empty(rendered.UnknownFactIds);
        VerificationReport report = Verifier.Verify(sheet, rendered.Text);
        Assert.True(report.IsClean, key + ": " + string.Join("; ", DraftText.Problems(report).Select(p => p.Reason)) + "\n" + rendered.Text);
        return rendered.Text;
    }

    private static void FullMarks(JsonObject table, int row) =>
        table["indicators"]![row]!["printedScore"] = (string)table["indicators"]![row]!["weight"]!;

    public static TheoryData<string, string, string> Qualitative() => new()
    {
        { "2024年基本公共卫生服务项目", "群众健康意识", "健康素养" },
        { "2024年义务教育质量提升项目", "学校教学管理水平", "教学质量" },
        { "2024年森林防火项目", "群众护林防火意识", "防火" },
        { "2024年农村饮水安全巩固提升项目", "工程长效管护水平", "管护" },
    };

    [Theory]
    [MemberData(nameof(Qualitative))]
    public void PartFive_SaysOneLinePerQualitativeRow_ConsistentWithItsScore(string title, string weaker, string other)
    {
        Evaluation e = Table(title, "万元", [("年度资金总额", null, "100.00", "95.00", null)],
        [
            ("产出指标", "数量指标", "服务人次", "人次", "≥1000", "1020", "50", null),
            ("效益指标", "可持续影响指标", weaker, "", "明显提升", "有所提升", "20", null),
            ("效益指标", "社会效益指标", other + "情况", "", "明显提升", "有所提升", "10", null),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "93%", "10", null),
        ], t => { FullMarks(t, 1); t["indicators"]![2]!["printedScore"] = "6"; });
        string five = Part(ReportParts.Other, e);
        string[] lines = five.Split('\n');
        // The row scored at full marks though weaker: one line, saying so; never also 「按定性指标分档评分」.
        string full = Assert.Single(lines, l => l.Contains($"“{weaker}”", StringComparison.Ordinal));
        Assert.Contains("自评表按满分计分", full, StringComparison.Ordinal);
        Assert.DoesNotContain("分档评分", full, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> Ceilings() => new()
    {
        { "2024年基本公共卫生服务项目", "新生儿死亡率", "‰", "≤5‰", "4.2‰" },
        { "2024年义务教育薄弱环节改善项目", "学生辍学率", "‰", "≤2‰", "1.5‰" },
        { "2024年森林防火项目", "森林火灾受害率", "‰", "≤0.9‰", "0.3‰" },
        { "2024年小型水库维修养护项目", "单处维修成本", "万元", "≤12万元", "11.5万元" },
        { "2024年就业补助资金", "城镇登记失业率", "%", "≤4.5%", "4.1%" },
    };

    [Theory]
    [MemberData(nameof(Ceilings))]
    public void PartTwo_CallsACeilingRowBelowItsLimit_BetterThanItsTarget_NotAbove(string title, string name, string unit, string target, string actual)
    {
        Evaluation e = Table(title, "万元", [("年度资金总额", null, "100.00", "96.00", null)],
        [
            ("产出指标", "数量指标", "服务人次", "人次", "≥1000", "1100", "40", null),
            ("效益指标", "社会效益指标", name, unit, target, actual, "40", null),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "93%", "10", null),
        ]);
        string two = Part(ReportParts.Performance, e);
        Assert.Contains("（其中优于指标值的3项）", two, StringComparison.Ordinal);
        Assert.DoesNotContain("超过指标值的", two, StringComparison.Ordinal);
    }

    [Fact]
    public void PartTwo_KeepsAbove_WhenOnlyRowsWithAFloorWentBeyond()
    {
        Evaluation e = Table("2024年高标准农田建设项目", "万元", [("年度资金总额", null, "100.00", "96.00", null)],
        [
            ("产出指标", "数量指标", "新建高标准农田面积", "万亩", "≥1.2", "1.3", "40", null),
            ("效益指标", "经济效益指标", "新增粮食产能", "万公斤", "≥380", "400", "40", null),
            ("满意度指标", "服务对象满意度指标", "农户满意度", "%", "≥90%", "90%", "10", null),
        ]);
        string two = Part(ReportParts.Performance, e);
        Assert.Contains("（其中超过指标值的2项）", two, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("其他资金", "46.00", "37.05", "当年财政拨款", "120.00", "105.00")]
    [InlineData("县级资金", "150.00", "120.00", "中央资金", "800.00", "720.00")]
    [InlineData("省级资金", "300.00", "260.00", "中央财政资金", "500.00", "440.00")]
    public void APartBelowNinety_IsFlagged_WhenTheTotalIsLowToo_AndNobodySaysWhy(string low, string budget, string executed, string other, string otherBudget, string otherExecuted)
    {
        decimal total = decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(otherBudget, System.Globalization.CultureInfo.InvariantCulture);
        decimal spent = decimal.Parse(executed, System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(otherExecuted, System.Globalization.CultureInfo.InvariantCulture);
        (string, string?, string, string, string?)[] Lines(string? rootNote, string? partNote) =>
        [
            ("年度资金总额", null, total.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), spent.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), rootNote),
            (other, "年度资金总额", otherBudget, otherExecuted, null),
            (low, "年度资金总额", budget, executed, partNote),
        ];
        var rows = new[] { ("产出指标", "数量指标", "服务人次", "人次", "≥1000", "1000", "80", (string?)null), ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "93%", "10", (string?)null) };

        var found = ReviewerFindings.Find(FactSheet.Build(Table("2024年某专项资金", "万元", Lines(null, null), rows)));
        ReviewerFinding f = Assert.Single(found, f => f.Code == ReviewerFindingCodes.PartRateWithoutReason && f.FundLineIndex == 2);
        Assert.Contains($"“{low}”", f.Message, StringComparison.Ordinal);
        Assert.Contains("均未说明原因", f.Message, StringComparison.Ordinal);

        // A reason on the total covers its parts; a reason on the part is its own.
        Assert.DoesNotContain(ReviewerFindings.Find(FactSheet.Build(Table("2024年某专项资金", "万元", Lines("部分项目年底才完成验收，资金未能支付", null), rows))),
            f => f.Code == ReviewerFindingCodes.PartRateWithoutReason);
        Assert.DoesNotContain(ReviewerFindings.Find(FactSheet.Build(Table("2024年某专项资金", "万元", Lines(null, "配套资金用于设备采购，集中采购降价形成结余"), rows))),
            f => f.Code == ReviewerFindingCodes.PartRateWithoutReason && f.FundLineIndex == 2);
    }

    [Fact]
    public void APartThatIsTheWholeMoney_IsNotFlaggedAgain()
    {
        var rows = new[] { ("产出指标", "数量指标", "服务人次", "人次", "≥1000", "1000", "80", (string?)null), ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "93%", "10", (string?)null) };
        Evaluation e = Table("2024年某专项资金", "万元", [("年度资金总额", null, "200.00", "160.00", null), ("当年财政拨款", "年度资金总额", "200.00", "160.00", null)], rows);
        Assert.DoesNotContain(ReviewerFindings.Find(FactSheet.Build(e)), f => f.Code == ReviewerFindingCodes.PartRateWithoutReason);
    }
}

/// <summary>
/// Probe 33 (files #14): the Word annex's note on parts that do not add up says the same figures once, naming every column
/// they stand in (年初预算数和全年预算数均为1280.0万元), and keeps different figures apart.
/// </summary>
public class AnnexPartsNoteTests
{
    private static Scoring.ScoreReport Score(string title, string initial, string budget, string executed, string[] parts)
    {
        var lines = new List<(string, string?, string, string, string?)> { ("年度资金总额", null, budget, executed, null) };
        lines.AddRange(parts.Select((p, i) => (p.Split(':')[0], (string?)"年度资金总额", p.Split(':')[1], p.Split(':')[2], (string?)null)));
        JsonObject o = TableJson.Build(title, "某省某市某县", "万元", lines.ToArray(),
            [("产出指标", "数量指标", "服务人次", "人次", "≥1000", "1000", "80", null), ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "93%", "10", null)],
            "某县某局", "某县某中心");
        o["funds"]!["lines"]![0]!["initialBudget"] = initial;
        for (int i = 0; i < parts.Length; i++)
        {
            o["funds"]!["lines"]![i + 1]!["initialBudget"] = parts[i].Split(':')[1];
        }

        return Scoring.Calculator.Score(EvaluationJson.Parse(o.ToJsonString()));
    }

    [Theory]
    [InlineData("2024年义务教育薄弱环节改善与能力提升项目", "1280.0", new[] { "中央资金:800.0:700.0", "省级资金:300.0:260.0", "县级资金:150.0:120.0" })]
    [InlineData("2024年基本公共卫生服务项目", "560.00", new[] { "中央财政资金:360.00:324.00", "省级资金:120.00:78.00", "县级资金:60.00:60.00" })]
    [InlineData("2024年森林防火项目", "696", new[] { "中央资金:400:380", "省级资金:150:140", "上年结转资金:140:150" })]
    public void TheSameGapInTwoColumns_IsSaidOnce(string title, string budget, string[] parts)
    {
        decimal spent = parts.Sum(p => decimal.Parse(p.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture));
        string note = Assert.IsType<string>(Features.Reporting.TableDocx.PartsDiffer(Score(title, budget, budget, spent.ToString(System.Globalization.CultureInfo.InvariantCulture), parts)));
        Assert.Contains("年初预算数和全年预算数均为" + budget + "万元，与各部分之和", note, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(note, "与各部分之和"));
    }

    [Fact]
    public void DifferentFiguresInTwoColumns_StayTwoSentences()
    {
        string note = Assert.IsType<string>(Features.Reporting.TableDocx.PartsDiffer(Score("2024年农村饮水安全项目", "900.00", "1000.00", "950.00", ["中央资金:600.00:600.00", "县级资金:300.00:300.00"])));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(note, "与各部分之和").Count);
        Assert.DoesNotContain("均为", note, StringComparison.Ordinal);
    }
}

/// <summary>
/// Probe 33 (chat #15): asked about the cap on a ceiling row (人均服务成本 ≤89元 at 86元), the answer says a row below its limit
/// scores full marks and no more, never 「超过指标值…多完成的部分」, which are a floor row's words.
/// </summary>
public class CapWordsTests
{
    private static FactSheet Sheet(string name, string unit, string target, string actual) =>
        FactSheet.Build(EvaluationJson.Parse(TableJson.Build("2024年某专项", "某省某市某县", "万元", [("年度资金总额", null, "100.00", "96.00", null)],
        [
            ("产出指标", "数量指标", "服务人次", "人次", "≥1000", "1100", "40", null),
            ("产出指标", "成本指标", name, unit, target, actual, "40", null),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "93%", "10", null),
        ], "某县某局", "某县某中心").ToJsonString()));

    [Theory]
    [InlineData("人均基本公共卫生服务成本", "元", "≤89元", "86元")]
    [InlineData("学生辍学率", "‰", "≤2‰", "1.5‰")]
    [InlineData("森林火灾受害率", "‰", "≤0.9‰", "0.3‰")]
    [InlineData("单处维修成本", "万元", "≤12万元", "11.5万元")]
    public void ACeilingRow_IsCappedInItsOwnWords(string name, string unit, string target, string actual)
    {
        string text = global::Assistant.Domain.Conversation.TableAnswers.Define(global::Assistant.Domain.Conversation.Topics.Cap, [1], Sheet(name, unit, target, actual)).Text;
        Assert.Contains("低于", text, StringComparison.Ordinal);
        Assert.DoesNotContain("多完成的部分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("超过指标值的指标", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFloorRow_KeepsItsWords_AndAMixSaysBoth()
    {
        FactSheet sheet = Sheet("单处维修成本", "万元", "≤12万元", "11.5万元");
        Assert.Contains("超过指标值的指标按满分计", global::Assistant.Domain.Conversation.TableAnswers.Define(global::Assistant.Domain.Conversation.Topics.Cap, [0], sheet).Text, StringComparison.Ordinal);
        string both = global::Assistant.Domain.Conversation.TableAnswers.Define(global::Assistant.Domain.Conversation.Topics.Cap, [], sheet).Text;
        Assert.Contains("反向指标低于控制上限", both, StringComparison.Ordinal);
    }
}

/// <summary>
/// Probe 33 (files #12): where the draft says a row's reason was not given (in any of its wordings: 自评表未说明…, 该项偏差单位同样未说明原因,
/// 单位亦未填写…), the notes beside it say the draft guessed none, never that its reason was 根据指标性质…分析得出的.
/// </summary>
public class NoCauseNotesTests
{
    public static TheoryData<string, string[]> Tables() => new()
    {
        { "2024年基本公共卫生服务项目", ["家庭医生签约服务人次", "高血压患者规范管理人数", "电子健康档案建档人数"] },
        { "2024年森林防火项目", ["防火隔离带建设长度", "护林员巡护里程", "防火宣传场次"] },
        { "2024年义务教育薄弱环节改善项目", ["改造校舍面积", "配备教学设备套数", "培训教师人次"] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryRowSaidToLackAReason_IsNotedAsNotGuessed(string title, string[] names)
    {
        Evaluation e = EvaluationJson.Parse(TableJson.Build(title, "某省某市某县", "万元", [("年度资金总额", null, "100.00", "96.00", null)],
            names.Select(n => ("产出指标", "数量指标", n, "个", "≥100", "80", "30", (string?)null)).ToArray(), "某县某局", "某县某中心").ToJsonString());
        FactSheet sheet = FactSheet.Build(e, Scoring.ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, Scoring.ScoringPolicy.Default, lowParts: true);
        var brief = new Features.Drafting.DraftBrief(Features.Drafting.DraftSection.Deviation, sheet, items.Select(i => new Features.Drafting.BriefItem(i, [], [])).ToList(), []);
        RenderedDraft rendered = DraftText.Render(Features.Drafting.OfflineDrafter.Compose(brief), sheet, 0);
        var notes = Features.Drafting.DraftingService.Notes(brief, Scoring.ScoringPolicy.Default, rendered, []);
        foreach (string name in names)
        {
            Assert.Contains(rendered.Paragraphs, p => p.Text.Contains(name, StringComparison.Ordinal) && Features.Drafting.OfflineDrafter.SaysNoCause(p.Text));
            ReviewNote note = Assert.Single(notes, n => n.Kind == ReviewNoteKinds.MissingReason && n.IndicatorName == name);
            Assert.Contains("草稿没有推测原因", note.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("分析得出", note.Message, StringComparison.Ordinal);
        }
    }
}
