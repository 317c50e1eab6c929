using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>What a staff member or reviewer asks for, as the offline assistant understands it.</summary>
public enum IntentKind
{
    /// <summary>Draft a part of the report (<see cref="Intent.Part"/>), or in part 三 a section or one indicator's paragraph.</summary>
    Draft,

    /// <summary>Why an indicator stands where it does (or, without one named, every row that lost points).</summary>
    Explain,

    /// <summary>An overview of the table: 总分, grade, 执行率, rows that fell short.</summary>
    Summary,

    /// <summary>Similar past cases from the corpus.</summary>
    Similar,

    /// <summary>Check a pasted paragraph against the table.</summary>
    Verify,

    /// <summary>Not understood: say what the assistant can do.</summary>
    Help,

    /// <summary>A definition or rule (执行率, 得分, 总分, grades, caps), worked through on this table.</summary>
    Define,

    /// <summary>A figure worked out (points lost, what makes up 总分, gaps, completion and execution rates).</summary>
    Compute,

    /// <summary>A list of rows: short of target, far over it, without a reason, or the findings.</summary>
    List,

    /// <summary>Whether a stated reason convinces a reviewer: does it explain the gap, does it contradict the numbers.</summary>
    Assess,

    /// <summary>Rewrite a pasted paragraph (more formal, more concise): needs a model.</summary>
    Rewrite,

    /// <summary>Export the report (Word…).</summary>
    Export,

    /// <summary>Two rows match the name equally: ask which one.</summary>
    Clarify,
}

/// <summary>
/// A routed message: the intent, the section of part 三 to draft (deviation | deviation-reasons |
/// improvement-measures), the indicators it names, the search query, the text to check or rewrite,
/// the report part (一 … 五, or 全文), the topic (what a definition, computation or list is about) and
/// the export format.
/// </summary>
public sealed record Intent(IntentKind Kind, string? Section, IReadOnlyList<int> Indicators, string? Query, string? Text)
{
    /// <summary>一 … 五, or 全文 (the whole report); for <see cref="IntentKind.Draft"/>.</summary>
    public string? Part { get; init; }

    /// <summary>What a Define / Compute / List / Rewrite intent is about (see <see cref="Topics"/>).</summary>
    public string? Topic { get; init; }

    /// <summary>docx | pdf, for <see cref="IntentKind.Export"/>.</summary>
    public string? Format { get; init; }
}

/// <summary>Topic names (what the answer works out).</summary>
public static class Topics
{
    public const string Rate = "rate";
    public const string Funds = "funds";
    public const string Total = "total";
    public const string Grade = "grade";
    public const string Lost = "lost";
    public const string Gap = "gap";
    public const string Completion = "completion";
    public const string Weights = "weights";
    public const string ScoreRule = "score-rule";
    public const string Cap = "cap";
    public const string Cancelled = "cancelled";
    public const string Qualitative = "qualitative";
    public const string Transfer = "transfer";
    public const string ReasonNeeded = "reason-needed";
    public const string Short = "short";
    public const string Overshoot = "overshoot";
    public const string Unexplained = "unexplained";
    public const string Findings = "findings";
    public const string Formal = "formal";
    public const string Concise = "concise";
}

/// <summary>
/// Routes a chat message without a model. The message is normalised (full-width forms, common typos),
/// then read for what is asked, in order of how specific the cue is: a pasted text to rewrite, check or
/// judge; export; a part of the report to draft; similar cases; a judgement of a reason; a definition;
/// a figure; a list; an explanation; an overview. Indicators come from <see cref="IndicatorMatcher"/>.
/// </summary>
public static partial class IntentRouter
{
    /// <summary>Misspellings seen in staff messages (same-sounding characters), and what was meant.</summary>
    private static readonly (string Typo, string Meant)[] Typos =
    [
        ("执形率", "执行率"), ("执行律", "执行率"), ("支行率", "执行率"), ("执率", "执行率"),
        ("完陈率", "完成率"), ("完程率", "完成率"), ("完城率", "完成率"), ("完成律", "完成率"),
        ("得份", "得分"), ("扣份", "扣分"), ("总份", "总分"), ("指表", "指标"), ("起早", "起草"),
        ("偏查", "偏差"), ("原应", "原因"), ("措失", "措施"), ("导处", "导出"), ("沃德", "word"),
    ];

    public static Intent Route(string message, Evaluation evaluation) => Route(message, FactSheet.Build(evaluation));

    public static Intent Route(string message, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        string m = Canonical(message);
        string payload = Payload(TextNormalizer.Normalize(message), message) ?? string.Empty;
        string ask = payload.Length >= 6 ? m.Replace(Canonical(payload), " ", StringComparison.Ordinal) : m;

        // A second line or a text after a colon is pasted text only when the message asks something of a text.
        bool hasPayload = payload.Length >= 6 && (VerifyVerb().IsMatch(ask) || Rewrite().IsMatch(ask) || AssessWords().IsMatch(ask) || ThisText().IsMatch(ask));
        if (!hasPayload)
        {
            ask = m;
        }
        IndicatorMatch match = IndicatorMatcher.Match(ask, sheet);
        IReadOnlyList<int> named = match.Ambiguous ? [] : match.Indicators;
        Intent Make(IntentKind kind, string? topic = null) => new(kind, null, named, null, null) { Topic = topic };

        if (Rewrite().IsMatch(ask))
        {
            return Make(IntentKind.Rewrite, Concise().IsMatch(ask) ? Topics.Concise : Topics.Formal) with { Text = hasPayload ? payload : null };
        }

        if (hasPayload && AssessWords().IsMatch(ask))
        {
            return Make(IntentKind.Assess) with { Text = payload };
        }

        if (hasPayload && (VerifyVerb().IsMatch(ask) || ThisText().IsMatch(ask)) && !DraftVerb().IsMatch(ask))
        {
            return Make(IntentKind.Verify) with { Text = payload };
        }

        if (Export().Match(ask) is { Success: true } ex)
        {
            string f = ex.Value.Contains("pdf", StringComparison.OrdinalIgnoreCase) ? "pdf" : "docx";
            return Make(IntentKind.Export) with { Format = f };
        }

        if (ReasonNeeded().IsMatch(m) && !PleaseWrite().IsMatch(m))
        {
            return Make(IntentKind.Define, Topics.ReasonNeeded);
        }

        if (SpecialTopic(m) is { } special && !(AssessWords().IsMatch(m) && ReasonWord().IsMatch(m)))
        {
            return Make(IntentKind.Define, special);
        }

        if (AssessWords().IsMatch(m) && !DraftVerb().IsMatch(StripAssess(m)))
        {
            return match.Ambiguous ? Clarify(match) : Make(IntentKind.Assess);
        }

        if (DraftVerb().IsMatch(m) || (PartOf(m) is not null && CanWrite().IsMatch(m)) || NoReasons().IsMatch(m) || NoMeasures().IsMatch(m))
        {
            return Draft(m, named) is { } d ? d : Clarify(match);
        }

        if (Similar().IsMatch(m))
        {
            string query = named.Count > 0 ? $"{sheet.Evaluation.Indicators[named[0]].Name.Trim()}未完成的原因" : StripAsk(m);
            return Make(IntentKind.Similar) with { Query = query };
        }

        if (StrongWhy().IsMatch(m) && named.Count == 0 && SomeRows().IsMatch(m))
        {
            return Make(IntentKind.Explain); // every row that lost points, explained
        }

        if (StrongWhy().IsMatch(m) && named.Count > 0)
        {
            return Make(IntentKind.Explain);
        }

        if (Overview().IsMatch(m) && named.Count == 0 && !Lost().IsMatch(m))
        {
            return Make(IntentKind.Summary);
        }

        if (DefineTopic(m) is { } topic)
        {
            return Make(IntentKind.Define, topic);
        }

        if (ComputeTopic(m, named.Count > 0) is { } ct)
        {
            return match.Ambiguous ? Clarify(match) : Make(IntentKind.Compute, ct);
        }

        if (ListTopic(m) is { } lt)
        {
            return Make(IntentKind.List, lt);
        }

        if (match.Ambiguous)
        {
            return Clarify(match);
        }

        if (Why().IsMatch(m))
        {
            return Make(IntentKind.Explain);
        }

        if (named.Count > 0)
        {
            return Make(IntentKind.Explain);
        }

        return Make(IntentKind.Help);
    }

    /// <summary>The message folded to one spelling: full-width forms to ASCII, typos to the word meant, lower case.</summary>
    public static string Canonical(string message)
    {
        string m = TextNormalizer.Normalize(message ?? string.Empty).ToLowerInvariant();
        foreach (var (typo, meant) in Typos)
        {
            m = m.Replace(typo, meant, StringComparison.Ordinal);
        }

        return m;
    }

    /// <summary>The report part a message names: 一 … 五, 全文, or null.</summary>
    public static string? PartOf(string m)
    {
        if (PartNumber().Match(m) is { Success: true } p)
        {
            string g = p.Groups[1].Value;
            return g switch { "1" => "一", "2" => "二", "3" => "三", "4" => "四", "5" => "五", _ => g };
        }

        if (PartNumbered().Match(m) is { Success: true } q)
        {
            return q.Groups[1].Value;
        }

        if (Whole().IsMatch(m))
        {
            return "全文";
        }

        if (PartOne().IsMatch(m))
        {
            return "一";
        }

        if (PartTwo().IsMatch(m))
        {
            return "二";
        }

        if (PartFour().IsMatch(m))
        {
            return "四";
        }

        if (PartFive().IsMatch(m))
        {
            return "五";
        }

        return PartThree().IsMatch(m) ? "三" : null;
    }

    private static Intent? Draft(string m, IReadOnlyList<int> named)
    {
        string? part = PartOf(m);
        bool noReasons = NoReasons().IsMatch(m);
        bool noMeasures = NoMeasures().IsMatch(m);
        bool reasons = Reasons().IsMatch(m) && !noReasons;
        bool measures = Measures().IsMatch(m) && !noMeasures;
        if (part is null && (reasons || measures || named.Count > 0 || Paragraph().IsMatch(m)))
        {
            part = "三";
        }

        part ??= "三";
        string? section = null;
        if (part == "三")
        {
            section = reasons == measures ? (noReasons ? "improvement-measures" : noMeasures ? "deviation-reasons" : "deviation")
                : reasons ? "deviation-reasons" : "improvement-measures";
        }

        return new Intent(IntentKind.Draft, section, part == "三" ? named : [], null, null) { Part = part };
    }

    private static Intent Clarify(IndicatorMatch match) => new(IntentKind.Clarify, null, match.Indicators, null, null);

    /// <summary>Rules asked about by their situation, with or without a “what does it mean”.</summary>
    private static string? SpecialTopic(string m)
    {
        bool meaning = Meaning().IsMatch(m);
        if (Transfer().IsMatch(m))
        {
            return Topics.Transfer;
        }

        if (Cancelled().IsMatch(m) && (meaning || StillScored().IsMatch(m)))
        {
            return Topics.Cancelled;
        }

        if (Cap().IsMatch(m))
        {
            return Topics.Cap;
        }

        if (Qualitative().IsMatch(m) && (meaning || Fair().IsMatch(m)))
        {
            return Topics.Qualitative;
        }

        return null;
    }

    private static string? DefineTopic(string m)
    {
        bool meaning = Meaning().IsMatch(m);
        if (!meaning)
        {
            return null;
        }

        if (Lost().IsMatch(m) && !RateWord().IsMatch(m))
        {
            return null; // 每项扣多少怎么算: a figure
        }

        if (RateWord().IsMatch(m) || (FundWord().IsMatch(m) && (ScoreWord().IsMatch(m) || TotalWord().IsMatch(m))))
        {
            return Topics.Rate;
        }

        if (GradeWord().IsMatch(m))
        {
            return Topics.Grade;
        }

        if (TotalWord().IsMatch(m))
        {
            return null; // 总分怎么算: the sum, worked out
        }

        if (ScoreWord().IsMatch(m))
        {
            return Topics.ScoreRule;
        }

        return CompletionWord().IsMatch(m) ? Topics.Completion : null;
    }

    private static string? ComputeTopic(string m, bool named)
    {
        if (Lost().IsMatch(m) || (named && ScoreWord().IsMatch(m)))
        {
            return FundWord().IsMatch(m) && !named ? Topics.Funds : Topics.Lost;
        }

        if (FundWord().IsMatch(m) && !named && (ScoreWord().IsMatch(m) || PointsWord().IsMatch(m)))
        {
            return Topics.Funds;
        }

        if (TotalWord().IsMatch(m) || GradeWord().IsMatch(m))
        {
            return GradeWord().IsMatch(m) ? Topics.Grade : Topics.Total;
        }

        if (WeightWord().IsMatch(m))
        {
            return Topics.Weights;
        }

        if (RateWord().IsMatch(m) && !named)
        {
            return Topics.Rate;
        }

        if (FundWord().IsMatch(m) && HowMuch().IsMatch(m) && !named)
        {
            return Topics.Rate;
        }

        if (!named && ListWord().IsMatch(m))
        {
            return null;
        }

        if (GapWord().IsMatch(m))
        {
            return Topics.Gap;
        }

        if (CompletionWord().IsMatch(m) || (named && HowMuch().IsMatch(m)))
        {
            return Topics.Completion;
        }

        return null;
    }

    private static string? ListTopic(string m)
    {
        bool list = ListWord().IsMatch(m);
        if (Findings().IsMatch(m))
        {
            return Topics.Findings;
        }

        if (NoReason().IsMatch(m))
        {
            return Topics.Unexplained;
        }

        if (list && Over().IsMatch(m))
        {
            return Topics.Overshoot;
        }

        if (list && (ShortWord().IsMatch(m) || Why().IsMatch(m)))
        {
            return Topics.Short;
        }

        if (ShortWord().IsMatch(m) && !Why().IsMatch(m) && IndicatorWord().IsMatch(m))
        {
            return Topics.Short;
        }

        return null;
    }

    /// <summary>The text to check: inside quotes, after the first colon, or after the first line.</summary>
    /// <remarks>Positions are found in the normalised text <paramref name="m"/> (same length) and cut from the original.</remarks>
    private static string? Payload(string m, string original)
    {
        Match quoted = Quoted().Match(m);
        if (quoted.Success && quoted.Groups[1].Value.Trim().Length >= 8)
        {
            return original.Substring(quoted.Groups[1].Index, quoted.Groups[1].Length).Trim();
        }

        int colon = m.IndexOfAny(['：', ':']);
        if (colon >= 0 && m.Length - colon > 6)
        {
            return original[(colon + 1)..].Trim();
        }

        int newline = m.IndexOf('\n', StringComparison.Ordinal);
        return newline >= 0 && m.Length - newline > 6 ? original[(newline + 1)..].Trim() : null;
    }

    private static string StripAsk(string m)
    {
        string s = AskWords().Replace(m, " ").Trim();
        return s.Length >= 2 ? s : m;
    }

    private static string StripAssess(string m) => AssessWords().Replace(m, " ").Replace("写的", " ", StringComparison.Ordinal).Replace("写得", " ", StringComparison.Ordinal);

    [GeneratedRegex("正式一?点|正式些|更正式|改正式|改得正式|书面一?点|公文|润色|改写|改一改|改一下|重新表述|换个说法|精简|简洁|简练|精炼|压缩|缩短|太长|口语|通顺")]
    private static partial Regex Rewrite();

    [GeneratedRegex("精简|简洁|简练|精炼|压缩|缩短|太长")]
    private static partial Regex Concise();

    [GeneratedRegex("核对|核实|检查|校验|查一下|看看这段|看下这段|看一下这段|对不对|对吗|有没有错|有错吗|准不准|准确吗|verify|check")]
    private static partial Regex VerifyVerb();

    [GeneratedRegex("起草|草拟|撰写|拟写|拟一|写一?[段份下个篇版稿]|写个|帮我写|替我写|给我写|重写|重新写|再写|写出|生成|出一版|出个稿|draft|write")]
    private static partial Regex DraftVerb();

    [GeneratedRegex("能写吗|能起草吗|能不能写|可以写吗|写吗|怎么写")]
    private static partial Regex CanWrite();

    [GeneratedRegex("帮我|替我|给我|请")]
    private static partial Regex PleaseWrite();

    [GeneratedRegex("(导出|下载|输出|生成|存成|保存为|另存|转成|做成|弄成|变成).{0,6}(word|docx|doc|pdf|文档|文件|成稿)|^(导出|下载)|word版|docx|导出")]
    private static partial Regex Export();

    [GeneratedRegex("要不要写|需不需要写|需要写.{0,4}吗|要写.{0,6}吗|用不用写|要说明吗|需要说明吗|要不要说明|必须写|要补.{0,4}原因吗|需不需要说明")]
    private static partial Regex ReasonNeeded();

    [GeneratedRegex("说服力|站得住|站不住|说得通|说不通|说得过去|靠谱|有道理|合理吗|行不行|行吗|可以吗|能过吗|过得了|能不能过|通过审核|审核能过|有没有矛盾|矛盾吗|矛盾|自相矛盾|对得上吗|经得起|可信|充分吗|够不够")]
    private static partial Regex AssessWords();

    [GeneratedRegex("相似|类似|参考|案例|先例|往年|历年|其[他它](省|市|县|区|地区|地方|单位)|别的(省|市|县|区|地区|地方|单位)|外地|外省|兄弟|别人|同类|差不多的情况|借鉴|范例|范文|例子")]
    private static partial Regex Similar();

    [GeneratedRegex("是什么意思|什么意思|啥意思|啥叫|什么叫|何为|怎么划分|如何划分|怎么分档|划分|是啥|(?<!原因)是什么|怎么算|咋算|如何算|怎么计算|如何计算|计算公式|公式|怎么来的|咋来的|怎么得出|如何得出|怎么得来|算出来的|怎么算出|规则|规定|依据|口径|定义|指什么|按什么|标准是")]
    private static partial Regex Meaning();

    [GeneratedRegex("转移支付.{0,12}(得分|分数|打分|总分|计分|评分)|(没有|没|不)(得分|分数|打分|计分|评分)|不打分")]
    private static partial Regex Transfer();

    [GeneratedRegex("取消")]
    private static partial Regex Cancelled();

    [GeneratedRegex("还给|照样给|也给|仍给|还算|还计|计入|满分")]
    private static partial Regex StillScored();

    [GeneratedRegex("封顶|上限|不多给|不加分|多给分|多得分|不能多得|不能超过分值|超过满分|最多得|最高得|加分")]
    private static partial Regex Cap();

    [GeneratedRegex("效果良好|效果显著|效果较好|定性|达成|部分达成")]
    private static partial Regex Qualitative();

    [GeneratedRegex("合理|应该|对吗|该不该|能给|可以给|给满分|怎么给|凭什么|为啥给|为什么给|给的满分|算满分|按满分")]
    private static partial Regex Fair();

    [GeneratedRegex("扣了|扣分|扣多少|扣几|扣的|被扣|丢了|丢分|失分|少了几分|少得|差几分|差了几分|损失了?多少分")]
    private static partial Regex Lost();

    [GeneratedRegex("执行率|支出进度|执行进度|花了|用了多少|花掉|支出了|执行了多少")]
    private static partial Regex RateWord();

    [GeneratedRegex("等级|档次|优秀|优还是|良还是|算优|算良|评级|几档|哪一档|哪档")]
    private static partial Regex GradeWord();

    [GeneratedRegex(@"总分|总得分|一共.{0,3}分|加起来|合计|总共.{0,3}分|几分|多少分|得分|满分\s*\d")]
    private static partial Regex TotalWord();

    [GeneratedRegex("得分|分数|打分|计分|评分|给分|怎么扣")]
    private static partial Regex ScoreWord();

    [GeneratedRegex("完成率|完成度|完成比例|完成了百分之|完成得|完成情况|达标没|达标了吗|达到了吗|完成了吗|完成得怎|完成得咋")]
    private static partial Regex CompletionWord();

    [GeneratedRegex("资金|钱|经费|预算|拨款")]
    private static partial Regex FundWord();

    [GeneratedRegex("分值|权重")]
    private static partial Regex WeightWord();

    [GeneratedRegex("差了|差多少|差几|差距|缺口|少了多少|还差|超了多少|超出多少|多了多少|超了几|超多少|超过多少")]
    private static partial Regex GapWord();

    [GeneratedRegex("多少|几个|几成|百分之几|是几|几分")]
    private static partial Regex HowMuch();

    [GeneratedRegex("哪些|哪几|哪个|哪项|有没有.{0,8}(没|未|超|不)|列一下|列出|列个|清单|都有|有几个|有几项|几项|多少项|有哪")]
    private static partial Regex ListWord();

    [GeneratedRegex("问题|毛病|错误|风险|需要注意|要注意|检查结果|挑|疑点|不规范|勾稽|硬伤")]
    private static partial Regex Findings();

    [GeneratedRegex("没有?写.{0,4}原因|没有?填.{0,4}原因|缺.{0,4}原因|没填偏差|未填|没填|没有原因|未说明|没说明|缺原因|没有说明|没写偏差|漏填|没写理由|未写")]
    private static partial Regex NoReason();

    [GeneratedRegex("超额|超得|超了|超过|超出|超标|远超|大幅超")]
    private static partial Regex Over();

    [GeneratedRegex("没有完成|未完成|没完成|没达标|未达标|不达标|没达到|未达到|没有达到|没做到|差了|扣分|扣了分|没得满分|未得满分|不满分|偏低|短缺|落后")]
    private static partial Regex ShortWord();

    [GeneratedRegex("指标|项目|哪些|哪几")]
    private static partial Regex IndicatorWord();

    [GeneratedRegex("为什么|为何|为啥|什么原因|原因是|原因何在|怎么回事|咋回事|怎么没|咋没|怎么样|咋样|怎样|如何|情况|why|explain|解释")]
    private static partial Regex Why();

    [GeneratedRegex("总体|整体|概况|概览|总结|汇总|summary|看看这张表|表的情况")]
    private static partial Regex Overview();

    [GeneratedRegex("为什么|为何|为啥|什么原因|原因是|原因何在|怎么回事|咋回事|怎么没|咋没|why")]
    private static partial Regex StrongWhy();

    [GeneratedRegex("有的|有些|部分指标|一些指标")]
    private static partial Regex SomeRows();

    [GeneratedRegex("这段|这句|这一段|下面|以下|如下|这样写|我写的|这么写")]
    private static partial Regex ThisText();

    [GeneratedRegex("原因|理由|解释|说明")]
    private static partial Regex ReasonWord();

    [GeneratedRegex(@"\d分|几分|多少分")]
    private static partial Regex PointsWord();

    [GeneratedRegex(@"第\s*([一二三四五1-5])\s*(?:部分|大部分|节|章|块|板块)")]
    private static partial Regex PartNumber();

    [GeneratedRegex("(?:^|[^第])([一二三四五])[、.．]")]
    private static partial Regex PartNumbered();

    [GeneratedRegex("全文|整篇|整个报告|完整报告|全部内容|整份|一整份|自评报告全")]
    private static partial Regex Whole();

    [GeneratedRegex("目标分解|分解下达|下达情况")]
    private static partial Regex PartOne();

    [GeneratedRegex("绩效情况分析|情况分析|资金投入|资金管理|总体目标完成|指标完成情况分析")]
    private static partial Regex PartTwo();

    [GeneratedRegex("偏离|偏差|原因|措施|改进")]
    private static partial Regex PartThree();

    [GeneratedRegex("结果.{0,4}应用|应用和公开|公开情况|拟应用")]
    private static partial Regex PartFour();

    [GeneratedRegex("其他需要说明|其它需要说明|需要说明的问题|其他问题")]
    private static partial Regex PartFive();

    [GeneratedRegex("原因|理由|为什么")]
    private static partial Regex Reasons();

    [GeneratedRegex("措施|改进|整改|下一步|建议|怎么改")]
    private static partial Regex Measures();

    [GeneratedRegex("原因不用|不用写?原因|不要原因|不写原因|原因不要|原因先不|不需要原因|只写措施|只要措施|光写措施|只写改进|只要改进")]
    private static partial Regex NoReasons();

    [GeneratedRegex("措施不用|不用写?措施|不要措施|不写措施|措施不要|措施先不|不需要措施|只写原因|只要原因|光写原因")]
    private static partial Regex NoMeasures();

    [GeneratedRegex("那段|那一段|这一段|一段|段落|单独写|单写")]
    private static partial Regex Paragraph();

    [GeneratedRegex("请|帮我|找一下|找找|查找|搜索|看看|有没有|相似的?|类似的?|案例|先例|参考|往年的?|[？?，,。！!]")]
    private static partial Regex AskWords();

    [GeneratedRegex("[“\"「『]([^”\"」』]+)[”\"」』]")]
    private static partial Regex Quoted();
}
