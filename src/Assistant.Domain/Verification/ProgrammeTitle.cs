using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// The programme's own title in a sentence (session 37, probe 37 #1a): a title that holds a fund-source word
/// (2024年中央财政就业补助资金, 省级财政衔接推进乡村振兴补助资金) names the programme, the subject of the sentence, never its
/// 中央财政资金 or 省级资金 part line. Before a sentence is searched for the fund lines it names, the title is blanked out
/// (with the year and the source words written before it: 中央财政 + 就业补助资金 where the table's title is 就业补助资金),
/// keeping every other character where it was.
/// </summary>
public static partial class ProgrammeTitle
{
    private const char Blank = '\u3000';

    /// <summary>The title's name without its year (2024年中央财政就业补助资金 → 中央财政就业补助资金), or null when too short to tell.</summary>
    public static string? Name(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        string name = LeadingYear().Replace(title.Trim(), string.Empty).Trim();
        return name.Length >= 4 ? name : null;
    }

    /// <summary>
    /// The text with each occurrence of the programme's name (and the year and fund-source words right before it) blanked
    /// out; the text itself when the name is absent. <paramref name="lineNames"/>: a name that is itself a fund line's is kept.
    /// </summary>
    public static string Without(string text, string? name, IReadOnlyList<string> lineNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lineNames);
        if (name is null || text.Length < name.Length || lineNames.Any(l => l.Trim() == name))
        {
            return text;
        }

        int at = text.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        while (at >= 0)
        {
            int start = at;
            // 2024年中央财政 + 就业补助资金: the source words and the year written before the table's title are the title's.
            if (SourceBefore().Match(text[..at]) is { Success: true } source)
            {
                start = source.Index;
            }

            // Only a title holding a source word is blanked: another title (全市就业补助资金) stays the sentence's own subject.
            if (!SourceWord().IsMatch(text.AsSpan(start, at + name.Length - start)))
            {
                at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal);
                continue;
            }

            for (int k = start; k < at + name.Length; k++)
            {
                chars[k] = Blank;
            }

            at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal);
        }

        return new string(chars);
    }

    [GeneratedRegex(@"中央|省级|省财政|自治区|市级|州级|县级|区级|财政")]
    private static partial Regex SourceWord();

    [GeneratedRegex(@"^\s*(?:\d{4}|[二〇零一二三四五六七八九]{4})\s*年度?")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"(?:\d{4}年度?)?(?:中央|省级|省|自治区|市级|州级|州市级|县级|县|市县级|区级)(?:财政)?(?:专项)?$")]
    private static partial Regex SourceBefore();
}
