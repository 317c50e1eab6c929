using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Questions about an item the table does not have (糖尿病那项怎么改 on a school-meals table, 市级资金执行得怎么样
/// where no line is 市级): the item is read from where staff write it — before 那项/这个指标, or before the
/// question (怎么改, 为什么没完成, 完成了多少, 得分多少) — and is missing when no row is named by it (a row
/// found only through a pointer and one shared word does not count unless most of the words are the row's).
/// Short forms and concepts the matcher resolves (按时 → 及时率, 满意率 → 满意度) name their rows as before.
/// </summary>
public static partial class IntentRouter
{
    /// <summary>The indicator or fund line a message asks about when the table has no such item; null otherwise.</summary>
    internal static string? MissingItem(string m, FactSheet sheet, IndicatorMatch match, IReadOnlyList<int> funds)
    {
        if (funds.Count > 0 || DraftVerb().IsMatch(m))
        {
            return null;
        }

        if (match.Indicators.Count == 0 && MissingFund(m, sheet) is { } line)
        {
            return line;
        }

        if (!ItemQuestion().IsMatch(m))
        {
            return null;
        }

        string? asked = AskedName(m);
        if (asked is null || NotAnItem(asked, sheet))
        {
            return null;
        }

        // A row matched by a word or two of the name (管理 of 高血压患者管理率) is not what was asked; one whose words the name
        // mostly are is, whether or not the matcher could pick it (见习人员 names three rows of an internship table).
        bool Covered(string name) => Enumerable.Range(0, sheet.Evaluation.Indicators.Count).Any(i => IndicatorMatcher.Covers(sheet, i, name));
        // 居民健康素养与孕产妇死亡率: two rows named one after the other, each the table's.
        var pieces = asked.Split(["以及", "还有", "和", "与", "跟", "及", "、"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length >= 2).ToList();
        return Covered(asked) || (pieces.Count >= 2 && pieces.All(Covered)) ? null : asked;
    }

    /// <summary>The words before a pointer (糖尿病那项), else the words that open the question before its cue (糖尿病管理率为什么没完成).</summary>
    private static string? AskedName(string m)
    {
        string? raw = PointedItem().Match(m) is { Success: true } p ? p.Groups[1].Value
            : ItemQuestion().Match(m) is { Success: true } q && q.Index > 0 && Leading().Match(m[..q.Index]) is { Success: true } l
                && (l.Index == 0 || !char.IsAsciiDigit(m[l.Index - 1])) ? l.Value : null; // 200万元的话能得几分: words after a number are no name
        if (raw is null)
        {
            return null;
        }

        string name = Filler().Replace(raw, string.Empty);
        name = TrailingWords().Replace(name, string.Empty);
        return name.Length is >= 2 and <= 14 && name.All(c => c is >= '\u4e00' and <= '\u9fff') ? name : null;
    }

    /// <summary>Words that ask about the table, its money or a set of rows, not one item; and names the table itself carries (its title, 一级/二级).</summary>
    private static bool NotAnItem(string name, FactSheet sheet)
    {
        if (GenericAsk().IsMatch(name))
        {
            return true;
        }

        string title = Core(sheet.Evaluation.Title ?? string.Empty);
        return (title.Length > 0 && (title.Contains(name, StringComparison.Ordinal) || name.Contains(title, StringComparison.Ordinal)))
            || sheet.Evaluation.Indicators.Any(i => Core(i.Level1 ?? string.Empty).StartsWith(name, StringComparison.Ordinal) || Core(i.Level2 ?? string.Empty).StartsWith(name, StringComparison.Ordinal));
    }

    /// <summary>A fund line by its source (市级资金, 上年结转的钱) that no line of the table has.</summary>
    private static string? MissingFund(string m, FactSheet sheet)
    {
        if (FundSource().Match(m) is not { Success: true } f || !FundQuestion().IsMatch(m))
        {
            return null;
        }

        string source = f.Groups[1].Value;
        string[] stems = source switch
        {
            "本级" or "地方" => ["本级", "地方", "县", "市", "区", "旗", "州", "省", "自治区"],
            "上年结转" or "结转" => ["结转"],
            "银行贷款" or "贷款" => ["贷款"],
            "专项债" or "债券" => ["债"],
            _ when source.EndsWith("本级", StringComparison.Ordinal) => [source[..1]],
            _ when source.EndsWith('级') => [source[..^1]],
            _ => [source],
        };
        bool present = sheet.Evaluation.Funds.Lines.Any(l => stems.Any(st => l.Name.Contains(st, StringComparison.Ordinal)));
        return present ? null : source + "资金";
    }

    private static string Core(string s) => new(s.Where(c => c is >= '\u4e00' and <= '\u9fff').ToArray());

    [GeneratedRegex("怎么改|咋改|如何改(?!写)|怎么整改|如何整改|怎么改进|如何改进|怎么提高|如何提高|怎么办|为什么|为啥|为何|怎么没|咋没|没完成|未完成|没有完成|没达到|未达到|没达标|完成了多少|完成得|完成情况|完成率|完成多少|得分|得了多少|得几分|几分|扣了|扣分|多少分|说服力|站得住")]
    private static partial Regex ItemQuestion();

    [GeneratedRegex("([\u4e00-\u9fff]{2,16}?)的?(?:那项|这项|那一项|这一项|那个指标|这个指标|那条指标|这条指标|这一指标|该项指标|该指标|那个项目|这个项目|一项指标|那块|这块|那方面|这方面)")]
    private static partial Regex PointedItem();

    [GeneratedRegex("[\u4e00-\u9fff]{2,16}$")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^(?:(?:请问|请教|请|麻烦|我想知道|想知道|我想了解|想了解|了解一下|说说|讲讲|告诉我|帮我看看|帮我看下|帮我|帮忙|看看|看下|我想问问?|想问一下|问一下|问下|再问|还有|然后|那么|那个|这个|那|这|关于|对于|我们的?|咱们的?|单位的?|表中的?|表里的?|表上的?|这张表的?|你好|老师|为什么|为啥|为何|怎么)[，,、\s]*)+")]
    private static partial Regex Filler();

    [GeneratedRegex("(?:的|指标|这一项|那一项|这项|那项|项目|情况|方面)+$")]
    private static partial Regex TrailingWords();

    /// <summary>Words that ask about the whole table, its money, a rule or a set of rows.</summary>
    [GeneratedRegex("总分|分数|得分|扣分|资金|执行|预算|结余|经费|钱|等级|评级|哪|什么|这|那|第|最[低高多少差好大小](?:的|$)|全部|所有|整体|总体|其他|其余|其它|剩下|每项|各项|几项|多项|报告|部分|原因|措施|理由|说明|表|指标|数字|数据|今年|去年|上年|明年|往年|单位|我们|工作|任务|目标|问题|情况|分值|规则|有没有|是不是|能不能|可不可以|如果|假如|要是|一共|总共|分别|每一|还差|差多少|相差|评优|得了|扣|外地|参考|写法|先例|怎么|怎样|咋|啥|的话|能得|能拿|会得")]
    private static partial Regex GenericAsk();

    [GeneratedRegex("(中央|省级|省|自治区|市级|市本级|州级|县级|县本级|区级|旗级|乡镇|上年结转|结转|自筹|社会|银行贷款|贷款|债券|专项债|地方|本级)(?:的)?(?:财政)?(?:补助)?(?:资金|的钱|拨款|配套|经费)")]
    private static partial Regex FundSource();

    [GeneratedRegex("执行|花完|花了|用完|用了|结余|剩|支出|到位|拨付|为什么|为啥|为何|多少|怎么样|怎么改|如何")]
    private static partial Regex FundQuestion();
}
