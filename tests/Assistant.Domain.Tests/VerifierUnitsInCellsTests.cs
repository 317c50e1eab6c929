using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-35 tester defects #2 and #3 downstream: once a cell with its unit inside (≤8000元/台, ≤12/10万, ≥4次/年, 元/人·年,
/// 例/10万人, ‱) is read, the sentences about that row verify — the deduction, the excess over the limit, the gap in the
/// cell's unit, the 超出上限 / 低于控制目标 claims — and wrong figures are contradicted. Tables: the tester's 黑龙江 and 贵州
/// tables, and two of our own (江苏 居家养老, 浙江 传染病防控). Every case runs on the verifier and the reference restatement.
/// </summary>
public class VerifierUnitsInCellsTests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[]
    {
        "p36u-hlj-nongji", "p36u-gz-yiliao", "p36u-js-yanglao", "p36u-zj-jibing",
    }.ToDictionary(n => n, Table);

    private static void Expect(string table, string text, string span, Verdict expected, string? noteHas = null)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text) })
        {
            var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at)
                .Select(m => (m.Verdict, m.Note, m.FactId))
                .Concat(report.Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).Select(c => (c.Verdict, c.Note, c.FactId))).ToList();
            Assert.True(found.Count > 0, $"{text}: nothing read at {span}");
            Assert.All(found, f => Assert.True(f.Verdict == expected, $"{text} [{span}]: {f.Verdict} {f.FactId} {f.Note}"));
            Assert.All(found, f => Assert.True(noteHas is null || (f.Note ?? string.Empty).Contains(noteHas, StringComparison.Ordinal), $"{text} [{span}]: note {f.Note} lacks {noteHas}"));
        }
    }

    [Theory]
    // 黑龙江 (≤8000元/台 against 8188元/台, 5分): 188 over, 2.35 %, 0.12 lost.
    [InlineData("p36u-hlj-nongji", "单台平均补贴8188元，超出上限2.35%，扣0.12分。", "扣0.12分")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴8188元，超出上限2.35%，扣0.12分。", "2.35%")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴8188元，超出上限2.35%，扣0.12分。", "超出上限")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴标准超标188元/台。", "188元")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴标准8188元/台，得分4.88分。", "4.88分")]
    // 贵州 (≤12/10万 against 11.8/10万): 0.2/10万 below the limit.
    [InlineData("p36u-gz-yiliao", "孕产妇死亡率11.8/10万，低于控制目标0.2/10万。", "0.2/10万")]
    [InlineData("p36u-gz-yiliao", "孕产妇死亡率11.8/10万，低于控制目标0.2/10万。", "低于控制目标")]
    [InlineData("p36u-gz-yiliao", "孕产妇死亡率11.8/10万，低于控制目标0.2/10万。", "11.8/10万")]
    // 江苏 (≥4次/年 against 3.6次/年, 15分; ≤2400元/人·年 against 2520, 10分).
    [InlineData("p36u-js-yanglao", "上门服务频次3.6次/年，完成率90%，扣1.5分。", "90%")]
    [InlineData("p36u-js-yanglao", "上门服务频次3.6次/年，完成率90%，扣1.5分。", "1.5分")]
    [InlineData("p36u-js-yanglao", "上门服务频次未完成年度目标。", "未完成")]
    [InlineData("p36u-js-yanglao", "人均服务成本2520元/人·年，超出上限5%，扣0.5分。", "5%")]
    [InlineData("p36u-js-yanglao", "人均服务成本2520元/人·年，超出上限5%，扣0.5分。", "0.5分")]
    [InlineData("p36u-js-yanglao", "人均服务成本超标120元/人·年。", "超标")]
    [InlineData("p36u-js-yanglao", "服务人次19800人次/年，完成率110%。", "110%")]
    // 浙江 (≤40/10万 against 42.4/10万, 15分; 不高于180例/10万人 against 171.5例/10万人; ≤5‱ against 6‱, 10分).
    [InlineData("p36u-zj-jibing", "肺结核发病率42.4/10万，超出控制目标2.4/10万，扣0.9分。", "2.4/10万")]
    [InlineData("p36u-zj-jibing", "肺结核发病率42.4/10万，超出控制目标2.4/10万，扣0.9分。", "0.9分")]
    [InlineData("p36u-zj-jibing", "肺结核发病率42.4/10万，超出控制目标2.4/10万，扣0.9分。", "超出控制目标")]
    [InlineData("p36u-zj-jibing", "甲乙类传染病发病率171.5/10万，低于控制目标8.5/10万。", "171.5/10万")]
    [InlineData("p36u-zj-jibing", "甲乙类传染病发病率171.5/10万，低于控制目标8.5/10万。", "8.5/10万")]
    [InlineData("p36u-zj-jibing", "甲乙类传染病发病率171.5例/10万人，低于控制目标。", "171.5例/10万人")]
    [InlineData("p36u-zj-jibing", "手足口病重症发生率超标，扣2分。", "扣2分")]
    [InlineData("p36u-zj-jibing", "共7个指标，自评得分96.70分。", "96.70分")]
    public void A_sentence_about_a_row_with_its_unit_in_the_cells_verifies(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Verified);

    [Theory]
    [InlineData("p36u-hlj-nongji", "单台平均补贴8188元，超出上限2.35%，扣0.2分。", "0.2分")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴8188元，超出上限3.5%，扣0.12分。", "3.5%")]
    [InlineData("p36u-gz-yiliao", "孕产妇死亡率11.8/10万，低于控制目标0.3/10万。", "0.3/10万")]
    [InlineData("p36u-gz-yiliao", "孕产妇死亡率11.8/10万，超出控制目标。", "超出控制目标")]
    [InlineData("p36u-js-yanglao", "上门服务频次3.6次/年，完成率95%。", "95%")]
    [InlineData("p36u-js-yanglao", "人均服务成本未超出上限。", "未超出上限")]
    [InlineData("p36u-zj-jibing", "肺结核发病率42.4/10万，扣1.9分。", "1.9分")]
    [InlineData("p36u-zj-jibing", "甲乙类传染病发病率181.5/10万。", "181.5/10万")]
    public void A_wrong_figure_or_claim_about_such_a_row_is_contradicted(string table, string text, string span) =>
        Expect(table, text, span, Verdict.Contradicted);

    /// <summary>The report's sentences name such a row with its cells (no "见附件自评表") and count it among the targets; every number verifies.</summary>
    [Theory]
    [InlineData("p36u-gz-yiliao", "孕产妇死亡率≤12/10万", "孕产妇死亡率指标值≤12/10万，实际完成11.8/10万，优于年度指标值")]
    [InlineData("p36u-hlj-nongji", "单台平均补贴标准≤8000元/台", "单台平均补贴标准指标值≤8000元/台，实际完成8188元/台，超出上限188元/台，未完成年度指标值，得分4.88分（分值5分）")]
    [InlineData("p36u-js-yanglao", "上门服务频次≥4次/年", "上门服务频次指标值≥4次/年，实际完成3.6次/年，完成率90.00%，未完成年度指标值，得分13.50分（分值15分）")]
    [InlineData("p36u-zj-jibing", "甲乙类传染病发病率≤180例/10万人", "甲乙类传染病发病率指标值≤180例/10万人，实际完成171.5例/10万人，优于年度指标值")]
    public void The_report_states_the_row_from_its_cells(string table, string inTargets, string inPerformance)
    {
        FactSheet sheet = ReportFacts.Extend(Sheets[table]);
        var precedents = new[] { new ReportPrecedent(1, "某县补助资金绩效自评报告", "二、绩效情况分析/（二）资金管理情况分析", "分配科学性方面，资金按因素法分配。") };
        string targets = Render(ReportParts.Targets), performance = Render(ReportParts.Performance);
        Assert.Contains(inTargets, targets, StringComparison.Ordinal);
        Assert.Contains(inPerformance, performance, StringComparison.Ordinal);
        Assert.DoesNotContain("见附件自评表", targets + performance, StringComparison.Ordinal);

        string Render(string key)
        {
            Drafting.RenderedDraft rendered = Drafting.DraftText.Render(ReportComposer.Compose(key, sheet, precedents).Draft, sheet, precedents.Length);
            Assert.True(Verifier.Verify(sheet, rendered.Text).IsClean, rendered.Text);
            return rendered.Text;
        }
    }
}
