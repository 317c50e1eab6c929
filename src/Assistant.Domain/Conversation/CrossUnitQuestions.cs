using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A question across the units a reviewer's scope covers: <see cref="Kind"/> is <c>indicator</c> (which
/// units fell short on <see cref="Indicator"/> and why), <c>execution</c> (执行率 by unit), <c>reasons</c>
/// (the reasons most given), <c>missing</c> (rows short with no reason written), <c>boilerplate</c>
/// (reasons repeated, copied from another unit, or only measures) or <c>shortfalls</c> (the indicators
/// most often short); <see cref="Year"/> null for every year stored.
/// </summary>
public sealed record CrossUnitQuestion(string Kind, string? Indicator, int? Year)
{
    /// <summary>A 执行率 threshold in percent the reviewer gave (低于80% → 80), or null.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>True when the threshold is a floor (高于、超过、以上), false when a ceiling (低于、不到、以下).</summary>
    public bool Above { get; init; }

    /// <summary>Which units were asked about: 县 (counties and districts), 市 (cities), 省 (provinces), 部门 (departments), or null for all.</summary>
    public string? Level { get; init; }

    /// <summary>True when a total (合计、总体、汇总) was asked for.</summary>
    public bool Total { get; init; }

    /// <summary>Which end of the ranking was asked for: −1 the lowest (执行率最低的单位), 1 the highest, 0 neither.</summary>
    public int Extreme { get; init; }

    /// <summary>
    /// The part of the money asked about (县级配套资金执行率低于70%的有哪些 → 县级): each unit's fund line of that
    /// source is compared, not its total; null for the total.
    /// </summary>
    public string? Line { get; init; }

    /// <summary>True when a question about the reasons most given also asks which are boilerplate (最常见的原因是什么？哪些是套话).</summary>
    public bool AlsoBoilerplate { get; init; }

    /// <summary>A place the question names (绥宁县森林火灾受害率超标了多少 → 绥宁县): only that unit's tables are answered.</summary>
    public string? Place { get; init; }

    /// <summary>True when the money left unspent is asked (蕲春县的结余有多少, 还剩多少没花): the answer states the 结余 itself (session 42).</summary>
    public bool Balance { get; init; }
}

/// <summary>
/// Recognises cross-unit questions (哪些单位…没完成…为什么, 各单位执行率, 执行率最低的单位, 今年最常见的偏差原因,
/// 哪个县…). A question about one table (哪个指标没完成, 这项的原因) is not one: it must name units
/// (哪些单位, 各县, 下属单位, 全市…) or ask which reasons are given most.
/// </summary>
public static partial class CrossUnitQuestions
{
    public const string Indicator = "indicator";
    public const string Execution = "execution";
    public const string Reasons = "reasons";
    public const string Missing = "missing";
    public const string Boilerplate = "boilerplate";
    public const string Shortfalls = "shortfalls";
    public const string Scores = "scores";

    /// <param name="message">The user's message.</param>
    /// <param name="thisYear">The year 今年/本年 means (the conversation's table's year), or null.</param>
    /// <param name="implied">True in a conversation without a table, where every question is about the units.</param>
    public static CrossUnitQuestion? Recognize(string message, int? thisYear, bool implied = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        // ９０％、２０２４年: digits as staff type them read as the ASCII ones (the patterns' other characters are left as typed).
        string m = MatchedNumber.Ascii(message).Trim();
        bool copyWords = CopyWords().IsMatch(m);
        bool across = implied || Across().IsMatch(m) || (copyWords && UnitWord().IsMatch(m));
        bool reasonWord = ReasonWord().IsMatch(m);
        // “最多” about this table's rows (哪几项扣分最多，原因是什么) is not the reasons most given across units.
        bool mostGiven = reasonWord && (across || !ThisTable().IsMatch(m)) && (MostGiven().IsMatch(m) || (across && Concentrated().IsMatch(m)));
        if (!across && !mostGiven)
        {
            return null;
        }

        int? year = null;
        if (Year().Match(m) is { Success: true } y)
        {
            year = MatchedNumber.Int(y.Groups[1].ValueSpan);
        }
        else if (ThisYear().IsMatch(m))
        {
            year = thisYear;
        }

        if (across && (copyWords || BoilerplateWords().IsMatch(m)))
        {
            return new CrossUnitQuestion(Boilerplate, null, year);
        }

        if (across && NoReason().IsMatch(m))
        {
            return new CrossUnitQuestion(Missing, null, year);
        }

        if (mostGiven)
        {
            return new CrossUnitQuestion(Reasons, null, year) { AlsoBoilerplate = copyWords || BoilerplateWords().IsMatch(m) };
        }

        // 哪个单位总分最高 / 各县得分排名: the units by total score (with their 执行率 beside).
        if (ScoreRank().IsMatch(m) && (!ExecutionWord().IsMatch(m) || m.Contains("总分", StringComparison.Ordinal)) && (Lowest().IsMatch(m) || Highest().IsMatch(m) || RankWord().IsMatch(m) || Across().IsMatch(m)) && !ShortIndicators().IsMatch(m))
        {
            // 哪个最高，哪个最低: both ends asked, the whole ranking answers.
            int end = Lowest().IsMatch(m) == Highest().IsMatch(m) ? 0 : Lowest().IsMatch(m) ? -1 : 1;
            return new CrossUnitQuestion(Scores, null, year) { Extreme = end, Level = County().IsMatch(m) ? "县" : null };
        }

        if (ExecutionWord().IsMatch(m))
        {
            return ExecutionQuestion(m, year);
        }

        // Without a table, 哪些指标没完成 is still a table question (open the table); 未完成最多/普遍的短板 is about the units.
        if (ShortIndicators().IsMatch(m) && (!implied || Across().IsMatch(m) || MostShort().IsMatch(m)))
        {
            return new CrossUnitQuestion(Shortfalls, null, year);
        }

        string? name = Name(m);
        string? place = PlaceOf(m);
        if (name is not null && (!implied || Across().IsMatch(m) || Shortfall().IsMatch(m) || place is not null))
        {
            return new CrossUnitQuestion(Indicator, name, year) { Place = place };
        }

        // Units named, no indicator: what fell short and why is the reasons they gave.
        // Without a table and without unit words (哪些指标没完成), it is still a question about a table.
        return (Shortfall().IsMatch(m) || reasonWord) && (!implied || Across().IsMatch(m)) ? new CrossUnitQuestion(Reasons, null, year) : null;
    }

    /// <summary>The indicator's name: quoted, or what is left once the question's own words are taken away.</summary>
    public static string? Name(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Quoted().Match(message) is { Success: true } q)
        {
            return q.Groups[1].Value.Trim();
        }

        string rest = PlaceOf(message) is { } place ? message.Replace(place, string.Empty, StringComparison.Ordinal) : message;
        foreach (Regex r in new[] { Year(), ThisYear(), Across(), Around(), GapAsked(), Status(), Asking(), Filler() })
        {
            rest = r.Replace(rest, string.Empty);
        }

        // 满意度没达标的有哪几个单位 → 满意度, not “满意度有”.
        rest = TrailingVerb().Replace(rest.Trim(), string.Empty);
        return rest.Length >= 2 ? rest : null;
    }

    /// <summary>
    /// A county or district the question opens with (绥宁县森林火灾受害率…, 请问隆回县…), not a word for units
    /// (各县, 四个县, 哪个区) nor a place inside an indicator's name (防火区域, 城乡社区): the answer keeps the
    /// tables of units whose place this ends with.
    /// </summary>
    public static string? PlaceOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string m = message.TrimStart();
        Match p = Place().Match(m);
        return p.Success && p.Index <= 2 && !NotAPlace().IsMatch(p.Value.EndsWith("本级", StringComparison.Ordinal) ? p.Value[..^2] : p.Value) ? p.Value : null;
    }

    /// <summary>An execution question with what narrows it: a threshold (低于80%、90%以上、不到八成), the level asked (县, 部门), a total.</summary>
    private static CrossUnitQuestion ExecutionQuestion(string m, int? year)
    {
        decimal? threshold = null;
        bool above = false;
        if (Threshold().Match(m) is { Success: true } t)
        {
            string number = t.Groups["n"].Success ? t.Groups["n"].Value : t.Groups["m"].Value;
            threshold = MatchedNumber.Decimal(number);
            above = t.Groups["up"].Success || t.Groups["upAfter"].Success;
        }
        else if (ChinesePercent().Match(m) is { Success: true } cp)
        {
            threshold = ChineseNumber(cp.Groups["c"].Value);
            above = cp.Groups["up"].Success || cp.Groups["upAfter"].Success;
        }
        else if (Tenths().Match(m) is { Success: true } c)
        {
            // 九成 → 90, 八成五 → 85.
            threshold = (("一二三四五六七八九".IndexOf(c.Groups["d"].Value[0], StringComparison.Ordinal) + 1) * 10m)
                + (c.Groups["e"].Success ? "一二三四五六七八九".IndexOf(c.Groups["e"].Value[0], StringComparison.Ordinal) + 1 : 0);
            above = c.Groups["up"].Success || c.Groups["upAfter"].Success;
        }

        string? line = FundSource().Match(m) is { Success: true } f ? f.Groups["s"].Value : null;
        // 县级配套资金 names the money, not the units: the level is the units' only when another word says so.
        string levelText = line is null ? m : FundSource().Replace(m, " ");
        string? level = LevelOf(levelText);
        int extreme = Lowest().IsMatch(m) ? -1 : Highest().IsMatch(m) ? 1 : 0;
        return new CrossUnitQuestion(Execution, null, year) { Threshold = threshold, Above = above, Level = level, Total = TotalWord().IsMatch(m), Extreme = extreme, Line = line, Place = PlaceOf(m), Balance = BalanceWord().IsMatch(m) };
    }

    /// <summary>
    /// The level of the units asked about: 县 (各县, 哪些区, 的县区), 市 (哪些市, 各市州), 省 (各省), 部门 (各部门); a county's own name (绥宁县) is
    /// one of the counties. Null when the question is about every unit (全市各单位).
    /// </summary>
    public static string? LevelOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (UnitsAtLevel().Match(message) is { Success: true } l)
        {
            return l.Groups["l"].Value switch { "市" or "州" or "市州" or "地市" => "市", "省" => "省", "部门" => "部门", _ => "县" };
        }

        return County().IsMatch(message) ? "县" : Department().IsMatch(message) ? "部门" : null;
    }

    /// <summary>A word for units of one level: 各县, 哪些区, 的县（区）, 四个县, 下属各市, 哪个省.</summary>
    [GeneratedRegex(@"(?:各|每个|每一个|哪些|哪几个|哪个|哪一个|所有|下属|下辖|下级|几个|\d+个|[两二三四五六七八九十]+个|的)(?<l>县区|区县|县市区|县|区|旗|市州|地市|市|州|省|部门)(?!级|直|本级|财政|资金|配套|域|划)")]
    private static partial Regex UnitsAtLevel();

    /// <summary>A source of the money (县级配套资金, 省级资金, 中央财政资金, 市级那块): the fund line asked about.</summary>
    [GeneratedRegex("(?<s>中央|省级|省本级|市级|市本级|县级|县区级|区级|县本级|本级|乡镇级?|地方|自筹|配套|分项|各级|各项|哪项|哪一项|哪笔)(?:财政)?(?:配套|补助|专项|衔接)?(?:资金|经费|部分|那块|那部分|的钱|拨款)")]
    private static partial Regex FundSource();

    [GeneratedRegex("总分|总得分|得分|分数|评分|打分|等级")]
    private static partial Regex ScoreRank();

    [GeneratedRegex("排名|排序|排行|由高到低|从高到低|由低到高|从低到高|谁高|谁低|比较")]
    private static partial Regex RankWord();

    /// <summary>A place as the question writes it: 乳源县, 乳源瑶族自治县, 两江新区, 包头市本级 (session 42: 2–3 characters and 县 only).</summary>
    [GeneratedRegex("(?:[\u4e00-\u9fff]{2,6}?(?:自治县|自治旗)|[\u4e00-\u9fff]{2,3}(?:新区|县|区|旗|市))(?:本级)?")]
    private static partial Regex Place();

    /// <summary>Words for units, not a place: 各县, 哪个区, 两个县 (个); a numeral alone is a place's own (两江新区, 三河市, 十堰市, session 42).</summary>
    [GeneratedRegex("[各每全哪几个本我该这那别其他多些下级的和与跟]|单位|部门|(?:县|区)(?:县|区)")]
    private static partial Regex NotAPlace();

    [GeneratedRegex("(?:有|是|为|在)$")]
    private static partial Regex TrailingVerb();

    [GeneratedRegex(@"(?:哪些|哪几|哪个|哪一个|哪家|各|每个|每一个|每家|所有|全部|下属|下级|按|分)\s*(?:家|个)?(?:单位|盟市|旗县区|旗县|县市区|县区|区县|县|区|市|部门|地方|地区|项目单位)|全(?:市|县|省|区)|单位之间|跨单位|谁(?=没|未)|(?:最低|最高|最少|最多|最差|最好|最慢|较低|偏低)的(?:单位|县区|县|区|部门|地区)|(?:\d+|[两二三四五六七八九十几]+)\s*(?:个|家)\s*(?:单位|盟市|旗县区|旗县|县市区|县区|区县|县|区|部门)|(?:单位|县|部门)(?:数)?最多|有几个(?:单位|县|部门)|多少(?:个|家)(?:单位|县|部门)|(?:单位|县|县区|部门)(?:合计|汇总|总体|整体)|(?:低于|高于|不到|不足|没达到|未达到|没有达到|达不到|没到|超过|以上|以下)[^，。？?]{0,8}的(?:单位|县区|区县|县|区|市|州|省|部门)|的(?:单位|县区|县|区|市|州|省|部门)(?:有|是)(?:哪些|哪几个|几个|哪个)|(?:哪些|哪几个|哪个|各)(?:市州|地市|市|省)(?!级|直|本级|财政|资金|配套)")]
    private static partial Regex Across();

    [GeneratedRegex("最多|最普遍|最常见|最集中|普遍|共性|短板")]
    private static partial Regex MostShort();

    [GeneratedRegex("单位|县|区|部门|别人|别家")]
    private static partial Regex UnitWord();

    [GeneratedRegex("一字不差|一模一样|照抄|抄袭|抄的|抄了|抄来抄去|互相抄|相互抄|复制粘贴|雷同|千篇一律|(?:和|与|跟)(?:别的|其他|其它|别家|另外的?)(?:单位|县区|县|区|部门|地方)?[^，。？?]{0,8}(?:一样|相同|相似|重复|差不多)")]
    private static partial Regex CopyWords();

    [GeneratedRegex(@"套话|空话|官话|模板化|敷衍|笼统|含糊|空泛|泛泛|不具体|不够具体|不实在|(?:归于|归咎于|推给|还写|还在写|还拿)疫情|疫情(?:当|作)?(?:原因|理由|借口)|(?:原因|理由)[^，。？?]{0,8}(?:相同|一样|重复)|重复(?:使用|填写|填报)?(?:的|了)?(?:同一)?(?:原因|理由|句)|同一(?:句|个原因|条原因)|只写了?措施|只是措施|写的是措施|不是原因|没说清|说不清")]
    private static partial Regex BoilerplateWords();

    [GeneratedRegex(@"(?:没写|没有写|未写|没填|没有填|未填|漏填|漏写|未填写|没有填写|没填写|缺少|不写|没给|没有给|未给出|没有给出|没有说明|没说明|未说明|没交代|没有交代)[^，。？?]{0,8}?(?:原因|理由)|(?:没写|没有写|未写|没填|未填|漏填|缺少)(?:偏差)?说明|(?:原因|理由)(?:栏)?(?:为空|空白|空着|没填|未填|没写|未写|都没写|没有写|缺失)|无(?:偏差)?原因")]
    private static partial Regex NoReason();

    [GeneratedRegex(@"(?:哪些|哪个|哪几个|哪几项|哪项|哪一项|什么)(?:指标)[^，。？?]{0,8}(?:未完成|没完成|没有完成|没达标|未达标|不达标|没达到|未达到|完成不好|完成得?差|差距|缺口|短板|失分|扣分)|(?:未完成|没完成|没有完成|没达标|未达标|失分|扣分)[^，。？?]{0,6}(?:最多|最普遍|最常见|最集中)|(?:共性|普遍)(?:的)?(?:问题|短板|差距)|短板指标")]
    private static partial Regex ShortIndicators();

    [GeneratedRegex(@"(?:(?<up>高于|超过|大于|不低于)|低于|不到|不足|小于|少于|未达到|没达到|没有达到|没到|未到|达不到|没够|不够)\s*(?:(?<n>\d+(?:\.\d+)?)\s*[%％]?|百分之(?<m>\d+(?:\.\d+)?))|(?:(?<n>\d+(?:\.\d+)?)\s*[%％]|百分之(?<m>\d+(?:\.\d+)?))\s*(?:(?<upAfter>以上|及以上)|以下|之下)")]
    private static partial Regex Threshold();

    [GeneratedRegex(@"(?:(?<up>高于|超过|大于|不低于)|低于|不到|不足|小于|少于|未达到|没达到|没有达到|没到|未到|达不到|没够|不够)\s*(?<d>[一二三四五六七八九])成(?<e>[一二三四五六七八九])?|(?<d>[一二三四五六七八九])成(?<e>[一二三四五六七八九])?\s*(?:(?<upAfter>以上)|以下)")]
    private static partial Regex Tenths();

    /// <summary>一 to 九十九 in Chinese numerals (八十, 八十五, 九十, 十五).</summary>
    private static decimal ChineseNumber(string text)
    {
        const string digits = "一二三四五六七八九";
        int ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return digits.IndexOf(text[0], StringComparison.Ordinal) + 1;
        }

        int tens = ten == 0 ? 1 : digits.IndexOf(text[ten - 1], StringComparison.Ordinal) + 1;
        int ones = ten + 1 < text.Length ? digits.IndexOf(text[ten + 1], StringComparison.Ordinal) + 1 : 0;
        return (tens * 10) + ones;
    }

    [GeneratedRegex(@"(?:(?<up>高于|超过|大于|不低于)|低于|不到|不足|小于|少于|未达到|没达到|没有达到|没到|未到|达不到)?\s*百分之(?<c>[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:(?<upAfter>以上)|以下)?")]
    private static partial Regex ChinesePercent();

    [GeneratedRegex("最低|最少|最差|最慢|垫底|倒数第一")]
    private static partial Regex Lowest();

    [GeneratedRegex("最高|最好|最快|第一名|排第一")]
    private static partial Regex Highest();

    [GeneratedRegex("县|区县|县区|旗")]
    private static partial Regex County();

    [GeneratedRegex("部门|局|委|办")]
    private static partial Regex Department();

    [GeneratedRegex("合计|总的|总体|整体|汇总|加总|一共|总执行率|加起来|平均")]
    private static partial Regex TotalWord();

    [GeneratedRegex("原因|理由")]
    private static partial Regex ReasonWord();

    [GeneratedRegex("扣分|扣的分|扣了|失分|丢分|得分|哪几项|哪一项|哪项|哪个指标|哪些指标|哪几个指标|这项|该项|这个指标|本项目|这个项目|本表|这张表|我们|我单位|本单位")]
    private static partial Regex ThisTable();

    [GeneratedRegex("最常见|最多|最常|哪类|哪些类|哪一类|归类|分类|排行|排名|常见的")]
    private static partial Regex MostGiven();

    [GeneratedRegex("主要集中|集中在|哪些方面|主要是什么|主要有哪些")]
    private static partial Regex Concentrated();

    /// <summary>The money's execution: its rate, or its amounts (执行数、预算数、结余, session 41: 蕲春县的执行数是多少万元).</summary>
    [GeneratedRegex("执行率|执行情况|预算执行|资金执行|执行进度|支出进度|执行数|执行了多少|预算数|全年预算|结余|花了多少|支出了多少|用了多少|还剩多少|剩余多少|剩下多少|没花|未花")]
    private static partial Regex ExecutionWord();

    [GeneratedRegex("结余|剩余|剩下|还剩|没花|未花|余额|没用完|没支出")]
    private static partial Regex BalanceWord();

    [GeneratedRegex("没有?完成|未完成|没有?达标|未达标|不达标|没有?达到|未达到|达不到|短缺|差距|缺口|偏差|落后|超标|超出上限|超过上限|超了")]
    private static partial Regex Shortfall();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年?度?")]
    private static partial Regex Year();

    [GeneratedRegex("今年|本年度|本年|当年")]
    private static partial Regex ThisYear();

    [GeneratedRegex("[“\"「『‘]([^”\"」』’]{2,40})[”\"」』’]")]
    private static partial Regex Quoted();

    /// <summary>How far off, asked after the name (差了几个千分点, 超了多少人, 低了几个百分点): taken away before the status words, whose 超了 it holds.</summary>
    [GeneratedRegex("(?:相差|差了?|超标了?|超了|超出了?|低了|高了|少了|多了)(?:几|多少)个?(?:十万分点|万分点|千分点|百分点|个点|点|人次|人|万元|元|分|公里|户|项)?")]
    private static partial Regex GapAsked();

    [GeneratedRegex("下面|下边|其中|里面|这些|单位|指标")]
    private static partial Regex Around();

    [GeneratedRegex("超出上限|超过上限|完成得?怎么样|完成得?如何|完成情况|没有?完成|未完成|没有?达标|未达标|不达标|没有?达到|未达到|达不到|目标值|目标|偏差|差距|缺口|超标|超了|超出")]
    private static partial Regex Status();

    [GeneratedRegex("哪个项目|哪些项目|哪几个项目|哪个|为什么|为何|为啥|原因是什么|什么原因|原因|理由|说了什么|是什么|什么|怎么样|怎样|如何|怎么|有哪些|哪些|哪几个|谁|请问|请|列一下|列出|看看|说说|告诉我|分别|一下|超标了?多少|超了多少|超出了?多少|差了?多少|(?:扣|失|丢)了?(?:那么|这么)多分?|扣了?多少分?|扣分|扣了|多少")]
    private static partial Regex Asking();

    [GeneratedRegex(@"[的了都呢吗啊在，。？！、：:；;,.?!\s]|上(?=没|未)")]
    private static partial Regex Filler();
}
