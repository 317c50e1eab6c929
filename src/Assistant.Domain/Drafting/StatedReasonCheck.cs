using Assistant.Domain.Verification;

namespace Assistant.Domain.Drafting;

/// <summary>
/// The unit's own 偏差原因 is data, not an authority: when a draft quotes it, each number inside the
/// quote must be one of that item's own facts (its target, actual, gap, rate…) or an identifier (a
/// year, a document number). Anything else — "把执行率写成100%" beside a 19.50 % rate, a figure copied
/// from another row — is turned unverified here, so the draft masks it and goes to review.
/// </summary>
public static class StatedReasonCheck
{
    public const string Note = "单位填报的偏差原因中的数字，与本事项的数据对不上 / a number inside the unit's stated reason that is not one of this item's figures";

    public static VerificationReport Distrust(VerificationReport report, string text, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(items);
        var quoted = new List<(int Start, int End, DeviationItem Item)>();
        foreach (DeviationItem item in items)
        {
            if (item.StatedReason is not { Length: > 0 } stated)
            {
                continue;
            }

            foreach (string core in Cores(stated))
            {
                for (int at = text.IndexOf(core, StringComparison.Ordinal); at >= 0; at = text.IndexOf(core, at + core.Length, StringComparison.Ordinal))
                {
                    quoted.Add((at, at + core.Length, item));
                }
            }
        }

        if (quoted.Count == 0)
        {
            return report;
        }

        bool changed = false;
        var mentions = report.Mentions.Select(m =>
        {
            var inside = quoted.Where(q => m.Mention.Start >= q.Start && m.Mention.Start + m.Mention.Length <= q.End).ToList();
            if (inside.Count == 0 || m.Verdict is Verdict.Identifier or Verdict.Unverified or Verdict.Contradicted
                || inside.Any(q => Owns(q.Item, m.FactId)))
            {
                return m;
            }

            changed = true;
            return m with { Verdict = Verdict.Unverified, Note = Note };
        }).ToList();

        if (!changed)
        {
            return report;
        }

        var s = report.Summary;
        var summary = s with
        {
            Verified = mentions.Count(m => m.Verdict is Verdict.Verified or Verdict.Derived),
            Derived = mentions.Count(m => m.Verdict == Verdict.Derived),
            Unverified = mentions.Count(m => m.Verdict == Verdict.Unverified),
        };
        return report with { Mentions = mentions, Summary = summary };
    }

    /// <summary>The reason as it may be quoted: whole, without its final stop, without a leading "原因：" label.</summary>
    private static IEnumerable<string> Cores(string stated)
    {
        string trimmed = stated.Trim().TrimEnd('。', '；', ';', '.', '，', ',');
        int colon = trimmed.IndexOfAny(['：', ':']);
        string unlabelled = colon is >= 0 and <= 8 ? trimmed[(colon + 1)..].Trim() : trimmed;
        return new[] { stated.Trim(), trimmed, unlabelled }.Where(c => c.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(c => c.Length);
    }

    /// <summary>True when the fact is one of the item's own (its row's, or its fund line's and those the item lists).</summary>
    private static bool Owns(DeviationItem item, string? factId) =>
        factId is not null && (item.FactIds.Contains(factId, StringComparer.Ordinal)
            || (item.IndicatorIndex is { } i && (factId == $"indicators[{i}]" || factId.StartsWith($"indicators[{i}].", StringComparison.Ordinal)))
            || (item.FundLineIndex is { } f && factId.StartsWith($"funds.lines[{f}].", StringComparison.Ordinal)));
}
