using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>Which row an answer took when the question's words fit another row better (取证人数 → the count row, not 取证率).</summary>
public static partial class TableAnswers
{
    /// <summary>
    /// One line saying which row the answer is about and why the closer-named row was set aside (its kind, or that it was met);
    /// null when the question named its row plainly.
    /// </summary>
    public static string? ChosenRow(FactSheet sheet, Intent intent)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Chosen is not { SetAside.Count: > 0 } chosen || intent.Indicators.Count == 0)
        {
            return null;
        }

        int count = sheet.Evaluation.Indicators.Count;
        var took = intent.Indicators.Where(i => i >= 0 && i < count).ToList();
        var aside = chosen.SetAside.Where(i => i >= 0 && i < count && !took.Contains(i)).ToList();
        if (took.Count == 0 || aside.Count == 0)
        {
            return null;
        }

        string cues = chosen.Cues.Count > 0 ? $"按问题中的“{string.Join("”“", chosen.Cues)}”，" : string.Empty;
        string names = string.Join("、", took.Select(i => $"“{Name(sheet, i)}”"));
        string others = string.Join("、", aside.Select(i => $"“{Name(sheet, i)}”（{Kind(sheet, i)}）"));
        return $"{cues}这里回答的是{names}；名称相近的{others}不是所问的那一项。\n";
    }

    /// <summary>A row's kind in words: what it counts, and whether it was met.</summary>
    private static string Kind(FactSheet sheet, int i)
    {
        string unit = sheet.Find($"indicators[{i}].target")?.Unit ?? sheet.Evaluation.Indicators[i].Unit ?? string.Empty;
        string what = unit.Trim() is "%" or "％" ? "比率" : unit.Contains('元', StringComparison.Ordinal) ? "金额" : unit.Contains('人', StringComparison.Ordinal) ? "人数" : "另一项指标";
        string status = sheet.Report.Indicators[i].Status switch
        {
            IndicatorStatus.Short => "未完成",
            IndicatorStatus.Met or IndicatorStatus.Exceeded => "已完成",
            _ => null!,
        };
        return status is null ? what : $"{what}，{status}";
    }
}
