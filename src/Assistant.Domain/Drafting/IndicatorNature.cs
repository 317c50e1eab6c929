using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>What an indicator counts: people or things, money, a rate, time, or a quality judged in words.</summary>
public enum Nature
{
    Unknown,
    Count,
    Money,
    Rate,
    Time,
    Quality,
}

/// <summary>Tells the <see cref="Nature"/> of an indicator (by its unit, target and name) and of a sentence (by its words).</summary>
public static partial class IndicatorNature
{
    /// <summary>The nature of an indicator row.</summary>
    public static Nature Of(string name, string? unit = null, string? target = null, string? level2 = null)
    {
        string u = (unit ?? string.Empty) + " " + (target ?? string.Empty);
        if (MoneyUnit().IsMatch(u) || (level2 ?? string.Empty).Contains("成本", StringComparison.Ordinal) && !u.Contains('%', StringComparison.Ordinal) && !CountUnit().IsMatch(u))
        {
            return Nature.Money;
        }

        if (u.Contains('%', StringComparison.Ordinal) || u.Contains('％', StringComparison.Ordinal) || name.EndsWith('率'))
        {
            return Nature.Rate;
        }

        if (TimeWord().IsMatch(name + u))
        {
            return Nature.Time;
        }

        if (CountUnit().IsMatch(u) || CountName().IsMatch(name))
        {
            return Nature.Count;
        }

        return (level2 ?? string.Empty).Contains("效益", StringComparison.Ordinal) || (level2 ?? string.Empty).Contains("质量", StringComparison.Ordinal) ? Nature.Quality : Nature.Unknown;
    }

    /// <summary>The nature a sentence speaks of: money when it talks of funds and spending, a count when of numbers of people.</summary>
    public static Nature OfSentence(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        bool money = MoneyWord().IsMatch(sentence);
        bool count = CountWord().IsMatch(sentence);
        return money && !count ? Nature.Money : count && !money ? Nature.Count : Nature.Unknown;
    }

    /// <summary>Whether a sentence of nature <paramref name="sentence"/> can speak of an indicator of nature <paramref name="indicator"/>.</summary>
    public static bool Compatible(Nature indicator, Nature sentence) =>
        indicator == Nature.Unknown || sentence == Nature.Unknown || indicator == sentence
        || (indicator == Nature.Rate && sentence == Nature.Count);

    [GeneratedRegex(@"元|万元|亿元")]
    private static partial Regex MoneyUnit();

    [GeneratedRegex(@"人|个|家|户|次|项|所|批|期|场|名|间|处")]
    private static partial Regex CountUnit();

    [GeneratedRegex(@"数量|人数|人次|个数|户数|家数")]
    private static partial Regex CountName();

    [GeneratedRegex(@"时限|时间|及时|天|日前|月底|年底前|工作日")]
    private static partial Regex TimeWord();

    [GeneratedRegex(@"资金|支出|预算|结余|拨付|经费|执行率|报账|清算|结算|兑付|下达")]
    private static partial Regex MoneyWord();

    [GeneratedRegex(@"人数|人员|对象|人次|岗位数|户数|参与|报名|意愿")]
    private static partial Regex CountWord();
}
