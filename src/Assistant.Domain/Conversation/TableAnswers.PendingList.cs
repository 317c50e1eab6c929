using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>The marker a draft puts where a number could not be verified.</summary>
    public const string PendingMarker = "【待核实】";

    /// <summary>
    /// 待核实的有哪些: every 【待核实】 in the latest texts written about the table (draft of part 三, report), where it is
    /// (which text, which paragraph) and the words just before it, so the staff member can find and fix it. The words
    /// quoted keep no figure (a figure beside the mark may be the very one that failed): digits are left out.
    /// </summary>
    public static OfflineAnswer PendingMarks(FactSheet sheet, IReadOnlyList<(string Where, int Version, string Text)> texts)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(texts);
        var w = new AnswerWriter(sheet);
        if (texts.Count == 0)
        {
            w.Line("这张表还没有保存的草稿或报告，所以没有【待核实】之处；起草后我会说明有几处【待核实】、在第几段。");
            return w.Done();
        }

        int total = 0;
        foreach (var (where, version, text) in texts)
        {
            var paragraphs = text.Split('\n').Where(p => p.Trim().Length > 0).ToList();
            var found = new List<string>();
            for (int p = 0; p < paragraphs.Count; p++)
            {
                string para = paragraphs[p];
                for (int at = para.IndexOf(PendingMarker, StringComparison.Ordinal); at >= 0; at = para.IndexOf(PendingMarker, at + PendingMarker.Length, StringComparison.Ordinal))
                {
                    int start = Math.Max(para.LastIndexOfAny(['。', '；', '！', '？', '\n'], Math.Max(at - 1, 0)) + 1, at - 30);
                    string before = Digits().Replace(para[start..at], "…").Trim();
                    found.Add($"第{w.Count(p + 1, "段", "段落序号")}：“{before}{PendingMarker}”");
                }
            }

            total += found.Count;
            if (found.Count == 0)
            {
                w.Line($"{where}（第{w.Count(version, "版", "版本")}）：没有【待核实】。");
                continue;
            }

            w.Line($"{where}（第{w.Count(version, "版", "版本")}）有{w.Count(found.Count, "处", "待核实之处")}【待核实】：");
            foreach (string f in found)
            {
                w.Line(f + "。");
            }
        }

        w.Line(total == 0
            ? "最新的草稿和报告中的数字都已与自评表核对一致。"
            : "【待核实】处原本的数字与自评表核对不上：请对照自评表改成表中的数字，或删去这句；若是自评表本身填错，先改表再重新起草。");
        return w.Done();
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Digits();
}
