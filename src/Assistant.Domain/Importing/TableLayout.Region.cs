using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

public static partial class TableLayout
{
    /// <summary>The region a department's name begins with (<c>中卫市人力资源和社会保障局</c> → 中卫市).</summary>
    public static string? RegionOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        Match m = RegionPattern().Match(CellText.Compact(name));
        if (!m.Success)
        {
            return null;
        }

        string compact = CellText.Compact(name);
        string region = m.Groups["r"].Value;
        if (region.EndsWith('州') && compact.AsSpan(region.Length).StartsWith("市", StringComparison.Ordinal))
        {
            region += "市"; // 福州市, 广州市: the city, not a 州 that ends at 州
        }

        if (region[0] is '各' or '本' or '全' || region.StartsWith("市县", StringComparison.Ordinal) || region.StartsWith("县区", StringComparison.Ordinal))
        {
            return null;
        }

        // 四川省南江县教育局, 河南省周口市医疗保障局: the unit's own place is the one written under the province (a county's
        // table is not a provincial project); a city's district stays with its city (广州市番禺区 → 广州市).
        int at = region.Length;
        for (int step = 0; step < 1 && (region.EndsWith('省') || region.EndsWith("自治区", StringComparison.Ordinal)); step++)
        {
            Match next = RegionPattern().Match(compact[at..]);
            string lower = next.Success ? next.Groups["r"].Value : string.Empty;
            if (lower.EndsWith('州') && compact.AsSpan(at + lower.Length).StartsWith("市", StringComparison.Ordinal))
            {
                lower += "市"; // 浙江省湖州市, 广东省广州市: the city under the province, as above
            }

            if (!IsLowerPlace(lower, underProvince: true))
            {
                break;
            }

            region = lower;
            at += lower.Length;
        }

        // 重庆市武隆区林业局, 广州市番禺区民政局, 四川省巴中市南江县教育局: a county or district written under its city is the
        // unit's own place, and a county-level table reads 市级资金 as the city's transfer; the city stays in front.
        if (region.EndsWith('市') || region.EndsWith("自治州", StringComparison.Ordinal) || region.EndsWith("地区", StringComparison.Ordinal) || region.EndsWith('盟'))
        {
            int cityEnd = compact.IndexOf(region, StringComparison.Ordinal) + region.Length;
            Match next = RegionPattern().Match(compact[cityEnd..]);
            string lower = next.Success ? next.Groups["r"].Value : string.Empty;
            if (IsLowerPlace(lower, underProvince: false))
            {
                region += lower;
            }
        }

        return region;
    }

    /// <summary>
    /// Whether <paramref name="lower"/>, read after a province or a city, is a place of its own: a 市, 县, 区 or 旗 (under a province
    /// also an 自治州 or 盟), and not a word that only ends like one (市区, 社区). Under a city a zone (经济开发区, 高新区) is not a place
    /// of its own either; under a province it stays the region, as a zone with its own finance bureau (成都高新区) is read.
    /// </summary>
    private static bool IsLowerPlace(string lower, bool underProvince) =>
        lower.Length is >= 2 and <= 12
        && (lower.EndsWith('市') || lower.EndsWith('县') || lower.EndsWith('区') || lower.EndsWith('旗')
            || (underProvince && (lower.EndsWith("自治州", StringComparison.Ordinal) || lower.EndsWith('盟'))))
        && !NotAPlace.Contains(lower)
        && (underProvince || !NotAPlaceEndings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)));

    /// <summary>Endings of zones that are not places (开发区, 高新区, 示范区, 园区, 社区).</summary>
    private static readonly string[] NotAPlaceEndings = ["开发区", "高新区", "示范区", "园区", "社区"];

    /// <summary>Words that end like a place and are none (城市管理局, 市区, 社区服务中心).</summary>
    private static readonly HashSet<string> NotAPlace = ["城市", "城区", "市区", "县区", "地区", "社区", "园区", "新区", "景区", "校区", "辖区", "片区", "矿区", "开发区", "高新区", "市县", "县市", "省市", "全区", "全市", "全县", "本市", "本县", "本区"];

    [GeneratedRegex(@"^(?<r>[\u4e00-\u9fff]+?(自治区|省|自治州|地区|市|州|盟|县|旗|区))")]
    private static partial Regex RegionPattern();
}
