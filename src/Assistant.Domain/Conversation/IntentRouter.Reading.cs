using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>Helpers of <see cref="IntentRouter.Route(string, FactSheet)"/>: the pasted text, the words asked, the rows and lines written out.</summary>
public static partial class IntentRouter
{
    /// <summary>
    /// The qualitative rows a “is this score fair” question is about: named, or quoted by their target or result
    /// words (有所改善对明显改善给满分合理吗). Empty when the message does not ask about a qualitative row's score.
    /// </summary>
    private static List<int> QualitativeRowsAsked(string m, FactSheet sheet, IReadOnlyList<int> named)
    {
        if (!MarkWord().IsMatch(m) || !(Fair().IsMatch(m) || AssessWords().IsMatch(m)))
        {
            return [];
        }

        static string Words(string? cell) => Canonical(cell ?? string.Empty).Trim();
        bool Says(string? cell) => Words(cell) is { Length: >= 2 } w && m.Contains(w, StringComparison.Ordinal);
        var qualitative = sheet.Report.Indicators.Where(r => r.Rule == IndicatorRule.Qualitative).ToList();
        var rows = qualitative.Where(r => named.Contains(r.Index)).ToList();
        if (rows.Count == 0)
        {
            // 效果良好对效果显著: the rows whose target and result are both quoted, else those with either.
            rows = qualitative.Where(r => Says(r.Target.Text) && Says(r.Actual.Text)).ToList();
        }

        if (rows.Count == 0)
        {
            rows = qualitative.Where(r => Says(r.Target.Text) || Says(r.Actual.Text)).ToList();
        }

        return rows.Select(r => r.Index).ToList();
    }

    /// <summary>The text to check: inside quotes, after the first colon, or after the first line.</summary>
    /// <remarks>Positions are found in the normalised text <paramref name="m"/> (same length) and cut from the original.</remarks>
    private static string? Payload(string m, string original)
    {
        Match quoted = Quoted().Match(m);
        if (quoted.Success && quoted.Groups[1].Value.Trim().Length >= 8)
        {
            return original.Substring(quoted.Groups[1].Index, quoted.Groups[1].Length).Trim();
        }

        int colon = m.IndexOfAny(['：', ':']);
        if (colon >= 0 && m.Length - colon > 6)
        {
            return original[(colon + 1)..].Trim();
        }

        int newline = m.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 && m.Length - newline > 6 ? original[(newline + 1)..].Trim() : null;
    }

    private static string StripAsk(string m)
    {
        string s = AskWords().Replace(m, " ").Trim();
        return s.Length >= 2 ? s : m;
    }

    private static string StripAssess(string m) => AssessWords().Replace(m, " ").Replace("写的", " ", StringComparison.Ordinal).Replace("写得", " ", StringComparison.Ordinal);

    /// <summary>
    /// The fund lines whose whole name, at least four characters, the question writes out (the total too since session 40:
    /// 年度资金总额执行率为什么低 was read as the row 年度建设任务完成时限, which shares 年度).
    /// </summary>
    private static List<int> FundNamedInFull(string ask, FactSheet sheet)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        var found = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            string name = Canonical(lines[i].Name.Trim());
            if ((lines[i].Parent is not null ? name.Length >= 4 : name.Length >= 6) && ask.Contains(name, StringComparison.Ordinal))
            {
                found.Add(i);
            }
        }

        return found;
    }
}
