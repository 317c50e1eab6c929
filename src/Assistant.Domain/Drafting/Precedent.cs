using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>
/// Adapts a past report's reason or measure to another evaluation: keeps only the clauses that state a
/// cause (or an action), drops every clause with a number (another report's numbers never survive),
/// and neutralises place and unit names. What comes out is a suggestion the drafter cites, not a fact.
/// </summary>
public static partial class Precedent
{
    private const int MinChars = 6;
    private const int MaxChars = 70;

    /// <summary>Cause clauses of a past reason passage that fit <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> Reasons(string passage, DeviationKind kind, string? region = null, string? indicator = null)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return Clauses(passage, region)
            .Where(c => ReasonCue().IsMatch(c) && !MeasureLead().IsMatch(c) && !OtherIndicator().IsMatch(c))
            .Where(c => Fits(c, kind))
            .Where(c => indicator is null || kind is DeviationKind.LowExecution or DeviationKind.Overshoot || SharesWord(c, indicator))
            .ToList();
    }

    /// <summary>Action clauses of a past measure passage.</summary>
    public static IReadOnlyList<string> Measures(string passage, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return Clauses(passage, region).Where(c => MeasureCue().IsMatch(c)).ToList();
    }

    /// <summary>Whether a cause suits the kind of deviation (a shortfall's cause does not explain an overshoot).</summary>
    public static bool Fits(string clause, DeviationKind kind)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return kind switch
        {
            DeviationKind.Overshoot => OvershootCue().IsMatch(clause) && !ShortfallOnly().IsMatch(clause),
            DeviationKind.LowExecution => FundCue().IsMatch(clause) && !OvershootOnly().IsMatch(clause),
            _ => !OvershootOnly().IsMatch(clause),
        };
    }

    /// <summary>
    /// Whether a past measure answers this item: target-setting measures for an overshoot, money
    /// measures for a low 执行率, otherwise a measure sharing a word with the item's name or cause.
    /// </summary>
    public static bool Answers(string measure, DeviationKind kind, string context)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return kind switch
        {
            DeviationKind.Overshoot => TargetCue().IsMatch(measure),
            DeviationKind.LowExecution => FundCue().IsMatch(measure),
            _ => SharesWord(measure, context ?? string.Empty),
        };
    }

    private static readonly HashSet<string> CommonBigrams = new(StringComparer.Ordinal)
    {
        "人员", "数量", "指标", "工作", "情况", "进一", "一步", "加强", "提高", "完成", "目标", "年度", "实际", "问题", "措施", "相关",
    };

    private static bool SharesWord(string a, string b) => SharesWord(a, b, CommonBigrams);

    /// <summary>Whether two texts share a two-character Chinese word that is not one of <paramref name="common"/>.</summary>
    public static bool SharesWord(string a, string b, IReadOnlySet<string> common)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(common);
        static IEnumerable<string> Bigrams(string s)
        {
            for (int i = 0; i + 1 < s.Length; i++)
            {
                if (s[i] >= '\u4e00' && s[i] <= '\u9fa5' && s[i + 1] >= '\u4e00' && s[i + 1] <= '\u9fa5')
                {
                    yield return s.Substring(i, 2);
                }
            }
        }

        var mine = Bigrams(a).Where(x => !common.Contains(x)).ToHashSet(StringComparer.Ordinal);
        return Bigrams(b).Any(mine.Contains);
    }

    /// <summary>A key for spotting the same clause twice (punctuation and spaces ignored).</summary>
    public static string Key(string clause) => NotWord().Replace(clause ?? string.Empty, string.Empty);

    private static IEnumerable<string> Clauses(string passage, string? region)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in Sentence().Split(passage))
        {
            string c = raw.Trim();
            for (int i = 0; i < 3; i++)
            {
                string before = c;
                c = CauseIntro().Replace(Label().Replace(Lead().Replace(c, string.Empty).Trim(), string.Empty).Trim(), string.Empty).Trim();
                if (c == before)
                {
                    break;
                }
            }

            c = Neutralise(c, region).Trim('，', ',', '：', ':', '、', ' ', '　');
            if (c.Length < MinChars || c.Length > MaxChars || Digit().IsMatch(c) || CountWord().IsMatch(c) || Quote().IsMatch(c))
            {
                continue;
            }

            if (seen.Add(Key(c)))
            {
                yield return c;
            }
        }
    }

    private static string Neutralise(string clause, string? region)
    {
        string c = clause;
        foreach (string part in RegionParts(region))
        {
            c = c.Replace(part, "本地", StringComparison.Ordinal);
        }

        c = c.Replace("本地本地", "本地", StringComparison.Ordinal);

        c = SelfPlace().Replace(c, "本地");
        c = SelfOffice().Replace(c, "本单位");
        return c;
    }

    /// <summary>The region as given, its administrative parts, and each part without its suffix (中卫市 → 中卫), longest first.</summary>
    private static IEnumerable<string> RegionParts(string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return [];
        }

        var parts = new HashSet<string>(StringComparer.Ordinal) { region.Trim() };
        foreach (Match m in RegionPart().Matches(region))
        {
            parts.Add(m.Value);
            string bare = RegionSuffix().Replace(m.Value, string.Empty);
            if (bare.Length >= 2)
            {
                parts.Add(bare);
            }
        }

        return parts.Where(p => p.Length >= 2).OrderByDescending(p => p.Length);
    }

    [GeneratedRegex(@"(?:壮族|回族|维吾尔|蒙古族)?(?:自治区|特别行政区|省|市|盟|州|县|旗|区)$")]
    private static partial Regex RegionSuffix();

    [GeneratedRegex(@"[。；;！？!?\n]+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[①②③④⑤⑥⑦⑧⑨⑩]|首先|其次|再次|最后|另外|此外|同时|主要原因(?:是|为|有)?|原因(?:是|为|分析)?|偏差原因(?:分析)?|存在问题|改进措施|下一步(?:将|要|工作中)?|今后|我们将)[，,、：:]?")]
    private static partial Regex Lead();

    /// <summary>A short label before a colon (计划：, 及改进措施：).</summary>
    [GeneratedRegex(@"^[^，,。：:]{0,10}[：:]")]
    private static partial Regex Label();

    /// <summary>A restated situation before the cause (预算执行率偏低，原因是…).</summary>
    [GeneratedRegex(@"^[^，,。]{0,14}[，,]\s*(?:主要)?原因(?:是|为|在于)")]
    private static partial Regex CauseIntro();

    [GeneratedRegex(@"[0-9０-９%％]")]
    private static partial Regex Digit();

    [GeneratedRegex(@"[一二三四五六七八九十百千两]+(?:个|人|名|家|户|次|项|万|亿|元|年|月|日|批|期)")]
    private static partial Regex CountWord();

    [GeneratedRegex(@"[《》“”""]")]
    private static partial Regex Quote();

    [GeneratedRegex(@"由于|受|因|导致|影响|不足|较晚|滞后|减少|下降|偏低|偏高|保守|延迟|推迟|未能|不够|不强|有限|放缓|不及|较少|较多|波动|调整|变化|收紧|困难|缺乏|增加|增长|旺盛|低于|高于|超出|尚未|没有|未")]
    private static partial Regex ReasonCue();

    [GeneratedRegex(@"^(?:加强|加大|推进|完善|优化|建立|健全|强化|做好|提前|规范|提高|提升|拓展|拓宽|扩大|落实|督促|跟踪|统筹|压实|细化|简化|开展|深化|积极|及时|进一步|切实|持续)")]
    private static partial Regex MeasureLead();

    [GeneratedRegex(@"加强|加大|推进|完善|优化|建立|健全|强化|做好|提前|科学|规范|提高|提升|拓展|拓宽|扩大|落实|督促|跟踪|统筹|压实|细化|简化|开展|深化|积极|及时|加快|确保")]
    private static partial Regex MeasureCue();

    [GeneratedRegex(@"目标|指标值|测算")]
    private static partial Regex TargetCue();

    /// <summary>A clause reporting another indicator's result rather than a cause.</summary>
    [GeneratedRegex(@"年度目标|未完成|完成率|已完成")]
    private static partial Regex OtherIndicator();

    [GeneratedRegex(@"超额|超出|超过|高于预期|高于目标|旺盛|需求(?:增加|增长|扩大)|大幅增长|低估|(?:目标|指标值)[^，,]{0,8}(?:偏低|保守|较低)|测算[^，,]{0,6}(?:保守|偏低)")]
    private static partial Regex OvershootCue();

    [GeneratedRegex(@"超额|超出|超过|高于预期|旺盛|大幅增长|低估")]
    private static partial Regex OvershootOnly();

    [GeneratedRegex(@"减少|下降|不足|滞后|较晚|未能|放缓|低于|较少")]
    private static partial Regex ShortfallOnly();

    [GeneratedRegex(@"资金|拨付|下达|支付|结算|预算|执行|申报|审核|兑付|结余|报账|清算|到位")]
    private static partial Regex FundCue();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,8}?(?:自治区|特别行政区|省|市|盟|州|县|旗|区)")]
    private static partial Regex RegionPart();

    [GeneratedRegex(@"我市|我区|我县|我旗|我盟|我州|我省|全市|全区|全县|全旗|全盟|全州|全省|本市|本区|本县|本旗")]
    private static partial Regex SelfPlace();

    [GeneratedRegex(@"我局|本局|我单位|我中心|我部门")]
    private static partial Regex SelfOffice();

    [GeneratedRegex(@"[\s\p{P}]")]
    private static partial Regex NotWord();
}
