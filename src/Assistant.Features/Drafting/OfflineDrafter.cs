using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Scoring;
using Microsoft.Extensions.AI;

namespace Assistant.Features.Drafting;

/// <summary>
/// The built-in drafter (no model, no key): composes section 三 from the calculator's facts and the
/// retrieved past reasons and measures of similar indicators. Numbers are written only as fact
/// references; a past passage contributes only its cause or action clauses, never its numbers or
/// place names, and is cited. Deterministic: the same brief gives the same text.
/// It reads the <see cref="DraftBrief"/> from <c>ChatOptions.AdditionalProperties</c>; it does not parse prompts.
/// </summary>
public sealed partial class OfflineDrafter : IChatClient
{
    public const string ModelId = "offline-drafter-v1";

    private static readonly ChatClientMetadata Metadata = new("offline", null, ModelId);

    /// <summary>Measures that answer a cause, matched by its words.</summary>
    private static readonly (Regex Cause, string Measure)[] Answers =
    [
        (new Regex("下达|拨付|到位|较晚|滞后|进度|结算|报账"), "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算"),
        (new Regex("优先使用|上级资金|中央资金|自治区资金|本级资金"), "统筹安排各级资金的使用顺序，编制年初预算时据实确定本级资金规模，避免本级资金大量结余"),
        (new Regex("需求|意愿|用工|企业|申报|对象|符合条件"), "主动对接用人单位和服务对象，精准摸排符合条件的人员，拓宽申报渠道，做到应享尽享"),
        (new Regex("目标|测算|设定|预期|保守|偏低|偏高|低估"), "科学合理设置绩效目标，以往年实际完成情况和政策变化为依据测算指标值，执行中确需调整的按程序报批"),
        (new Regex("岗位|见习|基地|实习"), "拓展见习基地和见习岗位，动员更多用人单位参与，提高岗位与人员的匹配度"),
        (new Regex("宣传|知晓|了解"), "加大政策宣传力度，利用线上线下渠道扩大政策知晓面，提高群众参与度"),
        (new Regex("审核|材料|程序|手续|流程"), "优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期"),
        (new Regex("经济|市场|形势|行业|下行"), "密切跟踪经济形势和就业市场变化，及时调整工作重点和资金投向"),
        (new Regex("体检|培训|组织|实施"), "倒排工作时间表，明确责任人和完成时限，对进度滞后的事项及时督办"),
    ];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string text = Compose(options);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = ModelId, FinishReason = ChatFinishReason.Stop });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string text = Compose(options);
        foreach (Match sentence in SentenceChunk().Matches(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, sentence.Value) { ModelId = ModelId };
            await Task.Yield();
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, []) { ModelId = ModelId, FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static string Compose(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(DraftBrief.OptionKey, out object? value) != true || value is not DraftBrief brief)
        {
            return "离线起草器只根据自评表和往年报告起草第三部分（偏离原因与改进措施）；请通过起草接口使用。";
        }

        return Compose(brief);
    }

    /// <summary>The draft for a brief, with fact references and source markers.</summary>
    public static string Compose(DraftBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var sb = new StringBuilder();
        bool reasons = brief.Section != DraftSection.ImprovementMeasures;
        bool measures = brief.Section != DraftSection.DeviationReasons;

        if (brief.Section == DraftSection.Deviation)
        {
            sb.Append("三、偏离绩效目标的原因和下一步改进措施\n");
        }

        if (brief.Items.Count == 0)
        {
            sb.Append(brief.Section switch
            {
                DraftSection.ImprovementMeasures => "下一步改进措施\n",
                DraftSection.DeviationReasons => "偏离绩效目标的原因\n",
                _ => string.Empty,
            });
            sb.Append("本年度绩效指标均达到年度指标值，预算执行率达到要求，没有需要说明的偏离事项。下一步将继续加强预算执行和绩效运行监控，巩固现有成效。\n");
            return sb.ToString();
        }

        // The cause of each item first (stated, else from precedents, else a first analysis), so the measures can answer it.
        var usedReasons = new HashSet<string>(StringComparer.Ordinal);
        var causes = brief.Items.ToDictionary(i => i.Item.Id, i => FindCause(brief, i, usedReasons), StringComparer.Ordinal);

        if (reasons)
        {
            sb.Append(brief.Section == DraftSection.Deviation ? "（一）偏离绩效目标的原因\n" : "偏离绩效目标的原因\n");
            int n = 1;
            foreach (BriefItem item in brief.Items)
            {
                sb.Append(n++).Append(". ").Append(ReasonParagraph(brief, item.Item, causes[item.Item.Id])).Append('\n');
            }
        }

        if (measures)
        {
            sb.Append(brief.Section == DraftSection.Deviation ? "（二）下一步改进措施\n" : "下一步改进措施\n");
            var usedMeasures = new HashSet<string>(StringComparer.Ordinal);
            int n = 1;
            foreach (BriefItem item in brief.Items)
            {
                sb.Append(n++).Append(". ").Append(MeasureParagraph(brief, item, causes[item.Item.Id], usedMeasures)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Where an item's cause comes from.</summary>
    private enum CauseOrigin
    {
        Stated,
        Precedent,
        Analysis,
    }

    private sealed record Cause(CauseOrigin Origin, string Text, IReadOnlyList<(string Clause, int Source)> Precedents);

    private static Cause FindCause(DraftBrief brief, BriefItem bi, HashSet<string> used)
    {
        DeviationItem item = bi.Item;
        if (item.StatedReason is { } stated)
        {
            return new Cause(CauseOrigin.Stated, StatedLabel().Replace(stated, string.Empty).Trim().TrimEnd('。', '；', ';', '.'), []);
        }

        var precedents = Precedents(brief, bi.ReasonSources, s => Precedent.Reasons(s.Hit.Text, item.Kind, s.Hit.Region, item.Name), _ => true, used, 2);
        if (precedents.Count > 0)
        {
            return new Cause(CauseOrigin.Precedent, string.Join("；", precedents.Select(p => p.Clause)), precedents);
        }

        // A first analysis, varied between items of the same kind so the section does not repeat itself.
        string[] variants = FallbackReasons(item);
        int nth = brief.Items.TakeWhile(x => x.Item.Id != item.Id).Count(x => x.Item.Kind == item.Kind && x.Item.StatedReason is null);
        string text = variants[nth % variants.Length];
        used.Add(Precedent.Key(text));
        return new Cause(CauseOrigin.Analysis, text, []);
    }

    private static string ReasonParagraph(DraftBrief brief, DeviationItem item, Cause cause)
    {
        var sb = new StringBuilder();
        sb.Append(Subject(item)).Append(item.Situation).Append('。');
        sb.Append(FactSentence(brief, item));
        switch (cause.Origin)
        {
            case CauseOrigin.Stated:
                int earlier = brief.Items.TakeWhile(x => x.Item.Id != item.Id).ToList()
                    .FindIndex(x => x.Item.StatedReason is { } s && Precedent.Key(s) == Precedent.Key(item.StatedReason ?? string.Empty));
                if (earlier >= 0)
                {
                    sb.Append("单位填报的偏差原因与第").Append(earlier + 1).Append("项相同：").Append(cause.Text)
                      .Append("。同一原因用于多个指标，建议单位分别说明本指标的具体情况。");
                }
                else
                {
                    sb.Append("单位填报的偏差原因为：").Append(cause.Text).Append('。');
                }

                break;
            case CauseOrigin.Precedent:
                sb.Append("自评表未填写偏差原因。参考往年同类项目，可能的原因是：");
                sb.Append(string.Join("；", cause.Precedents.Select(p => p.Clause + DraftText.Cite(p.Source))));
                sb.Append("。请单位结合实际核实后确定。");
                break;
            default:
                sb.Append("自评表未填写偏差原因，初步分析可能是").Append(cause.Text).Append("，请单位结合实际核实补充。");
                break;
        }

        return sb.ToString();
    }

    private static string MeasureParagraph(DraftBrief brief, BriefItem bi, Cause cause, HashSet<string> used)
    {
        DeviationItem item = bi.Item;
        var parts = new List<string>();

        // First the measure that answers the cause, then up to two past measures that fit this item.
        foreach (var (pattern, measure) in Answers)
        {
            if (parts.Count == 0 && pattern.IsMatch(cause.Text) && AnswerFits(item.Kind, measure) && used.Add(Precedent.Key(measure)))
            {
                parts.Add(measure);
            }
        }

        string context = item.Name + "；" + cause.Text;
        var precedents = Precedents(brief, bi.MeasureSources, s => Precedent.Measures(s.Hit.Text, s.Hit.Region), m => Precedent.Answers(m, item.Kind, context), used, 2);
        parts.AddRange(precedents.Select(p => p.Clause + DraftText.Cite(p.Source)));
        if (parts.Count == 0)
        {
            string fallback = FallbackMeasure(item);
            used.Add(Precedent.Key(fallback));
            parts.Add(fallback);
        }

        return $"针对{Subject(item)}{item.Situation}的问题：{string.Join("；", parts)}。";
    }

    /// <summary>A target-setting measure answers an overshoot; a money measure answers a low 执行率; any measure answers a shortfall.</summary>
    private static bool AnswerFits(DeviationKind kind, string measure) => kind switch
    {
        DeviationKind.Overshoot => measure.Contains("目标", StringComparison.Ordinal),
        DeviationKind.LowExecution => measure.Contains("资金", StringComparison.Ordinal) || measure.Contains("拨付", StringComparison.Ordinal),
        _ => true,
    };

    private static List<(string Clause, int Source)> Precedents(
        DraftBrief brief, IReadOnlyList<int> sources, Func<DraftSource, IReadOnlyList<string>> clauses, Func<string, bool> fits, HashSet<string> used, int max)
    {
        var result = new List<(string, int)>();
        foreach (int s in sources)
        {
            foreach (string clause in clauses(brief.Sources[s - 1]))
            {
                if (result.Count < max && fits(clause) && used.Add(Precedent.Key(clause)))
                {
                    result.Add((clause, s));
                    break;
                }
            }
        }

        return result;
    }

    private static string Subject(DeviationItem item) =>
        item.Kind == DeviationKind.LowExecution ? $"“{item.Name}”" : $"“{item.Name}”指标";

    private static string FactSentence(DraftBrief brief, DeviationItem item)
    {
        bool Has(string id) => item.FactIds.Contains(id, StringComparer.Ordinal);
        string R(string suffix) => DraftText.Ref($"{item.Path}.{suffix}");
        var parts = new List<string>();
        switch (item.Kind)
        {
            case DeviationKind.Shortfall:
            case DeviationKind.Overshoot:
                if (Has($"{item.Path}.target"))
                {
                    parts.Add("年度指标值" + R("target"));
                }

                if (Has($"{item.Path}.actual"))
                {
                    parts.Add("实际完成" + R("actual"));
                }

                if (Has($"{item.Path}.completion"))
                {
                    parts.Add("完成率" + R("completion"));
                }

                if (Has($"{item.Path}.gap"))
                {
                    parts.Add((item.Kind == DeviationKind.Shortfall ? "与指标值相差" : "超出指标值") + R("gap"));
                }

                if (Has($"{item.Path}.lost"))
                {
                    parts.Add("扣" + R("lost"));
                }

                break;
            case DeviationKind.LowExecution:
                parts.Add("全年预算数" + R("budget"));
                parts.Add("全年执行数" + R("executed"));
                parts.Add("预算执行率" + R("rate"));
                if (Has($"{item.Path}.balance"))
                {
                    parts.Add("结余" + R("balance"));
                }

                var lowParts = item.FactIds
                    .Where(f => f.EndsWith(".rate", StringComparison.Ordinal) && !f.StartsWith(item.Path + ".", StringComparison.Ordinal))
                    .Where(f => brief.Sheet.Find(f[..f.LastIndexOf('.')] + ".budget")?.Value != brief.Sheet.Find(item.Path + ".budget")?.Value)
                    .ToList();
                if (lowParts.Count > 0)
                {
                    string names = string.Join("，", lowParts.Select(f =>
                    {
                        string path = f[..f.LastIndexOf('.')];
                        int idx = int.Parse(path[(path.IndexOf('[', StringComparison.Ordinal) + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                        return $"{brief.Evaluation.Funds.Lines[idx].Name}执行率{DraftText.Ref(f)}";
                    }));
                    parts.Add("其中" + names);
                }

                break;
            case DeviationKind.QualitativeWeaker:
                if (item.IndicatorIndex is { } qi && brief.Sheet.Report.Indicators[qi] is { } r
                    && r.Target.Text.Trim() is { Length: > 0 } t && r.Actual.Text.Trim() is { Length: > 0 } a && !HasDigit(t + a))
                {
                    parts.Add($"年度指标值为“{t}”，实际完成为“{a}”");
                }

                break;
        }

        return parts.Count == 0 ? string.Empty : string.Join("，", parts) + "。";
    }

    private static bool HasDigit(string s) => s.Any(char.IsAsciiDigit);

    private static string[] FallbackReasons(DeviationItem item) => item.Kind switch
    {
        DeviationKind.Overshoot =>
        [
            "年初设定指标值时对政策调整和实际需求增长估计不足，目标偏于保守",
            "年度内相关政策加力、服务对象需求增加，实际工作量超出年初预期",
            "指标值沿用以往年度标准，未根据当年工作任务和资金规模同步调整",
            "相关工作推进较快，提前完成并超出年度任务，年初目标测算依据不够充分",
            "年中新增了上级下达的工作任务，年初指标值未相应调整",
            "宣传动员和服务对接成效明显，参与对象多于年初测算",
            "年初测算未充分参考上年实际完成情况，目标值定得偏低",
            "多部门协同推进、配套政策叠加发力，带动完成量明显增加",
        ],
        DeviationKind.LowExecution =>
        [
            "部分资金下达较晚，项目实施和资金拨付进度滞后，年底形成结余",
        ],
        DeviationKind.QualitativeWeaker => ["实际工作效果与年初设定的目标仍有差距，定性评价的依据不够充分"],
        DeviationKind.Cancelled => ["年度执行中政策或工作安排发生变化，该指标已不再适用"],
        _ => item.Level2 switch
        {
            { } l when l.Contains("成本", StringComparison.Ordinal) => ["实际支出低于年初测算，资金拨付进度慢于计划", "符合条件的支出事项少于预算安排，部分资金未形成支出"],
            { } l when l.Contains("时效", StringComparison.Ordinal) => ["工作推进慢于计划进度，部分环节未能按时完成"],
            { } l when l.Contains("质量", StringComparison.Ordinal) => ["工作质量标准执行不够到位，过程管理有待加强"],
            { } l when l.Contains("满意", StringComparison.Ordinal) => ["服务对象对政策和服务的获得感仍有提升空间"],
            { } l when l.Contains("效益", StringComparison.Ordinal) => ["政策效果显现需要一定周期，当年成效尚未充分体现"],
            _ =>
            [
                "实际符合条件的对象少于年初预期，指标值测算依据不够充分",
                "政策宣传和对象摸排不够到位，部分符合条件的对象未及时申报",
                "受经济形势和市场需求变化影响，相关工作推进慢于预期",
                "经办环节较多、审核周期较长，部分工作未能在年内完成",
            ],
        },
    };

    private static string FallbackMeasure(DeviationItem item) => item.Kind switch
    {
        DeviationKind.Overshoot => ((item.IndicatorIndex ?? 0) % 3) switch
        {
            0 => $"结合“{item.Name}”的实际完成情况，科学调整下一年度指标值，避免目标设定偏低",
            1 => $"以“{item.Name}”近年实际完成数为基础，结合资金规模和政策变化测算下一年度指标值",
            _ => $"在绩效运行监控中跟踪“{item.Name}”的完成进度，发现明显超额时按程序调整目标",
        },
        DeviationKind.LowExecution => "加快预算执行进度，建立资金支出月度通报机制，对结余资金按规定及时收回统筹使用",
        DeviationKind.QualitativeWeaker => $"细化“{item.Name}”的评价标准，补充佐证材料，按评价等级如实评分",
        DeviationKind.Cancelled => $"规范绩效目标调整程序，“{item.Name}”等指标取消应按程序报批并相应调整分值",
        _ => $"建立“{item.Name}”完成情况月度调度机制，对进度滞后的指标及时分析原因、调整措施",
    };

    [GeneratedRegex(@"^(?:超额完成|未完成|偏差|未达标)?原因(?:分析)?[：:]")]
    private static partial Regex StatedLabel();

    [GeneratedRegex(@"[^。；！？\n]*[。；！？\n]|[^。；！？\n]+$")]
    private static partial Regex SentenceChunk();
}
