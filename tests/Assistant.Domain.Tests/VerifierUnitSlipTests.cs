using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 32 (units): “生均维修成本1500万元” on a row in 元/人 at 1500 was only unverified. The class: a named row's
/// own digits with another unit of the same family (万元↔元/人, 人次↔人, ‰↔%, 元↔元/人次) are contradicted on the
/// product and on the reference; the same digits with the row's unit, or with the unit only shortened, stay verified.
/// </summary>
public class VerifierUnitSlipTests
{
    private static readonly FactSheet Sheet = FactSheet.Build(Table());

    private static Evaluation Table()
    {
        var rows = new JsonArray();
        void Row(string name, string unit, string target, string actual) =>
            rows.Add(new JsonObject { ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = name, ["unit"] = unit, ["target"] = target, ["actual"] = actual, ["weight"] = "15" });
        Row("生均维修成本", "元/人", "≤1600", "1500");
        Row("培训教师人数", "人", "≥1200", "1080");
        Row("学生近视新发率", "‰", "≤50", "55");
        Row("人均门诊费用", "元/人次", "≤260", "245");
        Row("健康讲座参与人次", "人次", "≥3000", "3300");
        Row("群众满意度", "%", "≥90", "92");
        Row("安排经费", "万元", "25", "25");
        Row("覆盖乡镇数", "个", "12", "12");
        var e = new JsonObject
        {
            ["kind"] = "project", ["title"] = "义务教育薄弱环节改善项目", ["year"] = 2024,
            ["funds"] = new JsonObject
            {
                ["unit"] = "万元", ["weight"] = "10",
                ["lines"] = new JsonArray(new JsonObject { ["name"] = "年度资金总额", ["budget"] = "500.00", ["executed"] = "432.18" }),
            },
            ["indicators"] = rows,
        };
        return EvaluationJson.Parse(e.ToJsonString());
    }

    private static IEnumerable<(string Text, Verdict Verdict, string? Note)> Judged(string text, string number)
    {
        foreach (VerificationReport r in new[] { Verifier.Verify(Sheet, text), ReferenceVerifier.Verifier.Verify(Sheet, text) })
        {
            yield return r.Mentions.Where(m => m.Mention.Text.StartsWith(number, StringComparison.Ordinal)).Select(m => (m.Mention.Text, m.Verdict, m.Note)).Last(); // the actual, after the target
        }
    }

    [Theory]
    [InlineData("生均维修成本1500万元，控制在目标以内。", "1500万元", "元/人")]
    [InlineData("培训教师人数完成1080人次。", "1080人次", "人")]
    [InlineData("学生近视新发率为55%。", "55%", null)]
    [InlineData("群众满意度达到92‰。", "92‰", "%")]
    [InlineData("人均门诊费用245万元。", "245万元", "元/人次")]
    public void ARowsDigits_WithAnotherUnitOfItsFamily_AreContradicted(string text, string number, string? unit)
    {
        foreach (var (_, verdict, note) in Judged(text, number))
        {
            Assert.True(verdict == Verdict.Contradicted, $"{text}: {verdict} {note}");
            if (unit is not null)
            {
                Assert.Contains(unit, note, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("生均维修成本1500元/人，控制在目标以内。", "1500元/人")]
    [InlineData("生均维修成本为1500元。", "1500元")]
    [InlineData("健康讲座参与人次达到3300人。", "3300人")]
    [InlineData("学生近视新发率为55‰。", "55‰")]
    [InlineData("培训教师人数完成1080人。", "1080人")]
    [InlineData("安排经费：年度指标值25，实际完成值25。", "25")]
    [InlineData("覆盖乡镇数：年度指标值12，实际完成值12。", "12")]
    public void TheRowsUnit_OrItShortened_StaysVerified(string text, string number)
    {
        foreach (var (_, verdict, note) in Judged(text, number))
        {
            Assert.True(verdict == Verdict.Verified, $"{text}: {verdict} {note}");
        }
    }
}
