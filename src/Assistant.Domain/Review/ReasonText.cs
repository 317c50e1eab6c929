using System.Diagnostics.CodeAnalysis;
using Assistant.Domain.Numbers;

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
    /// <remarks>
    /// The calculator asks this of every row's note on every call, so it reads the note where it is: the note without its white
    /// space goes into a buffer on the stack, is trimmed of <see cref="Edges"/> as a span and looked up as a span. What is
    /// left longer than the longest placeholder is a reason without a lookup. A note of more than <see cref="MaxOnStack"/>
    /// characters that are not white space is read as before (<see cref="IsPlaceholderAsBefore"/>; a test holds the two equal).
    /// </remarks>
    public static bool IsPlaceholder([NotNullWhen(false)] string? note)
    {
        if (note is null)
        {
            return true;
        }

        if (note.Length > MaxOnStack)
        {
            return IsPlaceholderAsBefore(note);
        }

        Span<char> kept = stackalloc char[MaxOnStack];
        int n = 0;
        foreach (char c in note)
        {
            if (!TextNormalizer.IsWhiteSpace(c))
            {
                kept[n++] = c;
            }
        }

        ReadOnlySpan<char> t = kept[..n].Trim(Edges);
        return t.Length == 0 || (t.Length <= LongestPlaceholder && PlaceholderSpans.Contains(t));
    }

    /// <summary>What <see cref="IsPlaceholder"/> did before session 36 (a string of the note without white space, then trimmed): a test holds the two equal.</summary>
    internal static bool IsPlaceholderAsBefore(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return true;
        }

        string t = string.Concat(note.Where(c => !char.IsWhiteSpace(c))).Trim(Edges);
        return t.Length == 0 || Placeholders.Contains(t);
    }

    /// <summary>Notes up to this length are read on the stack (a placeholder is a few characters; a reason is usually a sentence or two).</summary>
    internal const int MaxOnStack = 256;

    // OrdinalIgnoreCase compares lengths first, so a text longer than every placeholder is none of them.
    private static readonly int LongestPlaceholder = Placeholders.Max(p => p.Length);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceholderSpans = Placeholders.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="note"/> gives a reason (not blank, not a placeholder).</summary>
    public static bool IsGiven([NotNullWhen(true)] string? note) => !IsPlaceholder(note);

    /// <summary>The note trimmed when it gives a reason; null when it is blank or a placeholder.</summary>
    public static string? Given(string? note) => IsPlaceholder(note) ? null : note.Trim();
}
