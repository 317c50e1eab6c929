using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A figure quoted as what the table prints (<c>“职业技能培训补贴支出”得分打印为5.45</c>, <c>总分打印为95.88</c>,
/// <c>年度资金总额执行率打印为86.40%</c>) — as the product's own annex note and score findings word it — is checked
/// against the printed cell it quotes, not against the computed facts: the quote is true when the table prints that
/// figure. A quote of a figure the table does not print is left as the other checks judged it.
/// </summary>
public sealed partial class Verifier
{
    /// <summary>The words that say "the table prints": 打印为, 打印的是, 表中打印.</summary>
    private static readonly string[] PrintedWords = ["打印为", "打印的是", "打印成", "表中打印", "打印"];

    internal static List<CheckedMention> PrintedQuotes(List<CheckedMention> mentions, string normalized, FactSheet sheet)
    {
        for (int k = 0; k < mentions.Count; k++)
        {
            CheckedMention m = mentions[k];
            if (m.Verdict is not (Verdict.Unverified or Verdict.OutOfScope or Verdict.Contradicted) || m.Mention.Number is not { } number
                || Quoted(normalized, m.Mention.Start) is not { } before)
            {
                continue;
            }

            if (PrintedCell(sheet.Evaluation, before, m.Mention.Kind == MentionKind.Percent) is { } printed && printed.Value.Value == number.Value)
            {
                mentions[k] = m with { Verdict = Verdict.Verified, FactId = printed.Path, Note = $"与表中打印的{printed.What}一致（表中打印的数，不是按规则计算的数）" };
            }
            else if (AnnexQuote(mentions, k, normalized) is { } annex)
            {
                mentions[k] = annex;
            }
        }

        return mentions;
    }

    /// <summary>The clause before a mention, white space taken out, when it ends with words saying the table prints the figure; else null.</summary>
    private static string? Quoted(string normalized, int start)
    {
        int lo = Math.Max(0, start - 80);

        // The clause may run over a line break (a docx's wrapped note): take white space out, and stop at a real boundary only.
        int wide = start;
        while (wide > lo && normalized[wide - 1] is not ('；' or '。' or ';' or '：' or ':' or '，' or ','))
        {
            wide--;
        }

        // Compared from the end, skipping white space; the clause is copied only when it ends with a word (session 40).
        ReadOnlySpan<char> span = normalized.AsSpan(wide, start - wide);
        foreach (string word in PrintedWords)
        {
            if (EndsWithOutsideSpace(span, word))
            {
                return string.Concat(span.ToString().Where(c => !char.IsWhiteSpace(c)))[..^word.Length];
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> with its white space taken out ends with <paramref name="word"/> (no white space of its own).</summary>
    internal static bool EndsWithOutsideSpace(ReadOnlySpan<char> text, string word)
    {
        int i = text.Length - 1;
        for (int w = word.Length - 1; w >= 0; w--)
        {
            while (i >= 0 && char.IsWhiteSpace(text[i]))
            {
                i--;
            }

            if (i < 0 || text[i] != word[w])
            {
                return false;
            }

            i--;
        }

        return true;
    }

    /// <summary>The printed cell a clause quotes (总分, a named row's 得分, a fund line's 执行率 or 资金得分), with its path and what it is.</summary>
    private static (PrintedNumber Value, string Path, string What)? PrintedCell(Evaluation e, string clause, bool percent)
    {
        if (clause.EndsWith("总分", StringComparison.Ordinal) && !percent)
        {
            return e.PrintedTotal is { } total ? (total, "printedTotal", "总分") : null;
        }

        bool score = clause.EndsWith("得分", StringComparison.Ordinal) && !percent;
        bool rate = clause.EndsWith("执行率", StringComparison.Ordinal);
        if (!score && !rate)
        {
            return null;
        }

        // The row or line named last before the word (names compared without white space).
        int best = -1;
        (PrintedNumber Value, string Path, string What)? found = null;
        for (int i = 0; i < e.Indicators.Count && score; i++)
        {
            string name = Compact(e.Indicators[i].Name);
            int at = name.Length == 0 ? -1 : clause.LastIndexOf(name, StringComparison.Ordinal);
            if (at > best && e.Indicators[i].PrintedScore is { } ps)
            {
                (best, found) = (at, (ps, $"indicators[{i}].printedScore", $"“{e.Indicators[i].Name.Trim()}”得分"));
            }
        }

        for (int i = 0; i < e.Funds.Lines.Count; i++)
        {
            FundLine line = e.Funds.Lines[i];
            string name = Compact(line.Name);
            int at = name.Length == 0 ? -1 : clause.LastIndexOf(name, StringComparison.Ordinal);
            PrintedNumber? value = rate ? line.PrintedRate : line.PrintedScore;
            if (at > best && value is { } v)
            {
                (best, found) = (at, (v, $"funds.lines[{i}].{(rate ? "printedRate" : "printedScore")}", $"{line.Name.Trim()}{(rate ? "执行率" : "资金得分")}"));
            }
        }

        return found;
    }

    private static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
