using System.Globalization;
using System.Text;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Features.Drafting;

namespace Assistant.Features.Conversations;

/// <summary>
/// The conversation without a model: <see cref="IntentRouter"/> picks the tool, the tool runs, and
/// the answer is composed from its result with every number written as a fact reference, so the
/// sentence gate renders and checks it like any model's text. Counts that are not in the table (how
/// many passages were found, a draft's version) become facts of the turn.
/// </summary>
public sealed class OfflineAssistant
{
    private readonly List<Fact> turnFacts = [];

    /// <summary>Facts computed in this turn (counts), for the gate.</summary>
    public IReadOnlyList<Fact> TurnFacts => turnFacts;

    public async Task<string> AnswerAsync(string message, ChatTools tools, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(sheet);
        Intent intent = IntentRouter.Route(message, sheet.Evaluation);
        try
        {
            return intent.Kind switch
            {
                IntentKind.Score => Score(await tools.ScoreAsync(), sheet),
                IntentKind.Explain => await ExplainAsync(intent, tools, sheet),
                IntentKind.Draft => Draft(await tools.DraftAsync(intent.Section ?? "deviation")),
                IntentKind.Similar => Similar(await tools.SearchAsync(intent.Query ?? message, "deviation-reason")),
                IntentKind.Verify => Verify(await tools.VerifyAsync(intent.Text ?? string.Empty)),
                _ => Help(sheet.Evaluation),
            };
        }
        catch (ToolException e)
        {
            return e.Message;
        }
    }

    public static string Help(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        string example = evaluation.Indicators.FirstOrDefault()?.Name.Trim() ?? "某项指标";
        return "我可以帮您做这些事：\n"
            + "起草第三部分的偏离原因和改进措施，如“起草偏离原因”；\n"
            + $"解释某项指标为什么没有完成，如“为什么{example}没有完成”；\n"
            + "查看总分、等级和执行率，如“总分是多少”；\n"
            + "查找往年的相似案例，如“有没有类似的案例”；\n"
            + "核对一段文字里的数字，如“核对：……”。\n";
    }

    private string Score(ScoreToolResult s, FactSheet sheet)
    {
        var sb = new StringBuilder();
        if (sheet.Find("total") is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"《{s.Title}》总分{Ref("total")}，等级为“{s.Grade}”。");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"《{s.Title}》是转移支付自评表，不计总分。");
        }

        foreach (var line in s.Funds.Where(f => f.Parent is null))
        {
            string p = $"funds.lines[{line.Index}]";
            if (sheet.Find(p + ".rate") is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{line.Name}预算执行率{Ref(p + ".rate")}");
                sb.Append(sheet.Find(p + ".score") is not null ? $"，资金得分{Ref(p + ".score")}。" : "。");
            }
        }

        sb.Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"共{Ref("count.indicators")}指标，其中未完成{Ref("count.short")}、超额完成{Ref("count.exceeded")}。");
        if (s.ShortRows.Count > 0)
        {
            sb.Append("未得满分的有：").Append(string.Join("、", s.ShortRows.Select(r => $"“{r.Name}”"))).Append('。');
        }

        if (s.Findings.Count > 0)
        {
            sb.Append('\n').Append(CultureInfo.InvariantCulture, $"表内勾稽检查发现{Count(s.Findings.Count, "处", "需要核对的问题")}需要核对的问题，已列在左侧“检查结果”中。");
        }

        return sb.Append('\n').ToString();
    }

    private async Task<string> ExplainAsync(Intent intent, ChatTools tools, FactSheet sheet)
    {
        IReadOnlyList<int> rows = intent.Indicators.Count > 0 ? intent.Indicators : IndicatorExplainer.ShortRows(sheet);
        if (rows.Count == 0)
        {
            return "各项指标均已完成并得满分，没有需要解释的扣分。\n";
        }

        var sb = new StringBuilder();
        if (intent.Indicators.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"您没有指明哪一项，下面逐项说明未得满分的{Count(rows.Count, "项", "未得满分的指标")}指标。\n");
        }

        foreach (int index in rows.Take(5))
        {
            ExplanationResponse e = await tools.ExplainAsync(index);
            sb.Append(Explanation(e, sheet));
        }

        if (rows.Count > 5)
        {
            sb.Append("其余指标请逐项询问。\n");
        }

        return sb.ToString();
    }

    private static string Explanation(ExplanationResponse e, FactSheet sheet)
    {
        string p = $"indicators[{e.Index}]";
        string F(string id, string fallback) => sheet.Find($"{p}.{id}") is not null ? Ref($"{p}.{id}") : fallback;
        TraceDto t = e.Trace;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"“{t.Name}”{(e.Situation ?? t.StatusText)}：指标值{F("target", $"“{t.Target}”")}，完成值{F("actual", $"“{t.Actual}”")}");
        if (sheet.Find($"{p}.gap") is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"，{(t.Status == "exceeded" ? "超出" : "差距")}{Ref(p + ".gap")}");
        }

        if (sheet.Find($"{p}.completion") is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"，完成率{Ref(p + ".completion")}");
        }

        sb.Append("。\n");
        sb.Append(CultureInfo.InvariantCulture, $"计分：{PlainRule(t.Rule)}");
        if (sheet.Find($"{p}.score") is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"，得分{Ref(p + ".score")}");
            if (sheet.Find($"{p}.weight") is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"（分值{Ref(p + ".weight")}）");
            }

            if (sheet.Find($"{p}.lost") is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"，扣{Ref(p + ".lost")}");
            }
        }

        sb.Append("。\n");
        sb.Append(e.StatedReason is { } reason ? $"单位填报的偏差原因：“{reason}”。\n" : $"{e.ReasonFinding ?? "单位未填写偏差原因。"}\n");
        foreach (ContradictionDto c in e.Contradictions.Take(3))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c.Source}中“{c.Text}”与表格不符：{c.Note}。\n");
        }

        if (e.SimilarCases.Count > 0)
        {
            sb.Append("相似的往年情况：")
              .Append(string.Join("；", e.SimilarCases.Select(c => $"《{c.Title}》{Where(c)}{DraftText.Cite(c.Source)}")))
              .Append("。\n");
        }

        return sb.ToString();
    }

    private string Draft(DraftToolResult d)
    {
        if (d.Error is { } error || d.Draft is null)
        {
            return (d.Error ?? "起草失败。") + "\n";
        }

        DraftResult r = d.Draft;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"已起草“{SectionName(r.Section)}”，保存为第{Count(d.Version, "版", "草稿版本")}，草稿显示在右侧。");
        sb.Append(CultureInfo.InvariantCulture, $"需要说明的事项共{Count(r.Items.Count, "项", "需要说明的事项")}，");
        sb.Append(r.Uncovered.Count == 0 ? "均已写到。" : $"有{Count(r.Uncovered.Count, "项", "未写到的事项")}没有写到。");
        sb.Append('\n');
        sb.Append(r.Status == DraftResult.Verified
            ? "草稿中的数字已逐一与自评表核对，全部一致。"
            : $"有{Count(r.Masked.Count, "处", "待核实之处")}未能核实，已标为【待核实】，请复核。");
        int cited = r.Paragraphs.Count(p => p.Citations.Count > 0);
        if (cited > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"其中{Count(cited, "段", "引用了往年报告的段落")}引用了往年报告，来源附在段后。");
        }

        return sb.Append('\n').ToString();
    }

    private string Similar(SearchToolResult s)
    {
        if (s.Hits.Count == 0)
        {
            return "语料库中没有找到相似的段落。\n";
        }

        var sb = new StringBuilder($"找到{Count(s.Hits.Count, "段", "相似段落")}相似内容（原文见来源列表）：\n");
        foreach (var h in s.Hits)
        {
            sb.Append(CultureInfo.InvariantCulture, $"《{h.Title}》{Where(h)}·{h.SectionPath}{DraftText.Cite(h.Source)}。\n");
        }

        return sb.ToString();
    }

    private string Verify(VerifyToolResult v)
    {
        var s = v.Verification.Summary;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"这段文字共有{Count(s.Numbers, "个", "数字")}数字：与自评表一致{Count(s.Verified, "个", "一致的数字")}，");
        sb.Append(CultureInfo.InvariantCulture, $"可由表中数字推算{Count(s.Derived, "个", "推算的数字")}，编号或日期{Count(s.Identifiers, "个", "编号或日期")}，");
        sb.Append(CultureInfo.InvariantCulture, $"找不到依据{Count(s.Unverified, "个", "找不到依据的数字")}，与表不符{Count(s.Contradicted, "个", "不符的数字")}。");
        if (s.ClaimsContradicted > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"另有{Count(s.ClaimsContradicted, "处", "不符的判断")}判断与表中情况不符。");
        }

        sb.Append('\n');
        var problems = v.Verification.Mentions.Where(m => m.Verdict is "unverified" or "contradicted").ToList();
        if (problems.Count + s.ClaimsContradicted == 0)
        {
            sb.Append("没有发现问题。\n");
        }
        else
        {
            sb.Append("有问题的地方已在原文中标出（红色为与表不符，橙色为找不到依据），请逐处修改。\n");
        }

        return sb.ToString();
    }

    private static string Where(CitationDto c)
    {
        string where = string.Join("，", new[] { c.Region, c.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : null }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return where.Length == 0 ? string.Empty : $"（{where}）";
    }

    private static string SectionName(string section) => section switch
    {
        "deviation-reasons" => "偏离绩效目标的原因",
        "improvement-measures" => "下一步改进措施",
        _ => "三、偏离绩效目标的原因和下一步改进措施",
    };

    /// <summary>The rule without digits (the policy's percentages are not facts of the table).</summary>
    private static string PlainRule(string rule) => rule switch
    {
        "positive" => "正向指标，按完成值占指标值的比例计分，达到指标值得满分",
        "reverse" => "反向指标，不高于指标值得满分，超出部分按偏离程度扣分",
        "zero" => "指标值为零的指标，完成值同为零得满分，否则不得分",
        "qualitative" => "定性指标，按达成、部分达成、未达成三档计分",
        "restated" => "完成值重述指标值，视为达成",
        "cancelled" => "指标已取消，不计分",
        _ => "无法按规则计分",
    };

    private static string Ref(string id) => DraftText.Ref(id);

    /// <summary>A count of this turn, as a fact reference (the gate learns the fact).</summary>
    private string Count(int value, string unit, string label)
    {
        string id = $"turn.n{turnFacts.Count + 1}";
        turnFacts.Add(new Fact(id, label, value, unit, 0, FactKind.Derived));
        return Ref(id);
    }
}
