using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Finds the fund lines a message names (上年结转的钱用完没, 县级资金为啥执行这么低, 中央的执行率): a line's
/// name without its generic ending (资金, 财政资金, 拨款, 经费), or 地方 for the province, city and county lines
/// when no line is called 地方. The total line is never named this way (it is every line's answer anyway).
/// </summary>
public static class FundMatcher
{
    private static readonly string[] Endings = ["财政拨款资金", "财政拨款", "财政资金", "补助资金", "资金", "拨款", "经费", "财政"];
    private static readonly string[] LocalLevels = ["省级", "省本级", "市级", "市本级", "县级", "县本级", "区级", "本级", "自治区", "省", "市", "县"];

    public static IReadOnlyList<int> Match(string canonical, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(sheet);
        var found = new List<int>();
        var lines = sheet.Report.Funds.Where(l => !l.IsRoot).ToList();
        foreach (var line in lines)
        {
            string key = Key(line.Name);
            string asked = Vague.Contains(key) ? Whole(line.Name) : key; // 其他 / 本年 alone say too little
            if (key.Length >= 2 && canonical.Contains(asked, StringComparison.Ordinal))
            {
                found.Add(line.Index);
            }
        }

        // 县级配套 for a line called 县级自筹资金: the level alone, when it picks exactly one line — also beside a line
        // named in full (中央和县级各剩多少: 中央 names 中央补助资金, 县级 names 县级配套资金).
        foreach (string level in Levels.Where(l => canonical.Contains(l, StringComparison.Ordinal)))
        {
            var atLevel = lines.Where(l => Key(l.Name).StartsWith(level, StringComparison.Ordinal)).ToList();
            if (atLevel.Count == 1 && !found.Contains(atLevel[0].Index) && !found.Any(i => Key(lines.First(l => l.Index == i).Name).StartsWith(level, StringComparison.Ordinal)))
            {
                found.Add(atLevel[0].Index);
            }
        }

        if (found.Count == 0 && canonical.Contains("地方", StringComparison.Ordinal) && !lines.Any(l => l.Name.Contains("地方", StringComparison.Ordinal)))
        {
            found.AddRange(lines.Where(l => LocalLevels.Any(level => Key(l.Name).StartsWith(level, StringComparison.Ordinal))).Select(l => l.Index));
        }

        // A key inside a longer named key (中央 inside 中央财政) names one line, the longer.
        var keys = found.Distinct().ToDictionary(i => i, i => Key(sheet.Report.Funds.First(l => l.Index == i).Name));
        return found.Where(i => !keys.Any(k => k.Key != i && k.Value.Length > keys[i].Length && k.Value.Contains(keys[i], StringComparison.Ordinal)
            && canonical.Contains(k.Value, StringComparison.Ordinal))).ToList();
    }

    private static readonly string[] Levels = ["中央", "省级", "自治区", "州市级", "市州级", "盟市级", "地市级", "市级", "州级", "县级", "区级", "旗级", "乡镇级", "乡镇"];

    private static readonly HashSet<string> Vague = new(StringComparer.Ordinal) { "其他", "其它", "本年", "当年", "本级" };

    private static string Whole(string name) => new(TextNormalizer.Normalize(name).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The distinctive part of a line's name: 县级资金 → 县级, 上年结转 → 上年结转, 其中：中央财政资金 → 中央.</summary>
    internal static string Key(string name)
    {
        string k = TextNormalizer.Normalize(name).Trim();
        int colon = k.IndexOfAny(['：', ':']);
        if (colon >= 0)
        {
            k = k[(colon + 1)..].Trim();
        }

        k = new string(k.Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）')).ToArray());
        foreach (string ending in Endings)
        {
            if (k.Length > ending.Length + 1 && k.EndsWith(ending, StringComparison.Ordinal))
            {
                return k[..^ending.Length];
            }
        }

        return k;
    }
}
