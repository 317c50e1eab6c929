using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Domain.Tests.Conversation;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 43 (the session-42 chat helper's finding on 安定 补贴资金发放到位率: 得4.93分 and 扣0.08分, which add up to 5.01 of a 分值 of 5): 扣分 is
/// what the printed 得分 leaves of the 分值, so every 得分 and 扣分 the product prints add up to the 分值; the exact difference a unit may
/// have printed (0.075 → 0.08) is still verified.
/// </summary>
public class ScoreAndLostAddUpTests
{
    private static FactSheet Anding() =>
        FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat-heldout", "tables", "probe40-anding.json"))));

    public static TheoryData<string> Tables() => SelfCheckTables.Names();

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryPrintedScoreAndLost_AddUpToTheWeight(string table)
    {
        FactSheet sheet = FactSheet.Build(SelfCheckTables.Get(table));
        foreach (Fact lost in sheet.Facts.Where(f => f.Id.EndsWith(".lost", StringComparison.Ordinal)))
        {
            string p = lost.Id[..^".lost".Length];
            Fact score = sheet.Find(p + ".score")!;
            decimal weight = p.StartsWith("funds", StringComparison.Ordinal) ? sheet.Evaluation.Funds.Weight!.Value.Value : sheet.Find(p + ".weight")!.Value;
            decimal printed = decimal.Parse(PrintedNumber.Format(score.Value, 2), System.Globalization.CultureInfo.InvariantCulture)
                + decimal.Parse(PrintedNumber.Format(lost.Value, 2), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(printed == weight, $"{table} {p}: {PrintedNumber.Format(score.Value, 2)} + {PrintedNumber.Format(lost.Value, 2)} ≠ {weight}");
            Assert.True(lost.Value > 0, $"{table} {p}: 扣分 {lost.Value}");
        }
    }

    [Fact]
    public void AScoreAtAHalf_LosesWhatItsPrintLeaves()
    {
        FactSheet sheet = Anding();
        int row = sheet.Evaluation.Indicators.ToList().FindIndex(i => i.Name == "补贴资金发放到位率");
        Assert.Equal("4.93", PrintedNumber.Format(sheet.Find($"indicators[{row}].score")!.Value, 2));
        Assert.Equal("0.07", PrintedNumber.Format(sheet.Find($"indicators[{row}].lost")!.Value, 2));
    }

    [Theory]
    [InlineData("补贴资金发放到位率得4.93分，扣0.07分。", "0.07")]
    [InlineData("补贴资金发放到位率得4.93分，扣0.08分。", "0.08")]
    [InlineData("补贴资金发放到位率扣0.075分。", "0.075")]
    public void BothReadingsOfTheLost_AreVerified(string text, string figure)
    {
        VerificationReport v = Verifier.Verify(Anding(), text);
        CheckedMention m = v.Mentions.Single(x => x.Mention.Text.StartsWith(figure, StringComparison.Ordinal));
        Assert.Equal(Verdict.Verified, m.Verdict);
    }

    [Fact]
    public void ALostThatNoReadingGives_IsContradicted()
    {
        VerificationReport v = Verifier.Verify(Anding(), "补贴资金发放到位率得4.93分，扣0.10分。");
        Assert.Equal(Verdict.Contradicted, v.Mentions.Single(x => x.Mention.Text.StartsWith("0.10", StringComparison.Ordinal)).Verdict);
    }
    public static TheoryData<string> AllTables()
    {
        var data = new TheoryData<string>();
        foreach (string name in SelfCheckTables.Names())
        {
            data.Add("self:" + name);
        }

        foreach (string dir in new[] { Path.Combine("eval", "cases", "chat", "tables"), Path.Combine("eval", "cases", "chat-heldout", "tables") })
        {
            foreach (string f in Directory.GetFiles(Path.Combine(RepoPaths.Repo, dir), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(dir, Path.GetFileName(f)));
            }
        }

        return data;
    }

    private static FactSheet Load(string table) => FactSheet.Build(table.StartsWith("self:", StringComparison.Ordinal)
        ? SelfCheckTables.Get(table[5..])
        : EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, table))));

    /// <summary>Every 扣分 the sheet holds (rows, fund lines, the total) plus its printed 得分 is the 分值, on every table the chat and the self-check use.</summary>
    [Theory]
    [MemberData(nameof(AllTables))]
    public void EveryLostOfEveryTable_AddsUpWithItsPrintedScore(string table)
    {
        FactSheet sheet = Load(table);
        foreach (Fact lost in sheet.Facts.Where(f => f.Id.EndsWith(".lost", StringComparison.Ordinal) || f.Id == "totalLost"))
        {
            string p = lost.Id == "totalLost" ? string.Empty : lost.Id[..^".lost".Length];
            Fact score = sheet.Find(p.Length == 0 ? "total" : p + ".score")!;
            decimal weight = p.Length == 0 ? sheet.Find("weightTotal")!.Value
                : p.StartsWith("funds", StringComparison.Ordinal) ? sheet.Evaluation.Funds.Weight!.Value.Value : sheet.Find(p + ".weight")!.Value;
            Assert.Equal(weight, PrintedNumber.RoundHalfUp(score.Value, 2) + PrintedNumber.RoundHalfUp(lost.Value, 2));
            // The exact difference is kept in the range whenever the printed one differs from it.
            Assert.True(lost.Value == weight - score.Value || lost.Range is { } r && r.Low <= weight - score.Value && weight - score.Value <= r.High, $"{table} {lost.Id}");
        }
    }

    [Fact]
    public void TheChat_SaysAScoreAndALostThatAddUp()
    {
        FactSheet sheet = Anding();
        string text = ChatTables.AnswerAll(sheet, "补贴资金发放到位率扣了几分");
        Assert.Contains("4.93", text, StringComparison.Ordinal);
        Assert.Contains("0.07", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.08", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("补贴资金发放到位率扣了0.07分吗", "是的。")]
    [InlineData("补贴资金发放到位率是不是扣了0.08分", "是的。")]
    [InlineData("补贴资金发放到位率扣了0.2分吗", "不是。")]
    public void TheChat_ConfirmsEitherReadingOfTheLost(string message, string opens)
    {
        string text = ChatTables.AnswerAll(Anding(), message);
        Assert.StartsWith(opens, text, StringComparison.Ordinal);
        Assert.Contains("扣0.07分", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExplanation_TracesTheLostAsPrinted()
    {
        FactSheet sheet = Anding();
        int row = sheet.Evaluation.Indicators.ToList().FindIndex(i => i.Name == "补贴资金发放到位率");
        IndicatorExplanation e = IndicatorExplainer.Explain(sheet, row);
        Assert.Equal(0.07m, e.Trace.Lost);
        Assert.Equal(5m, PrintedNumber.RoundHalfUp(e.Trace.Score!.Value, 2) + e.Trace.Lost);
    }

    [Fact]
    public void ALevelsLost_IsVerifiedFromItsPrintedScoreOrItsExactOne()
    {
        FactSheet sheet = Anding();
        Fact? level = sheet.Facts.FirstOrDefault(f => f.Id.StartsWith("levels[", StringComparison.Ordinal) && f.Id.EndsWith(".score", StringComparison.Ordinal)
            && PrintedNumber.RoundHalfUp(f.Value, 2) != f.Value);
        Assert.NotNull(level);
        string name = level.Id["levels[".Length..level.Id.IndexOf(']', StringComparison.Ordinal)];
        decimal weight = sheet.Find($"levels[{name}].weight")!.Value;
        string printed = PrintedNumber.Format(level.Value, 2);
        foreach (decimal lost in new[] { weight - PrintedNumber.RoundHalfUp(level.Value, 2), PrintedNumber.RoundHalfUp(weight - level.Value, 2) })
        {
            string text = $"资金执行得分满分。{name}得分{printed}分，扣{PrintedNumber.Format(lost, 2)}分。";
            CheckedMention m = Verifier.Verify(sheet, text).Mentions.Single(x => x.Mention.Text.StartsWith(PrintedNumber.Format(lost, 2), StringComparison.Ordinal));
            Assert.Equal(Verdict.Verified, m.Verdict);
        }

        string wrong = $"资金执行得分满分。{name}得分{printed}分，扣{PrintedNumber.Format(weight - PrintedNumber.RoundHalfUp(level.Value, 2) + 0.5m, 2)}分。";
        Assert.Contains(Verifier.Verify(sheet, wrong).Mentions, x => x.Verdict == Verdict.Contradicted);
    }
}
