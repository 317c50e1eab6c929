using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Conversation;

/// <summary>What a staff member or reviewer asks for, as the offline assistant understands it.</summary>
public enum IntentKind
{
    /// <summary>Draft section 三 or one of its parts.</summary>
    Draft,

    /// <summary>Why an indicator fell short (or, without one named, every row that did).</summary>
    Explain,

    /// <summary>The score: 总分, grade, 执行率, how many rows fell short.</summary>
    Score,

    /// <summary>Similar past cases from the corpus.</summary>
    Similar,

    /// <summary>Check a pasted paragraph against the table.</summary>
    Verify,

    /// <summary>Not understood: say what the assistant can do.</summary>
    Help,
}

/// <summary>
/// A routed message: the intent, the section to draft (deviation | deviation-reasons |
/// improvement-measures), the indicators it names, the search query, the text to check.
/// </summary>
public sealed record Intent(IntentKind Kind, string? Section, IReadOnlyList<int> Indicators, string? Query, string? Text);

/// <summary>
/// Routes a chat message to one of the assistant's tools without a model: keyword rules in Chinese
/// (and a few English words), indicator names matched tolerantly (abbreviations, 第3项).
/// </summary>
public static partial class IntentRouter
{
    public static Intent Route(string message, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(evaluation);
        string m = TextNormalizer.Normalize(message);
        string lower = m.ToLowerInvariant();
        IReadOnlyList<int> named = Named(m, evaluation);

        // A paragraph to check: a check verb plus a text after a colon, in quotes, or on the next lines.
        if (VerifyVerb().IsMatch(lower) && Payload(m, message) is { } payload)
        {
            return new Intent(IntentKind.Verify, null, named, null, payload);
        }

        if (DraftVerb().IsMatch(lower))
        {
            bool reasons = m.Contains("原因", StringComparison.Ordinal);
            bool measures = m.Contains("措施", StringComparison.Ordinal) || m.Contains("改进", StringComparison.Ordinal);
            string section = reasons == measures ? "deviation" : reasons ? "deviation-reasons" : "improvement-measures";
            return new Intent(IntentKind.Draft, section, named, null, null);
        }

        if (SimilarWord().IsMatch(lower))
        {
            string query = named.Count > 0 ? $"{evaluation.Indicators[named[0]].Name.Trim()}未完成的原因" : StripAsk(m);
            return new Intent(IntentKind.Similar, null, named, query, null);
        }

        if (WhyWord().IsMatch(lower) || (named.Count > 0 && ShortWord().IsMatch(lower)))
        {
            return new Intent(IntentKind.Explain, null, named, null, null);
        }

        if (ScoreWord().IsMatch(lower))
        {
            return new Intent(IntentKind.Score, null, named, null, null);
        }

        if (named.Count > 0)
        {
            return new Intent(IntentKind.Explain, null, named, null, null);
        }

        return new Intent(IntentKind.Help, null, [], null, null);
    }

    /// <summary>The indicators a message names: 第N项 / 第N个指标, or by (abbreviated) name.</summary>
    public static IReadOnlyList<int> Named(string message, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        Match ordinal = OrdinalRow().Match(message ?? string.Empty);
        if (ordinal.Success && int.TryParse(ordinal.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && n <= evaluation.Indicators.Count)
        {
            return [n - 1];
        }

        if (string.IsNullOrWhiteSpace(message) || evaluation.Indicators.Count == 0)
        {
            return [];
        }

        // The question words around a name must not count towards it.
        string core = QuestionWords().Replace(message, " ");
        return new IndicatorNames(evaluation.Indicators.Select(i => i.Name).ToList()).Named(core);
    }

    /// <summary>The text to check: after the first colon, inside quotes, or after the first line.</summary>
    /// <remarks>Positions are found in the normalised text <paramref name="m"/> (same length) and cut from the original.</remarks>
    private static string? Payload(string m, string original)
    {
        Match quoted = Quoted().Match(m);
        if (quoted.Success && quoted.Groups[1].Value.Trim().Length >= 4)
        {
            return original.Substring(quoted.Groups[1].Index, quoted.Groups[1].Length).Trim();
        }

        int colon = m.IndexOfAny(['：', ':']);
        if (colon >= 0 && m.Length - colon > 5)
        {
            return original[(colon + 1)..].Trim();
        }

        int newline = m.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 && m.Length - newline > 5 ? original[(newline + 1)..].Trim() : null;
    }

    private static string StripAsk(string m)
    {
        string s = AskWords().Replace(m, " ").Trim();
        return s.Length >= 2 ? s : m;
    }

    [GeneratedRegex("核对|核实|检查|校验|审核|查一下|看看这段|verify|check")]
    private static partial Regex VerifyVerb();

    [GeneratedRegex("起草|草拟|撰写|拟写|写一?[段份下个]|帮我写|生成|draft|write")]
    private static partial Regex DraftVerb();

    [GeneratedRegex("相似|类似|参考|案例|先例|往年|其他地区|别的地方|别人|similar|precedent")]
    private static partial Regex SimilarWord();

    [GeneratedRegex("为什么|为何|什么原因|原因是|怎么回事|怎么没|why|fell short|explain|解释")]
    private static partial Regex WhyWord();

    [GeneratedRegex("没有完成|未完成|没完成|未达到|没达到|没有达到|偏低|扣分|不足|短缺|超额")]
    private static partial Regex ShortWord();

    [GeneratedRegex("得分|总分|分数|评分|多少分|等级|执行率|score|grade")]
    private static partial Regex ScoreWord();

    [GeneratedRegex(@"第\s*(\d{1,3})\s*(?:项|个指标|条指标|行)")]
    private static partial Regex OrdinalRow();

    [GeneratedRegex("为什么|为何|什么原因|怎么回事|没有完成|未完成|没完成|未达到|没有达到|没达到|指标|请问|帮我|一下|相似|类似|案例|参考|往年|[？?，,。！!]")]
    private static partial Regex QuestionWords();

    [GeneratedRegex("请|帮我|找一下|找找|查找|搜索|看看|有没有|相似的?|类似的?|案例|先例|参考|往年的?|[？?，,。！!]")]
    private static partial Regex AskWords();

    [GeneratedRegex("[“\"「『]([^”\"」』]+)[”\"」』]")]
    private static partial Regex Quoted();
}
