using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>
/// What an answer says twice (session 40: 执行率多少，要不要写原因 quoted the total's reason once in each part): a sentence said again
/// word for word, or a quoted passage (the unit's reason, “部分项目因汛期推迟开工…”) quoted again inside another sentence. Short
/// sentences (a list's refrain, under twelve characters) and short quotes (a row's name, a cell, under twelve) are not counted.
/// The chat eval counts these over every case (<c>chat.*.unexpectedRepeats</c>).
/// </summary>
public static partial class AnswerRepeats
{
    /// <summary>Each sentence or quoted passage that appears more than once in <paramref name="answer"/>, once each, in order.</summary>
    public static IReadOnlyList<string> Find(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return [];
        }

        string text = answer;
        var repeats = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string sentence in SentenceEnd().Split(text).Select(s => Space().Replace(s, string.Empty).Trim('，', ',', '：', ':', '、')))
        {
            if (sentence.Length >= MinSentence && !seen.Add(sentence) && !repeats.Contains(sentence, StringComparer.Ordinal))
            {
                repeats.Add(sentence);
            }
        }

        var quoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match q in Quote().Matches(text))
        {
            string inner = Space().Replace(q.Groups[1].Value, string.Empty).TrimEnd('。');
            if (inner.Length >= MinQuote && !quoted.Add(inner) && !repeats.Any(r => r.Contains(inner, StringComparison.Ordinal)))
            {
                repeats.Add("“" + inner + "”");
            }
        }

        return repeats;
    }

    /// <summary>
    /// What a later part of a compound answer says again of an earlier part (a sentence, or a reason quoted), each once: the
    /// defect of 执行率多少，要不要写原因 (the total's reason quoted by both parts). A refrain within one part (a list's 计分 line per
    /// row) is not counted here.
    /// </summary>
    /// <param name="parts">The parts' texts, in order.</param>
    /// <param name="names">Names that recur by design (the table's rows and fund lines): quoting one again is no repeat.</param>
    public static IReadOnlyList<string> Across(IReadOnlyList<string> parts, IEnumerable<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var ignored = (names ?? []).Select(n => "“" + Space().Replace(n, string.Empty) + "”").ToHashSet(StringComparer.Ordinal);
        var repeats = new List<string>();
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            var own = Pieces(part ?? string.Empty).Where(p => !ignored.Contains(p)).ToHashSet(StringComparer.Ordinal);
            repeats.AddRange(own.Where(said.Contains).Where(p => !repeats.Contains(p, StringComparer.Ordinal)));
            said.UnionWith(own);
        }

        return repeats;
    }

    /// <summary>The sentences and the quoted passages of a text that are long enough to count.</summary>
    private static IEnumerable<string> Pieces(string text) =>
        SentenceEnd().Split(text).Select(s => Space().Replace(s, string.Empty).Trim('，', ',', '：', ':', '、')).Where(s => s.Length >= MinSentence)
            .Concat(Quote().Matches(text).Select(q => Space().Replace(q.Groups[1].Value, string.Empty).TrimEnd('。')).Where(q => q.Length >= MinQuote).Select(q => "“" + q + "”"));

    /// <summary>Shorter sentences (表中没有填写偏差原因, said once per row of a list) are a list's refrain, not a repeat.</summary>
    private const int MinSentence = 12;

    /// <summary>Shorter quotes are cells and names (“2024年12月底前” as target and result); a reason quoted is longer.</summary>
    private const int MinQuote = 12;

    [GeneratedRegex(@"[。！？!?；;\n]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("“([^“”]{1,400})”")]
    private static partial Regex Quote();
}
