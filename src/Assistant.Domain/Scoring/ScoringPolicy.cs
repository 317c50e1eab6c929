using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Scoring;

/// <summary>How a reverse indicator (≤ target) that went over its ceiling is scored.</summary>
public enum ReverseFormula
{
    /// <summary>分值 × (1 − (完成值 − 指标值) ÷ 指标值), 0 at twice the target or more.</summary>
    Deviation,
    /// <summary>分值 × 指标值 ÷ 完成值.</summary>
    Ratio,
}

/// <summary>How a plain-number 成本指标 target (<c>800</c> 万元, no ≥ or ≤) is read.</summary>
public enum PlainCostTarget
{
    /// <summary>As a positive target: spending 765.4 of 800 scores 分值 × 765.4 ÷ 800 (the 中卫 practice).</summary>
    Positive,
    /// <summary>As a ceiling, like ≤800.</summary>
    Reverse,
}

/// <summary>What a cancelled indicator (指标已取消) scores.</summary>
public enum CancelledScoring
{
    /// <summary>Full 分值, as the 中卫 tables do (always reported as a finding).</summary>
    FullWeight,
    /// <summary>Zero.</summary>
    Zero,
}

/// <summary>
/// The scoring and reconciliation rules that vary between provinces and years, in one named object.
/// <see cref="Default"/> is 《项目支出绩效评价管理办法》(财预〔2020〕10号) as practised in the seed tables.
/// </summary>
public sealed record ScoringPolicy
{
    /// <summary>The policy's identifier, as callers name it.</summary>
    public required string Name { get; init; }

    /// <summary>A human title.</summary>
    public required string Title { get; init; }

    public ReverseFormula ReverseFormula { get; init; } = ReverseFormula.Deviation;

    public PlainCostTarget PlainCostTarget { get; init; } = PlainCostTarget.Positive;

    public CancelledScoring CancelledScoring { get; init; } = CancelledScoring.FullWeight;

    /// <summary>完成率 at or above which an over-achievement must be explained (1.30 = 130 %).</summary>
    public decimal OvershootThreshold { get; init; } = 1.30m;

    /// <summary>
    /// 第十二条: when on, an over-achievement at or above <see cref="OvershootThreshold"/> is taken as a
    /// target set too low and the score is reduced by the deviation: 分值 × max(0, 2 − 完成率).
    /// </summary>
    public bool ReduceForLowTargets { get; init; }

    /// <summary>执行率 below which the fund line must be explained (0.90 = 90 %).</summary>
    public decimal LowExecutionThreshold { get; init; } = 0.90m;

    /// <summary>Share of the 分值 given to a qualitative grade when no printed score within its band is available.</summary>
    public IReadOnlyDictionary<QualitativeGrade, decimal> QualitativeDefaultShare { get; init; } =
        new Dictionary<QualitativeGrade, decimal>
        {
            [QualitativeGrade.Achieved] = 1.00m,
            [QualitativeGrade.Partial] = 0.70m,
            [QualitativeGrade.NotAchieved] = 0.30m,
        };

    /// <summary>Lower bound (inclusive) of each qualitative grade's band, as a share of 分值.</summary>
    public IReadOnlyDictionary<QualitativeGrade, decimal> QualitativeBandLow { get; init; } =
        new Dictionary<QualitativeGrade, decimal>
        {
            [QualitativeGrade.Achieved] = 0.80m,
            [QualitativeGrade.Partial] = 0.60m,
            [QualitativeGrade.NotAchieved] = 0.00m,
        };

    /// <summary>
    /// The grade a missed deadline (a 时效 row whose completion date is after its 指标值, or whose words say 延期 / 未按期)
    /// is scored in when the table gives no 评价等级 and no printed score below the 达成 band: the deadline was not met,
    /// so by DOMAIN's three grades it is 未达成 (0–60 %), at that grade's share of <see cref="QualitativeDefaultShare"/>.
    /// A unit's own grade (部分达成 for work done a few days late) or a printed score inside a lower band stands instead.
    /// </summary>
    public QualitativeGrade LateDeadlineGrade { get; init; } = QualitativeGrade.NotAchieved;

    /// <summary>Total weight when the table prints none.</summary>
    public decimal DefaultWeightTotal { get; init; } = 100m;

    /// <summary>Lower bounds of 优, 良, 中; below the last is 差.</summary>
    public decimal GradeExcellent { get; init; } = 90m;
    public decimal GradeGood { get; init; } = 80m;
    public decimal GradePass { get; init; } = 60m;

    /// <summary>Decimals for printed scores and percentages.</summary>
    public int ScoreDecimals { get; init; } = 2;

    /// <summary>What a finance-bureau reviewer looks at beyond the score (thresholds as data).</summary>
    public ReviewerCriteria Review { get; init; } = ReviewerCriteria.Default;

    /// <summary>财预〔2020〕10号 with the practice of the seed tables (the default).</summary>
    public static readonly ScoringPolicy Default = new()
    {
        Name = "caiyu-2020-10",
        Title = "《项目支出绩效评价管理办法》(财预〔2020〕10号)",
    };

    /// <summary>The same, scoring reverse indicators as 分值 × 指标值 ÷ 完成值.</summary>
    public static readonly ScoringPolicy ReverseRatio = Default with
    {
        Name = "caiyu-2020-10-reverse-ratio",
        Title = "财预〔2020〕10号，反向指标按 指标值÷完成值 计分",
        ReverseFormula = ReverseFormula.Ratio,
    };

    /// <summary>
    /// The same, reducing scores of large over-achievement (第十二条, 目标设定偏低). It changes nothing else: a plain-number
    /// 成本 target (<c>760</c> 万元) stays positive as DOMAIN's rule and the 中卫 tables score it — reading it as a ceiling is
    /// <see cref="PlainCostTarget.Reverse"/>, an option of its own that this policy's title does not announce.
    /// </summary>
    public static readonly ScoringPolicy StrictTargets = Default with
    {
        Name = "caiyu-2020-10-strict-targets",
        Title = "财预〔2020〕10号，完成值高于指标值较多时按偏离度扣分",
        ReduceForLowTargets = true,
    };

    public static IReadOnlyList<ScoringPolicy> All { get; } = [Default, ReverseRatio, StrictTargets];

    /// <summary>Finds a policy by name (case-insensitive); null when unknown.</summary>
    public static ScoringPolicy? Find(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? Default
            : All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>优 ≥ 90, 良 80–90, 中 60–80, 差 &lt; 60.</summary>
    public string GradeOf(decimal total) =>
        total >= GradeExcellent ? "优" : total >= GradeGood ? "良" : total >= GradePass ? "中" : "差";
}
