using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;

namespace Assistant.Domain.Reporting;

/// <summary>
/// What keeps a part's text fit to submit, whoever wrote it (the offline composer, section 三's drafter or a
/// model): a clause addressed to the unit or the reviewer (请单位核实…, 建议单位…, 提示：…) moves to the
/// review notes; an internal item id (<c>item-3</c>) is taken out; a side clause holding 【待核实】 or an
/// unrendered <c>{{…}}</c> is taken out, and where the mark sits in the sentence's subject or a quote it
/// stays visible. No sentence is dropped whole, and list numbers stay consecutive.
/// </summary>
public static partial class ReportText
{
    /// <summary>The cleaned text and the notes taken out of it.</summary>
    public static (string Text, IReadOnlyList<ReviewNote> Notes) Clean(string text, string partNumeral)
    {
        ArgumentNullException.ThrowIfNull(text);
        var notes = new List<ReviewNote>();
        var lines = new List<string>();
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var kept = new StringBuilder();
            foreach (string sentence in Sentences(line))
            {
                string s = Unrendered().Replace(InternalId().Replace(sentence, string.Empty), DraftText.Unverified);
                if (s.Contains(DraftText.Unverified, StringComparison.Ordinal))
                {
                    // Never a whole sentence out: an item, its reason or its measure would vanish and the
                    // numbering break. A side clause that cannot be checked goes; otherwise the mark stays visible.
                    s = Unverifiable(s, partNumeral, notes);
                }

                var clauses = Clauses(s);
                var keep = new List<string>();
                foreach (string clause in clauses)
                {
                    if (NoteClause().IsMatch(clause))
                    {
                        notes.Add(new ReviewNote(Kind(clause), Trim(clause) + Context(s, clause), Part: partNumeral));
                    }
                    else
                    {
                        keep.Add(clause);
                    }
                }

                if (keep.Count == clauses.Count)
                {
                    kept.Append(s);
                }
                else if (keep.Count > 0 && !keep.All(k => ListMarker().IsMatch(k.Trim())))
                {
                    string joined = string.Concat(keep).TrimEnd('，', '、', '；', '：', ' ');
                    kept.Append(joined);
                    kept.Append(EndsSentence(joined) ? string.Empty : "。");
                }
            }

            string result = kept.ToString().Trim();
            if (result.Length > 0 && !ListMarker().IsMatch(result))
            {
                lines.Add(result);
            }
        }

        return (Renumber(string.Join('\n', lines)), notes);
    }

    /// <summary>
    /// A sentence holding 【待核实】: clauses after the first that hold the mark and quote nothing are taken
    /// out (与指标值相差【待核实】); a sentence whose subject or quote holds it keeps it, visibly, for review.
    /// </summary>
    private static string Unverifiable(string sentence, string partNumeral, List<ReviewNote> notes)
    {
        var clauses = Clauses(sentence);
        var drop = clauses.Select((c, i) => (c, i))
            .Where(x => x.i > 0 && x.c.Contains(DraftText.Unverified, StringComparison.Ordinal) && !x.c.Contains('“') && !x.c.Contains('”'))
            .Select(x => x.i).ToHashSet();
        var keep = clauses.Where((_, i) => !drop.Contains(i)).ToList();
        if (drop.Count == 0 || keep.Any(k => k.Contains(DraftText.Unverified, StringComparison.Ordinal)))
        {
            notes.Add(new ReviewNote(ReviewNoteKinds.Supply, $"以下句子含有无法由自评表核实的内容，已在正文中标为【待核实】，请核实后改正：{sentence}", Part: partNumeral));
            return sentence;
        }

        string joined = string.Concat(keep).TrimEnd('，', '、', '；', '：', '。', ' ');
        string end = EndsSentence(sentence) ? sentence[^1].ToString() : string.Empty;
        notes.Add(new ReviewNote(ReviewNoteKinds.Supply, $"以下句子中无法由自评表核实的分句已删去，请核实后补写：{sentence}", Part: partNumeral));
        return joined + end;
    }

    /// <summary>
    /// Numbers the list items (1. 2. …, 1、 2、 …) of each block consecutively; a block ends at a heading
    /// (一、 or （一）). A list that lost an item keeps no gap (1, 2, 3, 6 → 1, 2, 3, 4).
    /// </summary>
    public static string Renumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        int next = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (Heading().IsMatch(lines[i]))
            {
                next = 0;
                continue;
            }

            Match m = ListNumber().Match(lines[i]);
            if (!m.Success)
            {
                continue;
            }

            next++;
            string number = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (m.Groups[1].Value != number)
            {
                lines[i] = lines[i][..m.Groups[1].Index] + number + lines[i][(m.Groups[1].Index + m.Groups[1].Length)..];
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Sentences of a line, each with its closing mark (。！？；).</summary>
    public static IReadOnlyList<string> Sentences(string line)
    {
        var list = new List<string>();
        int start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] is '。' or '！' or '？' or '；')
            {
                list.Add(line[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < line.Length)
        {
            list.Add(line[start..]);
        }

        return list;
    }

    /// <summary>Whether a text is free of what must never be submitted (placeholders, 【待核实】, internal ids, notes to the unit).</summary>
    public static bool IsSubmittable(string text) =>
        !text.Contains(DraftText.Unverified, StringComparison.Ordinal)
        && !text.Contains("{{", StringComparison.Ordinal)
        && !InternalId().IsMatch(text)
        && !NoteClause().IsMatch(text);

    /// <summary>Clauses of a sentence split after ，; each keeps its mark.</summary>
    private static List<string> Clauses(string sentence)
    {
        var list = new List<string>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i < sentence.Length; i++)
        {
            char c = sentence[i];
            if (c is '“' or '（' or '《')
            {
                depth++;
            }
            else if (c is '”' or '）' or '》')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '，' && depth == 0)
            {
                list.Add(sentence[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < sentence.Length)
        {
            list.Add(sentence[start..]);
        }

        return list;
    }

    /// <summary>Where a note came from: the start of its sentence, so the unit knows which item it concerns.</summary>
    private static string Context(string sentence, string clause)
    {
        string rest = sentence.Replace(clause, string.Empty, StringComparison.Ordinal).Trim().TrimEnd('，', '。', '；');
        return rest.Length == 0 ? string.Empty : "（见：" + (rest.Length > 40 ? rest[..40] + "…" : rest) + "）";
    }

    private static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '。' or '！' or '？' or '；';

    private static string Trim(string clause) => clause.Trim().TrimEnd('，', '。', '；') + "。";

    private static string Kind(string clause) =>
        clause.Contains("同一原因", StringComparison.Ordinal) || clause.Contains("相同", StringComparison.Ordinal) ? ReviewNoteKinds.RepeatedReason
        : clause.Contains("未填写", StringComparison.Ordinal) ? ReviewNoteKinds.MissingReason
        : clause.Contains("参考", StringComparison.Ordinal) || clause.Contains("借鉴", StringComparison.Ordinal) ? ReviewNoteKinds.CheckPrecedent
        : ReviewNoteKinds.Supply;

    [GeneratedRegex(@"请单位|建议单位|由单位|需单位|单位应|请(?:结合实际)?核实|核实补充|请补充|请确认|请核对|请结合实际|^\s*提示[:：]|自评表未填写|同一原因用于|待单位|草稿(?:不|未)作推测|需一并补充|同样需补充")]
    private static partial Regex NoteClause();

    [GeneratedRegex(@"[（(]?\b(?:item|items|indicator|fund)-\d+\b[)）]?", RegexOptions.IgnoreCase)]
    private static partial Regex InternalId();

    [GeneratedRegex(@"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*$")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\{\{[^{}]*\}\}|\{\{|\}\}")]
    private static partial Regex Unrendered();

    [GeneratedRegex(@"^\s*(\d{1,2})(?:[.．](?!\d)|、)")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])")]
    private static partial Regex Heading();
}
