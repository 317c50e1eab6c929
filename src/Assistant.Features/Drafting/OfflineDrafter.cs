using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
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
    public const string ModelId = "offline-drafter-v2";

    /// <summary>How a draft begins the sentence saying that the unit gave no reason for a row.</summary>
    public const string NoCauseLead = "自评表未说明";

    /// <summary>The sentences that say the unit gave no reason and the draft guessed none, in full and in the shorter forms used after.</summary>
    private static readonly string[] NoCauseSentences = [NoCauseLead, "同样未说明原因", "单位亦未填写"];

    /// <summary>Whether a paragraph says the unit gave no reason (the draft guessed none): the notes must then not say a reason was analysed.</summary>
    public static bool SaysNoCause(string text) => NoCauseSentences.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>How a draft quotes the reasons the unit gave on its indicators for money it did not spend.</summary>
    public const string CostLinesLead = "单位在绩效指标中说明的相关原因是";

    private static readonly ChatClientMetadata Metadata = new("offline", null, ModelId);

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

        // Items that deviate for one reason share a paragraph; the heaviest deviations come first. The
        // cause of each group is settled before any text, so the measures can answer it.
        var writer = new SectionWriter(brief);
        var groups = writer.Groups;
        var causes = groups.Select(writer.CauseOf).ToList();

        if (reasons)
        {
            sb.Append(brief.Section == DraftSection.Deviation ? "（一）偏离绩效目标的原因\n" : "偏离绩效目标的原因\n");
            for (int n = 0; n < groups.Count; n++)
            {
                sb.Append(n + 1).Append(". ").Append(writer.ReasonParagraph(groups[n], causes[n])).Append('\n');
                writer.Said(groups[n], causes[n]);
            }
        }

        if (measures)
        {
            sb.Append(brief.Section == DraftSection.Deviation ? "（二）下一步改进措施\n" : "下一步改进措施\n");
            for (int n = 0; n < groups.Count; n++)
            {
                sb.Append(n + 1).Append(". ").Append(writer.MeasureParagraph(groups[n], causes[n])).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Where a group's cause comes from.</summary>
    private enum CauseOrigin
    {
        Stated,
        CostLines,
        Precedent,
        Analysis,
        None,

        /// <summary>The unit gave no reason and neither the table nor a fitting precedent gives one: the draft says so.</summary>
        Missing,
    }

    /// <param name="OwnMeasure">The unit's own measure, written in its 偏差原因 cell after the cause (下一步…, 改进措施：…).</param>
    /// <param name="Measures">For a first analysis: the measures that answer it.</param>
    /// <param name="Parts">For a line whose reason is only on some of its low parts: each listed part with its own note (null when none).</param>
    private sealed record Cause(CauseOrigin Origin, string Text, IReadOnlyList<(string Clause, int Source)> Precedents, string? OwnMeasure = null, IReadOnlyList<string>? Measures = null,
        IReadOnlyList<PartNote>? Parts = null);

    /// <summary>A low part of an under-spent line and the note the unit wrote on it (null when none).</summary>
    private sealed record PartNote(string Name, string? Note);

    /// <summary>Writes one draft: remembers every sentence used so none is repeated for another item.</summary>
    private sealed partial class SectionWriter(DraftBrief brief)
    {
        private readonly HashSet<string> used = new(StringComparer.Ordinal);
        private readonly IReadOnlyList<ReviewerFinding> findings = ReviewerFindings.Find(brief.Sheet, PolicyOf(brief));
        private readonly Dictionary<string, BriefItem> byId = brief.Items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal);
        private readonly List<DeviationGroup> groups = DeviationGroups.Build(brief.Sheet, brief.Items.Select(i => i.Item).ToList()).ToList();

        public IReadOnlyList<DeviationGroup> Groups => groups;

        private Evaluation E => brief.Evaluation;

        private static ScoringPolicy PolicyOf(DraftBrief brief) => ScoringPolicy.Find(brief.Sheet.Report.PolicyName) ?? ScoringPolicy.Default;

        public Cause CauseOf(DeviationGroup group)
        {
            // A row carrying only a measure (下一步改进措施：…, as a measure given in the conversation for a row without a
            // reason is carried): no cause is stated; the measure is the unit's own.
            if (group.StatedReason is { } labelled && StatedText.LabelledMeasureOnly(Clean(labelled)) is { } onlyMeasure)
            {
                return CauseOf(group with { StatedReason = null }) with { OwnMeasure = onlyMeasure };
            }

            DeviationItem head = group.Items[0];
            if (group.StatedReason is { } stated && !(group.Kind == DeviationKind.Cancelled && ReasonStrength.Weakness(brief.Sheet, head) is not null))
            {
                // A stated reason is kept as the unit wrote it (its measure goes to the measures). Where it
                // cannot explain an item's gap, the review notes say so; no cause the table does not give is added.
                StatedText split = StatedText.Split(Clean(stated));
                return new Cause(CauseOrigin.Stated, split.Cause, [], split.Measure);
            }

            switch (group.Kind)
            {
                case DeviationKind.Cancelled:
                    // A weak reason is not repeated as the cause, but a measure written after it is still the unit's own.
                    return new Cause(CauseOrigin.None, string.Empty, [], group.StatedReason is { } weak ? StatedText.Split(Clean(weak)).Measure : null);
                case DeviationKind.LowExecution:
                    // The unit's own words come first: the reasons it gave for under-spent cost lines, or a
                    // reason about where the money came from (优先使用中央资金) given anywhere in the table.
                    // (BorrowedReasons: the chat's answer to 县级资金为什么执行率低 borrows the same, so the two agree.)
                    var own = BorrowedReasons.For(brief.Sheet, brief.Items.Select(i => i.Item).ToList(), head.Name, IsRoot(head));
                    if (own.Count > 0)
                    {
                        return new Cause(CauseOrigin.CostLines, string.Join("、", own), []);
                    }

                    // The reason the unit wrote on a low part of this line (县级资金：集中带量采购降价，结余60万元) is its own.
                    if (PartNotes(head) is { Length: > 0 } partNotes)
                    {
                        StatedText parts = StatedText.Split(Clean(partNotes));
                        // Session 39: the reason is said for the parts it was written on, each listed part with its own note or none.
                        var listed = LowParts(head, listedOnly: true).Select(p => p with { Note = p.Note is { } n ? StatedText.Split(n).Cause is { Length: > 0 } c ? c : null : null }).ToList();
                        return new Cause(CauseOrigin.Stated, parts.Cause, [], parts.Measure, Parts: listed.Count > 0 && listed.Any(p => p.Note is not null) ? listed : null);
                    }

                    break;
            }

            var precedents = Precedents(group, reasons: true, max: group.Kind == DeviationKind.Overshoot ? 1 : 2);
            if (precedents.Count > 0)
            {
                return new Cause(CauseOrigin.Precedent, string.Join("；", precedents.Select(p => p.Clause)), precedents);
            }

            if (group.Kind == DeviationKind.LowExecution)
            {
                // No reason given for the money left: no cause is guessed (上级资金下达较晚 is the unit's to say, not the draft's);
                // the draft says the reason is missing, and the measures answer the money by where it comes from.
                var fund = FundCauses(group.Items[0]);
                // A measure that presupposes a cause (上级资金下达较晚 → 沟通对接) is not written for money left without one.
                return new Cause(CauseOrigin.Missing, string.Empty, [], null,
                    fund.Select(f => DraftPhrases.PresupposesOtherCause(f.Measure, null) ? DraftPhrases.UpperMoneyNeutral : f.Measure).Distinct(StringComparer.Ordinal).ToList());
            }

            if (group.Kind == DeviationKind.Shortfall && OutputsShort(group) is { Count: > 0 } outputs)
            {
                // An effect short while outputs are short: the table itself says why (works not finished).
                string names = string.Concat(outputs.Take(2).Select(o => $"“{o.Name}”"));
                bool builds = Builds().IsMatch(names + "；" + E.Title);
                string effect = builds ? $"产出指标{names}仍有任务未完成，部分建设内容尚未投入使用，效益未能全部显现" : $"产出指标{names}未完成年度任务，相应的服务效果未能全部显现";
                used.Add(Precedent.Key(effect));
                return new Cause(CauseOrigin.Analysis, effect, [], null,
                    [builds ? $"随{names}剩余任务的后续安排同步跟踪，建成的及时投入使用，并据实统计实际受益情况" : $"随{names}剩余任务的落实同步跟踪服务效果，并据实统计实际受益情况"]);
            }

            // No cause is invented (session 37: not for an over-achievement either — 测算偏于保守 was a guess the facts do not
            // give): the draft states the figures, says plainly that the unit gave no reason, and what it must add.
            return new Cause(CauseOrigin.Missing, string.Empty, []);
        }

        /// <summary>First analyses of an under-spent line: its own source, or its lowest parts' sources.</summary>
        private List<(string Cause, string Measure)> FundCauses(DeviationItem line)
        {
            var names = line.FactIds.Where(f => f.EndsWith(".rate", StringComparison.Ordinal) && !f.StartsWith(line.Path + ".", StringComparison.Ordinal))
                .OrderBy(f => brief.Sheet.Find(f)?.Value ?? 0m)
                .Select(f => E.Funds.Lines[LineIndex(f)].Name)
                .DefaultIfEmpty(line.Name);
            return names.Select(n => DraftPhrases.FundCause(n, E.Region)).Distinct().Take(2).ToList();
        }

        /// <summary>Remembers a group's stated reason once its paragraph is written.</summary>
        public void Said(DeviationGroup group, Cause cause)
        {
            if (cause.Origin == CauseOrigin.Stated && group.Items.Count == 1)
            {
                statedSaid.TryAdd(cause.Text, group.Items[0].IndicatorIndex is null ? "预算执行率" : group.Items[0].Name);
            }
        }

        public string ReasonParagraph(DeviationGroup group, Cause cause)
        {
            var sb = new StringBuilder();
            bool many = group.Items.Count > 1;
            switch (group.Kind)
            {
                case DeviationKind.LowExecution when !IsRoot(group.Items[0]):
                    DeviationItem part = group.Items[0];
                    sb.Append('“').Append(part.Name).Append("”执行率偏低。").Append(FundFacts(part, "该部分资金"));
                    if (RootRate() is { } rootRate)
                    {
                        sb.Length--;
                        sb.Append(DepartmentBudget.Is(brief.Sheet.Evaluation) ? "，部门预算总体执行率为" : "，项目资金总体执行率为").Append(DraftText.Ref(rootRate)).Append("，该部分资金执行明显滞后。");
                    }

                    sb.Append(CauseSentence(cause, "结余的主要原因是"));
                    break;
                case DeviationKind.LowExecution:
                    DeviationItem line = group.Items[0];
                    sb.Append("预算执行率偏低。").Append(FundFacts(line));
                    if (brief.Sheet.Find(line.Path + ".adjustment") is { Value: > 0m } && brief.Sheet.Find(line.Path + ".initialBudget") is not null)
                    {
                        sb.Length--;
                        sb.Append("；年初预算数").Append(DraftText.Ref(line.Path + ".initialBudget")).Append("，年中调增").Append(DraftText.Ref(line.Path + ".adjustment")).Append('。');
                    }

                    var costs = CostLines();
                    if (costs.Count > 0)
                    {
                        bool before = costs.All(c => Position(c) < Position(line));
                        sb.Append("成本指标中").Append(string.Concat(costs.Take(4).Select(c => $"“{c.Name}”")))
                          .Append(costs.Count > 4 ? "等" : string.Empty).Append("的实际支出低于指标值（各项差距见").Append(before ? "上文" : "下文").Append('）');
                        sb.Append(cause.Origin == CauseOrigin.CostLines ? $"，单位说明的原因是{cause.Text}。" : "。");
                    }
                    else if (cause.Origin == CauseOrigin.CostLines)
                    {
                        sb.Append("单位在绩效指标中说明的原因是").Append(cause.Text)
                          .Append(DraftPhrases.IsFundingSource(cause.Text) ? "，即相关支出优先由上级资金安排，本项目资金相应结余。" : "。");
                    }

                    if (cause.Parts is { Count: > 0 } partNotes)
                    {
                        sb.Append(PartsSentence(partNotes));
                    }
                    else if (cause.Origin != CauseOrigin.CostLines)
                    {
                        sb.Append(CauseSentence(cause, "资金结余的主要原因是"));
                    }

                    if (Has(ReviewerFindingCodes.ScoresAheadOfSpending, ReviewerFindingCodes.TotalHighForRate) && brief.Sheet.Find("count.met") is not null)
                    {
                        sb.Append(SpendingBehindTasks(line, cause));
                    }

                    break;
                case DeviationKind.Overshoot:
                    sb.Append(many ? "多项指标" : Names(group)).Append("完成值明显高于年度指标值").Append(many ? "。" : "，")
                      .Append(string.Concat(group.Items.Select(i => (many ? $"“{i.Name}”" : string.Empty) + ItemFacts(i, withGap: !many) + "。")));
                    sb.Append(CauseSentence(cause, many ? "上述指标超额完成的主要原因是" : "超额完成的主要原因是", many && cause.Origin == CauseOrigin.Missing));
                    break;
                case DeviationKind.Cancelled:
                    sb.Append(Names(group)).Append(many ? "在年度执行中取消" : "指标在年度执行中取消").Append('。');
                    if (cause.Origin == CauseOrigin.Stated)
                    {
                        sb.Append("取消的原因是").Append(cause.Text).Append('。');
                    }

                    break;
                case DeviationKind.QualitativeWeaker or DeviationKind.Late:
                    sb.Append(Names(group)).Append(group.Kind == DeviationKind.Late || IsDeadline(group) ? "未按期完成" : "实际效果弱于年度指标值")
                      .Append(many ? "。" : "，").Append(string.Concat(group.Items.Select(i => QualitativeFacts(i, named: many))));
                    if (!many && sb[^1] == '，')
                    {
                        sb[^1] = '。';
                    }

                    // Session 41: two weaker or late rows are 上述指标, not 该项.
                    sb.Append(CauseSentence(cause, "主要原因是", many));
                    break;
                default:
                    sb.Append(Names(group)).Append(Missed(group, ofTheYear: true)).Append(many ? "。" : "，")
                      .Append(string.Concat(group.Items.Select(i => (many ? $"“{i.Name}”" : string.Empty) + ItemFacts(i, withGap: true, reverse: IsReverse(i), zero: IsZero(i)) + "。")));
                    sb.Append(CauseSentence(cause, "主要原因是", many));
                    if (cause.Origin == CauseOrigin.Stated && group.Money && DraftPhrases.IsFundingSource(cause.Text))
                    {
                        sb.Length--;
                        sb.Append("，即相关支出优先由上级资金安排，本级预算资金相应结余。");
                    }

                    break;
            }

            return sb.ToString();
        }

        /// <summary>Cause or action clauses of the group's sources that fit every item of it, cited, never used twice.</summary>
        private List<(string Clause, int Source)> Precedents(DeviationGroup group, bool reasons, int max, string? cause = null)
        {
            var result = new List<(string, int)>();
            DeviationItem head = group.Items[0];
            BriefItem bi = byId[head.Id];
            string context = string.Join("；", group.Items.Select(i => i.Name)) + "；" + (group.StatedReason ?? string.Empty);
            foreach (int s in reasons ? bi.ReasonSources : bi.MeasureSources)
            {
                SearchHit hit = brief.Sources[s - 1].Hit;
                var clauses = reasons
                    ? Precedent.Reasons(hit.Text, head.Kind, hit.Region, group.Items.Count == 1 ? head.Name : null)
                    : Precedent.Measures(hit.Text, hit.Region).Where(m => Precedent.Answers(m, head.Kind, context))
                        // 对年底下达的资金… answers money that came late: only where this unit says (or the draft's analysis finds) it did.
                        .Where(m => !DraftPhrases.AssumesLateArrival(m) || DraftPhrases.IsLateArrival(context + "；" + cause) || DraftPhrases.AssumesLateArrival(context + "；" + cause))
                        // Session 38: a precedent's measure that presupposes a cause this unit does not state (沟通对接上级财政 for money held
                        // in an internal review), one about posts for a fund without posts, or — with no cause stated — any measure that
                        // does not hold whatever the cause, is not this item's.
                        .Where(m => !DraftPhrases.PresupposesOtherCause(m, cause + "；" + group.StatedReason))
                        .Where(m => !DraftPhrases.AboutPosts(m) || OwnWords(group).Contains("岗位", StringComparison.Ordinal) || E.Title.Contains("岗位", StringComparison.Ordinal))
                        .Where(m => cause is not { Length: 0 } || group.StatedReason is not null || DraftPhrases.HoldsWhateverCause(m)).ToList();
                foreach (string clause in clauses)
                {
                    if (result.Count < max && group.Items.All(i => PrecedentFit.Misfit(clause, i, E, hit.Indicator) is null) && !NearCopy(clause) && used.Add(Precedent.Key(clause)))
                    {
                        result.Add((clause, s));
                        break;
                    }
                }
            }

            return result;
        }

        private string CauseSentence(Cause cause, string lead, bool many = false) => cause.Origin switch
        {
            // A measure-only or catch-all reason already quoted for another row is referred to, not written again.
            CauseOrigin.Stated when !many && statedSaid.TryGetValue(cause.Text, out string? before)
                && (Assistant.Domain.Review.ReasonQuality.IsMeasureOnly(cause.Text) || ReasonStrength.IsBoilerplate(cause.Text)) =>
                SameAgain(before),
            CauseOrigin.Stated when Assistant.Domain.Review.ReasonQuality.IsMeasureOnly(cause.Text) =>
                $"单位在偏差原因中填写的“{cause.Text}”是工作措施，没有说明{(many ? "上述指标" : "该项")}偏差的原因。",
            // 疫情 in a table of a year it no longer held projects up: quoted, and said not to fit the year.
            CauseOrigin.Stated when Assistant.Domain.Review.ReasonQuality.OutOfPeriodCause(cause.Text, E.Year) is { } dated =>
                $"单位{(many ? "对上述指标" : string.Empty)}填写的原因为“{cause.Text}”，但{dated.Name}因素已不适用于本年度，该原因与年度不符。",
            CauseOrigin.Stated when ReasonStrength.IsBoilerplate(cause.Text) =>
                $"单位{(many ? "对上述指标" : string.Empty)}填写的原因为“{cause.Text}”，没有说明具体是哪些因素、各造成多少差距。",
            CauseOrigin.Stated when !many && statedSaid.TryGetValue(cause.Text, out string? earlier) => $"单位说明的原因与“{earlier}”相同，即{cause.Text}。",
            CauseOrigin.Stated => many ? $"单位对上述指标说明的原因均为{cause.Text}。" : $"单位说明的原因是{cause.Text}。",
            CauseOrigin.CostLines => $"{CostLinesLead}{cause.Text}。",
            CauseOrigin.Missing => MissingSentence(many, lead.Contains("结余", StringComparison.Ordinal) ? (lead.StartsWith("资金", StringComparison.Ordinal) ? "资金结余" : "该部分资金结余") : null),
            // Another unit's reason is a lead, not this unit's fact: hedged like any cause the table does not give.
            CauseOrigin.Precedent => "经初步分析，" + lead.Replace("主要原因是", "原因可能是", StringComparison.Ordinal)
                + string.Join("；", cause.Precedents.Select(p => p.Clause + DraftText.Cite(p.Source))) + "，具体原因以单位核实情况为准。",
            CauseOrigin.Analysis => "经初步分析，" + lead.Replace("主要原因是", "原因可能是", StringComparison.Ordinal) + cause.Text + "，具体原因以单位核实情况为准。",
            _ => string.Empty,
        };

        /// <summary>
        /// That the unit gave no reason, said in full the first time and more briefly after (the same sentence on
        /// every such row would read as a template).
        /// </summary>
        private string MissingSentence(bool many, string? money = null)
        {
            string subject = many ? "上述指标" : "该项";
            string[] forms = money is not null
                ?
                [
                    $"{NoCauseLead}{money}的原因。",
                    $"{money}单位同样未说明原因。",
                    $"单位亦未填写{money}的原因。",
                ]
                :
                [
                    $"{NoCauseLead}{subject}偏差的原因。",
                    $"{subject}偏差单位同样未说明原因。",
                    $"单位亦未填写{subject}的原因。",
                ];
            return missingSaid < forms.Length ? forms[missingSaid++] : $"{money ?? subject}同样未说明原因。";
        }

        private int missingSaid;

        /// <summary>
        /// That a row's reason is the same catch-all already quoted, said in full once and more briefly after: rows that share
        /// a reason naming no cause are written one by one (each answered by its own kind), not as one template repeated.
        /// </summary>
        private string SameAgain(string before)
        {
            string[] forms =
            [
                $"单位填写的原因与“{before}”相同，同样没有说明该项偏差的具体原因。",
                "该项填写的也是同一句原因，同样没有说明具体原因。",
                "原因一栏仍是同一句话，没有逐项说明。",
            ];
            return sameSaid < forms.Length ? forms[sameSaid++] : "原因同上。";
        }

        private int sameSaid;

        /// <summary>Each stated reason already quoted, with the item it was quoted for (one note on 资金 and 时效 is quoted once, then referred to).</summary>
        private readonly Dictionary<string, string> statedSaid = new(StringComparer.Ordinal);

        /// <summary>Money indicators short of their target, largest gap first: where an unspent budget shows.</summary>
        private List<DeviationItem> CostLines() => BorrowedReasons.CostLines(brief.Sheet, brief.Items.Select(i => i.Item));

        private int Position(DeviationItem item) => groups.FindIndex(g => g.Items.Contains(item));

        private bool IsRoot(DeviationItem line) => line.FundLineIndex is not { } f || brief.Sheet.Report.Funds.FirstOrDefault(r => r.Index == f)?.IsRoot != false;

        private string? RootRate() => brief.Sheet.Report.Funds.FirstOrDefault(r => r.IsRoot) is { } root && brief.Sheet.Find($"funds.lines[{root.Index}].rate") is not null
            ? $"funds.lines[{root.Index}].rate"
            : null;

        private static int LineIndex(string factId)
        {
            string path = factId[..factId.LastIndexOf('.')];
            return int.Parse(path[(path.IndexOf('[', StringComparison.Ordinal) + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>Whether the group is a deadline (时效 with dates): it was 未按期完成, not “weaker”.</summary>
        private bool IsDeadline(DeviationGroup group) => group.Items.All(i => i.IndicatorIndex is { } x
            && (PrecedentFit.NatureOf(i, E) == Nature.Time || DateLike().IsMatch(brief.Sheet.Report.Indicators[x].Target.Text)));

        private bool Has(params string[] codes) => findings.Any(f => codes.Contains(f.Code, StringComparer.Ordinal));

        /// <summary>The first candidate not used yet and not a near-copy of one used.</summary>
        private string? Fresh(IEnumerable<string> candidates) =>
            candidates.FirstOrDefault(c => !used.Contains(Precedent.Key(c)) && !NearCopy(c));

        /// <summary>An item's own words for choosing its measures; without its stated words when they name no cause.</summary>
        private string NoCauseWords(DeviationItem item, bool noCause) => noCause ? item.Name : PrecedentFit.OwnWords(item, E);

        private string OwnWords(DeviationGroup group) => string.Join("；", group.Items.Select(i => PrecedentFit.OwnWords(i, E)));

        private Nature NatureOf(DeviationGroup group) => PhraseNature(group.Items[0]);

        /// <summary>
        /// What an item counts, for choosing a sentence: a quantity short of its target (万亩, 万公斤) counts
        /// something even when its unit says nothing; a qualitative row judged weaker is a quality.
        /// </summary>
        private Nature PhraseNature(DeviationItem item) => (item.Kind, PrecedentFit.NatureOf(item, E)) switch
        {
            (DeviationKind.Shortfall, Nature.Quality) => Nature.Unknown,
            (DeviationKind.QualitativeWeaker, Nature.Unknown or Nature.Count) => Nature.Quality,
            (DeviationKind.Late, _) => Nature.Time,
            (_, var n) => n,
        };

        private static string Names(DeviationGroup group) => string.Concat(group.Items.Select(i => $"“{i.Name}”"));

        private static string Clean(string stated) => BorrowedReasons.Clean(stated);

        private string FundFacts(DeviationItem item, string lead = "")
        {
            bool Has(string id) => item.FactIds.Contains(id, StringComparer.Ordinal);
            string R(string suffix) => DraftText.Ref($"{item.Path}.{suffix}");
            var parts = new List<string> { lead + "全年预算数" + R("budget"), "全年执行数" + R("executed"), (lead.Length > 0 ? "执行率" : "预算执行率") + R("rate") };
            if (Has($"{item.Path}.balance"))
            {
                parts.Add("结余" + R("balance") + (brief.Sheet.Find(item.Path + ".unexecutedRate") is not null ? "，占预算的" + R("unexecutedRate") : string.Empty));
            }

            var lowParts = item.FactIds
                .Where(f => f.EndsWith(".rate", StringComparison.Ordinal) && !f.StartsWith(item.Path + ".", StringComparison.Ordinal))
                .Where(f => brief.Sheet.Find(f[..f.LastIndexOf('.')] + ".budget")?.Value != brief.Sheet.Find(item.Path + ".budget")?.Value)
                .ToList();
            if (lowParts.Count > 0)
            {
                parts.Add("其中" + string.Join("，", lowParts.Select(f => $"{E.Funds.Lines[LineIndex(f)].Name}执行率{DraftText.Ref(f)}")));
            }

            return string.Join("，", parts) + "。";
        }
    }

    [GeneratedRegex(@"[^。；！？\n]*[。；！？\n]|[^。；！？\n]+$")]
    private static partial Regex SentenceChunk();

    [GeneratedRegex(@"\d{4}\s*年|\d{1,2}\s*月|月底|年底|前完成|之前")]
    private static partial Regex DateLike();

    [GeneratedRegex("工程|建设|新建|改造|修建|维修|设施|建成|完工|除险加固|衬砌|水库|渠道|管网|道路|公路|校舍")]
    private static partial Regex Builds();
}
