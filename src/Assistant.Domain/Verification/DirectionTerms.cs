namespace Assistant.Domain.Verification;

/// <summary>
/// The words about a row's target or limit that the claim checker (低于控制标准, 超出上限, 控制在目标以内) and the roles of
/// numbers (比目标低…, 超出目标…个百分点) both read: one source, so a word added for one is read by the other (session 34).
/// </summary>
internal static class DirectionTerms
{
    /// <summary>The nouns of a ceiling: 控制标准, 上限, 限值.</summary>
    public const string CeilingNouns = "标准|上限|限值";

    /// <summary>The nouns a claim names a row's target or limit by: 目标, 指标 and the ceiling's.</summary>
    public const string LimitNouns = "目标|指标|" + CeilingNouns;

    /// <summary>The nouns a comparison names the target by: 比目标任务/目标值/指标值/目标/计划/预期….</summary>
    public const string TargetNouns = "目标任务|目标值|指标值|目标|计划|预期";

    /// <summary>Words saying a figure lies below the one it is compared with (低于, 少, 不足, 下降了…).</summary>
    public const string Lower = "低于|少于|少|差|不足|下降了?|减少了?|降低了?";

    /// <summary>Words saying a figure lies above the one it is compared with (高于, 多, 超出, 超额完成, 增长了…).</summary>
    public const string Higher = "高于|多于|多|超出|超过|超额完成|超额|增加了?|提高了?|增长了?";

    /// <summary>Verbs that keep a figure at or under a limit (控制在…以内, 降至…以下), and their negation's object.</summary>
    public const string KeepVerbs = "控制在|控制到|保持在|压缩到|压缩至|降至|降到|降低到|降低至";
}
