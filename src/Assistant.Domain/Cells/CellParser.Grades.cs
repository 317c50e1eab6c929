using System.Buffers;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Cells;

/// <summary>Grade words (未达成 … 一般 … 良好 … 显著) and yes/no cells.</summary>
public static partial class CellParser
{
    /// <summary>
    /// The strength of a grade word: 0 未达成/较差/否/不及时/超出预算/不满意, 1 一般/基本/初步/部分达成,
    /// 2 良好/较好/较满意/有所提升 (and, with none of these words, 稳步/持续/逐步/不断/进一步), 3 显著/明显/大幅/好/满意/及时/是/达到; null for a description with no
    /// grade word (提高服务水平, 保持稳定). A grade word negated (未明显提升, 不及时, 未按期, 没有达到) is 0.
    /// </summary>
    public static int? GradeLevel(string text)
    {
        string t = Compact(TextNormalizer.Normalize(text));
        if (YesNoOf(t) is { } yes)
        {
            return yes ? 3 : 0;
        }

        // A grade letter alone (优/良/中/差, as an evaluation grades itself): 优 > 良 > 中 > 差.
        switch (t.TrimEnd('。', '.'))
        {
            case "优" or "优等":
                return 3;
            case "良" or "良等":
                return 2;
            case "中" or "中等":
                return 1;
            case "差" or "差等":
                return 0;
        }

        // A miss denied (未超出预算, 无逾期, 不超期) is the target met.
        if (NegatedOverrun().IsMatch(t) && !Negated().IsMatch(t))
        {
            return 3;
        }

        if (Matches(t, NotAchieved) || Negated().IsMatch(t) || Overrun().IsMatch(t))
        {
            return 0;
        }

        if (Matches(t, Fair))
        {
            return 1;
        }

        if (Matches(t, Good))
        {
            return 2;
        }

        if (Matches(t, Strong))
        {
            return 3;
        }

        // 稳步提升, 持续改善, 逐步完善 (session 40): a steady progress, no grade word of the lists above, is the middle grade's
        // strength; between two such degrees the finer ranking of DegreeWords decides (Calculator.IsWeaker).
        return DegreeWords.HasSteady(t) ? 2 : null;
    }

    /// <summary>A cell that is only a yes or a no (是/否, 有/无, 已/未): true, false; null otherwise.</summary>
    public static bool? YesNo(string text) => YesNoOf(Compact(TextNormalizer.Normalize(text)));

    private static bool? YesNoOf(string compact)
    {
        string t = compact.TrimEnd('。', '.', '！', '!');
        return t switch
        {
            "是" or "有" or "已" => true,
            "否" or "不是" or "没有" or "未" or "无" => false,
            _ => null,
        };
    }

    /// <summary>Whether the cell states the middle grade itself (部分达成, 部分完成…), which scores in its band whatever the target says.</summary>
    public static bool IsPartial(string text) => Partial().IsMatch(Compact(TextNormalizer.Normalize(text)));

    /// <summary>Whether a target is worded as something not happening (无安全事故, 未发生, 杜绝…), so that 否 agrees with it.</summary>
    public static bool IsNegativePhrase(string text) => NegativePhrase().IsMatch(Compact(TextNormalizer.Normalize(text)));

    [GeneratedRegex("^(?:无|未|不|没有?|零)|杜绝|防止|避免|禁止|严禁|未发生|不发生|无(?:重大|较大|一般)?(?:安全)?(?:事故|投诉|违规|违纪|问题)")]
    private static partial Regex NegativePhrase();

    private static readonly string[] NotAchievedWords = ["未达成", "未完成", "未达到", "未实现", "较差", "效果差", "不明显", "无效", "不达标", "没有达到", "不合格", "不满意", "不及时", "逾期", "延期", "滞后", "推迟", "超期", "延误", "失败", "不好", "不佳", "欠佳", "不太", "不够"];
    // 初步/初见/起步 (初步建立, 初见成效) are a first stage, as 基本 is (session 40: 初步建立 against 进一步完善 or 不断健全 is weaker);
    // 部分建立/部分建成 state the middle grade as 部分达成 does (session 40, outside tester: 部分建立 against 建立 scored full marks).
    private static readonly string[] FairWords = ["一般", "基本", "部分达成", "部分完成", "部分实现", "部分达到", "部分落实", "部分建立", "部分建成", "部分完善", "部分覆盖", "初步", "初见", "起步"];
    private static readonly string[] GoodWords = ["良好", "较好", "较为", "比较明显", "较明显", "较显著", "较满意", "比较满意", "有所", "较高"];
    private static readonly string[] StrongWords = ["显著", "明显", "大幅", "突出", "优秀", "达成", "完成", "达标", "实现", "达到", "满意", "及时", "按时", "按期", "准时", "合格", "有效", "好", "到位", "全面", "全部"];

    [GeneratedRegex("(?:未|不|没有?)(?:能|够|得到)?(?:明显|显著|有效|大幅|按时|按期|及时|达到|达成|实现|完成|达标|满意|合格|到位|落实|提升|提高|改善|增加|增长|覆盖|公示|发放|建立|控制)|无(?:明显|显著)(?:提升|提高|改善|变化|成效|效果|增长)")]
    private static partial Regex Negated();

    [GeneratedRegex("超出预算|超过预算|超预算|超支|超标")]
    private static partial Regex Overrun();

    [GeneratedRegex("(?:未|不|没有?)(?:超出|超过|超)(?:预算|标准)?|控制在(?:预算|标准)?(?:内|以内|范围内)|预算(?:范围)?(?:内|以内)|(?:未|不|无|没有?)(?:超期|逾期|延期|滞后|推迟|延误)")]
    private static partial Regex NegatedOverrun();

    [GeneratedRegex("^部分(?:达成|完成|实现|达到|落实|建立|建成|完善|覆盖)")]
    private static partial Regex Partial();

    // Each list searched for in one pass over the cell (not one search per word: 25 for the misses alone).
    private static readonly SearchValues<string> NotAchieved = SearchValues.Create(NotAchievedWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> Fair = SearchValues.Create(FairWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> Good = SearchValues.Create(GoodWords, StringComparison.Ordinal);
    private static readonly SearchValues<string> Strong = SearchValues.Create(StrongWords, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> contains one of the words (ordinally).</summary>
    private static bool Matches(string text, SearchValues<string> words) => text.AsSpan().ContainsAny(words);

    /// <summary>The same, one word at a time: what <see cref="GradeLevel"/> did before session 33 (a test holds the two equal).</summary>
    internal static bool MatchesWordByWord(string text, string[] words)
    {
        foreach (string w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The grade word lists, for that test: (words, the list searched in one pass).</summary>
    internal static IEnumerable<(string[] Words, Func<string, bool> Matches)> GradeWordLists =>
    [
        (NotAchievedWords, t => Matches(t, NotAchieved)),
        (FairWords, t => Matches(t, Fair)),
        (GoodWords, t => Matches(t, Good)),
        (StrongWords, t => Matches(t, Strong)),
    ];
}
