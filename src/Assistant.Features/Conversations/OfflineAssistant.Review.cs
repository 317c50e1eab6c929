using System.Globalization;
using System.Text;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
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
        "- 找类似的偏差原因案例\n" +
        "要问某张表的得分、扣分原因，或起草、导出报告，请打开那张表（或那份送审材料）后在那里提问。\n";

    private async Task<string> AcrossAsync(CrossUnitQuestion q, ChatTools tools)
    {
        string scope = tools.Scope.Subtree ? "您可查看的各单位" : "本单位（您的密钥只能查看本单位）";
        string years = q.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : "各年度";
        var sb = new StringBuilder();
        switch (q.Kind)
        {
            case CrossUnitQuestions.Indicator:
            {
                IndicatorAnswer a = await tools.UnitsIndicatorAsync(q.Indicator!, q.Year);
                sb.Append(CultureInfo.InvariantCulture, $"在{scope}已提交的{years}自评表（共{Count(a.Tables, "张", "已提交的自评表")}）中，");
                if (a.Matched == 0)
                {
                    return sb.Append(CultureInfo.InvariantCulture, $"没有找到“{a.Name}”这项指标。\n").ToString();
                }

                sb.Append(CultureInfo.InvariantCulture, $"有“{a.Name}”的表共{Count(a.Matched, "张", "含此指标的表")}，");
                sb.Append(a.Short == 0 ? "没有一张存在缺口。\n" : $"其中{Count(a.Short, "张", "有缺口的表")}存在缺口（完成值低于指标值）：\n");
                foreach (UnitIndicatorRow r in a.Rows.Where(r => r.IndicatorStatus == "short").Take(MaxUnits))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {Named(r.UnitName)}（《{Named(r.Title)}》）\n");
                    sb.Append(CultureInfo.InvariantCulture, $"  完成率{Num(r.Completion, "%", "完成率", 2, ".completion")}，得{Num(r.Score, "分", "得分", 2)}，扣{Num(r.LostPoints, "分", "扣分", 2)}。\n");
                    sb.Append(r.Reason is { } reason ? $"  填报的原因：“{reason}”（归为{r.ReasonKind}）。\n" : "  没有填报原因。\n");
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

            case CrossUnitQuestions.Execution:
            {
                ExecutionAnswer a = await tools.UnitsExecutionAsync(q.Year);
                sb.Append(CultureInfo.InvariantCulture, $"{scope}已提交的{years}自评表共{Count(a.Tables, "张", "已提交的自评表")}");
                if (a.Tables == 0)
                {
                    return sb.Append("，没有可以统计的执行率。\n").ToString();
                }

                sb.Append("，预算执行率由低到高：\n");
                foreach (UnitExecutionRow r in a.Rows.Take(MaxUnits))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {Named(r.UnitName)}（《{Named(r.Title)}》）\n");
                    sb.Append(r.Rate is null ? "  执行率无法计算。\n" : $"  执行率{Num(r.Rate, "%", "执行率", 2, ".rate")}，全年预算数{Num(r.Budget, r.FundUnit, "全年预算数", null)}，执行数{Num(r.Executed, r.FundUnit, "执行数", null)}。\n");
                    sb.Append(r.Reason is { } reason ? $"  说明：“{reason}”。\n" : string.Empty);
                }

                if (a.OverallRate is not null)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"合计执行率（以万元计的各表执行数之和除以预算数之和）为{Num(a.OverallRate, "%", "合计执行率", 2, ".rate")}。\n");
                }

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

                sb.Append(CultureInfo.InvariantCulture, $"，填报的偏差原因共{Count(a.Reasons, "条", "填报的原因")}，按类别（最常见的在前）：\n");
                foreach (ReasonCount k in a.Kinds)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {k.Kind}：{Count(k.Count, "条", "此类原因")}，涉及{Count(k.Units, "个", "涉及的单位")}单位");
                    ReasonExample? e = k.Examples.FirstOrDefault();
                    sb.Append(e is null ? "。\n" : $"。例如：\n  {Named(e.UnitName)}\n  “{e.Subject}”：“{e.Reason}”。\n");
                }

                break;
            }
        }

        return sb.ToString();
    }

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
