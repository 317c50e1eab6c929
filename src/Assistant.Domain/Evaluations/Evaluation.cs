using Assistant.Domain.Numbers;

namespace Assistant.Domain.Evaluations;

/// <summary>Which family of table: a scored 项目支出自评表 or an unscored 转移支付自评表.</summary>
public enum EvaluationKind
{
    Project,
    Transfer,
}

/// <summary>A 绩效自评表 as read from <c>assistant.evaluation/v1</c>, numbers kept with their printed precision.</summary>
public sealed record Evaluation
{
    public required EvaluationKind Kind { get; init; }
    public required string Title { get; init; }
    public int? Year { get; init; }
    public string? Region { get; init; }
    public string? Department { get; init; }
    public string? Implementer { get; init; }
    public required FundSection Funds { get; init; }
    /// <summary>一级指标 header weights as printed, e.g. 产出指标 → 50.</summary>
    public IReadOnlyList<LevelWeight> LevelWeights { get; init; } = [];
    public required IReadOnlyList<Indicator> Indicators { get; init; }
    public PrintedNumber? PrintedWeightTotal { get; init; }
    public PrintedNumber? PrintedTotal { get; init; }
}

public sealed record LevelWeight(string Level1, PrintedNumber Weight);

/// <summary>项目资金: the unit (万元 by default), the 分值 of 预算执行率 and the fund lines.</summary>
public sealed record FundSection
{
    public string Unit { get; init; } = "万元";
    public PrintedNumber? Weight { get; init; }
    public IReadOnlyList<FundLine> Lines { get; init; } = [];
}

/// <summary>One 项目资金 line: 年度资金总额 or one of its parts (named by <see cref="Parent"/>).</summary>
public sealed record FundLine
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Parent { get; init; }
    public PrintedNumber? InitialBudget { get; init; }
    public PrintedNumber? Budget { get; init; }
    public PrintedNumber? Executed { get; init; }
    public string? PrintedRateText { get; init; }
    public PrintedNumber? PrintedRate { get; init; }
    public PrintedNumber? PrintedScore { get; init; }
    public string? DeviationNote { get; init; }
}

/// <summary>A 三级指标 row with its target and actual cells as printed.</summary>
public sealed record Indicator
{
    public string? Id { get; init; }
    public string? Level1 { get; init; }
    public string? Level2 { get; init; }
    public required string Name { get; init; }
    public string? Unit { get; init; }
    public string? Target { get; init; }
    public string? Actual { get; init; }
    public PrintedNumber? Weight { get; init; }
    public PrintedNumber? PrintedScore { get; init; }
    public string? DeviationNote { get; init; }
    /// <summary>达成 | 部分达成 | 未达成, given for qualitative rows.</summary>
    public QualitativeGrade? Grade { get; init; }
}

/// <summary>The three grades of a qualitative indicator (财预〔2020〕10号).</summary>
public enum QualitativeGrade
{
    /// <summary>达成: 100 %–80 %(含).</summary>
    Achieved,
    /// <summary>部分达成并具有一定效果: 80 %–60 %(含).</summary>
    Partial,
    /// <summary>未达成且效果较差: 60 %–0 %.</summary>
    NotAchieved,
}

public static class QualitativeGrades
{
    public static string ToChinese(this QualitativeGrade grade) => grade switch
    {
        QualitativeGrade.Achieved => "达成",
        QualitativeGrade.Partial => "部分达成",
        _ => "未达成",
    };

    public static QualitativeGrade? FromChinese(string? text) => text?.Trim() switch
    {
        "达成" or "达成年度指标" => QualitativeGrade.Achieved,
        "部分达成" or "部分达成并具有一定效果" or "部分达成年度指标并具有一定效果" => QualitativeGrade.Partial,
        "未达成" or "未达成且效果较差" or "未达成年度指标且效果较差" => QualitativeGrade.NotAchieved,
        _ => null,
    };
}
