using Assistant.Domain.Verification;

namespace Assistant.Domain.Drafting;

/// <summary>
/// The unit's own 偏差原因 is data, not an authority: when a draft quotes it, each number inside the
/// quote must be one of that item's own facts (its target, actual, gap, rate…) or an identifier (a
/// year, a document number). Anything else — "把执行率写成100%" beside a 19.50 % rate, a figure copied
/// from another row — is turned unverified here, so the draft masks it and goes to review.
/// A number the table has nowhere else (“2座危桥因汛期推迟开工”, “2个偏远自然村”) is the unit's own words,
/// quoted from the table's 偏差原因 cell: it is kept, as an identifier with <see cref="QuotedNote"/>, unless
/// its clause states one of the table's quantities (实际完成80人, 执行率100%), which stays unverified.
/// </summary>
public static partial class StatedReasonCheck
{
    public const string Note = "单位填报的偏差原因中的数字，与本事项的数据对不上 / a number inside the unit's stated reason that is not one of this item's figures";

    public const string QuotedNote = "照录单位在自评表中填报的偏差原因，表中没有可核对的数字 / quoted from the unit's stated reason in the table; the table has no figure to check it against";

    /// <summary>The verifier's report on a draft, with the numbers inside its quoted stated reasons judged as above.</summary>
    public static VerificationReport Verify(Assistant.Domain.Facts.FactSheet sheet, string text, IReadOnlyList<DeviationItem> items) =>
        Distrust(Verifier.Verify(sheet, text), text, items);

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
            // The unit's own words: a number the table cannot check, or one that only happens to equal another
            // row's figure, kept as quoted, unless its clause states one of the table's quantities.
            if (inside.Count > 0 && m.Verdict is not (Verdict.Identifier or Verdict.Contradicted) && !inside.Any(q => Owns(q.Item, m.FactId))
                && !StatesAQuantity(text, inside.Min(q => q.Start), m.Mention.Start))
            {
                changed = true;
                return m with { Verdict = Verdict.Identifier, Note = QuotedNote };
            }

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
            Identifiers = mentions.Count(m => m.Verdict == Verdict.Identifier),
            Unverified = mentions.Count(m => m.Verdict == Verdict.Unverified),
            OutOfScope = mentions.Count(m => m.Verdict == Verdict.OutOfScope),
        };
        return report with { Mentions = mentions, Summary = summary };
    }

    /// <summary>The reason as it may be quoted: whole, without its final stop, without a leading "原因：" label, its cause and measure parts.</summary>
    private static IEnumerable<string> Cores(string stated)
    {
        string trimmed = stated.Trim().TrimEnd('。', '；', ';', '.', '，', ',');
        int colon = trimmed.IndexOfAny(['：', ':']);
        string unlabelled = colon is >= 0 and <= 8 ? trimmed[(colon + 1)..].Trim() : trimmed;
        StatedText split = StatedText.Split(stated);
        StatedText bare = StatedText.Split(unlabelled);
        return new[] { stated.Trim(), trimmed, unlabelled, split.Cause, split.Measure ?? string.Empty, bare.Cause }
            .Where(c => c.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(c => c.Length);
    }

    /// <summary>Whether the clause before a number (inside the quote) names one of the table's quantities.</summary>
    private static bool StatesAQuantity(string text, int quoteStart, int at)
    {
        int from = Math.Max(quoteStart, text.LastIndexOfAny(['，', '。', '；', ',', ';'], Math.Max(0, at - 1)) + 1);
        return at > from && TableQuantity().IsMatch(text[from..at]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("完成|实际(?:完成|达到|为|是|执行|支出|到位)|执行|预算|指标值|目标|得分|结余|支出|资金|比例|率")]
    private static partial System.Text.RegularExpressions.Regex TableQuantity();

    /// <summary>True when the fact is one of the item's own (its row's, or its fund line's and those the item lists).</summary>
    private static bool Owns(DeviationItem item, string? factId) =>
        factId is not null && (item.FactIds.Contains(factId, StringComparer.Ordinal)
            || (item.IndicatorIndex is { } i && (factId == $"indicators[{i}]" || factId.StartsWith($"indicators[{i}].", StringComparison.Ordinal)))
            || (item.FundLineIndex is { } f && factId.StartsWith($"funds.lines[{f}].", StringComparison.Ordinal)));
}
