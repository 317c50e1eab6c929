using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 42: a row whose target is 0 (因病致贫返贫户数 0户, 安全生产事故 0起, 有效投诉 0件) counts what should not happen. When it
/// happened, the draft of 三 and the report's 二 said the row was 未完成 (“实际完成2户，与指标值相差2户”), as if 2 were work done short
/// of a target. They now say it exceeded its target of 0: 超出年度指标值, 实际为2户, no 完成率 and no gap that only repeats the actual,
/// and its measure is headed 超出指标值的问题. Every number stays verified against the table.
/// </summary>
public class Session42DraftTests
{
    /// <summary>A real table with one more row, a target of 0 (its 5 分值 taken from the heaviest row, which keeps the total).</summary>
    private static JsonObject WithZeroRow(string reference, string name, string target, string actual, string? unit, string? note)
    {
        string path = reference.Contains('/', StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.Repo, reference)
            : Path.Combine(RepoPaths.Shared, "reference", reference + ".json");
        JsonObject t = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        JsonArray rows = t["indicators"]!.AsArray();
        static decimal W(JsonObject r) => decimal.TryParse((string?)r["weight"], System.Globalization.CultureInfo.InvariantCulture, out decimal w) ? w : 0m;
        JsonObject first = rows.Select(r => r!.AsObject()).MaxBy(W)!;
        decimal weight = decimal.Parse((string)first["weight"]!, System.Globalization.CultureInfo.InvariantCulture);
        first["weight"] = (weight - 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        first.Remove("printedScore");
        var row = new JsonObject
        {
            ["level1"] = "效益指标",
            ["level2"] = "社会效益指标",
            ["name"] = name,
            ["target"] = target,
            ["actual"] = actual,
            ["weight"] = "5",
        };
        if (unit is not null)
        {
            row["unit"] = unit;
        }

        if (note is not null)
        {
            row["deviationNote"] = note;
        }

        rows.Add(row);
        t.Remove("printedTotal");
        return t;
    }

    private static string Draft(JsonObject t) => SelfCheckTables.DraftOfThree(EvaluationJson.Parse(t.ToJsonString()));

    private static string Paragraph(string text, string name) =>
        text.Split('\n').Single(l => l.Contains($"“{name}”", StringComparison.Ordinal) && !l.Contains("针对", StringComparison.Ordinal));

    private static string Measure(string text, string name) =>
        text.Split('\n').Single(l => l.Contains($"针对“{name}”", StringComparison.Ordinal));

    public static TheoryData<string, string, string, string, string?, string?, string> ZeroRows() => new()
    {
        // reference, row, target, actual, unit, the unit's note, how the actual is written
        { "eval/cases/verifier/tables/p40-hunan-xinshao-anfang.json", "安全生产事故发生次数", "0", "1", "次", null, "实际为1次" },
        { "zhongwei-2024-employment-service-demo", "群众有效投诉件数", "0件", "3件", null, "服务窗口高峰期排队时间较长", "实际为3件" },
        { "zhongwei-2024-internship-subsidy", "违规发放补贴人数", "0", "2", "人", "2名见习人员离岗后未及时停发补贴", "实际为2人" },
        { "eval/cases/verifier/tables/p40-gansu-tongwei-xiaoshe.json", "因病致贫返贫户数（户）", "0", "4", "户", null, "实际为4户" },
        { "zhongwei-2024-employment-operating-funds", "重大责任事故", "0起", "1起", null, null, "实际为1起" },
    };

    [Theory]
    [MemberData(nameof(ZeroRows))]
    public void ATargetOfZeroExceeded_IsWrittenAsExceeded_NotAsShortOfATarget(string reference, string name, string target, string actual, string? unit, string? note, string written)
    {
        string draft = Draft(WithZeroRow(reference, name, target, actual, unit, note));
        string reason = Paragraph(draft, name);
        Assert.Contains($"“{name}”超出年度指标值", reason, StringComparison.Ordinal);
        Assert.Contains(written, reason, StringComparison.Ordinal);
        Assert.Contains("扣5.00分", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("未完成", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("实际完成", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("完成率", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("相差", reason, StringComparison.Ordinal);

        string measure = Measure(draft, name);
        Assert.Contains($"针对“{name}”超出指标值的问题", measure, StringComparison.Ordinal);
        Assert.DoesNotContain("未完成的问题", measure, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ZeroRows))]
    public void TheDraftAndThePerformancePart_AreVerifiedWithoutAlarm(string reference, string name, string target, string actual, string? unit, string? note, string written)
    {
        Evaluation e = EvaluationJson.Parse(WithZeroRow(reference, name, target, actual, unit, note).ToJsonString());
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
        string performance = DraftText.Render(ReportComposer.Compose(ReportParts.Performance, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;

        // 二's sentence on the row: what happened, and that it exceeded its target of 0.
        string sentence = performance.Split('。').Single(s => s.Contains(name.Split('（')[0] + "指标值", StringComparison.Ordinal));
        Assert.Contains(written, sentence, StringComparison.Ordinal);
        Assert.Contains("超出年度指标值", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("未完成", sentence, StringComparison.Ordinal);

        // 二（三）names it apart from the rows left undone.
        string overall = performance[performance.IndexOf("（三）", StringComparison.Ordinal)..];
        Assert.Contains($"超出年度指标值的是“{name}”", overall, StringComparison.Ordinal);
        Assert.DoesNotMatch("未完成年度指标值的是[^。]*" + System.Text.RegularExpressions.Regex.Escape(name), overall);

        foreach (string text in new[] { performance, SelfCheckTables.DraftOfThree(e) })
        {
            VerificationReport v = Verifier.Verify(sheet, text);
            var problems = v.Mentions.Where(m => m.Verdict is Verdict.Contradicted or Verdict.Unverified).Select(m => m.Mention.Text).ToList();
            Assert.True(problems.Count == 0, string.Join(" | ", problems) + "\n" + text);
        }
    }

    [Theory]
    [InlineData("{0}为什么没完成")]
    [InlineData("{0}扣了多少分")]
    [InlineData("哪些指标没完成")]
    [InlineData("{0}是怎么回事")]
    public void TheChat_SaysAZeroTargetWasExceeded_NotShortByAGap(string question)
    {
        foreach ((string reference, string name, string target, string actual, string? unit, string? note, string written) in ZeroRows()
                     .Select(r => ((string)r[0], (string)r[1], (string)r[2], (string)r[3], (string?)r[4], (string?)r[5], (string)r[6])))
        {
            FactSheet sheet = FactSheet.Build(EvaluationJson.Parse(WithZeroRow(reference, name, target, actual, unit, note).ToJsonString()));
            string answer = Conversation.ChatTables.AnswerAll(sheet, string.Format(System.Globalization.CultureInfo.InvariantCulture, question, name.Split('（')[0]));
            string line = answer.Split('\n').First(l => l.Contains(name, StringComparison.Ordinal));
            Assert.DoesNotContain("相差", line, StringComparison.Ordinal);
            Assert.DoesNotContain("未完成年度指标值", line, StringComparison.Ordinal);
            Assert.DoesNotContain("完成率", line, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string?, string, string> MeasuresOfTheirKind() => new()
    {
        // reference, row, the unit's note, a measure's words that must be there, words that must not
        { "zhongwei-2024-internship-subsidy", "违规领取补贴人数", "3名见习人员离岗后未及时申报，系统比对滞后", "追回", "指标值" },
        { "zhongwei-2024-employment-operating-funds", "冒领待遇人数", "部分人员死亡后家属未及时申报", "追回", "指标值" },
        { "eval/cases/verifier/tables/p40-gansu-tongwei-xiaoshe.json", "重复享受补助户数", null, "追回", "指标值" },
        { "eval/cases/verifier/tables/p40-sichuan-yilong-weifang.json", "道路交通安全事故起数", null, "隐患路段", "劳动保护用品" },
        { "eval/cases/verifier/tables/p40-hunan-xinshao-anfang.json", "较大以上交通事故发生次数", "雨季路面湿滑", "交管", "劳动保护用品" },
        { "zhongwei-2024-employment-service-demo", "安全生产事故起数", null, "安全教育", "隐患路段" },
        // Money misused by those who spend it is no payment taken by an ineligible person: no 领取资格 check.
        { "zhongwei-2024-internship-subsidy", "违规使用资金问题数", null, "查明原因", "领取资格" },
    };

    [Theory]
    [MemberData(nameof(MeasuresOfTheirKind))]
    public void AZeroRowsMeasure_AnswersWhatItCounts_AndNeverMovesTheTarget(string reference, string name, string? note, string present, string absent)
    {
        string line = Measure(Draft(WithZeroRow(reference, name, "0", "3", "人", note)), name);
        string measure = line[(line.IndexOf("的问题，", StringComparison.Ordinal) + 4)..];
        Assert.Contains(present, measure, StringComparison.Ordinal);
        Assert.DoesNotContain(absent, measure, StringComparison.Ordinal);
    }

    [Fact]
    public void AZeroRowMet_AndAnOrdinaryRowShort_KeepTheirWords()
    {
        JsonObject t = WithZeroRow("zhongwei-2024-internship-subsidy", "安全生产事故发生次数", "0", "0", "次", null);
        string draft = Draft(t);
        // A target of 0 met is no deviation at all; the rows short of their targets are still 未完成.
        Assert.DoesNotContain("安全生产事故发生次数", draft, StringComparison.Ordinal);
        Assert.Contains("未完成年度指标值", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("超出年度指标值", draft, StringComparison.Ordinal);
    }
}
