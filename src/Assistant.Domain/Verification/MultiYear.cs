using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 41 (probe 38 r3, probe 40 §3): a figure of several years — 2023—2025年累计建设任务6万亩, 截至2024年底累计完成4.71万亩,
/// 三年任务 — speaks of a span the annual table does not cover. A number no fact supports whose sentence before it names such a
/// span is out of scope, not unverified (a table that does print the multi-year figure verifies it before this is asked).
/// Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class MultiYear
{
    public static CheckedMention? Check(Mention m, string sentenceBefore)
    {
        if (m.Number is null || !sentenceBefore.Contains('年', StringComparison.Ordinal))
        {
            return null;
        }

        // The span named last before the number (截至2024年底累计完成… after 2023—2025年累计建设任务…).
        Match? last = null;
        for (Match span = Span().Match(sentenceBefore); span.Success; span = span.NextMatch())
        {
            last = span;
        }

        return last is null ? null : new CheckedMention(m, Verdict.OutOfScope, null, $"是{last.Value.Trim()}的多年数字，表中只有本年度的数字");
    }

    /// <summary>A span of years: 2023—2025年(累计/共/合计/任务), 截至2024年底累计, 三年(累计/任务/总).</summary>
    [GeneratedRegex(@"(?:20\d{2}\s*(?:—|–|－|-|~|～|至|到)\s*20\d{2}\s*年(?=[^，,；;。]{0,6}(?:累计|共|合计|总|任务|计划))|截至20\d{2}\s*年(?:底|末|\d{1,2}月底?)?(?=[^，,；;。]{0,4}累计)|(?:三|四|五|两|3|4|5)年(?:累计|共|合计|总|任务))")]
    private static partial Regex Span();
}
