using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Reporting;

namespace Assistant.Features.Review;

/// <summary>Why a submission ranks where it does in the queue: <c>high</c>, <c>medium</c> or <c>low</c>, a score to sort by, and the reasons.</summary>
public sealed record RiskSummary(string Level, int Score, IReadOnlyList<string> Reasons);

/// <summary>Who did something: the key's id and its display name (<c>ak_PREFIX (label)</c>), and the key's unit.</summary>
public sealed record Actor(Guid? KeyId, string Name, string Unit);

/// <summary>A comment on a decision, anchored to a finding (its code), a report paragraph (part and 0-based index) or an indicator (0-based index); none: on the whole.</summary>
public sealed record ReviewComment(string Text, string? Finding = null, string? Part = null, int? Paragraph = null, int? Indicator = null, string? Quote = null);

/// <summary>A 抽评 score for one indicator (0-based index), beside the unit's self-score; between 0 and the indicator's weight.</summary>
public sealed record ReviewScore(int Indicator, string Name, string Score, string? SelfScore, string Weight);

/// <summary>Body of POST /submissions and …/versions.</summary>
public sealed record SubmitBody(Guid? EvaluationId = null, int? ReportVersion = null);

/// <summary>Body of POST …/decisions: <c>decision</c> 通过|退回 (approved|returned), a comment, anchored comments and 抽评 scores.</summary>
public sealed record DecisionBody(string? Decision = null, string? Comment = null, IReadOnlyList<CommentBody>? Comments = null, IReadOnlyList<ScoreBody>? Scores = null);

public sealed record CommentBody(string? Text = null, string? Finding = null, string? Part = null, int? Paragraph = null, int? Indicator = null);

/// <summary>
/// A 抽评 score as sent: the indicator by its 0-based index or its exact name — under <c>indicator</c> (a number, or a string
/// holding the index or the name) or under <c>name</c> — and the score as a decimal string or number.
/// </summary>
public sealed record ScoreBody(JsonElement? Indicator = null, string? Name = null, JsonElement? Score = null);

/// <summary>A submission in the queue.</summary>
public sealed record SubmissionSummary(
    Guid Id, string Unit, string UnitName, string Title, int? Year, string Status, int Version, Guid EvaluationId, int? ReportVersion,
    RiskSummary Risk, string SubmittedBy, DateTimeOffset SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt);

public sealed record SubmissionVersionDto(Guid Id, int Version, Guid EvaluationId, int? ReportVersion, string Source, RiskSummary Risk, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record DecisionDto(Guid Id, int Version, string Decision, string? Comment, IReadOnlyList<ReviewComment> Comments, IReadOnlyList<ReviewScore> Scores, string DecidedBy, string DecidedByUnit, DateTimeOffset DecidedAt);

/// <summary>A report paragraph as comments anchor to it.</summary>
public sealed record ReportParagraph(string Part, int Index, string Text)
{
    /// <summary>What the table contradicts in this paragraph (its number or claim, in the reviewer's words), by where it stands in the part.</summary>
    public IReadOnlyList<string> Contradictions { get; init; } = [];
}

/// <summary>A submission with every version and decision, and the shown version's table, score and report.</summary>
public sealed record SubmissionDetail(
    SubmissionSummary Submission,
    IReadOnlyList<SubmissionVersionDto> Versions,
    IReadOnlyList<DecisionDto> Decisions,
    int ShownVersion,
    JsonElement Evaluation,
    ScoreResponse Score,
    ReportDraft? Report,
    IReadOnlyList<ReportParagraph> Paragraphs,
    SubmissionActions? Actions = null)
{
    /// <summary>
    /// What the reviewer is shown as 审核发现 for the shown version: the calculator's findings, the report's
    /// contradictions (each with its paragraph) and the risk's reasons — so a risk badge never stands beside an
    /// empty list. Empty only when the table, the report and the risk have nothing to say.
    /// </summary>
    public IReadOnlyList<ReviewFinding> Findings { get; init; } = [];
}

/// <summary>One 审核发现: <c>source</c> table (a calculator finding; <c>code</c> anchors comments), report (a contradiction in <c>part</c>/<c>paragraph</c>) or risk (a reason of the risk).</summary>
public sealed record ReviewFinding(string Source, string Code, string Severity, string Message, string? Part = null, int? Paragraph = null)
{
    public const string ReportContradicted = "report.contradicted";
    public const string RiskReason = "risk.reason";

    /// <summary>The list of a version: its score's findings, its report paragraphs' contradictions, its risk's reasons (Chinese half).</summary>
    public static IReadOnlyList<ReviewFinding> Of(ScoreResponse score, IReadOnlyList<ReportParagraph> paragraphs, RiskSummary risk)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(risk);
        return
        [
            .. score.Findings.Select(f => new ReviewFinding("table", f.Code, f.Severity, f.Message)),
            .. paragraphs.SelectMany(p => p.Contradictions.Select(c => new ReviewFinding("report", ReportContradicted, "error", "报告" + c, p.Part, p.Index))),
            .. risk.Reasons.Select(r => new ReviewFinding("risk", RiskReason, "warning", "风险提示：" + r.Split("/ ", 2)[0].Trim())),
        ];
    }
}

/// <summary>
/// What the asking key may do next with the shown version: <c>decide</c> (a reviewer, the latest version pending),
/// <c>revise</c> and <c>resubmit</c> (the submitting unit's own drafter, after 退回: edit the report, submit the next version).
/// </summary>
public sealed record SubmissionActions(bool Decide, bool Revise, bool Resubmit);

/// <summary>The statuses of a submission.</summary>
public static class SubmissionStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Returned = "returned";

    public static readonly string[] All = [Pending, Approved, Returned];

    public static string Parse(string? status, string field = "status")
    {
        string t = status?.Trim() ?? string.Empty;
        return t.ToLowerInvariant() switch
        {
            "待审" or "待审核" => Pending,
            "通过" => Approved,
            "退回" or "驳回" or "不通过" or "退回修改" or "return" or "reject" or "rejected" => Returned,
            "同意" or "审核通过" or "approve" => Approved,
            _ => All.FirstOrDefault(s => string.Equals(s, t, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException(field, "状态只能是 pending、approved 或 returned（待审/通过/退回，驳回同退回）。", "status must be pending, approved or returned."),
        };
    }

    public static string Decision(string? decision)
    {
        string d = Parse(decision, "decision");
        return d == Pending
            ? throw new InputException("decision", "审核结论只能是 通过（approved）或 退回（returned）。", "decision must be approved (通过) or returned (退回).")
            : d;
    }
}

/// <summary>
/// One unit's table submitted more than once (same title and year, session 39): the cross-unit views count only the latest
/// submission (<see cref="Counted"/>), and say so, since the reviewer may want to send the other one back.
/// </summary>
public sealed record DuplicateSubmission(string Unit, string UnitName, string Title, int? Year, int Submissions, Guid Counted, DateTimeOffset CountedSubmittedAt, IReadOnlyList<Guid> NotCounted)
{
    /// <summary>The warning as the reviewer reads it.</summary>
    public string Note => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{UnitName}的《{Title}》提交了{Submissions}次，跨单位统计只计最新一次提交，其余{Submissions - 1}次未计入；请核实是否重复提交。");
}

/// <summary>The latest submission of each unit's table, and the tables submitted more than once.</summary>
public sealed record CrossUnitTables(IReadOnlyList<(SubmissionSummary Submission, StoredEvaluation Evaluation)> Tables, IReadOnlyList<DuplicateSubmission> Duplicates);

/// <summary>An answer across units that may have left duplicate submissions out.</summary>
public interface ICrossUnitAnswer
{
    IReadOnlyList<DuplicateSubmission> Duplicates { get; }
}
