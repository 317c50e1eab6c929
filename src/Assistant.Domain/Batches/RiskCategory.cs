namespace Assistant.Domain.Batches;

/// <summary>
/// What makes a submission risky for a reviewer, as data: the points one occurrence adds, how many
/// occurrences count (so one long list does not outrank everything else), and the words of the reason.
/// </summary>
public sealed record RiskCategory(string Code, int Points, int MaxCounted, string Zh, string En);

/// <summary>The categories of the risk queue, most serious first (the order also breaks ties).</summary>
public static class RiskCategories
{
    public const string ImportFailed = "risk.import-failed";
    public const string TableError = "risk.table-error";
    public const string ReportContradicted = "risk.report-contradicted";
    public const string TotalHighForRate = "risk.total-high-for-rate";
    public const string ShortfallUnexplained = "risk.shortfall-unexplained";
    public const string ReasonBoilerplate = "risk.reason-boilerplate";
    public const string QualitativeFullMarks = "risk.qualitative-full-marks";
    public const string TargetTooLow = "risk.target-too-low";
    public const string TableUnclear = "risk.table-unclear";
    public const string ReportMissing = "risk.report-missing";

    public static readonly IReadOnlyList<RiskCategory> All =
    [
        new(ImportFailed, 100, 1, "文件无法读取或计分", "the document could not be read or scored"),
        new(TableError, 30, 5, "自评表有错误（计算或填报不一致）", "errors in the table (printed figures that do not compute)"),
        new(ReportContradicted, 25, 5, "报告中的数字或结论与自评表矛盾", "numbers or claims in the report contradict the table"),
        new(TotalHighForRate, 20, 2, "总分相对预算执行率偏高", "the total is high for the execution rate"),
        new(ShortfallUnexplained, 15, 5, "未完成指标或低执行率未说明原因", "shortfalls (indicator not met, low execution) without a reason"),
        new(ReasonBoilerplate, 10, 3, "偏差原因是套话（同一句用在多项上、只写了措施、原因笼统或与年度不符）", "boilerplate reasons (one sentence on several rows, only measures, general words, or a cause of another period)"),
        new(QualitativeFullMarks, 10, 3, "定性指标的完成情况弱于指标值却给了满分（应按评价等级复核）", "a qualitative result weaker than its target scored full marks (to be rated by the grades)"),
        new(TargetTooLow, 10, 5, "指标值设定偏低（完成率≥130%）", "targets set too low (over-achievement of 130 % or more)"),
        new(TableUnclear, 3, 5, "自评表有无法核对的单元格", "cells of the table that could not be checked"),
        new(ReportMissing, 5, 1, "未提供自评报告，无法核对文字", "no report was given, so no text was checked"),
    ];

    public static RiskCategory Get(string code) => All.First(c => c.Code == code);
}
