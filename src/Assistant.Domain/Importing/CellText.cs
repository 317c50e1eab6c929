using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>Cleaning of cell text as PDF and Word copies deliver it.</summary>
public static partial class CellText
{
    /// <summary>
    /// Trims, joins wrapped lines and drops the spaces a PDF copy puts between Chinese characters
    /// (<c>当年财政 拨款</c> → <c>当年财政拨款</c>); spaces next to Latin letters, digits or ASCII
    /// punctuation stay (<c>创业带动就业 4208 人</c>).
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        string s = text.Replace('\u3000', ' ').Replace('\u00A0', ' ').Replace('\r', '\n');
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            int j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j]))
            {
                j++;
            }

            bool atEdge = sb.Length == 0 || j >= s.Length;

            // Two paragraphs of a cell (Enter inside a Word or Excel cell) join without a space where either side is Chinese.
            bool lineBreak = s.AsSpan(i, j - i).Contains('\n');
            bool cjkJoin = !atEdge && (IsCjk(sb[^1]) && IsCjk(s[j]) || lineBreak && (IsCjk(sb[^1]) || IsCjk(s[j])));
            if (!atEdge && !cjkJoin)
            {
                sb.Append(' ');
            }

            i = j;
        }

        return sb.ToString();
    }

    /// <summary>Chinese ideographs and the full-width punctuation that sits between them.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3001' and <= '\u303f') or (>= '\uff01' and <= '\uff0f') or (>= '\uff1a' and <= '\uff20')
            or '（' or '）' or '“' or '”' or '：' or '；' or '，' or '、' or '。';

    /// <summary>The text without any whitespace, for matching labels (<c>满意度 指标 (10) 分</c>).</summary>
    public static string Compact(string? text) =>
        text is null ? string.Empty : TextNormalizer.Normalize(WhiteSpace().Replace(text, string.Empty));

    /// <summary>A cell that stands for nothing: empty, a dash, a slash, 无.</summary>
    public static bool IsBlank(string? text)
    {
        string c = Compact(text);
        return c.Length == 0 || c is "-" or "--" or "—" or "——" or "/" or "—/—" or "－" or "―" or "_";
    }

    /// <summary>A number as printed, with optional %, thousands separators and a money unit; the bare number text, or null.</summary>
    public static string? Number(string? text, out bool percent, out string? unit)
    {
        percent = false;
        unit = null;
        string c = Compact(text);
        Match m = NumberCell().Match(c);
        if (!m.Success)
        {
            return null;
        }

        percent = m.Groups["pct"].Success;
        unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : null;
        string digits = m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (PrintedNumber.TryParse(digits, out _))
        {
            return digits;
        }

        // A value a spreadsheet or CSV wrote at full precision (0.923414814814815: 15 decimals) is a number, read to the
        // decimals a printed number keeps (half up); only a number too large stays unread.
        int dot = digits.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && dot <= 16 && digits.Length - dot - 1 > PrintedNumber.MaxDecimals
            && decimal.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out decimal full))
        {
            string rounded = PrintedNumber.Format(PrintedNumber.RoundHalfUp(full, PrintedNumber.MaxDecimals), PrintedNumber.MaxDecimals).TrimEnd('0');
            rounded = rounded.EndsWith('.') ? rounded + "0" : rounded;
            return PrintedNumber.TryParse(rounded, out _) ? rounded : null;
        }

        return null;
    }

    /// <summary>
    /// What was assumed when a number was read from a cell with more decimals than a printed number keeps (a spreadsheet or
    /// CSV value at full precision, 0.923414814814815): the cell and the value kept, in Chinese and English; null when the
    /// number is the cell's own.
    /// </summary>
    public static (string Zh, string En)? Rounded(string text, string number)
    {
        Match m = NumberCell().Match(Compact(text));
        if (!m.Success)
        {
            return null;
        }

        string digits = m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        return digits == number
            ? null
            : ($"“{text.Trim()}”的小数超过{PrintedNumber.MaxDecimals}位，按四舍五入读作{number}", $"\"{text.Trim()}\" has more than {PrintedNumber.MaxDecimals} decimals; read as {number} (rounded half up)");
    }

    /// <summary>
    /// Why a cell meant to hold a number was not read, in Chinese and English: a comma that is no thousands separator
    /// (920,00 — a decimal comma; read with the comma taken out it would be a hundred times larger) says so.
    /// </summary>
    public static (string Zh, string En) NotANumber(string text) =>
        PrintedNumber.IsMisgrouped(Compact(text).TrimEnd('%', '元', '万', '亿'))
            ? ($"“{text}”中的逗号不是千位分隔符，无法确定数值（小数请用小数点），未读取",
                $"\"{text}\": the comma is not a thousands separator, so the number is ambiguous (write decimals with a point); not read")
            : ($"“{text}”不是数字，未读取", $"\"{text}\" is not a number; not read");

    /// <summary>Is the cell a plain number (a 分值 or 得分)?</summary>
    public static bool IsPlainNumber(string? text) => Number(text, out bool pct, out string? unit) is not null && !pct && unit is null;

    /// <summary>
    /// Splits a unit printed at the end of a name: <c>享受公益性岗位补贴人员数量（人）</c> → (name, 人);
    /// <c>零就业家庭帮扶率 (%)</c> → (name, %). A bracket that is not a unit stays in the name.
    /// </summary>
    public static (string Name, string? Unit) SplitUnit(string name)
    {
        Match m = TrailingUnit().Match(name);
        if (!m.Success)
        {
            // A compound unit the list above does not spell (元/份, 元/册, 份/村): any bracket the cell reader takes as a compound unit.
            Match b = TrailingBracket().Match(name);
            if (b.Success && b.Index > 0)
            {
                string inner = TextNormalizer.Normalize(b.Groups["u"].Value).Trim();
                string spelled = Cells.CellUnits.Spell(inner.Replace('.', '·'));
                if (Cells.CellUnits.IsCompound(spelled))
                {
                    return (name[..b.Index].TrimEnd(), spelled);
                }
            }

            return (name, null);
        }

        string unit = TextNormalizer.Normalize(m.Groups["u"].Value).Trim().Replace('.', '·'); // 元/生·年 keeps its middle dot
        if (unit.StartsWith('％'))
        {
            unit = "%" + unit[1..];
        }

        return (name[..m.Index].TrimEnd(), unit);
    }

    /// <summary>A target or actual as the calculator reads it: the comparators ≧ / ≦ some tables print become ≥ / ≤.</summary>
    public static string Comparators(string text) => text.Replace('≧', '≥').Replace('≦', '≤');

    /// <summary>The unit printed after the number of a target (<c>≥16万人次</c> → 万人次, <c>≤1600元/人</c> → 元/人, <c>≥98%</c> → %).</summary>
    public static string? UnitOfValue(string? value)
    {
        string c = Compact(value);
        Match m = ValueUnit().Match(c);
        return m.Success ? m.Groups["u"].Value.Replace('.', '·').Replace('•', '·') : null; // 元/人·年 keeps its middle dot
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<n>[+-]?\d{1,3}(,\d{3})+(\.\d+)?|[+-]?\d+(\.\d+)?)(?<pct>%)?(?<unit>千万元|百万元|千元|万元|亿元|元)?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"\s*[（(]\s*(?<u>(?:%|％)(?:/(?:年|月|季度|季|周|日|天|半年))?|‰|年一遇|1/10万人?|1/万人?|1/1000|1/100|1/10000|[万亿千百]?(?:个工作日|工作日|个百分点|个月|人次|户次|家次|平方公里|平方米|立方米|公里|公斤|千克|公顷|台套|台次|课时|学时|小时|分钟|千瓦|人|元|个|家|次|户|项|场|所|天|日|年|月|台|套|件|册|篇|期|间|处|名|岗|亩|吨|辆|座|条|起|批|份|倍|岁|类|株|头|只|棵|盏|张|眼|口|艘|栋|宗|床|米)(?:/(?:人次|人|户|月|年|日|天|小时|公里|平方米|亩|次|个|件|所|家|座|条|期|班|公斤|吨|台套|台|辆|头|只|套|生|学期|季度|季|周|旬|半年)(?:·(?:年|月|日|天|学期|次))?){0,2})\s*[)）]\s*$")]
    private static partial Regex TrailingUnit();

    [GeneratedRegex(@"\s*[（(]\s*(?<u>[^()（）\s]{3,16})\s*[)）]\s*$")]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"^([≥≤><=＞＜≧≦]|>=|<=)?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(?<u>%(/[\u4e00-\u9fff]{1,2})?|[万亿]?[\u4e00-\u9fff]{0,3}(/[\u4e00-\u9fff]{1,2}([·.•][\u4e00-\u9fff]{1,2})?){0,2})$")]
    private static partial Regex ValueUnit();
}
