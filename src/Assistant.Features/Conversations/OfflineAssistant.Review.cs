using System.Globalization;
using System.Text;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Review;
using Assistant.Features.Review;

namespace Assistant.Features.Conversations;

/// <summary>Cross-unit questions answered offline: the same kernel functions the model calls, every number a fact of the turn.</summary>
public sealed partial class OfflineAssistant
{
    /// <summary>Units listed in one answer at most; the API gives them all.</summary>
    public const int MaxUnits = 20;

    /// <summary>What a conversation without a table can answer, said when asked anything else.</summary>
    public const string ScopeHelp =
        "这个对话没有选定自评表，可以就您可查看的各单位提问，例如：\n" +
        "- 哪些单位城镇新增就业人数没完成，为什么\n" +
        "- 各单位执行率，执行率最低的单位\n" +
        "- 今年最常见的偏差原因\n" +
        "- 哪些单位没写偏差原因，哪些原因是套话（与别的单位一字不差、同一句用在多项上）\n" +
        "- 哪些指标未完成的单位最多，执行率低于某个百分比的单位，各县合计执行率\n" +
        "- 找类似的偏差原因案例\n" +
        "要问某张表的得分、扣分原因，或起草、导出报告，请打开那张表（或那份送审材料）后在那里提问。\n";

    /// <summary>
    /// A question across units, and (session 39) a warning after it when a unit submitted one table more than once: only the
    /// latest submission was counted, and the reviewer should know the other exists.
    /// </summary>
    private async Task<string> AcrossAsync(CrossUnitQuestion q, ChatTools tools)
    {
        string answer = await AcrossAnswerAsync(q, tools);
        if (tools.Duplicates.Count == 0)
        {
            return answer;
        }

        var sb = new StringBuilder(answer);
        foreach (DuplicateSubmission d in tools.Duplicates)
        {
            // No figure in the warning: the number of submissions is in the API's duplicates list, and the chat's number gate
            // holds only the view's own figures.
            sb.Append(CultureInfo.InvariantCulture, $"注意：{Named(d.UnitName)}的《{Named(d.Title)}》重复提交了同一张表，以上统计只计最新一次提交，其余提交未计入，请核实是否重复提交。\n");
        }

        return sb.ToString();
    }

    private async Task<string> AcrossAnswerAsync(CrossUnitQuestion q, ChatTools tools)
    {
        string scope = tools.Scope.Subtree ? "您可查看的各单位" : "本单位（您的密钥只能查看本单位）";
        string years = q.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : "各年度";
        var sb = new StringBuilder();
        switch (q.Kind)
        {
            case CrossUnitQuestions.Indicator:
            {
                IndicatorAnswer a = await tools.UnitsIndicatorAsync(q.Indicator!, q.Year);
                if (q.Place is not null)
                {
                    return UnitIndicator(q, a, scope, years);
                }

                sb.Append(CultureInfo.InvariantCulture, $"在{scope}已提交的{years}自评表（共{Count(a.Tables, "张", "已提交的自评表")}）中，");
                if (a.Matched == 0)
                {
                    return sb.Append(CultureInfo.InvariantCulture, $"没有找到“{a.Name}”这项指标。\n").ToString();
                }

                sb.Append(CultureInfo.InvariantCulture, $"有“{a.Name}”的表共{Count(a.Matched, "张", "含此指标的表")}，");
                sb.Append(a.Short == 0 ? "没有一张存在缺口。\n" : $"其中{Count(a.Short, "张", "有缺口的表")}存在缺口（未达到指标值或超出上限）：\n");
                foreach (UnitIndicatorRow r in a.Rows.Where(r => r.IndicatorStatus == "short").Take(MaxUnits))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {Named(r.UnitName)}（《{Named(r.Title)}》）\n");
                    // A reverse row has no 完成率 (3.6 against ≤2 would read as 180 %): it is over its cap by its gap.
                    string how = r.Limit is not null && r.Completion is null && r.Gap is not null
                        ? $"超出上限{Num(r.Gap, r.GapUnit ?? string.Empty, "超出上限的数量", null)}"
                        : $"完成率{Num(r.Completion, "%", "完成率", 2, ".completion")}";
                    sb.Append(CultureInfo.InvariantCulture, $"  {how}，得{Num(r.Score, "分", "得分", 2)}，扣{Num(r.LostPoints, "分", "扣分", 2)}。\n");
                    sb.Append(r.Reason is { } reason ? $"  填报的原因：“{Said(reason)}”（归为{r.ReasonKind}）。\n" : "  没有填报原因。\n");
                }

                if (a.ShortReasons.Count > 0)
                {
                    sb.Append("原因归类：").Append(string.Join("；", a.ShortReasons.Select(k => $"{k.Kind}{Count(k.Count, "条", "此类原因")}"))).Append("。\n");
                }

                int done = a.Matched - a.Short;
                if (done > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"其余{Count(done, "张", "没有缺口的表")}没有缺口。\n");
                }

                break;
            }

            case CrossUnitQuestions.Execution when q.Line is not null:
                return LineExecution(q, await tools.UnitsExecutionAsync(q.Year), scope, years);

            case CrossUnitQuestions.Scores:
                return Scores(q, await tools.UnitsExecutionAsync(q.Year), scope, years);

            case CrossUnitQuestions.Execution:
                return Execution(q, await tools.UnitsExecutionAsync(q.Year), scope, years, tools.MustExplainBelow);

            case CrossUnitQuestions.Missing:
                return Missing(await tools.UnitsReasonsAsync(q.Year), scope, years);

            case CrossUnitQuestions.Boilerplate:
                return Boilerplate(await tools.UnitsReasonsAsync(q.Year), scope, years);

            case CrossUnitQuestions.Shortfalls:
            {
                ShortfallsAnswer a = await tools.UnitsShortfallsAsync(q.Year);
                sb.Append(CultureInfo.InvariantCulture, $"在{scope}已提交的{years}自评表（共{Count(a.Tables, "张", "已提交的自评表")}）中，");
                if (a.Indicators.Count == 0)
                {
                    return sb.Append("没有未完成的指标。\n").ToString();
                }

                sb.Append("未完成的单位最多的指标（按未完成的单位数）：\n");
                // A kind of indicator short in more units than any one name (满意度 in four tables under four names) leads.
                string families = Families(a);
                int topFamily = FamilyUnits(a), topName = a.Indicators.Max(c => c.ShortUnits.Distinct(StringComparer.Ordinal).Count());
                sb.Append(topFamily > topName ? families : string.Empty);
                foreach (ShortfallCount c in a.Indicators.Take(MaxUnits))
                {
                    var units = c.ShortUnits.Distinct(StringComparer.Ordinal).ToList();
                    sb.Append(CultureInfo.InvariantCulture, $"- “{Named(c.Name)}”：有此指标的表共{Count(c.Tables, "张", "含此指标的表")}，{Count(units.Count, "个", "未完成的单位")}单位存在缺口（{string.Join("、", units.Select(Named))}）");
                    sb.Append(c.Unexplained > 0 ? $"，其中{Count(c.Unexplained, "个", "没写原因的单位")}没有填报原因。\n" : "。\n");
                }

                sb.Append(topFamily > topName ? string.Empty : families);
                break;
            }

            default:
            {
                ReasonsAnswer a = await tools.UnitsReasonsAsync(q.Year);
                sb.Append(CultureInfo.InvariantCulture, $"{scope}已提交的{years}自评表共{Count(a.Tables, "张", "已提交的自评表")}");
                if (a.Reasons == 0)
                {
                    return sb.Append("，没有填报偏差原因。\n").ToString();
                }

                sb.Append(CultureInfo.InvariantCulture, $"，填报的偏差原因共{Count(a.Reasons, "条", "填报的原因")}，按类别（最常见的在前，未能归类的放在最后）：\n");
                foreach (ReasonCount k in a.Kinds)
                {
                    string kind = k.Kind == ReasonKinds.Other ? "其他原因（未能归入以上类别）" : k.Kind;
                    sb.Append(CultureInfo.InvariantCulture, $"- {kind}：{Count(k.Count, "条", "此类原因")}，涉及{Count(k.Units, "个", "涉及的单位")}单位");
                    ReasonExample? e = k.Examples.FirstOrDefault();
                    sb.Append(e is null ? "。\n" : $"。例如：\n  {Named(e.UnitName)}\n  “{e.Subject}”：{AnswerWriter.Quoted(e.Reason)}\n");
                }

                // 最常见的原因是什么？哪些是套话: the second part answered too, “none found” included.
                if (q.AlsoBoilerplate)
                {
                    sb.Append("哪些是套话：").Append(Boilerplate(a, scope, years));
                }

                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// 执行率 by unit, narrowed to the level asked (县 or 部门) and to the threshold the reviewer gave
    /// (低于80%: below it; 90%以上: at or above it), then each program's total: a department's 部门整体支出
    /// table is summed apart, never into a program's.
    /// </summary>
    private string Execution(CrossUnitQuestion q, ExecutionAnswer a, string scope, string years, decimal mustExplain)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{scope}已提交的{years}自评表共{Count(a.Tables, "张", "已提交的自评表")}");
        if (a.Tables == 0)
        {
            return sb.Append("，没有可以统计的执行率。\n").ToString();
        }

        var rows = CrossUnitCounts.AtLevel(a.Rows, q.Level);
        string who = CrossUnitCounts.Who(q.Level);
        // 蕲春县的执行数是多少万元: that place's tables only, their money in 万元 (session 41: it had been read as an indicator named 执行数是万元).
        if (q.Place is { } place)
        {
            // 乳源县 for 乳源瑶族自治县…: the unit by its place's stem, never two units at once (session 42).
            (var at, string? which) = AtPlace(a.Rows, r => r.UnitName, place);
            if (which is not null)
            {
                return sb.Append('，').Append(which).ToString();
            }

            rows = at;
            who = place;
            if (rows.Count == 0)
            {
                return sb.Append(CultureInfo.InvariantCulture, $"，其中没有{place}已提交的表。\n").ToString();
            }
        }

        // 执行率低于九成的县: the programs' totals are the level's too, so the list below never shows a table the header left out.
        IReadOnlyList<ExecutionGroup> groups = q.Level is null && q.Place is null ? a.Groups : ReviewInsights.Groups(rows);
        if (q.Place is not null && rows.Count == 1)
        {
            groups = []; // one table: its own figures are the total
        }
        if (rows.Count < a.Rows.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"，其中{who}的表{Count(rows.Count, "张", $"{who}的表")}");
        }

        if (q.Threshold is { } t)
        {
            string bound = Num(PrintedNumber.FormatTrimmed(t), "%", "您给出的执行率界限", null, ".rate");
            var hit = CrossUnitCounts.Beyond(rows, t, q.Above);
            string words = q.Above ? $"执行率不低于{bound}" : $"执行率低于{bound}";
            if (hit.Count == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"，没有{words}的{who}。\n");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"，{words}的{who}有{UnitsOf(hit, "符合界限的单位")}：\n");
                AppendRows(sb, hit);
                // 执行率低于85%的县有哪些: the programs' totals of those units only, not of every program (session 41: all 5 were listed).
                groups = groups.Where(g => hit.Any(h => h.Program == g.Program && h.ProgramKind == g.Kind)).ToList();
                if (q.Extreme != 0 && hit.Where(r => CrossUnitCounts.Rate(r) is not null).ToList() is { Count: > 0 } rated)
                {
                    // 执行率低于九成的有哪些？哪个最低，为什么: the lowest named, with the reason its table gives.
                    decimal end = q.Extreme < 0 ? rated.Min(r => CrossUnitCounts.Rate(r)!.Value) : rated.Max(r => CrossUnitCounts.Rate(r)!.Value);
                    var at = rated.Where(r => CrossUnitCounts.Rate(r) == end).ToList();
                    sb.Append(CultureInfo.InvariantCulture, $"其中执行率{(q.Extreme < 0 ? "最低" : "最高")}的是{string.Join("、", at.Select(r => $"{Named(r.UnitName)}（《{Named(r.Title)}》）"))}：\n");
                    sb.Append(CultureInfo.InvariantCulture, $"  执行率{Num(at[0].Rate, "%", "执行率", 2, ".rate")}。\n");
                    foreach (UnitExecutionRow r in at)
                    {
                        sb.Append(r.Reason is { } why ? $"  原因（表中所填）：{AnswerWriter.Quoted(Said(why))}\n" : $"  《{Named(r.Title)}》没有填写执行率偏低的原因，须补写。\n");
                    }
                }
            }

            int unknown = rows.Count(r => CrossUnitCounts.Rate(r) is null);
            if (unknown > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"另有{Count(unknown, "张", "无法计算执行率的表")}表执行率无法计算。\n");
            }
        }
        else
        {
            // 执行率最低（最高）的单位: the answer first, by name, then the ranking it comes from.
            var rated = rows.Where(r => CrossUnitCounts.Rate(r) is not null).ToList();
            if (q.Extreme != 0 && rated.Count > 0)
            {
                decimal end = q.Extreme < 0 ? rated.Min(r => CrossUnitCounts.Rate(r)!.Value) : rated.Max(r => CrossUnitCounts.Rate(r)!.Value);
                var at = rated.Where(r => CrossUnitCounts.Rate(r) == end).ToList();
                // The rate on a line of its own: beside 最低 it would read as a claim about the table's own lines.
                sb.Append(CultureInfo.InvariantCulture, $"，执行率{(q.Extreme < 0 ? "最低" : "最高")}的{who}是{string.Join("、", at.Select(r => $"{Named(r.UnitName)}（《{Named(r.Title)}》）"))}：\n");
                sb.Append(CultureInfo.InvariantCulture, $"  执行率{Num(at[0].Rate, "%", "执行率", 2, ".rate")}。\n");
                sb.Append("各").Append(who);
            }
            else
            {
                sb.Append('，');
            }

            sb.Append(q.Place is null || rows.Count > 1 ? "预算执行率由低到高：\n" : "：\n");
            AppendRows(sb, rows.Take(MaxUnits).ToList(), inWan: q.Place is not null, balance: q.Balance);
            var low = CrossUnitCounts.Beyond(rows, mustExplain, above: false);
            if (low.Count > 0)
            {
                string bound = Num(PrintedNumber.FormatTrimmed(mustExplain), "%", "须说明原因的执行率界限", null, ".rate");
                int silent = low.Count(r => r.Reason is null);
                bool several = low.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Count() < low.Count;
                sb.Append(CultureInfo.InvariantCulture, $"执行率低于{bound}（须说明原因）的{who}有{UnitsOf(low, "执行率须说明原因的单位")}：{string.Join("、", low.Select(r => Named(r.UnitName)).Distinct(StringComparer.Ordinal))}");
                sb.Append(silent == 0 ? "，都说明了原因。\n"
                    : several ? $"，其中{Count(silent, "张", "未说明原因的表")}表没有说明原因。\n" : $"，其中{Count(silent, "个", "未说明原因的单位")}没有说明原因。\n");
            }
        }

        if (q.Total && groups.Count > 1)
        {
            AcrossPrograms(sb, a with { Rows = rows, Groups = groups });
        }

        if (groups.Count > 0)
        {
            string whose = q.Level is null ? string.Empty : $"{who}的表";
            sb.Append(groups.Count == 1 ? $"{whose}合计执行率（以万元计的各表执行数之和除以预算数之和）：\n" : $"{whose}按项目分别合计（以万元计的各表执行数之和除以预算数之和；部门整体支出表单独合计，不混入项目）：\n");
            foreach (ExecutionGroup g in groups)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {Named(g.Program)}（{g.Kind}，{Count(g.Tables, "张", "该项目的表")}表");
                sb.Append(g.Units.Count > 0 ? $"：{string.Join("、", g.Units.Select(Named))}）\n" : "）\n");
                sb.Append(g.Rate is null ? "  执行率无法合计。\n"
                    : $"  执行率{Num(g.Rate, "%", "执行率", 2, ".rate")}，全年预算数{Num(g.Budget, "万元", "全年预算数", null)}，执行数{Num(g.Executed, "万元", "执行数", null)}。\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// How many units the rows are — units, not tables: one unit's two tables are 1个（2张表）, so “执行率低于90%的单位有2个”
    /// is never said of one unit.
    /// </summary>
    private string UnitsOf(IReadOnlyList<UnitExecutionRow> rows, string label)
    {
        int units = rows.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Count();
        string count = Count(units, "个", label);
        return units < rows.Count ? $"{count}（{Count(rows.Count, "张", label + "的表")}表）" : count;
    }

    private void AppendRows(StringBuilder sb, IReadOnlyList<UnitExecutionRow> rows, bool inWan = false, bool balance = false)
    {
        bool mixed = inWan || rows.Select(r => r.FundUnit.Trim()).Distinct(StringComparer.Ordinal).Count() > 1;
        foreach (UnitExecutionRow r in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {Named(r.UnitName)}（《{Named(r.Title)}》）\n");
            // One money unit down the list (万元), whatever unit each table is in: 3600000元 beside 800万元 is hard to compare.
            string? budget = r.Budget, executed = r.Executed, unit = r.FundUnit;
            if (mixed && Wan(r.Budget, r.FundUnit) is { } b && Wan(r.Executed, r.FundUnit) is { } x)
            {
                (budget, executed, unit) = (b, x, "万元");
            }

            // 武隆区的结余有多少: the money left, 全年预算数 − 执行数, stated (session 41 gave only the two amounts).
            // Worked out in the table's own unit, then written in the list's (1545817.65元 → 154.58万元, not 1865.23 − 1710.65 of two roundings).
            string? balanceText = CrossUnitCounts.Balance(r); // learned by the tool as a fact of the turn, so the gate can check it (session 43)
            balanceText = balanceText is not null && unit != r.FundUnit ? Wan(balanceText, r.FundUnit) : balanceText;
            string left = balance && balanceText is not null ? $"，结余{Num(balanceText, unit, "结余（全年预算数 − 执行数）", null)}" : string.Empty;
            sb.Append(r.Rate is null ? "  执行率无法计算。\n" : $"  执行率{Num(r.Rate, "%", "执行率", 2, ".rate")}，全年预算数{Num(budget, unit, "全年预算数", null)}，执行数{Num(executed, unit, "执行数", null)}{left}。\n");
            sb.Append(r.Reason is { } reason ? $"  说明：{AnswerWriter.Quoted(Said(reason))}\n" : string.Empty);
        }
    }

    /// <summary>
    /// An amount printed in <paramref name="unit"/> in 万元 (3024000元 → 302.40), rounded to two decimals where the conversion has more
    /// (35116871.52元 → 3511.69, never 3511.687152; session 39); null when the unit is not money.
    /// </summary>
    private static string? Wan(string? amount, string unit) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) && ReviewInsights.Wan(v, unit) is { } w ? ReviewInsights.Money(w) : null;

    /// <summary>Rows short of target (or fund lines below the 执行率 that needs a reason) with no reason written, by unit.</summary>
    private string Missing(ReasonsAnswer a, string scope, string years)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"在{scope}已提交的{years}自评表（共{Count(a.Tables, "张", "已提交的自评表")}）中，");
        if (a.Missing.Count == 0)
        {
            return sb.Append("未完成的指标和执行率偏低的资金都填写了偏差原因。\n").ToString();
        }

        var units = a.Missing.GroupBy(m => m.Unit, StringComparer.Ordinal).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"未完成（或执行率偏低）却没有填写偏差原因的共{Count(a.Missing.Count, "项", "没写原因的项")}，涉及{Count(units.Count, "个", "没写原因的单位")}单位：\n");
        foreach (var u in units.Take(MaxUnits))
        {
            string rows = string.Join("、", u.Select(m => m.Status == "funds" ? $"“{Named(m.Subject)}”执行率偏低" : $"“{Named(m.Subject)}”未完成"));
            sb.Append(CultureInfo.InvariantCulture, $"- {Named(u.First().UnitName)}（《{Named(u.First().Title)}》）：{rows}，没有写原因。\n");
        }

        return sb.ToString();
    }

    /// <summary>The boilerplate among the units' reasons: copied from another unit, one sentence on several rows, measures given as reasons, general or out-of-period causes.</summary>
    private string Boilerplate(ReasonsAnswer a, string scope, string years)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"在{scope}已提交的{years}自评表（共{Count(a.Tables, "张", "已提交的自评表")}，填报的偏差原因{Count(a.Reasons, "条", "填报的原因")}）中，");
        if (a.Flags.Count == 0)
        {
            return sb.Append("没有发现套话：没有同一句原因用在多项上，没有与别的单位一字不差的原因，没有只写措施或笼统的原因，也没有与年度不符的原因。\n").ToString();
        }

        sb.Append("以下原因审核会视为套话：\n");
        foreach (var (code, title) in new[] { (Domain.Review.ReasonQuality.Copied, "与别的单位一字不差"), (Domain.Review.ReasonQuality.Repeated, "同一句原因用在多项上"), (Domain.Review.ReasonQuality.MeasureOnly, "只写了措施，没有说明原因"),
            (Domain.Review.ReasonQuality.Vague, "原因笼统，没有说明具体是什么"), (Domain.Review.ReasonQuality.OutOfPeriod, "原因与年度不符") })
        {
            var flags = a.Flags.Where(f => f.Code == code).ToList();
            if (flags.Count == 0)
            {
                continue;
            }

            sb.Append(title).Append("：\n");
            foreach (Domain.Review.ReasonFlag f in flags.Take(MaxUnits))
            {
                sb.Append("- ").Append(Said(f.Message)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text the units wrote (a quoted reason, a finding that quotes it and counts its rows): its figures are
    /// the unit's own words or counts of rows, each made a fact of the turn so the gate does not hold them.
    /// </summary>
    /// <remarks>The unit written after a figure (88%, 2.1万元, 740人) goes with it, so the figure is released with its unit, not held.</remarks>
    private string Said(string text) => SaidNumber().Replace(text, d => Num(d.Groups["n"].Value, d.Groups["u"].Value, "单位填写的原文中的数字", null));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:\.\d+)?)(?![\d.])(?<u>%|‰|万元|亿元|元|万人次|万人|人次|人|个|处|场|户|公里|万亩|亩|座|所|家)?")]
    private static partial System.Text.RegularExpressions.Regex SaidNumber();

    /// <summary>
    /// A unit's or a table's name as registered: the digits in it (某1市…, a code in a title) are part of
    /// the stored name, not figures, so each becomes a fact of the turn and the gate does not hold them.
    /// </summary>
    private string Named(string name) => NameDigits().Replace(name, d => Num(d.Value, string.Empty, "名称中的编号", 0));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.])[1-9]\d{0,5}(?![\d.])")]
    private static partial System.Text.RegularExpressions.Regex NameDigits();

    /// <summary>A printed decimal of a cross-unit result, as a fact of this turn.</summary>
    private string Num(string? text, string unit, string label, int? decimals, string measure = "")
    {
        if (text is null || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
        {
            return "（无）";
        }

        int places = decimals ?? (text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0);
        // The measure (.completion, .rate) lets the gate take 完成率 / 执行率 written before it as this fact's;
        // an execution rate is a fund line's (of a table that is not the conversation's, hence no index).
        string id = $"turn.n{turnFacts.Count + 1}{measure}";
        turnFacts.Add(new Fact(id, label, v, unit, places, FactKind.Derived) { FundLineIndex = measure == ".rate" ? -1 : null });
        return DraftText.Ref(id);
    }
}
