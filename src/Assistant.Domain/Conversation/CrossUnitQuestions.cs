using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A question across the units a reviewer's scope covers: <see cref="Kind"/> is <c>indicator</c> (which
/// units fell short on <see cref="Indicator"/> and why), <c>execution</c> (执行率 by unit) or
/// <c>reasons</c> (the reasons most given); <see cref="Year"/> null for every year stored.
/// </summary>
public sealed record CrossUnitQuestion(string Kind, string? Indicator, int? Year);

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

    /// <param name="message">The user's message.</param>
    /// <param name="thisYear">The year 今年/本年 means (the conversation's table's year), or null.</param>
    public static CrossUnitQuestion? Recognize(string message, int? thisYear)
    {
        ArgumentNullException.ThrowIfNull(message);
        string m = message.Trim();
        bool across = Across().IsMatch(m);
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
            year = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else if (ThisYear().IsMatch(m))
        {
            year = thisYear;
        }

        if (mostGiven)
        {
            return new CrossUnitQuestion(Reasons, null, year);
        }

        if (ExecutionWord().IsMatch(m))
        {
            return new CrossUnitQuestion(Execution, null, year);
        }

        string? name = Name(m);
        if (name is not null)
        {
            return new CrossUnitQuestion(Indicator, name, year);
        }

        // Units named, no indicator: what fell short and why is the reasons they gave.
        return Shortfall().IsMatch(m) || reasonWord ? new CrossUnitQuestion(Reasons, null, year) : null;
    }

    /// <summary>The indicator's name: quoted, or what is left once the question's own words are taken away.</summary>
    public static string? Name(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Quoted().Match(message) is { Success: true } q)
        {
            return q.Groups[1].Value.Trim();
        }

        string rest = message;
        foreach (Regex r in new[] { Year(), ThisYear(), Across(), Around(), Status(), Asking(), Filler() })
        {
            rest = r.Replace(rest, string.Empty);
        }

        rest = rest.Trim();
        return rest.Length >= 2 ? rest : null;
    }

    [GeneratedRegex(@"(?:哪些|哪几|哪个|哪一个|哪家|各|每个|每一个|每家|所有|全部|下属|下级|按|分)\s*(?:家|个)?(?:单位|县区|县|区|市|部门|地方|地区|项目单位)|全(?:市|县|省|区)|单位之间|跨单位|谁(?=没|未)|(?:最低|最高|最少|最多|最差|最好|最慢|较低|偏低)的(?:单位|县区|县|区|部门|地区)")]
    private static partial Regex Across();

    [GeneratedRegex("原因|理由")]
    private static partial Regex ReasonWord();

    [GeneratedRegex("扣分|扣的分|扣了|失分|丢分|得分|哪几项|哪一项|哪项|哪个指标|哪些指标|哪几个指标|这项|该项|这个指标|本项目|这个项目|本表|这张表|我们|我单位|本单位")]
    private static partial Regex ThisTable();

    [GeneratedRegex("最常见|最多|最常|哪类|哪些类|哪一类|归类|分类|排行|排名|常见的")]
    private static partial Regex MostGiven();

    [GeneratedRegex("主要集中|集中在|哪些方面|主要是什么|主要有哪些")]
    private static partial Regex Concentrated();

    [GeneratedRegex("执行率|执行情况|预算执行|资金执行|执行进度|支出进度")]
    private static partial Regex ExecutionWord();

    [GeneratedRegex("没有?完成|未完成|没有?达标|未达标|不达标|没有?达到|未达到|达不到|短缺|差距|缺口|偏差|落后")]
    private static partial Regex Shortfall();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年?度?")]
    private static partial Regex Year();

    [GeneratedRegex("今年|本年度|本年|当年")]
    private static partial Regex ThisYear();

    [GeneratedRegex("[“\"「『‘]([^”\"」』’]{2,40})[”\"」』’]")]
    private static partial Regex Quoted();

    [GeneratedRegex("下面|下边|其中|里面|这些|单位|指标")]
    private static partial Regex Around();

    [GeneratedRegex("完成得?怎么样|完成得?如何|完成情况|没有?完成|未完成|没有?达标|未达标|不达标|没有?达到|未达到|达不到|目标值|目标|偏差|差距|缺口")]
    private static partial Regex Status();

    [GeneratedRegex("为什么|为何|原因是什么|什么原因|原因|理由|说了什么|是什么|什么|怎么样|怎样|如何|有哪些|哪些|谁|请问|请|列一下|列出|看看|说说|告诉我|分别|一下")]
    private static partial Regex Asking();

    [GeneratedRegex(@"[的了都呢吗啊在，。？！、：:；;,.?!\s]|上(?=没|未)")]
    private static partial Regex Filler();
}
