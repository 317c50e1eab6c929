using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43 (K1): 中央资金和省级资金执行率均超过90%, 省级和县级配套资金执行率均低于50%, 三项资金执行率都在九成以上 — a threshold
/// said of several fund lines at once holds only when it holds for every line listed (each line's 执行率 as printed, to two decimals).
/// Before, the first line's rate verified the number and the others were never read.
/// </summary>
public sealed partial class Verifier
{
    private static CheckedMention? SeveralLines(FactSheet sheet, CheckedMention c, PrintedNumber number, string before, string after)
    {
        Mention m = c.Mention;
        // The words must hold 执行率 for the pattern to match: checked first, on every rate of the text.
        if (m.Unit.Base != "%" || sheet.Evaluation.Funds.Lines.Count < 3 || !before.Contains("执行率", StringComparison.Ordinal))
        {
            return null;
        }

        Match said = AllLinesRate().Match(before);
        if (!said.Success)
        {
            return null;
        }

        // The comparison: the words before the number (均高于80%), else its qualifier (均超过90%, 都在九成以上), else 以上/以下 after it.
        string cmp = said.Groups["cmp"].Value;
        int side;
        bool strict;
        if (cmp.Length > 0)
        {
            side = cmp is "低于" or "不足" or "不到" or "未达到" or "未达" or "少于" or "不超过" or "未超过" or "不高于" ? -1 : 1;
            strict = cmp is "超过" or "高于" or "大于" or "低于" or "不足" or "不到" or "未达到" or "未达" or "少于";
        }
        else if (BoundSide(m, out strict) is { } s and not 0)
        {
            side = s;
        }
        else if (after.TrimStart().StartsWith("以上", StringComparison.Ordinal) || after.TrimStart().StartsWith("以下", StringComparison.Ordinal))
        {
            side = after.TrimStart().StartsWith("以上", StringComparison.Ordinal) ? 1 : -1;
            strict = false;
        }
        else
        {
            return null;
        }

        if (LinesListed(sheet, said.Groups["subject"].Value) is not { Count: >= 2 } lines)
        {
            return null;
        }

        var rates = new List<(int Line, Fact Rate, decimal Printed)>();
        foreach (int line in lines)
        {
            if (sheet.Find($"funds.lines[{line}].rate") is not { } rate)
            {
                return null;
            }

            rates.Add((line, rate, PrintedNumber.RoundHalfUp(rate.Value, rate.Decimals)));
        }

        decimal n = number.Value;
        string claim = $"{said.Groups["all"].Value}{cmp}{m.Text.Trim()}";
        string each = string.Join("，", rates.Select(r => $"{sheet.Evaluation.Funds.Lines[r.Line].Name}{r.Rate.Text}"));
        foreach (var r in rates)
        {
            bool holds = side > 0 ? (strict ? r.Printed > n : r.Printed >= n) : (strict ? r.Printed < n : r.Printed <= n);
            if (!holds)
            {
                return new CheckedMention(m, Verdict.Contradicted, r.Rate.Id,
                    $"所列资金的执行率为：{each}；{sheet.Evaluation.Funds.Lines[r.Line].Name}执行率{r.Rate.Text}，不符合“{claim}”");
            }
        }

        return new CheckedMention(m, Verdict.Verified, rates[0].Rate.Id, $"所列资金的执行率为：{each}，均符合“{claim}”");
    }

    /// <summary>
    /// The fund lines a list names (中央资金和省级资金, 中央和省级资金, 省级和县级配套资金, 三项资金, 各级资金), each item one line below the
    /// total; null when an item names no line or several.
    /// </summary>
    internal static List<int>? LinesListed(FactSheet sheet, string subject)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        var parts = Enumerable.Range(0, lines.Count).Where(i => lines[i].Parent is not null).ToList();
        if (parts.Count == 0)
        {
            parts = [.. Enumerable.Range(1, lines.Count - 1)];
        }

        string s = subject.Trim();
        if (AllLines().IsMatch(s))
        {
            return parts;
        }

        var found = new List<int>();
        foreach (string item in ListSeparators().Split(s))
        {
            string core = LineCore(item);
            if (core.Length == 0)
            {
                return null;
            }

            var hits = parts.Where(i => lines[i].Name.Contains(core, StringComparison.Ordinal) || (LineCore(lines[i].Name) is { Length: >= 2 } own && core.Contains(own, StringComparison.Ordinal))).ToList();
            if (hits.Count != 1 || found.Contains(hits[0]))
            {
                return null;
            }

            found.Add(hits[0]);
        }

        return found;
    }

    private static string LineCore(string item) => LineSuffix().Replace(LineLead().Replace(item.Trim(), string.Empty), string.Empty);

    // Before the number: [subject]执行率均/都[在][comparison]. The subject is the list of lines (no clause break inside).
    [GeneratedRegex(@"(?<subject>[^，,。；;：:]{2,40}?)(?:的)?(?:预算)?执行率\s*(?<all>均|都|全部|全都|皆|均已|都已)\s*(?:在|为)?\s*(?<cmp>超过|高于|大于|达到|达|不低于|不少于|低于|不足|不到|未达到|未达|少于|不超过|未超过|不高于)?\s*$")]
    private static partial Regex AllLinesRate();

    [GeneratedRegex(@"^(?:各级|各项|所有|全部|各类|各|[两三四五六七八九]项|[两三四五六七八九]级|[两三四五六七八九]类)(?:财政)?(?:资金|补助资金)$")]
    private static partial Regex AllLines();

    [GeneratedRegex(@"以及|、|和|与|及")]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"^(?:其中|同时|此外|而|但|另外)")]
    private static partial Regex LineLead();

    [GeneratedRegex(@"(?:财政)?(?:补助资金|配套资金|专项资金|资金|预算内投资|投资|补助)$")]
    private static partial Regex LineSuffix();
}
