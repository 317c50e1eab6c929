using Assistant.Domain.Drafting;

namespace Assistant.Features.Drafting;

/// <summary>The measures paragraph of a group: the unit's own measure, precedents' actions, the measures that answer its cause.</summary>
public sealed partial class OfflineDrafter
{
    /// <summary>What answers a target set too low, in order of preference (one per group of over-achievements).</summary>
    private static readonly string[] OvershootMeasures =
    [
        "以近年实际完成数为基础，结合资金规模和政策变化科学测算下一年度指标值，执行中确需调整的按程序报批",
        "申报下一年度绩效目标时参考本年度实际完成数据，据实提高指标值，使目标与资金规模和工作任务相匹配",
        "加强绩效运行监控，年中完成进度明显超出目标的，及时分析原因并按程序调整指标值",
    ];

    private sealed partial class SectionWriter
    {
        public string MeasureParagraph(DeviationGroup group, Cause cause)
        {
            var parts = new List<string>();
            string own = OwnWords(group);
            void Add(string? measure)
            {
                // The unit's own measure (its note, or a measure given in the conversation) is written as given: never
                // dropped as foreign to the sector or as a near copy of another group's measure.
                bool mine = measure is not null && string.Equals(measure, cause.OwnMeasure, StringComparison.Ordinal);
                if (measure is null || (!mine && (FundLexicon.Foreign(measure, own).Count > 0 || NearCopy(measure))))
                {
                    return;
                }

                // A measure that spells out one already written (加强与企业对接 → 加强与企业的对接，根据企业生产安排…) takes its place.
                string key = Precedent.Key(measure).Replace("的", string.Empty, StringComparison.Ordinal);
                int shorter = parts.FindIndex(p => Precedent.Key(p).Replace("的", string.Empty, StringComparison.Ordinal) is { Length: >= 4 } k && key.StartsWith(k, StringComparison.Ordinal));
                if (used.Add(Precedent.Key(measure)) || (mine && !parts.Contains(measure, StringComparer.Ordinal)))
                {
                    if (shorter >= 0)
                    {
                        parts[shorter] = measure;
                    }
                    else
                    {
                        parts.Add(measure);
                    }
                }
            }

            // A measure for one item of several is written with its item (“X”方面，…), so each sits with what it answers.
            void AddFor(DeviationItem item, string? measure)
            {
                if (measure is null || group.Items.Count == 1)
                {
                    Add(measure);
                    return;
                }

                if (!used.Contains(Precedent.Key(measure)) && !NearCopy(measure))
                {
                    Add($"“{item.Name}”方面，{measure}");
                    used.Add(Precedent.Key(measure));
                }
            }

            string subject;
            switch (group.Kind)
            {
                case DeviationKind.LowExecution:
                    subject = IsRoot(group.Items[0])
                        ? $"预算执行率{DraftText.Ref(group.Items[0].Path + ".rate")}偏低的问题"
                        : $"“{group.Items[0].Name}”执行率{DraftText.Ref(group.Items[0].Path + ".rate")}偏低的问题";
                    Add(cause.OwnMeasure);
                    if (cause.Parts is { Count: > 0 } partNotes)
                    {
                        // Session 39: each low part gets the measure that fits what was said on it; a part without a note gets one
                        // that holds whatever its cause (not 沟通对接上级财政, which presupposes money that came late).
                        foreach (PartNote p in partNotes)
                        {
                            // A note of no kind known here gets the part's own measure, as a part without a note does.
                            string fm = DraftPhrases.FundCause(p.Name, E.Region).Measure;
                            string? m = (p.Note is { } note ? DraftPhrases.AnswersFor(note, max: 1, region: E.Region).FirstOrDefault(a => !used.Contains(Precedent.Key(a))) : null)
                                ?? (!DraftPhrases.PresupposesOtherCause(fm, p.Note) ? fm : DraftPhrases.UpperMoneyNeutral);
                            if (m is not null && !used.Contains(Precedent.Key(m)))
                            {
                                used.Add(Precedent.Key(m));
                                parts.Add($"“{p.Name}”方面，{m}");
                            }
                        }
                    }

                    foreach (string m in cause.Parts is { Count: > 0 } ? [] : cause.Measures ?? DraftPhrases.AnswersFor(cause.Text, region: E.Region))
                    {
                        Add(m);
                    }

                    parts.AddRange(Precedents(group, reasons: false, max: 1, cause.Text).Select(p => p.Clause + DraftText.Cite(p.Source)));
                    if (Has(ReviewerFindingCodes.UnspentShare))
                    {
                        Add("对当年结余资金按规定及时收回或结转统筹使用，提高资金使用效益");
                    }

                    if (Has(ReviewerFindingCodes.ScoresAheadOfSpending, ReviewerFindingCodes.TotalHighForRate))
                    {
                        Add("据实编制下一年度预算，使资金安排与任务量相匹配");
                    }

                    Add("建立资金支出月度通报机制，加快预算执行进度");
                    break;
                case DeviationKind.Overshoot:
                    subject = $"{Names(group)}完成值明显高于指标值的问题";
                    // The unit's own measure (written in its note or given in the conversation) first, on every kind of group.
                    Add(cause.OwnMeasure);
                    Add(Fresh(OvershootMeasures));
                    parts.AddRange(Precedents(group, reasons: false, max: 1).Select(p => p.Clause + DraftText.Cite(p.Source)));
                    break;
                case DeviationKind.Cancelled:
                    subject = $"{Names(group)}指标年度中取消的问题";
                    Add(cause.OwnMeasure);
                    Add("规范绩效目标调整程序，年度中取消或调整指标应按程序报批，并相应调整分值");
                    break;
                default:
                    subject = group.Kind is not (DeviationKind.QualitativeWeaker or DeviationKind.Late) ? $"{Names(group)}{Missed(group, ofTheYear: false)}的问题"
                        : group.Kind == DeviationKind.Late || IsDeadline(group) ? $"{Names(group)}未按期完成的问题" : $"{Names(group)}实际效果弱于指标值的问题";
                    // The unit's own measure first, then what answers each kind of cause it gave; a generic
                    // measure only where the cause is of no kind known here, never one that ignores it.
                    Add(cause.OwnMeasure);
                    // Measures written from the table's own names (督促“X”…) are the table's words, never foreign.
                    parts.AddRange((cause.Measures ?? []).Where(m => used.Add(Precedent.Key(m))));
                    // A stated “reason” that is only a measure or a catch-all names no cause to answer: each row
                    // gets the measures of its own sector and indicator instead (a fire-damage rate is not a funds matter).
                    // So is one that says only which money paid first (优先使用中央资金) for a row that counts people or things.
                    bool noCause = cause.Origin == CauseOrigin.Stated && (Assistant.Domain.Review.ReasonQuality.IsMeasureOnly(cause.Text) || ReasonStrength.IsBoilerplate(cause.Text)
                        || (!group.Money && DraftPhrases.IsFundingSource(cause.Text) && !FundingCausePeople().IsMatch(cause.Text)));
                    // 疫情 in a year it no longer held anything up is not answered; what else the reason names still is.
                    bool outOfPeriod = cause.Origin == CauseOrigin.Stated && Assistant.Domain.Review.ReasonQuality.IsOutOfPeriod(cause.Text, E.Year);
                    foreach (string m in noCause ? [] : DraftPhrases.AnswersFor(cause.Text, region: E.Region, context: own + "；" + E.Title))
                    {
                        // A target of 0 exceeded is never answered by changing the target (session 42: 违规领取待遇人数 after deaths not reported).
                        if (Zero(group) && DraftPhrases.AdjustsTarget(m))
                        {
                            continue;
                        }

                        // The measure kept for this cause (or, for a second cause of its kind, another wording that fits it).
                        Add(DraftPhrases.Alternatives(m).FirstOrDefault(c => !used.Contains(Precedent.Key(c)) && !NearCopy(c) && DraftPhrases.Fits(c, cause.Text)));
                    }

                    // A row of a kind that needs its own answer (an accident by safety, a loan overdue by loan risk control, money paid
                    // late by paying on time; satisfaction, where no cause says what to answer) gets it whatever else its cause asks for.
                    bool none = cause.Origin is CauseOrigin.Missing or CauseOrigin.None;
                    foreach (DeviationItem item in group.Items)
                    {
                        DraftPhrases.RowKind kind = DraftPhrases.KindOfRow(item.Name, item.Level2);
                        if (kind != DraftPhrases.RowKind.None && (none || kind != DraftPhrases.RowKind.Satisfaction) && !parts.Any(p => DraftPhrases.AnswersRow(p, kind)))
                        {
                            AddFor(item, Fresh(DraftPhrases.RowKindMeasures(kind, item.Name)));
                        }
                    }

                    // A ceiling exceeded, or a stated cause of no kind known here: a measure from the cause's own
                    // terms or one that claims no mechanism the unit did not name (never 结合农时 for a unit cost).
                    if (parts.Count == 0 && !noCause && Ceiling(group))
                    {
                        Add(DraftPhrases.CeilingMeasure(group.Items[0].Name, cause.Text, PhraseNature(group.Items[0]) == Nature.Money || MoneyUnit(group.Items[0]), PhraseNature(group.Items[0]) == Nature.Time, own + "；" + E.Title));
                    }
                    else if (parts.Count == 0 && !noCause && !outOfPeriod && cause.Origin == CauseOrigin.Stated && group.Kind == DeviationKind.Shortfall && group.Items.All(i => DraftPhrases.CarriesOver(PhraseNature(i), i.Name)))
                    {
                        Add(DraftPhrases.LeftoverMeasure);
                    }

                    // A cause of no kind known here gets the measures of its sector and indicator, never a
                    // sentence that only repeats the cause back (围绕单位所述…逐项制定整改措施).
                    // A ceiling row gets what answers its own kind of rate (婴儿死亡率 by 专案管理), never its sector's service measure.
                    // No cause stated at all: each row gets a measure that holds whatever the cause turns out to be, with its own
                    // item (never its fund's or sector's answer to a cause the table does not give: 退岗补岗 for an accident).
                    foreach (DeviationItem item in group.Items.Take(noCause || none ? 4 : 3).Where(_ => noCause || none || parts.Count == 0)
                                 .Where(i => !none || DraftPhrases.KindOfRow(i.Name, i.Level2) == DraftPhrases.RowKind.None))
                    {
                        AddFor(item, IsCeiling(item)
                            ? Fresh([DraftPhrases.CeilingMeasure(item.Name, null, PhraseNature(item) == Nature.Money || MoneyUnit(item), PhraseNature(item) == Nature.Time, PrecedentFit.OwnWords(item, E) + "；" + E.Title)])
                            : Fresh(none ? DraftPhrases.NoCauseMeasures(PrecedentFit.OwnWords(item, E), PhraseNature(item), E.Title)
                                : DraftPhrases.Measures(NoCauseWords(item, noCause), PhraseNature(item), E.Title).Where(m => !noCause || !DraftPhrases.PresupposesOtherCause(m, cause.Text))));
                    }

                    // One measure written for the first of several rows (the others' came out the same): it answers them all, so it
                    // is not headed by one row's name (session 40: “改造老旧小区数量（个）”方面，… and nothing for 年度完工率).
                    if (group.Items.Count > 1 && parts.Count == 1 && parts[0].StartsWith('“') && parts[0].IndexOf("”方面，", StringComparison.Ordinal) is > 0 and var head)
                    {
                        parts[0] = parts[0][(head + "”方面，".Length)..];
                    }

                    if (parts.Count < 3)
                    {
                        parts.AddRange(Precedents(group, reasons: false, max: 1, cause.Text).Select(p => p.Clause + DraftText.Cite(p.Source)));
                    }
                    break;
            }

            if (parts.Count == 0)
            {
                Add(Fresh(DraftPhrases.Measures(string.Empty, Nature.Unknown, E.Title)) ?? $"将{Names(group)}纳入绩效运行监控重点，按月跟踪完成进度");
            }

            if (parts.Count == 0)
            {
                // Every candidate named another fund's people (or was written already): never an empty “针对…的问题，。”.
                parts.Add($"将{Names(group)}纳入绩效运行监控重点，按月跟踪完成进度，对偏差逐项查明原因并落实整改");
            }

            return $"针对{subject}，{string.Join("；", parts)}。";
        }
    }

    /// <summary>A reason about money that also names a cause among people or needs (优先使用中央资金，申报人数减少).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("人数|人员|对象|需求|意愿|申报|企业|岗位|减少|不足")]
    private static partial System.Text.RegularExpressions.Regex FundingCausePeople();
}
