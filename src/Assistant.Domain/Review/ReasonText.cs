using System.Diagnostics.CodeAnalysis;

namespace Assistant.Domain.Review;

/// <summary>
/// Whether a 偏差原因 cell gives a reason: one rule for the calculator, the review queue, the reasons endpoint, the
/// drafter and chat. A cell holding only a placeholder — 无, 无。, /, ／, -, —, 暂无, 不适用, 无偏差, “见说明”, spaces — says
/// nothing about why a row deviates and counts as no reason.
/// </summary>
public static class ReasonText
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "无", "/", "／", "\\", "-", "－", "—", "——", "–", "―", "~", "～", "…", "……", "*",
        "暂无", "没有", "空", "空白", "不适用", "不涉及", "无偏差", "没有偏差", "无差异", "无偏离", "未偏离", "无原因", "无说明",
        "见说明", "详见说明", "见附件", "详见附件", "见报告", "详见报告", "见自评报告", "详见自评报告", "见备注", "详见备注",
        "n/a", "na", "none", "null", "nil",
    };

    private static readonly char[] Edges =
    [
        '。', '.', '．', '；', ';', '，', ',', '、', '！', '!', '：', ':', '“', '”', '"', '\'', '‘', '’', '「', '」', '（', '）', '(', ')', '【', '】',
    ];

    /// <summary>True when <paramref name="note"/> is empty, blank or only a placeholder.</summary>
    public static bool IsPlaceholder([NotNullWhen(false)] string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return true;
        }

        string t = string.Concat(note.Where(c => !char.IsWhiteSpace(c))).Trim(Edges);
        return t.Length == 0 || Placeholders.Contains(t);
    }

    /// <summary>True when <paramref name="note"/> gives a reason (not blank, not a placeholder).</summary>
    public static bool IsGiven([NotNullWhen(true)] string? note) => !IsPlaceholder(note);

    /// <summary>The note trimmed when it gives a reason; null when it is blank or a placeholder.</summary>
    public static string? Given(string? note) => IsPlaceholder(note) ? null : note.Trim();
}
