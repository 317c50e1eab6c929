using Assistant.Domain.Drafting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Batches;

/// <summary>
/// Turns what the calculator, the reviewer criteria (<see cref="ReviewerCriteria"/>, as
/// <see cref="ReviewerFindings"/> applies them) and the verifier found in one submission into risk
/// signals, scores them by <see cref="RiskCategories"/> and ranks a batch.
/// </summary>
public static class BatchRisk
{
    /// <summary>Levels by score: 高 (high) at 50 or more, 中 (medium) at 20, 低 (low) above 0.</summary>
    public static string Level(int score) => score switch
    {
        >= 50 => "high",
        >= 20 => "medium",
        > 0 => "low",
        _ => "none",
    };

    /// <summary>The signals of one submission: the findings of each of its tables, and the verification of its report (null when no report was given).</summary>
    public static IReadOnlyList<RiskSignal> Signals(IEnumerable<Finding> tableFindings, IEnumerable<ReviewerFinding> reviewFindings, VerificationReport? report)
    {
        ArgumentNullException.ThrowIfNull(tableFindings);
        ArgumentNullException.ThrowIfNull(reviewFindings);
        var signals = new List<RiskSignal>();
        foreach (Finding f in tableFindings)
        {
            if (f.Code is FindingCodes.IndicatorShortfallUnexplained)
            {
                signals.Add(new RiskSignal(RiskCategories.ShortfallUnexplained, f.Path));
            }
            else if (f.Code is FindingCodes.FundsLowExecution)
            {
                // A fund line (the total or a part of it) below the 执行率 that must be explained, with no reason.
                signals.Add(new RiskSignal(RiskCategories.ShortfallUnexplained, f.Path));
            }
            else if (f.Code is FindingCodes.IndicatorQualitativeWeaker)
            {
                signals.Add(new RiskSignal(RiskCategories.QualitativeFullMarks, f.Path));
            }
            else if (f.Severity == Severity.Error)
            {
                signals.Add(new RiskSignal(RiskCategories.TableError, f.Path));
            }
            else if (f.Code is FindingCodes.IndicatorCellUnreadable or FindingCodes.IndicatorUnscorable or FindingCodes.IndicatorTargetMissing or FindingCodes.IndicatorActualMissing)
            {
                signals.Add(new RiskSignal(RiskCategories.TableUnclear, f.Path));
            }
        }

        foreach (ReviewerFinding r in reviewFindings)
        {
            string subject = r.IndicatorName ?? (r.FundLineIndex is { } i ? $"funds.lines[{i}]" : "table");
            string? category = r.Code switch
            {
                ReviewerFindingCodes.TotalHighForRate or ReviewerFindingCodes.ScoresAheadOfSpending => RiskCategories.TotalHighForRate,
                ReviewerFindingCodes.TargetTooLow => RiskCategories.TargetTooLow,
                ReviewerFindingCodes.RateWithoutReason or ReviewerFindingCodes.PartRateWithoutReason => RiskCategories.ShortfallUnexplained,
                ReviewerFindingCodes.CostLinesVsSpending => RiskCategories.TableError,
                _ when ReviewerFindingCodes.IsBoilerplate(r.Code) => RiskCategories.ReasonBoilerplate,
                _ => null,
            };
            // A fund line's 执行率 without a reason (the total or a part) is also the calculator's funds.low-execution (same line): counted once.
            if (category is not null && !(category == RiskCategories.ShortfallUnexplained && signals.Contains(new RiskSignal(category, subject))))
            {
                signals.Add(new RiskSignal(category, subject));
            }
        }

        if (report is null)
        {
            signals.Add(new RiskSignal(RiskCategories.ReportMissing, "report"));
        }
        else
        {
            signals.AddRange(report.Mentions.Where(m => m.Verdict == Verdict.Contradicted).Select(m => new RiskSignal(RiskCategories.ReportContradicted, m.Mention.Text)));
            signals.AddRange(report.Claims.Where(c => c.Verdict == Verdict.Contradicted).Select(c => new RiskSignal(RiskCategories.ReportContradicted, c.Text)));
        }

        return signals;
    }

    /// <summary>A submission that could not be read or scored: at the top of the queue, with the reason.</summary>
    public static RiskAssessment Failed(string zh, string en)
    {
        RiskCategory c = RiskCategories.Get(RiskCategories.ImportFailed);
        return new RiskAssessment(c.Points, Level(c.Points), [new RiskReason(c.Code, 1, c.Points, $"{c.Zh}：{zh}", $"{c.En}: {en}", [])]);
    }

    /// <summary>Scores the signals: each category adds its points per occurrence, up to its counted maximum.</summary>
    public static RiskAssessment Assess(IEnumerable<RiskSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var reasons = new List<RiskReason>();
        var byCategory = signals.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.ToList());
        foreach (RiskCategory c in RiskCategories.All)
        {
            if (!byCategory.TryGetValue(c.Code, out List<RiskSignal>? found))
            {
                continue;
            }

            int points = c.Points * Math.Min(found.Count, c.MaxCounted);
            var subjects = found.Select(s => s.Subject).Distinct(StringComparer.Ordinal).Take(5).ToList();
            reasons.Add(new RiskReason(c.Code, found.Count, points, c.Zh, c.En, subjects));
        }

        reasons = [.. reasons.OrderByDescending(r => r.Points).ThenBy(r => Order(r.Code))];
        int score = reasons.Sum(r => r.Points);
        return new RiskAssessment(score, Level(score), reasons);
    }

    /// <summary>Ranks a batch: highest score first; ties by the more serious first reason, then by key (stable and deterministic).</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> items, Func<T, RiskAssessment> risk, Func<T, string> key)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(key);
        return [.. items
            .OrderByDescending(i => risk(i).Score)
            .ThenBy(i => risk(i).Reasons.Count == 0 ? int.MaxValue : Order(risk(i).Reasons[0].Code))
            .ThenBy(key, StringComparer.Ordinal)];
    }

    private static int Order(string code)
    {
        for (int i = 0; i < RiskCategories.All.Count; i++)
        {
            if (RiskCategories.All[i].Code == code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
