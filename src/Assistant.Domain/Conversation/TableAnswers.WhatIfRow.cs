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
        if (AskedValue(message, s, i) is not { } value)
        {
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

    /// <summary>
    /// The band a scenario's total falls in, worded without 等级为 so the gate does not read it as a claim
    /// about the table's own grade (which the scenario does not change).
    /// </summary>
    internal static string ScenarioGrade(decimal total, ScoringPolicy policy) => $"落在“{GradeOf(total, policy)}”的分数段";

    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:\.\d+)?)\s*(?<u>%|万元|万人次|万人|万户|万亩|万|亿元|元|人次|人|户|处|场|个|家|所|座|公里|千米|米|亩|吨|次|分|年|月|‰)?")]
    private static partial Regex AskedNumber();
}
