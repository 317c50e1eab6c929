using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Which unit a place named in a reviewer's question means (session 42): the place is matched by its distinctive stem, so
/// 乳源县 is 乳源瑶族自治县, 两江区 is 两江新区, and 包头市 is the city's own unit (包头市本级, 包头市科学技术局), never a county of it
/// (包头市固阳县…). A place that two units' own places answer equally (兰州 for 兰州市 and 兰州新区) is no match but a choice: the
/// answer asks which.
/// </summary>
public static partial class UnitPlaces
{
    /// <summary>The units (by name) a place means, or the places to choose between when it could mean several.</summary>
    /// <param name="Units">The names of the units meant (each unit once); empty when none or when a choice is asked.</param>
    /// <param name="Choices">The places (each written whole, 南京市鼓楼区) or units the place could mean, when two or more; else empty.</param>
    public sealed record PlaceMatch(IReadOnlyList<string> Units, IReadOnlyList<string> Choices)
    {
        /// <summary>Whether the place could mean two or more units (ask which).</summary>
        public bool Ambiguous => Choices.Count > 1;
    }

    /// <summary>
    /// The places a unit's name opens with, the widest first: 重庆市武隆区林业局 → 重庆市, 武隆区; 乳源瑶族自治县住房和城乡建设管理局 →
    /// 乳源瑶族自治县; 宁夏回族自治区吴忠市利通区文化旅游体育广电局 → 宁夏回族自治区, 吴忠市, 利通区. The last is the unit's own place.
    /// </summary>
    public static IReadOnlyList<string> Of(string unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        var places = new List<string>();
        string rest = unitName.Trim();
        while (rest.Length > 0 && (places.Count == 0 ? First() : Next()).Match(rest) is { Success: true } m)
        {
            places.Add(m.Value);
            rest = rest[m.Length..];
        }

        return places;
    }

    /// <summary>
    /// A place's distinctive stem: its kind (省, 市, 县, 区, 新区, 旗, 州, 盟, 自治县…) and the peoples of an autonomous place taken off
    /// (乳源瑶族自治县 → 乳源, 两江新区 → 两江, 包头市本级 → 包头, 峰峰矿区 → 峰峰矿).
    /// </summary>
    public static string Stem(string place)
    {
        ArgumentNullException.ThrowIfNull(place);
        string p = place.Trim();
        p = Level().Replace(p, string.Empty);
        p = Kind().Replace(p, string.Empty);
        if (Peoples().Match(p) is { Success: true } people)
        {
            p = people.Groups["stem"].Value;
        }

        return p;
    }

    /// <summary>
    /// The units among <paramref name="unitNames"/> that <paramref name="place"/> means: those whose own place has the same stem;
    /// of several, those whose own place is written as asked (or of the same kind: 区 for 新区, 县 for 自治县); when still two or more
    /// places, a choice. With no unit's own place, the units whose wider place has the stem (重庆市 for its districts) — again a
    /// choice when they are two or more.
    /// </summary>
    public static PlaceMatch Match(string place, IEnumerable<string> unitNames)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(unitNames);
        string asked = place.Trim(), stem = Stem(asked);
        var all = unitNames.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Places: Of(n))).ToList();
        var units = all.Where(u => u.Places.Count > 0).ToList();
        List<(string Name, IReadOnlyList<string> Places)> own = stem.Length == 0 ? [] : units.Where(u => Stem(u.Places[^1]) == stem).ToList();
        if (own.Count == 0)
        {
            // 重庆市 for 重庆市武隆区林业局 (a wider place), else the place written inside a name the places were not read from.
            List<string> wider = stem.Length == 0 ? [] : units.Where(u => u.Places.Take(u.Places.Count - 1).Any(p => Stem(p) == stem)).Select(u => u.Name).ToList();
            if (wider.Count == 0)
            {
                wider = all.Where(u => u.Name.Contains(asked, StringComparison.Ordinal)).Select(u => u.Name).ToList();
            }

            return wider.Count <= 1 ? new PlaceMatch(wider, []) : new PlaceMatch([], wider);
        }

        // Units are told apart by their whole place (南京市鼓楼区 and 福州市鼓楼区 are two; 蕲春县's departments are one place).
        static string Where((string Name, IReadOnlyList<string> Places) u) => string.Concat(u.Places);
        if (own.Select(Where).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            var exact = own.Where(u => u.Places[^1] == asked).ToList();
            var sameKind = own.Where(u => KindOf(u.Places[^1]) == KindOf(asked)).ToList();
            own = exact.Count > 0 ? exact : sameKind.Count > 0 ? sameKind : own;
        }

        var chains = own.Select(Where).Distinct(StringComparer.Ordinal).ToList();
        return chains.Count > 1 ? new PlaceMatch([], chains) : new PlaceMatch(own.Select(u => u.Name).ToList(), []);
    }

    /// <summary>Whether the unit named <paramref name="unitName"/> is at <paramref name="place"/> (the unit's own place by its stem).</summary>
    public static bool At(string unitName, string place) => Match(place, [unitName]).Units.Count == 1;

    /// <summary>A place's kind, coarsely: 县 (县, 自治县, 旗), 区 (区, 新区, 矿区), 市, 州, 省.</summary>
    private static string KindOf(string place)
    {
        string p = Level().Replace(place.Trim(), string.Empty);
        return p.Length == 0 ? string.Empty : p[^1] switch { '旗' => "县", '盟' => "市", char c => c.ToString() };
    }

    /// <summary>The first place: 2–8 characters and a kind (省, 自治区, 市, 州, 盟, 县, 区, 旗).</summary>
    [GeneratedRegex("^(?:[^省市县区旗盟局委办院厅所站队]{2,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|新区|省|市|州|盟|县|区|旗)|[\u4e00-\u9fff]县)(?:本级)?")]
    private static partial Regex First();

    /// <summary>A place inside the first (吴忠市 after 宁夏回族自治区): as the first, never a single character and a kind (城市, 社区).</summary>
    [GeneratedRegex("^(?:[^省市县区旗盟局委办院厅所站队和与及的]{2,8}?(?:自治州|自治县|自治旗|新区|市|州|盟|县|区|旗)|[\u4e00-\u9fff]县)(?:本级)?")]
    private static partial Regex Next();

    [GeneratedRegex("本级$")]
    private static partial Regex Level();

    [GeneratedRegex("(?:特别行政区|自治区|自治州|自治县|自治旗|新区|省|市|州|盟|县|区|旗)$")]
    private static partial Regex Kind();

    /// <summary>The peoples of an autonomous place (瑶族, 土家族苗族) after a stem of two or more characters.</summary>
    [GeneratedRegex("^(?<stem>[\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,3}?族)+$")]
    private static partial Regex Peoples();
}
