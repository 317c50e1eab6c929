using System.Text.RegularExpressions;

namespace Assistant.Domain.Cells;

/// <summary>
/// Session 40: one ranking of the degree words a qualitative result is worded with (稳步提升, 有所改善, 基本建立), shared by the
/// calculator (a result weaker than its target, <see cref="Scoring.Calculator.IsWeaker"/>) and the verifier (a text claiming a
/// stronger degree than the table's result, <c>DegreeClaims</c>), so the two never disagree. Strongest first:
/// 显著/明显/大幅/全面/大大 (4), 稳步/持续/逐步/不断/进一步/逐年 (3), 有所/一定程度/初步/略有 (2), 基本 (1).
/// </summary>
public static partial class DegreeWords
{
    /// <summary>The rank of a degree word (4 strongest … 1 weakest); 1 for a word not listed.</summary>
    public static int Rank(string degree) => degree switch
    {
        "显著" or "明显" or "大幅" or "全面" or "大大" => 4,
        "稳步" or "持续" or "逐步" or "不断" or "进一步" or "逐年" => 3,
        "有所" or "一定程度" or "一定程度上" or "初步" or "略有" => 2,
        _ => 1,
    };

    /// <summary>
    /// A cell worded as a degree and a verb of two characters and nothing else (有所提升, 稳步提升, 基本建立): its degree's rank and
    /// the verb; null for any other wording. Only a short cell that opens with a degree word's first character is read further.
    /// </summary>
    public static (int Rank, string Verb)? Of(string text)
    {
        string t = (text ?? string.Empty).Trim();
        if (t.Length is < 4 or > 7 || !Openers.Contains(t[0]))
        {
            return null;
        }

        Match m = DegreeAndVerb().Match(t);
        return m.Success ? (Rank(m.Groups["degree"].Value), m.Groups["verb"].Value) : null;
    }

    /// <summary>
    /// Whether a target's degree is stronger than its result's, both worded as degree and verb (有所缩小 against 逐步缩小, 持续提升
    /// against 明显提升); null when either is worded otherwise (the grade levels then decide).
    /// </summary>
    public static bool? Weaker(string target, string actual) =>
        Of(target) is { } t && Of(actual) is { } a ? a.Rank < t.Rank : null;

    /// <summary>Whether a cell holds a degree word of rank 3 (稳步, 持续, 逐步, 不断, 进一步, 逐年): a steady progress, the middle grade's strength.</summary>
    public static bool HasSteady(string compact) => compact.AsSpan().ContainsAny(Steady);

    private const string Openers = "显明大全稳持逐不进有一初略基";

    private static readonly System.Buffers.SearchValues<string> Steady =
        System.Buffers.SearchValues.Create(["稳步", "持续", "逐步", "不断", "进一步", "逐年"], StringComparison.Ordinal);

    /// <summary>A result worded as a degree and a verb of two characters: 有所提升, 明显改善, 基本建立.</summary>
    [GeneratedRegex(@"^(?<degree>显著|明显|大幅|全面|大大|稳步|持续|逐步|不断|进一步|逐年|有所|一定程度上?|初步|略有|基本)(?<verb>[\u4e00-\u9fa5]{2})$")]
    internal static partial Regex DegreeAndVerb();
}
