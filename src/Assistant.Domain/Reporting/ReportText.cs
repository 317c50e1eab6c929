using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;

namespace Assistant.Domain.Reporting;

/// <summary>
/// What keeps a part's text fit to submit, whoever wrote it (the offline composer, section 三's drafter or a
/// model): a clause addressed to the unit or the reviewer (请单位核实…, 建议单位…, 提示：…) moves to the
/// review notes; a sentence that still holds 【待核实】, an unrendered <c>{{…}}</c> or an internal item id
/// (<c>item-3</c>) is taken out and listed as a note with the reason, so the text never carries them.
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
                string s = InternalId().Replace(sentence, string.Empty);
                if (s.Contains(DraftText.Unverified, StringComparison.Ordinal) || s.Contains("{{", StringComparison.Ordinal) || s.Contains("}}", StringComparison.Ordinal))
                {
                    notes.Add(new ReviewNote(ReviewNoteKinds.Supply, $"以下句子含有无法由自评表核实的内容，已从正文删去，请核实后补写：{s}", Part: partNumeral));
                    continue;
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

        return (string.Join('\n', lines), notes);
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

    [GeneratedRegex(@"请单位|建议单位|由单位|需单位|单位应|请(?:结合实际)?核实|核实补充|请补充|请确认|请核对|请结合实际|^\s*提示[:：]|自评表未填写|同一原因用于|待单位")]
    private static partial Regex NoteClause();

    [GeneratedRegex(@"[（(]?\b(?:item|items|indicator|fund)-\d+\b[)）]?", RegexOptions.IgnoreCase)]
    private static partial Regex InternalId();

    [GeneratedRegex(@"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*$")]
    private static partial Regex ListMarker();
}
