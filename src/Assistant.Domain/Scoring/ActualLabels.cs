using System.Text.RegularExpressions;

namespace Assistant.Domain.Scoring;

/// <summary>
/// Session 41 (probe 40 §11): the words a 完成值 cell prints before its number (帮扶就业率92%, 提升0.3个百分点, 较上年提升12%) change
/// what the row measures only when they name another measure. Words that say the figure is a change of the row's own measure
/// (提升, 较上年提升, 同比增长, 比上年下降) or qualify it (约, 累计, 实际, 全年) measure the same thing the row's name does, and
/// raise no <c>indicator.actual-label</c> finding; a label the name holds raises none either.
/// </summary>
internal static partial class ActualLabels
{
    /// <summary>True when the label <paramref name="label"/> of a 完成值 names a measure other than the row's <paramref name="name"/>.</summary>
    public static bool NamesAnotherMeasure(string name, string label)
    {
        string words = label.Trim();
        if (words.Length == 0 || name.Contains(words, StringComparison.Ordinal))
        {
            return false;
        }

        return !SameMeasure().IsMatch(words);
    }

    /// <summary>A change of the row's own measure (较上年提升, 同比增长, 提升, 下降了), or a qualifier (约, 累计, 实际完成, 全年达到).</summary>
    [GeneratedRegex(@"^(?:(?:较|比|与)(?:上年|上一年|去年|上年度|上年同期|基期|基线|基准年|2\d{3}年)(?:相比)?|同比|环比|年均|累计|全年|实际|共|约|合计)?(?:提升|提高|增长|增加|上升|下降|降低|减少|缩短|缩小|改善|增幅|降幅|完成|达到|达|为|是)?了?(?:约|达|到)?$")]
    private static partial Regex SameMeasure();
}
