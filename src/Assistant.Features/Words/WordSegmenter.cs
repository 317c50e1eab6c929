using System.Reflection;
using System.Text.RegularExpressions;
using JiebaNet.Segmenter;

namespace Assistant.Features.Words;

/// <summary>
/// Chinese word segmentation (jieba.NET, its dictionary copied beside the assembly). The dictionary
/// takes seconds to load: it is loaded once, on first use or by <see cref="Warm"/> at start-up, and then
/// shared read-only; each thread cuts with its own segmenter, so callers may cut concurrently.
/// </summary>
public static class WordSegmenter
{
    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static JiebaSegmenter? segmenter;

    /// <summary>Loads the dictionary now (idempotent, thread-safe).</summary>
    public static void Warm() => _ = Loaded.Value;

    /// <summary>The words of <paramref name="text"/> in order (precise mode, unknown words by HMM); whitespace and punctuation included as jieba returns them.</summary>
    public static IReadOnlyList<string> Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : Segmenter().Cut(text).ToList();
    }

    /// <summary>
    /// The words of <paramref name="text"/> plus the dictionary words inside long ones (search mode:
    /// 城镇新增就业人数 → … 就业 人数 …), so a query matches a passage that words the same thing more finely.
    /// </summary>
    public static IReadOnlyList<string> CutForSearch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : Segmenter().CutForSearch(text).ToList();
    }

    /// <summary>
    /// The pieces jieba cuts independently (its own split: runs of CJK characters, ASCII letters,
    /// digits and <c>+#&amp;._%-</c>, and the text between them), in order; they concatenate to
    /// <paramref name="text"/>. <see cref="CutForSearch"/> of a text is the concatenation of
    /// <see cref="CutForSearch"/> of its pieces (jieba splits each piece the same way again and finds
    /// no further boundary), so a caller may cut, and remember, piece by piece.
    /// </summary>
    public static string[] Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : BlockPattern.Split(text);
    }

    /// <summary>
    /// jieba's own block pattern (<c>JiebaSegmenter.RegexChineseDefault</c>), read once so the split is exactly
    /// its split. Should a later package not have it, nothing is split (one block: the whole text, cut as before,
    /// only remembered less often), so the terms stay right.
    /// </summary>
    private static readonly Regex BlockPattern =
        typeof(JiebaSegmenter).GetField("RegexChineseDefault", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as Regex
            ?? new Regex("(?!)", RegexOptions.CultureInvariant);

    /// <summary>jieba's block pattern as this build reads it: <see cref="PieceEnd"/> is written for exactly this one.</summary>
    public const string BlockPatternText = @"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%·\-]+)";

    /// <summary>Whether <see cref="PieceEnd"/> may stand for <see cref="Pieces"/>: the package's pattern is the one it was written for.</summary>
    public static bool ScansLikeJieba { get; } = BlockPattern.ToString() == BlockPatternText && (BlockPattern.Options & ~(RegexOptions.Compiled | RegexOptions.CultureInvariant)) == RegexOptions.None;

    /// <summary>
    /// Where the piece starting at <paramref name="start"/> ends (exclusive): the pieces of <see cref="Pieces"/>, the
    /// empty ones left out, found by scanning instead of a regular expression's split (issue 21, session 39: a bulk load
    /// splits every passage, and the split's strings were thrown away once the memory had the piece). A piece is a run
    /// of characters in jieba's block class (CJK U+4E00–U+9FD5, ASCII letters and digits, <c>+#&amp;._%·-</c>) or a run of
    /// characters outside it. When the package's pattern is not the one this scanner follows
    /// (<see cref="ScansLikeJieba"/> false), the rest of the text is one piece (cut whole: the terms stay right).
    /// </summary>
    public static int PieceEnd(ReadOnlySpan<char> text, int start)
    {
        if (!ScansLikeJieba)
        {
            return text.Length;
        }

        bool inBlock = InBlock(text[start]);
        int end = start + 1;
        while (end < text.Length && InBlock(text[end]) == inBlock)
        {
            end++;
        }

        return end;
    }

    private static bool InBlock(char c) =>
        c is (>= '\u4E00' and <= '\u9FD5') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    private static JiebaSegmenter Segmenter()
    {
        Warm();
        return segmenter ??= new JiebaSegmenter();
    }

    private static bool Load()
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");

        // The first cut loads the shared dictionary and the HMM tables (static, read-only afterwards).
        _ = new JiebaSegmenter().Cut("绩效自评").ToList();
        return true;
    }
}
