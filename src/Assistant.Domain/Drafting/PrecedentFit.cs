using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Drafting;

/// <summary>
/// Whether a past report's sentence may be used for one item of this evaluation: the same kind of
/// indicator, people the item itself serves, no programme, place or year that is not this unit's, and a
/// whole statement (never a lead-in such as “我们将采取以下措施” without what it leads into).
/// </summary>
public static partial class PrecedentFit
{
    /// <summary>Why a sentence does not fit, or null when it does.</summary>
    public static string? Misfit(string sentence, DeviationItem item, Evaluation evaluation, string? sourceIndicator = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (IsLeadIn(sentence))
        {
            return "lead-in";
        }

        var foreign = FundLexicon.Foreign(sentence, OwnWords(item, evaluation));
        if (foreign.Count > 0)
        {
            return "subject:" + string.Join("、", foreign);
        }

        if (NamedThing(sentence, evaluation) is { } named)
        {
            return "named:" + named;
        }

        if (OtherFundLevel(sentence, item, evaluation) is { } level)
        {
            return "fund-level:" + level;
        }

        Nature nature = NatureOf(item, evaluation);
        if (!IndicatorNature.Compatible(nature, IndicatorNature.OfSentence(sentence)))
        {
            return "nature";
        }

        // The precedent's own indicator must fit too: a reviewer reads a cited reason about 失业人员 as
        // another programme's reason, whichever sentence of it was taken.
        if (sourceIndicator is { Length: > 0 })
        {
            if (FundLexicon.Foreign(sourceIndicator, OwnWords(item, evaluation)).Count > 0)
            {
                return "source-subject";
            }

            if (!IndicatorNature.Compatible(nature, IndicatorNature.Of(sourceIndicator)))
            {
                return "source-nature";
            }
        }

        return null;
    }

    /// <summary>
    /// A fund level (中央/省级/市级/县级/本级) the sentence blames that is not a low part of this table: “中央追加资金到位较晚”
    /// cannot explain a 执行率 when the 中央 part is at 93 % and only the 县级 part is low. Null when the sentence names
    /// no level, the table has no parts, or a level it names is the item's own part or a part below 90 %.
    /// </summary>
    public static string? OtherFundLevel(string sentence, DeviationItem item, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(evaluation);
        var named = FundLevel().Matches(sentence).Select(m => Level(m.Value)).Distinct().ToList();
        var parts = evaluation.Funds.Lines.Where(l => l.Parent is not null && Level(l.Name) is { Length: > 0 }).ToList();
        if (item.FundLineIndex is null || named.Count == 0 || parts.Count == 0)
        {
            return null;
        }

        var low = parts.Where(l => l.Budget is { Value: > 0m } b && l.Executed is { } x && x.Value / b.Value < 0.90m).Select(l => Level(l.Name)).ToHashSet();
        if (item.FundLineIndex is { } fi && fi < evaluation.Funds.Lines.Count && evaluation.Funds.Lines[fi].Parent is not null)
        {
            low = [Level(evaluation.Funds.Lines[fi].Name)];
        }

        return named.Any(low.Contains) ? null : string.Join("、", named);
    }

    private static string Level(string text)
    {
        Match m = FundLevel().Match(text);
        return !m.Success ? string.Empty : m.Value switch
        {
            "自治区" or "省级" or "省" => "省级",
            "市级" or "市" => "市级",
            "县级" or "县" or "区级" => "县级",
            var v => v,
        };
    }

    [GeneratedRegex(@"中央|自治区|省级|市级|县级|区级|本级|(?<![\u4e00-\u9fa5])[省市县](?=级?(?:财政)?(?:配套|追加|补助)?资金)")]
    private static partial Regex FundLevel();

    /// <summary>
    /// The words that say whom an item serves: the indicator's own name (and its stated reason); for a
    /// whole fund line (执行率), the fund's title. A cost line also has its table's title.
    /// </summary>
    public static string OwnWords(DeviationItem item, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(evaluation);
        return item.Kind == DeviationKind.LowExecution
            ? evaluation.Title + "；" + item.Name + "；" + item.StatedReason
            : item.Name + "；" + item.StatedReason;
    }

    /// <summary>The nature of the item's indicator (money for a fund line).</summary>
    public static Nature NatureOf(DeviationItem item, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (item.IndicatorIndex is not { } i)
        {
            return Nature.Money;
        }

        Indicator ind = evaluation.Indicators[i];
        return IndicatorNature.Of(ind.Name, ind.Unit, ind.Target, ind.Level2);
    }

    /// <summary>A sentence that only announces what follows (…采取以下措施。 / 具体如下：).</summary>
    public static bool IsLeadIn(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        string s = sentence.Trim().TrimEnd('。', '.', ' ');
        return s.EndsWith('：') || s.EndsWith(':') || LeadIn().IsMatch(s);
    }

    /// <summary>
    /// Whether a passage is this evaluation's own (the same document, or the same unit and year): a report
    /// is never its own “similar past case”.
    /// </summary>
    public static bool IsSelf(string? title, string? region, int? year, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (year is null || evaluation.Year is null || year != evaluation.Year)
        {
            return false;
        }

        string t = title ?? string.Empty;
        var mine = Places(evaluation.Region).Concat(Places(evaluation.Department)).ToList();
        var theirs = Places(region).ToList();
        if (mine.Count > 0 && (theirs.Any(mine.Contains) || mine.Any(p => t.Contains(p, StringComparison.Ordinal))))
        {
            return true;
        }

        // A passage whose place is unknown is this report when it carries this fund's title in the same year.
        return theirs.Count == 0 && evaluation.Title.Trim().Length >= 4 && t.Contains(evaluation.Title.Trim(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a past report's title is of a sector this evaluation's title and department are not (an
    /// employment fund's report for a water-works, elderly-care or forest-fire table): its reasons and
    /// measures are another sector's, so none is cited. A title of no known sector is not judged.
    /// </summary>
    public static bool OtherSector(string? title, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var theirs = Sectors.Where(x => x.Words.IsMatch(title ?? string.Empty)).Select(x => x.Name).ToList();
        if (theirs.Count == 0)
        {
            return false;
        }

        string mine = evaluation.Title + "；" + evaluation.Department;
        return !Sectors.Any(x => theirs.Contains(x.Name) && x.Words.IsMatch(mine));
    }

    private static readonly (string Name, Regex Words)[] Sectors =
    [
        ("就业", new Regex("就业|创业|见习|实习|职业技能|技能培训|公益性岗位|人力资源|劳务|零工|人社")),
        ("水利", new Regex("水利|水库|饮水|供水|灌区|灌溉|河道|堤防|水土保持|水毁")),
        ("教育", new Regex("教育|学校|学生|教师|幼儿园|营养改善|校舍")),
        ("卫生", new Regex("卫生|医疗|健康|疾控|医保|卫健|妇幼|医院")),
        ("农业", new Regex("农业|农田|耕地|种植|良种|农机|畜牧|养殖|渔业")),
        ("民政", new Regex("养老|老年人|民政|救助|低保|特困|残疾|儿童福利")),
        ("文化", new Regex("文化|文旅|图书|体育|广电|文物|旅游")),
        ("林业", new Regex("林业|森林|防火|造林|草原|生态公益林|湿地")),
        ("交通", new Regex("公路|道路|交通|桥梁|客运|农村路")),
    ];

    /// <summary>A named programme, place or institution in a sentence that this evaluation does not name.</summary>
    public static string? NamedThing(string sentence, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(evaluation);
        string own = evaluation.Title + evaluation.Region + evaluation.Department + evaluation.Implementer
            + string.Concat(evaluation.Indicators.Select(i => i.Name + i.DeviationNote));
        foreach (Match m in Programme().Matches(sentence))
        {
            string head = m.Groups[1].Value;
            if (!GenericProgramme().IsMatch(head) && !own.Contains(m.Value, StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        foreach (Match m in Place().Matches(sentence))
        {
            if (!GenericPlace().IsMatch(m.Value) && !own.Contains(m.Value, StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        // Another place's industries (围绕装备制造、现代物流等本地主导产业): a county whose table names none of them has its own.
        foreach (Match m in Industry().Matches(sentence))
        {
            if (!own.Contains(m.Value, StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        foreach (Match m in IndustryList().Matches(sentence))
        {
            foreach (string named in m.Groups["list"].Value.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (named.Length >= 2 && !GenericIndustry().IsMatch(named) && !own.Contains(named, StringComparison.Ordinal))
                {
                    return named;
                }
            }
        }

        return Year().Match(sentence) is { Success: true } y ? y.Value : null;
    }

    private static IEnumerable<string> Places(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (Match m in PlacePart().Matches(text))
        {
            string bare = PlaceSuffix().Replace(m.Value, string.Empty);
            if (bare.Length >= 2)
            {
                yield return bare;
            }
        }
    }

    [GeneratedRegex(@"(?:以下|如下)(?:几项|几点|几个方面|方面|措施|工作)?$|采取(?:了)?(?:以下|如下|这些|下列)?[^，,]{0,8}措施$|(?:主要|具体)(?:有|是|为|如下)$|从以下|(?:措施|原因)(?:如下|有)$")]
    private static partial Regex LeadIn();

    [GeneratedRegex("装备制造|先进制造|智能制造|现代物流|电子信息|新能源汽车|新材料|生物医药|纺织服装|食品加工|农产品加工|汽车零部件|石油化工|精细化工|光伏|锂电|数字经济|跨境电商|文化旅游|直播电商|竹木加工|陶瓷")]
    private static partial Regex Industry();

    /// <summary>Industries listed before 等…产业 (围绕A、B等主导产业).</summary>
    [GeneratedRegex("(?:围绕|结合|聚焦|对接|面向|紧扣)(?<list>[\u4e00-\u9fa5、]{2,30}?)等(?:本地|当地|县域|地方)?(?:主导|重点|特色|优势|支柱|新兴)?产业")]
    private static partial Regex IndustryList();

    [GeneratedRegex("^(?:本地|当地|县域|地方|主导|重点|特色|优势|支柱|新兴|相关)")]
    private static partial Regex GenericIndustry();

    [GeneratedRegex(@"([\u4e00-\u9fa5]{2,4})(?:行动|计划|工程)")]
    private static partial Regex Programme();

    [GeneratedRegex(@"工作|培训|建设|年度|用款|支出|发展|实施|招聘|采购|项目|预算|用人|专项|帮扶|就业|服务|提升|推进|重点|岗位|整改|资金|补助|分配|季度|月度|绩效")]
    private static partial Regex GenericProgramme();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{2,3}(?:省|市|县|旗|州|区)(?![场民级直属域内外属])")]
    private static partial Regex Place();

    [GeneratedRegex(@"城市|都市|本市|我市|全市|各市|全区|本区|我区|城区|市区|社区|园区|辖区|地区|新区|县区|本县|我县|全县|各县|州县|全州|全省|各省|本省|我省|外省|省市|全旗|本地|山区|片区|库区|景区|灾区|老区|牧区|城乡|开发区|示范区|保护区|功能区|农区|湾区|城镇|自治州|自治区|市县|县市|省区")]
    private static partial Regex GenericPlace();

    [GeneratedRegex(@"(?:19|20)\d{2}年")]
    private static partial Regex Year();

    [GeneratedRegex(@"[\u4e00-\u9fa5]{2,6}?(?:自治区|省|市|盟|州|县|旗|区)")]
    private static partial Regex PlacePart();

    [GeneratedRegex(@"(?:壮族|回族|维吾尔|蒙古族)?(?:自治区|省|市|盟|州|县|旗|区)$")]
    private static partial Regex PlaceSuffix();
}
