using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Cells;

/// <summary>
/// Units a cell may print after its number beyond the simple ones of <see cref="UnitSpec.KnownBases"/>: compound units
/// (元/台, 次/年, 人次/年, 个/村, 元/人·年, 吨/日) and rates per a power of ten (12/10万, 2例/10万人, 3.5/万人, 每10万人12,
/// 8‱). A rate's unit is written as the unit column writes it: <c>1/10万</c> (the form <see cref="UnitSpec.Canonical"/> gives).
/// </summary>
public static partial class CellUnits
{
    /// <summary>Words one part of a compound unit can be (besides the simple known bases).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> PartWords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
    [
        "元", "人", "人次", "户", "户次", "家", "个", "件", "起", "次", "项", "所", "天", "日", "名", "位", "例", "笔",
        "台", "台次", "套", "期", "场", "场次", "批", "批次", "份", "篇", "座", "条", "处", "间", "辆", "艘", "架", "部",
        "宗", "张", "头", "只", "本", "册", "栋", "幢", "村", "校", "支", "队", "眼", "口", "株", "棵", "盏", "块", "床",
        "吨", "公斤", "千克", "克", "斤", "亩", "公顷", "平方米", "立方米", "米", "公里", "千米", "千瓦", "千瓦时", "度",
        "年", "月", "周", "季度", "季", "学期", "学年", "课时", "学时", "小时", "分钟", "工作日", "个工作日", "个月",
        "生", "班", "乡", "镇", "乡镇", "县", "村居", "社区", "车", "人口", "项目", "单位", "企业", "学校", "医院", "机构",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="unit"/> (no magnitude before it) is a compound unit: two or three parts split by / (元/台, 元/人/年,
    /// 人次/年), each a unit word, a word after a magnitude (人/万人, 张/千人) or words joined by a middle dot (元/人·年).
    /// </summary>
    public static bool IsCompound(string unit)
    {
        if (unit.Length < 3 || unit.Length > 16 || unit.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            return false;
        }

        string[] parts = Spell(unit).Split('/');
        if (parts.Length > 3)
        {
            return false;
        }

        for (int i = 0; i < parts.Length; i++)
        {
            if (!IsPart(parts[i], allowMagnitude: i > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A unit as a cell prints it, its middle dot put back (元/人.年 and 元/人•年 → 元/人·年); other text as it is.</summary>
    internal static string Spell(string unit) =>
        unit.AsSpan().IndexOfAny('.', '•', '・') < 0 ? unit : UnitSpec.KeepMiddleDot(unit).Replace('•', '·').Replace('・', '·');

    private static bool IsPart(string part, bool allowMagnitude)
    {
        if (part.Length == 0)
        {
            return false;
        }

        if (PartWords.Contains(part))
        {
            return true;
        }

        if (allowMagnitude && part.Length > 1 && part[0] is '万' or '千' or '百' or '亿' && PartWords.Contains(part[1..]))
        {
            return true;
        }

        if (part.Contains('·', StringComparison.Ordinal))
        {
            foreach (string p in part.Split('·'))
            {
                if (!PartWords.Contains(p))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// A rate per a power of ten as a number of the base unit: <c>1/10万</c> → 100000, <c>1/万人</c> → 10000, <c>‰</c> → 1000,
    /// <c>‱</c> → 10000, <c>%</c> → 100, <c>1/1000</c> → 1000; null for any other unit. A count word before the / (例/10万人) or
    /// after the denominator (人, 人口, 活产, 户, 例) does not change the rate.
    /// </summary>
    public static decimal? PerDenominator(string? unitBase)
    {
        switch (unitBase)
        {
            case null or "":
                return null;
            case "%":
                return 100m;
            case "‰":
                return 1000m;
            case "‱":
                return 10000m;
        }

        Match m = PerUnit().Match(unitBase);
        if (!m.Success)
        {
            return null;
        }

        decimal n = m.Groups["n"].Success ? decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 1m;
        decimal mag = m.Groups["m"].Value switch
        {
            "亿" => 100_000_000m,
            "万" => 10_000m,
            "千" => 1_000m,
            "百" => 100m,
            _ => 1m,
        };
        decimal per = n * mag;
        return per >= 100m ? per : null;
    }

    /// <summary>
    /// Whether two bases name the same unit: equal, or both the same rate per a power of ten written two ways
    /// (1/10万 and 1/10万人, 例/10万, 1/100000).
    /// </summary>
    public static bool SameUnit(string a, string b) =>
        a == b || (MayBeRate(a) && MayBeRate(b) && PerDenominator(a) is { } pa && PerDenominator(b) is { } pb && pa == pb);

    /// <summary>A cheap test before the pattern: only a base with a / or a rate sign can be a rate (the verifier asks for every pair).</summary>
    private static bool MayBeRate(string unitBase) =>
        unitBase.Length > 0 && (unitBase[0] is '%' or '‰' or '‱' || unitBase.Contains('/', StringComparison.Ordinal));

    /// <summary>Whether two units have the same base, or either has none (<see cref="SameUnit"/>).</summary>
    public static bool SameBase(UnitSpec a, UnitSpec b) =>
        a.Base.Length == 0 || b.Base.Length == 0 || SameUnit(a.Base, b.Base);

    /// <summary>
    /// A bare number takes the unit its partner cell prints (≤90万元 against 90 is 90万元), also when the unit column names another
    /// unit than the cell (≤8000元/台 against 8188 under 元 is 8188元/台: the two cells agree, and the column is flagged as a finding).
    /// </summary>
    internal static (Cell Target, Cell Actual) WithPartnerUnits(Cell target, Cell actual, string? targetText, string? actualText)
    {
        if (actual is QuantityCell { CellUnit.IsEmpty: true } ab && target is QuantityCell { CellUnit.IsEmpty: false } tu
            && (ab.EffectiveUnit.IsEmpty || !SameBase(ab.EffectiveUnit, tu.CellUnit)))
        {
            return (target, CellParser.Parse(actualText, tu.CellUnit.Text));
        }

        if (target is QuantityCell { CellUnit.IsEmpty: true } tb && actual is QuantityCell { CellUnit.IsEmpty: false } au
            && (tb.EffectiveUnit.IsEmpty || !SameBase(tb.EffectiveUnit, au.CellUnit)))
        {
            return (CellParser.Parse(targetText, au.CellUnit.Text), actual);
        }

        return (target, actual);
    }

    /// <summary>
    /// The factor that turns a value in the rate <paramref name="from"/> into the rate <paramref name="to"/> when both are rates
    /// per a power of ten (3‰ is 30‱: factor 10; 12/10万 is 1.2‱: factor 0.1); null otherwise.
    /// </summary>
    /// <remarks>A percentage is not converted: 3.6% against ≤3‰ is more likely a unit slip than 36‰, so it stays a finding.</remarks>
    public static decimal? RateFactor(string from, string to) =>
        from != "%" && to != "%" && PerDenominator(from) is { } pf && PerDenominator(to) is { } pt ? pt / pf : null;

    /// <summary>
    /// Reads a cell whose number is followed by a denominator (≤12/10万, 11.8/10万, 2例/10万人, 不超过15/10万以内, 3.5(1/万)) or
    /// preceded by one (每10万人12例, 每万人≥6): the head without the denominator, and the unit as the unit column writes it
    /// (1/10万, 例/10万人); false for any other text.
    /// </summary>
    internal static bool TrySplitRate(string compact, out string head, out string unit)
    {
        Match m = RateAfter().Match(compact);
        if (!m.Success)
        {
            m = RateBefore().Match(compact);
        }

        if (!m.Success)
        {
            head = string.Empty;
            unit = string.Empty;
            return false;
        }

        string word = m.Groups["w"].Value;
        head = m.Groups["pre"].Value + m.Groups["num"].Value + m.Groups["tail"].Value;
        unit = (word.Length > 0 ? word : "1") + "/" + m.Groups["d"].Value;
        return true;
    }

    // Number, optional count word, "/" (or "(1/"), a denominator, optional closing bracket and tail.
    [GeneratedRegex(@"^(?<pre>[^\d]*)(?<num>\d+(?:,\d{3})*(?:\.\d+)?)(?<w>例|人次|人|次|个|件|起|户|名)?[（(]?1?/(?<d>(?:[1-9]0*)?(?:亿|万|千|百)(?:人口|人|活产|户|例)?|10{2,}(?:人口|人|活产|户|例)?)[)）]?(?<tail>及以上|及以下|以上|以下|以内|内)?$")]
    private static partial Regex RateAfter();

    // 每10万人12例, 每万人口≥6, 每千人不低于3.
    [GeneratedRegex(@"^每(?<d>(?:[1-9]0*)?(?:亿|万|千|百)(?:人口|人|活产|户)?)(?<pre>[^\d]{0,5})(?<num>\d+(?:,\d{3})*(?:\.\d+)?)(?<w>例|人次|人|次|个|件|起|户|名)?(?<tail>及以上|及以下|以上|以下|以内|内)?$")]
    private static partial Regex RateBefore();

    [GeneratedRegex(@"^(?:例|人次|人|次|个|件|起|户|名|1)?/(?<n>[1-9]0*)?(?<m>亿|万|千|百)?(?:人口|人|活产|户|例)?$")]
    private static partial Regex PerUnit();
}
