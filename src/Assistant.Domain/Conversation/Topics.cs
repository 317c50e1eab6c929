namespace Assistant.Domain.Conversation;

/// <summary>Topic names (what the answer works out).</summary>
public static class Topics
{
    public const string Rate = "rate";
    public const string Funds = "funds";
    public const string Balance = "balance";
    public const string Total = "total";
    public const string Grade = "grade";
    public const string Lost = "lost";
    public const string Gap = "gap";
    public const string Completion = "completion";
    public const string Weights = "weights";
    public const string ScoreRule = "score-rule";
    public const string Cap = "cap";
    public const string Cancelled = "cancelled";
    public const string Qualitative = "qualitative";
    public const string Transfer = "transfer";
    public const string ReasonNeeded = "reason-needed";
    public const string Short = "short";
    public const string Overshoot = "overshoot";
    public const string Unexplained = "unexplained";
    public const string Findings = "findings";
    public const string Lowest = "lowest";
    public const string Highest = "highest";
    public const string FundLowest = "fund-lowest";
    public const string FundHighest = "fund-highest";
    public const string Number = "number";
    public const string WhatIf = "what-if";
    public const string WhatIfRow = "what-if-row";
    public const string NotCounted = "not-counted";
    public const string Improve = "improve";
    public const string PriorYear = "prior-year";
    public const string NotInTable = "not-in-table";
    public const string NoSuchItem = "no-such-item";
    public const string Threshold = "threshold";
    public const string Pending = "pending";
    public const string RateForGrade = "rate-for-grade";
    public const string DeductFrom = "deduct-from";
    public const string OverCap = "over-cap";
    public const string PendingList = "pending-list";
    public const string Formal = "formal";
    public const string Concise = "concise";
    public const string GivenReason = "given-reason";
    public const string GivenMeasure = "given-measure";
    public const string ShowStored = "show-stored";
    public const string FundFull = "fund-full";
    public const string PartForTotal = "part-for-total";
    public const string TotalForRate = "total-for-rate";
    public const string DropItem = "drop-item";
    public const string CountPremise = "count-premise";
    public const string MostLost = "most-lost";
    public const string Confirm = "confirm";

    /// <summary>执行率多少，要不要写原因 with no line named: the total line's figure only (the next part says which lines need a reason).</summary>
    public const string TotalRate = "total-rate";

    /// <summary>结余多少，要不要写原因 with no line named: the total line's balance only.</summary>
    public const string TotalBalance = "total-balance";

    /// <summary>要不要写原因 after money asked with no line named: the total, then only the lines that need a reason, each once.</summary>
    public const string FundReasonsDue = "fund-reasons-due";

    /// <summary>户均改造成本2.38万元写成23800元可以吗 / 1.35万亩合多少亩: an amount in another unit (万↔个, 公顷↔亩, 公里↔米), exactly.</summary>
    public const string Convert = "convert";

    /// <summary>是不是超了上限 on a ceiling row: 是的/不是 first (session 43).</summary>
    public const string CapYesNo = "cap-yes-no";

    /// <summary>不是要求95%吗: the table's 指标值 said against the one quoted (session 43).</summary>
    public const string TargetPremise = "target-premise";

    /// <summary>达标了吗 on one row: its figures and whether it was met, in words (session 43).</summary>
    public const string RowStatus = "row-status";

    /// <summary>差36人对吗 on one row: the quoted gap checked against 指标值 − 完成值, 对/不对 first (session 44).</summary>
    public const string GapCheck = "gap-check";
}
