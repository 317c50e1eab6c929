using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 35: a ratio of two facts printed in different magnitudes (亿元 ÷ 万元, 万元 ÷ 元, 万元 ÷ 千元) is checked against
/// the interval its printed inputs allow in base units. Before, that interval was scaled by the units' multipliers a
/// second time, so a ratio that matched only through the inputs' rounding was left unverified, and a number near the
/// ratio ÷ 10⁴ was taken as derived. Facts of one magnitude (万元 ÷ 万元, ‰ ÷ ‰) are unchanged. Every case runs on the
/// verifier and on the reference restatement alike.
/// </summary>
public class VerifierMixedUnitRatioTests
{
    private const string Json = """
        {
          "kind": "project", "title": "乡村产业发展与就业帮扶补助资金", "year": 2024, "region": "某县",
          "department": "某县农业农村局", "implementer": "某县农业农村局",
          "funds": { "unit": "万元", "weight": "10", "lines": [
            { "name": "年度资金总额", "initialBudget": "500", "budget": "500", "executed": "450", "printedRate": "90.00%", "printedScore": "9" } ] },
          "levelWeights": { "产出指标": "50", "效益指标": "30", "满意度指标": "10" },
          "indicators": [
            { "level1": "效益指标", "level2": "经济效益指标", "name": "带动社会资本投入", "unit": "万元", "target": "≤8000万元", "actual": "1.2亿元", "weight": "10", "printedScore": "10" },
            { "level1": "产出指标", "level2": "成本指标", "name": "单个站点建设成本", "unit": "元", "target": "≤50000元", "actual": "4.8万元", "weight": "10", "printedScore": "10" },
            { "level1": "产出指标", "level2": "成本指标", "name": "设备采购总额", "unit": "千元", "target": "≤2000千元", "actual": "185万元", "weight": "10", "printedScore": "10" },
            { "level1": "产出指标", "level2": "成本指标", "name": "人均培训成本", "unit": "元", "target": "≤5万元", "actual": "48000元", "weight": "10", "printedScore": "10" },
            { "level1": "产出指标", "level2": "成本指标", "name": "会议培训费", "unit": "千元", "target": "≤300万元", "actual": "2850千元", "weight": "10", "printedScore": "10" },
            { "level1": "产出指标", "level2": "成本指标", "name": "宣传印刷费", "unit": "万元", "target": "≤20万元", "actual": "16.4万元", "weight": "10", "printedScore": "10" },
            { "level1": "效益指标", "level2": "社会效益指标", "name": "帮扶对象返贫率", "unit": "‰", "target": "≤2.5‰", "actual": "1.9‰", "weight": "20", "printedScore": "20" },
            { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "帮扶对象满意度", "unit": "%", "target": "≥90%", "actual": "95%", "weight": "10", "printedScore": "10" }
          ]
        }
        """;

    private static readonly FactSheet Sheet = FactSheet.Build(EvaluationJson.Parse(Json));

    private static List<Verdict> Verdicts(string text, string span)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        var verdicts = new List<Verdict>();
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheet, text), ReferenceVerifier.Verifier.Verify(Sheet, text) })
        {
            List<Verdict> found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).Select(m => m.Verdict).ToList();
            Assert.True(found.Count == 1, $"{text} [{span}]: {found.Count} mentions");
            verdicts.Add(found[0]);
        }

        Assert.Equal(verdicts[0], verdicts[1]);
        return verdicts;
    }

    private static bool Accepted(Verdict v) => v is Verdict.Verified or Verdict.Derived;

    /// <summary>Actual ÷ target across magnitudes, matching only through the actual's printed rounding: accepted (the row's 完成率 or the pair's ratio).</summary>
    [Theory]
    [InlineData("带动社会资本投入实际值为目标值的149.6%。", "149.6%")] // 1.2亿元 ∈ [1.195, 1.205) 亿 ÷ 8000万元 → [149.375 %, 150.625 %)
    [InlineData("带动社会资本投入实际值为目标值的150.5%。", "150.5%")]
    [InlineData("单个站点建设成本为标准的95.6%。", "95.6%")] // 4.8万元 ∈ [4.75, 4.85) 万 ÷ 50000元 → [95 %, 97 %)
    [InlineData("单个站点建设成本为标准的96.8%。", "96.8%")]
    [InlineData("设备采购总额为控制数的92.3%。", "92.3%")] // 185万元 ∈ [184.5, 185.5) 万 ÷ 2000千元 → [92.25 %, 92.75 %)
    [InlineData("设备采购总额为控制数的92.7%。", "92.7%")]
    public void ARatioAcrossMagnitudes_WithinThePrintedRounding_IsAccepted(string text, string span) =>
        Assert.All(Verdicts(text, span), v => Assert.True(Accepted(v), v.ToString()));

    /// <summary>The exact ratio across magnitudes is accepted as before.</summary>
    [Theory]
    [InlineData("带动社会资本投入实际值为目标值的150%。", "150%")]
    [InlineData("单个站点建设成本为标准的96%。", "96%")]
    [InlineData("设备采购总额为控制数的92.5%。", "92.5%")]
    [InlineData("人均培训成本为标准的96%。", "96%")]
    [InlineData("会议培训费为控制数的95%。", "95%")]
    public void TheExactRatioAcrossMagnitudes_IsAccepted(string text, string span) =>
        Assert.All(Verdicts(text, span), v => Assert.True(Accepted(v), v.ToString()));

    /// <summary>
    /// Outside what the inputs allow, no ratio derives the number: 93.1 % is no rounding of 4.8万元 ÷ 50000元, and 0.01 % (the
    /// ratio 96 % ÷ 10⁴, 48000元 ÷ 5万元 scaled twice) and the like (×10 for 万元 ÷ 千元, ÷10 for 千元 ÷ 万元) were taken as derived before.
    /// </summary>
    [Theory]
    [InlineData("单个站点建设成本为标准的93.1%。", "93.1%")]
    [InlineData("带动社会资本投入实际值为目标值的148.9%。", "148.9%")]
    [InlineData("设备采购总额为控制数的92.9%。", "92.9%")]
    [InlineData("人均培训成本为标准的0.01%。", "0.01%")]
    [InlineData("人均培训成本为标准的0.0096%。", "0.0096%")]
    [InlineData("设备采购总额为控制数的925%。", "925%")] // 185万元 ÷ 2000千元 scaled twice: ×10
    [InlineData("会议培训费为控制数的9.5%。", "9.5%")] // 2850千元 ÷ 300万元 scaled twice: ÷10
    [InlineData("带动社会资本投入实际值为目标值的0.015%。", "0.015%")]
    public void ANumberOutsideTheRatiosInterval_IsNotDerived(string text, string span) =>
        Assert.All(Verdicts(text, span), v => Assert.NotEqual(Verdict.Derived, v));

    /// <summary>Facts of one magnitude (万元 ÷ 万元, ‰ ÷ ‰) are accepted through the rounding as before.</summary>
    [Theory]
    [InlineData("宣传印刷费为控制数的82%。", "82%", true)] // 16.4万元 ÷ 20万元
    [InlineData("宣传印刷费为控制数的82.2%。", "82.2%", true)] // [16.35, 16.45) ÷ 20 → [81.75 %, 82.25 %)
    [InlineData("宣传印刷费为控制数的82.4%。", "82.4%", false)]
    [InlineData("帮扶对象返贫率为控制标准的76%。", "76%", true)] // 1.9‰ ÷ 2.5‰
    [InlineData("帮扶对象返贫率为控制标准的77.8%。", "77.8%", true)] // [1.85, 1.95) ÷ 2.5 → [74 %, 78 %)
    [InlineData("帮扶对象返贫率为控制标准的79.2%。", "79.2%", false)]
    public void ARatioInOneMagnitude_IsAsBefore(string text, string span, bool accepted) =>
        Assert.All(Verdicts(text, span), v => Assert.Equal(accepted, Accepted(v)));
}
