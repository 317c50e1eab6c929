using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Review;

/// <summary>
/// A program's name from a table's title, for summing one program across units: the title without its year, codes, the
/// places in it and the unit's own names, so 2024年乙县基本公共卫生服务项目 (乙县) and 基本公共卫生服务项目 (甲县) are one
/// program. A place is stripped when it is the unit's own (its region's parts, the place its department's name starts
/// with), when it leads the title (泰和县…, 内蒙古自治区锡林郭勒盟…) or when it is all a bracket holds (（乙县）); a word that
/// only ends like a place (城市社区、老旧小区、农贸市场、美丽乡村、特色小镇) stays, so distinct programs stay apart.
/// </summary>
public static partial class ProgramNames
{
    /// <summary>Words ending in a place's suffix that are not places.</summary>
    private static readonly string[] NotPlaces =
    [
        "城市", "都市", "超市", "城乡", "县乡", "乡镇", "小镇", "集镇", "村镇", "城镇", "古镇", "重镇", "社区", "小区", "园区", "景区", "城区", "街区", "山区",
        "牧区", "库区", "矿区", "灾区", "老区", "郊区", "市区", "校区", "片区", "辖区", "开发区", "新区", "试验区", "示范区", "保护区", "功能区", "自贸区",
        "服务区", "安置区", "林区", "垦区", "湾区", "民族地区", "贫困地区", "边远地区", "边境地区", "农村地区", "欠发达地区", "重点地区", "全县", "本县", "全市", "本市", "全区", "本区", "全省", "本省", "全州", "全旗", "全盟", "全乡", "全镇",
        "各县", "各区", "各市", "各乡", "各镇", "我县", "我市", "我区", "我省", "我旗",
    ];

    /// <summary>Characters that make a place's suffix the start of a word (市场、市政、县级、省直、区域、乡村、镇村).</summary>
    private const string WordAfterSuffix = "场政容民级直属辖郊域间块村街土帜";

    /// <summary>The program's name: <paramref name="title"/> without year, codes, places and the unit's <paramref name="names"/>; the title itself when too little is left.</summary>
    public static string Of(string title, IEnumerable<string?> regions, IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(names);
        string t = TextNormalizer.Normalize(title).Trim();
        var unitNames = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => TextNormalizer.Normalize(n!).Trim()).ToList();
        var known = KnownPlaces(regions, unitNames);

        string name = Code().Replace(Year().Replace(t, string.Empty), string.Empty);
        foreach (string n in unitNames.Concat(known).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length))
        {
            name = name.Replace(n, string.Empty, StringComparison.Ordinal);
        }

        // A bracket holding only a place, a year or nothing (（乙县）, （2024年度）, [XM-015] once its code is gone) goes.
        name = Bracket().Replace(name, m => IsPlaces(m.Groups[1].Value.Trim(), minPrefix: 1) || m.Groups[1].Value.Trim().Length == 0 ? string.Empty : m.Value);
        name = name.Trim(' ', '-', '—', '_', '·', '：', ':');
        name = name.TrimStart('）', ')', '】', ']', '〕').TrimEnd('（', '(', '【', '[', '〔').Trim();
        name = LeadingPlaces(name);
        name = Tail().Replace(name, string.Empty).Trim();
        return name.Length >= 2 ? name : t;
    }

    /// <summary>The unit's own places: each part of its region (四川省乙县 → 四川省, 乙县) and the place its names start with (乙县卫生健康局 → 乙县).</summary>
    public static IReadOnlyList<string> KnownPlaces(IEnumerable<string?> regions, IEnumerable<string> names)
    {
        var places = new List<string>();
        foreach (string r in regions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => TextNormalizer.Normalize(r!)))
        {
            places.AddRange(Components(Cjk().Replace(r, string.Empty), minPrefix: 1, whole: true));
        }

        foreach (string n in names)
        {
            places.AddRange(Components(n, minPrefix: 1, whole: false));
        }

        return places.Where(p => p.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether <paramref name="text"/> is nothing but places (乙县, 四川省乙县).</summary>
    private static bool IsPlaces(string text, int minPrefix) =>
        text.Length > 0 && Components(text, minPrefix, whole: true) is { Count: > 0 } parts && string.Concat(parts) == text;

    /// <summary>The places <paramref name="text"/> starts with, one after another; with <paramref name="whole"/> they must fill it.</summary>
    private static List<string> Components(string text, int minPrefix, bool whole)
    {
        var parts = new List<string>();
        int at = 0;
        while (at < text.Length && Place(text, at, minPrefix) is { } p)
        {
            parts.Add(p);
            at += p.Length;
        }

        return whole && at < text.Length ? parts.Where(p => p.Length > 0).ToList() : parts;
    }

    /// <summary>The place starting at <paramref name="at"/>: at least <paramref name="minPrefix"/> characters before the last (乙县 with 1, 郑州市 with 2), a suffix (县, 自治区, 市…), not a word that only ends like one.</summary>
    private static string? Place(string text, int at, int minPrefix)
    {
        Match m = OnePlace().Match(text, at);
        if (!m.Success || m.Index != at || m.Length < minPrefix + 1)
        {
            return null;
        }

        string p = m.Value;
        // 恩施市市场监督管理局: the second 市 opens the bureau's name (市场), so the place is 恩施市 (session 37).
        if (m.Groups["x"].Success && at + p.Length < text.Length && WordAfterSuffix.Contains(text[at + p.Length], StringComparison.Ordinal))
        {
            p = p[..^1];
        }

        int next = at + p.Length;
        bool wordAfter = next < text.Length && WordAfterSuffix.Contains(text[next], StringComparison.Ordinal)
            && !BureauStarts.Any(b => text.AsSpan(next).StartsWith(b, StringComparison.Ordinal));
        bool notPlace = (!IsNamedZone(p) && NotPlaces.Any(w => p.EndsWith(w, StringComparison.Ordinal))) || wordAfter;
        return notPlace ? null : p;
    }

    /// <summary>
    /// Words a unit's name opens with right after its place (利川市民政局, 武侯区民宗局, 长阳土家族自治县民族宗教事务局, 某市政务服务中心,
    /// 某县土地整治中心): the place's suffix is no start of a word (市民, 市政, 乡土) there (session 37).
    /// </summary>
    private static readonly string[] BureauStarts = ["民政", "民族", "民宗", "民委", "民防", "政府", "政务", "政协", "政法", "土地"];

    /// <summary>
    /// A new area or development zone with a name of its own (两江新区, 贵安新区, 长春经济技术开发区, 成都高新区): a place, where 新区 or
    /// 开发区 alone, or after words any zone may hold (经济技术开发区, 城东新区), is not (session 37).
    /// </summary>
    private static bool IsNamedZone(string p)
    {
        foreach (string zone in Zones)
        {
            if (p.EndsWith(zone, StringComparison.Ordinal))
            {
                string name = ZoneWords().Replace(p[..^zone.Length], string.Empty);
                return name.Length >= 2 && !GenericZoneNames.Contains(name, StringComparer.Ordinal);
            }
        }

        return false;
    }

    private static readonly string[] Zones = ["开发区", "高新区", "新区"];

    private static readonly string[] GenericZoneNames = ["城市", "城东", "城西", "城南", "城北", "东部", "西部", "南部", "北部", "中心", "老城", "主城", "国家", "省级", "市级", "县级"];

    [GeneratedRegex(@"(?:经济技术|高新技术产业|高新技术|经济|技术|产业|工业|综合保税|保税|国家级|省级)+$")]
    private static partial Regex ZoneWords();

    /// <summary>Places leading the title (泰和县高标准农田…, 内蒙古自治区锡林郭勒盟草原…), when at least four characters of name follow.</summary>
    private static string LeadingPlaces(string name)
    {
        while (Place(name, 0, minPrefix: 2) is { } p && Cjk().Replace(name[p.Length..], string.Empty).Length >= 4)
        {
            name = name[p.Length..].TrimStart('-', '—', '_', '·', ' ');
        }

        return name;
    }

    [GeneratedRegex(@"\G(?<p>[\p{IsCJKUnifiedIdeographs}]{1,8}?)(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗|镇|乡)(?<x>市|县|区|省)?")]
    private static partial Regex OnePlace();

    [GeneratedRegex(@"[^\p{IsCJKUnifiedIdeographs}]+")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z0-9._\-]+")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*年度?|二[〇零○][一二三四五六七八九〇零○]{2}年度?|年度")]
    private static partial Regex Year();

    [GeneratedRegex(@"[（(【\[〔]([^（()）【】\[\]〔〕]*)[）)】\]〕]")]
    private static partial Regex Bracket();

    /// <summary>绩效自评表 after the name (基本公共卫生服务项目绩效自评表 is the program 基本公共卫生服务项目).</summary>
    [GeneratedRegex(@"(?:绩效)?自评表?$")]
    private static partial Regex Tail();
}
