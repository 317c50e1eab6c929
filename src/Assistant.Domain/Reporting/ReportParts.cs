namespace Assistant.Domain.Reporting;

/// <summary>One of the five parts of a 绩效自评报告 (DOMAIN §5), by its contract key and its heading.</summary>
public sealed record ReportPartInfo(string Key, string Numeral, string Heading);

/// <summary>The five parts, in the order a report prints them.</summary>
public static class ReportParts
{
    public const string Targets = "targets";
    public const string Performance = "performance";
    public const string Deviation = "deviation";
    public const string Application = "application";
    public const string Other = "other";

    public static readonly IReadOnlyList<ReportPartInfo> All =
    [
        new(Targets, "一", "一、绩效目标分解下达情况"),
        new(Performance, "二", "二、绩效情况分析"),
        new(Deviation, "三", "三、偏离绩效目标的原因和下一步改进措施"),
        new(Application, "四", "四、绩效自评结果拟应用和公开情况"),
        new(Other, "五", "五、其他需要说明的问题"),
    ];

    public static IReadOnlyList<string> Keys { get; } = All.Select(p => p.Key).ToList();

    /// <summary>The part by key (targets …) or numeral (一 …, 1 …); null when unknown.</summary>
    public static ReportPartInfo? Find(string? name)
    {
        string n = (name ?? string.Empty).Trim().ToLowerInvariant();
        return All.FirstOrDefault(p => p.Key == n || p.Numeral == n || (All.ToList().IndexOf(p) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) == n);
    }

    public static ReportPartInfo Get(string key) => Find(key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "unknown report part");
}
