using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>Which part of the report a message asks to draft, and in part 三 which section.</summary>
public static partial class IntentRouter
{
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

    /// <summary>A part named by its number or its heading (not only by the words of part 三, 原因 / 措施).</summary>
    private static bool NamedPart(string m) => PartOf(m) is { } p && (p != "三" || PartNumber().IsMatch(m) || PartNumbered().IsMatch(m) || PartThreeHeading().IsMatch(m));

    [GeneratedRegex("偏离绩效目标|偏离原因和|原因和下一步|原因和改进")]
    private static partial Regex PartThreeHeading();

    private static Intent? Draft(string m, IReadOnlyList<int> named)
    {
        // 改进措施第1条太长了，帮我重新起草第三部分: what is drafted is what follows the verb, when that names a part.
        if (RedraftPart().Match(m) is { Success: true } again && PartOf(m[again.Index..]) is { } named2 && !Reasons().IsMatch(m[again.Index..]) && !Measures().IsMatch(m[again.Index..]))
        {
            return new Intent(IntentKind.Draft, named2 == "三" ? "deviation" : null, [], null, null) { Part = named2 };
        }

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
            // 完整的第三部分，措施也要 / 原因和措施都要: the whole section, whatever one of its halves the message names.
            section = Both().IsMatch(m) && !noReasons && !noMeasures ? "deviation"
                : reasons == measures ? (noReasons ? "improvement-measures" : noMeasures ? "deviation-reasons" : "deviation")
                : reasons ? "deviation-reasons" : "improvement-measures";
        }

        return new Intent(IntentKind.Draft, section, part == "三" ? named : [], null, null) { Part = part };
    }

    [GeneratedRegex("起草|起个草|起一?个?草稿|打一?个?草稿|拟一?个?草稿|出一?个?草稿|弄一?个?草稿|写一?个?草稿|草拟|撰写|拟写|拟一|写一?[段份下个篇版稿]|写个|帮我写|替我写|给我写|重写|重新写|再写|写出|生成|出一版|出个稿|draft|write")]
    private static partial Regex DraftVerb();

    /// <summary>A part asked to be drafted again (重新起草第三部分, 重写全文).</summary>
    [GeneratedRegex(@"(?:重新起草|重新生成|重新写|重写|再起草|重起草|再写|起草|生成)[^，,。？?]{0,4}?(?:第\s*[一二三四五1-5]\s*(?:部分|大部分|节|章)|全文|整篇|报告)")]
    private static partial Regex RedraftPart();

    /// <summary>A request to change what was written (改一下, 太空了, 不具体, 换成, 用这个原因).</summary>
    [GeneratedRegex("改一下|改改|改成|换成|换一下|重写|重新写|太空|空泛|太虚|不具体|不够具体|写具体|不实在|补充|按这个|用这个|写进去|写上")]
    private static partial Regex ChangeAsk();

    /// <summary>A part named alone, as a follow-up (“第五部分”, “那第四部分呢？”, “还有第二部分”): draft it.</summary>
    [GeneratedRegex(@"^\s*(那|那么|还有|再来|再写|接着|然后|继续)?\s*第\s*[一二三四五1-5]\s*(部分|大部分|节|章)\s*(呢|吧|也要|也写一下|也来一下|也写|也起草)?\s*[?？。.!！]*\s*$")]
    private static partial Regex BarePart();

    /// <summary>Verbs that, with a part named, ask for it to be written (写第一部分, 第五部分弄一下, 第二部分出一版).</summary>
    [GeneratedRegex("写|拟|弄|搞|出一?版|来一?版|整一?下|补上|补一下")]
    private static partial Regex PartVerb();

    [GeneratedRegex("能写吗|能起草吗|能不能写|可以写吗|写吗|怎么写")]
    private static partial Regex CanWrite();

    [GeneratedRegex("帮我|替我|给我|请")]
    private static partial Regex PleaseWrite();

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

    /// <summary>Both halves of part 三 asked for (完整的, 措施也要, 原因和措施都要, 连同措施).</summary>
    [GeneratedRegex("完整|整个第|全部内容|(?:措施|原因)也要|也要(?:写)?(?:措施|原因)|(?:措施|原因)也(?:写|带上|加上|一起)|连同|一起写|都要|都写")]
    private static partial Regex Both();

    [GeneratedRegex("那段|那一段|这一段|一段|段落|单独写|单写")]
    private static partial Regex Paragraph();
}
