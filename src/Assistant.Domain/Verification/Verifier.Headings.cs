using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>Programme headings: a row named again under another programme's heading.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// A report on a fund made of several programmes lists each programme's indicators under its own
    /// heading (### …补助资金); an indicator whose name recurs under another programme's heading with other
    /// figures, while the table's figures are confirmed under the first, is that programme's row, which the
    /// table does not hold: out of scope, not contradicted. The headings are read only when a contradicted number asks (session 40).
    /// </summary>
    private static List<CheckedMention> SameNameElsewhere(List<CheckedMention> checkedMentions, string normalized)
    {
        List<(int Index, string)>? headings = null;
        string? HeadingAt(int index) => (headings ??= ProgrammeHeading().Matches(normalized).Select(h => (h.Index, h.Value.Trim())).ToList()).LastOrDefault(h => h.Index < index).Item2;
        for (int i = 0; i < checkedMentions.Count; i++)
        {
            CheckedMention c = checkedMentions[i];
            if (c.Verdict != Verdict.Contradicted || c.FactId is null || HeadingAt(c.Mention.Start) is not { } heading)
            {
                continue;
            }

            if (ConfirmedElsewhere(checkedMentions, c.FactId, heading, HeadingAt))
            {
                checkedMentions[i] = c with { Verdict = Verdict.OutOfScope, Note = $"同名指标在另一标题下已与表中数字一致；此处“{heading.TrimStart('#', ' ')}”下的同名指标表中没有" };
            }
        }

        return checkedMentions;
    }

    // Apart from SameNameElsewhere, so its closure is made only for a contradicted number under a heading, not for every number.
    private static bool ConfirmedElsewhere(List<CheckedMention> checkedMentions, string factId, string heading, Func<int, string?> headingAt)
    {
        string row = factId[..(factId.IndexOf(']', StringComparison.Ordinal) + 1)];
        return row.StartsWith("indicators[", StringComparison.Ordinal) && checkedMentions.Any(o => o.Verdict == Verdict.Verified
            && o.FactId is { } id && id.StartsWith(row + ".", StringComparison.Ordinal) && headingAt(o.Mention.Start) is { } h && h != heading);
    }
}
