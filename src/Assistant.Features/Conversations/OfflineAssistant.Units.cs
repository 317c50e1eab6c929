using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Conversation;
using Assistant.Domain.Numbers;
using Assistant.Features.Review;

namespace Assistant.Features.Conversations;

/// <summary>
/// Cross-unit questions that narrow the view: one source of the money (县级配套资金执行率低于70%的有哪些),
/// one named unit's row (绥宁县森林火灾受害率超标了多少), the units by total score (哪个单位总分最高), and
/// a total asked across different programs (四个县合计执行率).
/// </summary>
public sealed partial class OfflineAssistant
{
    /// <summary>
    /// Each unit's fund line of the source asked (县级, 省级, 中央…), not its total: below (or at or above)
    /// the threshold given, else lowest first; the tables without such a line are counted apart.
    /// </summary>
    private string LineExecution(CrossUnitQuestion q, ExecutionAnswer a, string scope, string years)
    {
        string key = q.Line!;
        var rows = CrossUnitCounts.AtLevel(a.Rows, q.Level);
        // 蕲春县的县级资金执行率: that county's line only (session 41 compared every unit's).
        if (q.Place is { } place)
        {
            (var at, string? which) = AtPlace(a.Rows, r => r.UnitName, place);
            if (which is not null)
            {
                return which;
            }

            if (at.Count == 0)
            {
                return $"{scope}已提交的{years}自评表中，没有{place}已提交的表。\n";
            }

            rows = at;
        }

        var found = rows.SelectMany(r => r.Lines.Where(l => IsSource(l.Name, key)).Select(l => (Row: r, Line: l)))
            .OrderBy(x => Dec(x.Line.Rate) ?? decimal.MaxValue).ThenBy(x => x.Row.Unit, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{scope}已提交的{years}自评表共{Count(rows.Count, "张", "已提交的自评表")}，");
        if (found.Count == 0)
        {
            return sb.Append(CultureInfo.InvariantCulture, $"没有一张表单列“{key}”资金，无法按这部分资金比较；各表资金总额的执行率可问“各单位执行率”。\n").ToString();
        }

        int withLine = found.Select(x => x.Row.SubmissionId).Distinct().Count();
        sb.Append(CultureInfo.InvariantCulture, $"其中{Count(withLine, "张", $"单列{key}资金的表")}单列了“{key}”资金，下面比较的是这些资金行的执行率（不是资金总额的执行率）");
        var shown = found;
        if (q.Threshold is { } t)
        {
            string bound = Num(PrintedNumber.FormatTrimmed(t), "%", "您给出的执行率界限", null, ".rate");
            shown = found.Where(x => Dec(x.Line.Rate) is { } v && (q.Above ? v >= t : v < t)).ToList();
            string words = q.Above ? $"执行率不低于{bound}" : $"执行率低于{bound}";
            sb.Append(shown.Count == 0 ? $"，没有{key}资金{words}的单位。\n" : $"，{key}资金{words}的有{Count(shown.Count, "行", "符合界限的资金行")}：\n");
        }
        else if (q.Extreme != 0 && found.Any(x => Dec(x.Line.Rate) is not null))
        {
            var rated = found.Where(x => Dec(x.Line.Rate) is not null).ToList();
            var end = q.Extreme < 0 ? rated[0] : rated[^1];
            sb.Append(CultureInfo.InvariantCulture, $"，{key}资金执行率{(q.Extreme < 0 ? "最低" : "最高")}的是{Named(end.Row.UnitName)}（《{Named(end.Row.Title)}》）。由低到高：\n");
        }
        else
        {
            sb.Append("，由低到高：\n");
        }

        foreach (var (row, line) in shown.Take(MaxUnits))
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {Named(row.UnitName)}（《{Named(row.Title)}》）\n");
            sb.Append(line.Rate is null ? $"  “{Named(line.Name)}”执行率无法计算。\n"
                : $"  “{Named(line.Name)}”执行率{Num(line.Rate, "%", "执行率", 2, ".rate")}，全年预算数{Num(line.Budget, row.FundUnit, "全年预算数", null)}，执行数{Num(line.Executed, row.FundUnit, "执行数", null)}；资金总额执行率{Num(row.Rate, "%", "执行率", 2, ".rate")}。\n");
            sb.Append(line.Reason is { } reason ? $"  说明：{AnswerWriter.Quoted(Said(reason))}\n" : "  这一行没有填写说明。\n");
        }

        int without = rows.Count - withLine;
        if (without > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"另有{Count(without, "张", $"没有单列{key}资金的表")}表没有单列{key}资金。\n");
        }

        return sb.ToString();
    }

    /// <summary>A fund line of the source asked: 县级 is 县级资金、县级配套资金、县本级资金; 配套 any 配套 line; 中央 中央财政资金.</summary>
    internal static bool IsSource(string lineName, string key)
    {
        if (AnyPart().IsMatch(key))
        {
            return true; // 分项资金, 各级资金: every line below the total
        }

        string name = TextNormalizer.Normalize(lineName);
        if (name.Contains(key, StringComparison.Ordinal))
        {
            return true;
        }

        string stem = key.TrimEnd('级');
        return stem.Length < key.Length && (name.Contains(stem + "本级", StringComparison.Ordinal) || name.Contains(stem + "财政", StringComparison.Ordinal));
    }

    /// <summary>
    /// The tables' total 执行率 when they report on different programs: said as a sum for reference only,
    /// since each program's own total is the one that counts.
    /// </summary>
    private void AcrossPrograms(StringBuilder sb, ExecutionAnswer a)
    {
        // Every table's money in 万元 (元 ÷ 10000, 千元 ÷ 10, 亿元 × 10000: exact, one conversion for the chat and /review/execution), so none is left out of the sum.
        var summed = a.Rows.Where(r => r.ProgramKind == Domain.Review.CrossUnit.ProjectSpending && ReviewInsights.Wan(Dec(r.Budget), r.FundUnit) is > 0 && ReviewInsights.Wan(Dec(r.Executed), r.FundUnit) is not null).ToList();
        if (summed.Count < 2)
        {
            return;
        }

        decimal budget = summed.Sum(r => ReviewInsights.Wan(Dec(r.Budget), r.FundUnit)!.Value), executed = summed.Sum(r => ReviewInsights.Wan(Dec(r.Executed), r.FundUnit)!.Value);
        string rate = PrintedNumber.Format(executed / budget * 100m, 2);
        int programs = summed.Select(r => r.Program).Distinct(StringComparer.Ordinal).Count();
        sb.Append(CultureInfo.InvariantCulture, $"这{Count(summed.Count, "张", "相加的项目表")}项目表分属{Count(programs, "个", "不同的项目")}不同的项目，各项目的执行率应分别看（见下）；");
        sb.Append(CultureInfo.InvariantCulture, $"若把它们的执行数、预算数直接相加，合计执行率为{Num(rate, "%", "各表直接相加的合计执行率", 2, ".rate")}");
        sb.Append(CultureInfo.InvariantCulture, $"（执行数合计{Num(ReviewInsights.Money(executed), "万元", "各表执行数合计", null)} ÷ 预算数合计{Num(ReviewInsights.Money(budget), "万元", "各表预算数合计", null)}），只作参考。\n");
    }

    /// <summary>The units by total score, highest first (the one asked about named first), each with its grade and 执行率.</summary>
    private string Scores(CrossUnitQuestion q, ExecutionAnswer a, string scope, string years)
    {
        var rows = CrossUnitCounts.AtLevel(a.Rows, q.Level).Where(r => Dec(r.Total) is not null)
            .OrderByDescending(r => Dec(r.Total)).ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{scope}已提交的{years}自评表共{Count(a.Tables, "张", "已提交的自评表")}");
        if (rows.Count == 0)
        {
            return sb.Append("，没有计分的表（转移支付自评表不设总分）。\n").ToString();
        }

        if (q.Extreme != 0)
        {
            decimal end = q.Extreme > 0 ? Dec(rows[0].Total)!.Value : Dec(rows[^1].Total)!.Value;
            var at = rows.Where(r => Dec(r.Total) == end).ToList();
            // The number before its name (90.75分（总分）): after 总分 it would read as this conversation's own table's total.
            sb.Append(CultureInfo.InvariantCulture, $"，总分{(q.Extreme > 0 ? "最高" : "最低")}的是{string.Join("、", at.Select(r => $"{Named(r.UnitName)}（《{Named(r.Title)}》）"))}：\n");
            sb.Append(CultureInfo.InvariantCulture, $"  {Num(at[0].Total, "分", "总分", 2)}（总分，{at[0].Grade}）。\n各单位总分由高到低：\n");
        }
        else
        {
            sb.Append("，各单位总分由高到低：\n");
        }

        foreach (UnitExecutionRow r in rows.Take(MaxUnits))
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {Named(r.UnitName)}（《{Named(r.Title)}》）\n");
            sb.Append(CultureInfo.InvariantCulture, $"  {Num(r.Total, "分", "总分", 2)}（总分，{r.Grade}），");
            sb.Append(r.Rate is null ? "执行率无法计算。\n" : $"执行率{Num(r.Rate, "%", "执行率", 2, ".rate")}。\n");
        }

        sb.Append("执行率只决定资金指标那一项的得分，总分还取决于各项产出、效益和满意度指标，所以执行率高的单位总分不一定高；不同项目的表按各自的指标打分，总分之间只作参考比较。\n");
        return sb.ToString();
    }

    /// <summary>The named unit's row of the indicator, whatever its status: target, actual, completion, score, points lost and the reason given.</summary>
    private string UnitIndicator(CrossUnitQuestion q, IndicatorAnswer a, string scope, string years)
    {
        (var rows, string? which) = AtPlace(a.Rows, r => r.UnitName, q.Place!);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"在{scope}已提交的{years}自评表中，");
        if (which is not null)
        {
            return sb.Append(which).ToString();
        }

        if (rows.Count == 0)
        {
            return sb.Append(CultureInfo.InvariantCulture, $"{q.Place}的表里没有找到“{a.Name}”这项指标（或没有{q.Place}已提交的表）。\n").ToString();
        }

        foreach (UnitIndicatorRow r in rows.Take(MaxUnits))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Named(r.UnitName)}（《{Named(r.Title)}》）的“{Named(r.Name)}”：\n");
            sb.Append(CultureInfo.InvariantCulture, $"  指标值{Said(r.Target ?? "（未填）")}，完成值{Said(r.Actual ?? "（未填）")}，{r.StatusText}");
            sb.Append(r.Completion is null ? "" : $"，完成率{Num(r.Completion, "%", "完成率", 2, ".completion")}");
            sb.Append(r.Score is null ? "。\n" : $"，得{Num(r.Score, "分", "得分", 2)}（分值{Num(r.Weight, "分", "分值", null)}），扣{Num(r.LostPoints, "分", "扣分", 2)}。\n");
            if (r.IndicatorStatus == "short")
            {
                sb.Append(r.Reason is { } reason ? $"  填报的原因：“{Said(reason)}”（归为{r.ReasonKind}）。\n" : "  没有填报原因。\n");
            }
        }

        sb.Append("扣分怎么算、原因是否充分，可打开这张表后就这一项提问。\n");
        return sb.ToString();
    }

    /// <summary>
    /// Indicators named differently by each unit but of one kind (群众满意度、林区群众满意度、服务对象满意度 are
    /// all 满意度): grouped, most units short first; they lead the list when short in more units than any one name.
    /// </summary>
    private string Families(ShortfallsAnswer a)
    {
        var families = FamilyGroups(a);
        if (families.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder("按同类指标合并（各单位的指标名称不同，但属同一类，未完成的单位合计）：\n");
        foreach (var f in families)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {f.Family}类（{string.Join("、", f.Names.Select(n => $"“{Named(n)}”"))}）：{Count(f.Units.Count, "个", $"{f.Family}类未完成的单位")}单位存在缺口（{string.Join("、", f.Units.Select(Named))}）。\n");
        }

        return sb.ToString();
    }

    /// <summary>How many units the largest kind of indicator is short in (0 without a kind named differently across units).</summary>
    private static int FamilyUnits(ShortfallsAnswer a) => FamilyGroups(a).Select(f => f.Units.Count).DefaultIfEmpty(0).Max();

    private static List<(string Family, List<string> Names, List<string> Units)> FamilyGroups(ShortfallsAnswer a) =>
        a.Indicators.Select(c => (Family: FamilyOf(c.Name), C: c)).Where(x => x.Family is not null)
            .GroupBy(x => x.Family!, StringComparer.Ordinal)
            .Select(g => (Family: g.Key, Names: g.Select(x => x.C.Name).ToList(), Units: g.SelectMany(x => x.C.ShortUnits).Distinct(StringComparer.Ordinal).ToList()))
            .Where(f => f.Names.Count > 1 && f.Units.Count > 1)
            .OrderByDescending(f => f.Units.Count).ThenBy(f => f.Family, StringComparer.Ordinal).ToList();

    /// <summary>The kind of an indicator by the measure its name ends with (满意度, 覆盖率, 合格率…), or null.</summary>
    internal static string? FamilyOf(string name) => FamilyWord().Match(TextNormalizer.Normalize(name).Trim()) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("(?:满意度|覆盖率|合格率|达标率|及时率|知晓率|普及率|准确率|到位率|使用率|入住率|参与率|受益人(?:数|口)|完成时间|完成时限)$")]
    private static partial Regex FamilyWord();

    /// <summary>A unit is the place named when the place ends with the unit's own place (隆回县民政局 → 隆回县).</summary>
    /// <summary>
    /// The rows of the one unit a place means (乳源县 → 乳源瑶族自治县…, 武隆区 → 重庆市武隆区林业局, 包头市 → 包头市本级, not its
    /// counties), or, when it could mean two or more units, the question back naming them (never both answered as one).
    /// </summary>
    private (List<T> Rows, string? Which) AtPlace<T>(IReadOnlyList<T> rows, Func<T, string> unit, string place)
    {
        UnitPlaces.PlaceMatch match = UnitPlaces.Match(place, rows.Select(unit));
        if (match.Ambiguous)
        {
            return ([], $"“{place}”可能指{string.Join("、", match.Choices.Select(Named))}，请说明是哪一个单位（写出单位全称或所在的县区）。\n");
        }

        var names = match.Units.ToHashSet(StringComparer.Ordinal);
        return (rows.Where(r => names.Contains(unit(r))).ToList(), null);
    }

    [GeneratedRegex("^(?:分项|各级|各项|哪项|哪一项|哪笔)$")]
    private static partial Regex AnyPart();

    private static decimal? Dec(string? text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : null;
}
