using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// What-if questions on one indicator (如果差错金额控制在2万以内，总分能到多少 / 如果群众满意度达到90%): the
/// row's actual value set to the one asked, the table scored again by the same calculator, and the row's
/// score and the total (and grade) set beside today's — one figure answered, not the whole table.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The value a what-if question gives for row <paramref name="i"/>, in the row's unit; null when it gives none (or the row is not a number).</summary>
    public static decimal? AskedValue(string message, FactSheet sheet, int i)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        Indicator row = sheet.Evaluation.Indicators[i];
        if (!(row.Target ?? string.Empty).Any(char.IsAsciiDigit))
        {
            return null; // a qualitative row (明显改善): no number to set
        }

        string rowUnit = (row.Unit ?? string.Empty).Trim();
        string name = TextNormalizer.Normalize(row.Name).ToLowerInvariant();
        foreach (Match v in AskedNumber().Matches(message.Replace(name, " ", StringComparison.Ordinal)))
        {
            string unit = v.Groups["u"].Value;
            if (unit is "分" or "年" or "月" || !decimal.TryParse(v.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal n))
            {
                continue; // a score, a year or a month is not the row's value
            }

            bool askedWan = unit.StartsWith('万'), rowWan = rowUnit.StartsWith('万');
            return askedWan && !rowWan && rowUnit.Length > 0 ? n * 10_000m : !askedWan && rowWan && unit.Length > 0 && unit != "%" ? n / 10_000m : n;
        }

        return null;
    }

    internal static void WhatIfRow(AnswerWriter w, string message, int i)
    {
        FactSheet s = w.Sheet;
        Evaluation e = s.Evaluation;
        Indicator row = e.Indicators[i];
        if (IntentRouter.AsksDeductStart(message))
        {
            DeductStart(w, i);
        }

        if (AskedValue(message, s, i) is not { } value)
        {
            if (IntentRouter.AsksDeductStart(message))
            {
                return;
            }

            w.Line($"测算需要写明“{Name(s, i)}”的完成值（如“如果{Name(s, i)}达到某个数”）；定性指标没有可以代入的数。");
            return;
        }

        bool percent = (row.Actual ?? row.Target ?? string.Empty).Contains('%', StringComparison.Ordinal);
        string unit = percent ? "%" : (row.Unit ?? string.Empty).Trim();
        string text = PrintedNumber.FormatTrimmed(value) + (percent ? "%" : string.Empty);
        var rows = e.Indicators.ToArray();
        rows[i] = row with { Actual = text, PrintedScore = null };
        ScoreReport after = Calculator.Score(e with { Indicators = rows }, PolicyOf(s));
        IndicatorResult then = after.Indicators[i];
        string p = P(i);
        w.Add($"按假设“{Name(s, i)}”完成值为{w.N(value, unit, Math.Max(PrintedNumber.Scale(value), 0), ScenarioLabel + "假设的完成值（问题中）")}测算（现为{w.F(p + ".actual", $"“{w.Quote(row.Actual ?? string.Empty, "完成值中的数字（表中）")}”")}）");
        if (Scored(s) && then.Score is { } score && w.Has(p + ".score"))
        {
            w.Add($"：该项得分{w.N(score, "分", 2, ScenarioLabel + "的该项得分")}（现为{w.F(p + ".score")}）");
            if (after.TotalRounded is { } total && w.Has("total"))
            {
                w.Add($"，总分{w.N(total, "分", 2, ScenarioLabel + "的总分")}（现为{w.F("total")}），{ScenarioGrade(total, PolicyOf(s))}");
            }
        }
        else if (then.Completion is { } completion)
        {
            w.Add($"：完成率{w.N(completion * 100m, "%", 2, ScenarioLabel + "的完成率")}");
        }

        w.Line("。");
        w.Line("以上只是测算，其余各项不变；自评表应按实际完成值填报。");
    }

    /// <summary>From which value row <paramref name="i"/> starts to lose points: above a ceiling, below a floor; with today's distance to it.</summary>
    private static void DeductStart(AnswerWriter w, int i)
    {
        FactSheet s = w.Sheet;
        IndicatorResult r = s.Report.Indicators[i];
        string p = P(i);
        if (s.Find(p + ".target") is not { } target || s.Find(p + ".actual") is not { } actual || r.Rule is not (IndicatorRule.Positive or IndicatorRule.Reverse))
        {
            w.Line($"“{Name(s, i)}”不是按数值计分的指标，没有“到多少开始扣分”的界限：定性指标按达成程度分档计分。");
            return;
        }

        string unit = target.Unit;
        int decimals = Math.Max(target.Decimals, actual.Decimals);
        decimal room = r.Rule == IndicatorRule.Reverse ? target.Value - actual.Value : actual.Value - target.Value;
        if (r.Rule == IndicatorRule.Reverse)
        {
            w.Line($"“{Name(s, i)}”是越低越好的指标（上限{w.F(p + ".target")}）：不超过上限的得满分，超过{w.F(p + ".target")}就开始扣分，超出越多扣得越多。");
        }
        else
        {
            w.Line($"“{Name(s, i)}”是越高越好的指标（指标值{w.F(p + ".target")}）：达到指标值的得满分，低于{w.F(p + ".target")}就开始扣分（按完成值 ÷ 指标值 × 分值计）。");
        }

        w.Line(room > 0m
            ? $"现为{w.F(p + ".actual")}，离扣分的界限还有{w.Gap(room, unit, decimals, r.Rule == IndicatorRule.Reverse ? "指标值 − 完成值（距上限的余量）" : "完成值 − 指标值（高出指标值的部分）")}。"
            : room == 0m ? $"现为{w.F(p + ".actual")}，正好在界限上。"
            : $"现为{w.F(p + ".actual")}，已经{(r.Rule == IndicatorRule.Reverse ? "超出上限" : "低于指标值")}{w.Gap(-room, unit, decimals, r.Rule == IndicatorRule.Reverse ? "完成值 − 指标值（超出上限的部分）" : "指标值 − 完成值（差距）")}，正在扣分。");
    }

    /// <summary>
    /// The band a scenario's total falls in, worded without 等级为 so the gate does not read it as a claim
    /// about the table's own grade (which the scenario does not change).
    /// </summary>
    internal static string ScenarioGrade(decimal total, ScoringPolicy policy) => $"落在“{GradeOf(total, policy)}”的分数段";

    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:\.\d+)?)\s*(?<u>%|万元|万人次|万人|万户|万亩|万|亿元|元|人次|人|户|处|场|个|家|所|座|公里|千米|米|亩|吨|次|分|年|月|‰)?")]
    private static partial Regex AskedNumber();
}
