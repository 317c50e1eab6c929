using System.Diagnostics;
using System.Text.Json;
using Assistant.Domain.Batches;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Importing;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;

namespace Assistant.Features.Batches;

/// <summary>One finding of a checked submission, as the queue, the item and the review sheet show it.</summary>
public sealed record BatchFinding(string Source, string Code, string Severity, string Message, string? Where, string? Table);

/// <summary>A table of a checked submission: its evaluation JSON (as stored), title, year, kind, score.</summary>
public sealed record CheckedTable(string Body, string Title, int? Year, string Kind, decimal? Total, string? Grade, string? Implementer, string? Department);

/// <summary>What checking one submission found, and how long each step took.</summary>
public sealed record CheckedDocument(
    IReadOnlyList<CheckedTable> Tables,
    RiskAssessment Risk,
    IReadOnlyList<BatchFinding> Findings,
    string? ReportText,
    decimal? ExecutionRate,
    int ImportMs,
    int ScoreMs,
    int VerifyMs,
    string? ErrorZh = null,
    string? ErrorEn = null)
{
    public bool Failed => ErrorZh is not null;
}

/// <summary>
/// Checks one submission: imports its table document, scores each table, applies the reviewer
/// criteria, verifies its report (the report file, or the document's own text when it is a report
/// with 附表) against its own tables, and assesses the risk. A file that cannot be read fails this
/// submission alone, with the importer's bilingual reason. Pure of storage.
/// </summary>
public static class BatchChecker
{
    public static CheckedDocument Check(string tableName, byte[] table, string? reportName, byte[]? report, string? policyName = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        ScoringPolicy policy;
        ImportResult imported;
        List<(ImportedTable Source, Evaluation Evaluation)> tables;
        string? reportText;
        try
        {
            policy = EvaluationService.ResolvePolicy(policyName);
            imported = DocumentImporter.Import(tableName, table, ct);
            tables = [.. imported.Tables.Select(t => (t, ImportContract.ToEvaluation(t)))];
            reportText = report is not null
                ? DocumentImporter.TextOf(reportName, report)
                : BatchPairing.IsReport(tableName) ? imported.Text : null;
            if (reportText is { Length: > VerificationContract.MaxTextLength })
            {
                throw new InputException("report", $"报告超过{VerificationContract.MaxTextLength}字", $"the report is longer than {VerificationContract.MaxTextLength} characters");
            }
        }
        catch (InputException e)
        {
            return Fail(e, (int)clock.ElapsedMilliseconds);
        }

        int importMs = (int)clock.ElapsedMilliseconds;
        clock.Restart();
        var findings = new List<BatchFinding>();
        var sheets = new List<FactSheet>();
        var checkedTables = new List<CheckedTable>();
        var tableFindings = new List<Finding>();
        var reviewFindings = new List<ReviewerFinding>();
        decimal? rate = null;
        foreach (var (source, evaluation) in tables)
        {
            FactSheet sheet = FactSheet.Build(evaluation, policy);
            sheets.Add(sheet);
            string title = evaluation.Title;
            foreach (ImportWarning w in source.Warnings)
            {
                findings.Add(new BatchFinding("import", "import.warning", "info", w.Zh, w.Path, title));
            }

            IReadOnlyList<Finding> scored = ImportDoubt.Temper(sheet.Report.Findings, source);
            foreach (Finding f in scored)
            {
                findings.Add(new BatchFinding("table", f.Code, f.Severity.ToContract(), f.Message, f.Path, title));
            }

            IReadOnlyList<ReviewerFinding> review = ReviewerFindings.Find(sheet, policy);
            findings.AddRange(review.Select(r => new BatchFinding("review", r.Code, "warning", r.Message, r.IndicatorName, title)));
            tableFindings.AddRange(scored);
            reviewFindings.AddRange(review);
            rate ??= sheet.Report.Funds.FirstOrDefault(f => f.IsRoot && f.Rate is not null)?.Rate;
            checkedTables.Add(new CheckedTable(
                ImportContract.ToJson(source, withProvenance: false).ToJsonString(),
                title, evaluation.Year, evaluation.Kind == EvaluationKind.Transfer ? "transfer" : "project",
                sheet.Report.TotalRounded, sheet.Report.Grade, source.Implementer, source.Department));
        }

        int scoreMs = (int)clock.ElapsedMilliseconds;
        clock.Restart();
        VerificationReport? verification = null;
        if (!string.IsNullOrWhiteSpace(reportText))
        {
            verification = SeveralTables.Verify(sheets, reportText);
            foreach (CheckedMention m in verification.Mentions.Where(m => m.Verdict == Verdict.Contradicted))
            {
                findings.Add(new BatchFinding("report", "report.number-contradicted", "error",
                    $"报告中“{m.Mention.Text}”与自评表不符{(m.Note is { Length: > 0 } n ? "：" + n : string.Empty)}", $"text[{m.Mention.Start}]", null));
            }

            foreach (CheckedClaim c in verification.Claims.Where(c => c.Verdict == Verdict.Contradicted))
            {
                findings.Add(new BatchFinding("report", "report.claim-contradicted", "error",
                    $"报告中“{c.Text}”的结论与自评表不符{(c.Note is { Length: > 0 } n ? "：" + n : string.Empty)}", $"text[{c.Start}]", null));
            }
        }

        RiskAssessment risk = BatchRisk.Assess(BatchRisk.Signals(tableFindings, reviewFindings, verification));
        int verifyMs = (int)clock.ElapsedMilliseconds;
        return new CheckedDocument(checkedTables, risk, findings, reportText, rate, importMs, scoreMs, verifyMs);
    }

    public static string ReasonsJson(RiskAssessment risk) => JsonSerializer.Serialize(risk.Reasons, ScoreContract.JsonOptions);

    public static string FindingsJson(IReadOnlyList<BatchFinding> findings) => JsonSerializer.Serialize(findings, ScoreContract.JsonOptions);

    /// <summary>A checked submission refused after its check (its unit is not one the uploader may submit for): failed, nothing stored from it.</summary>
    public static CheckedDocument Refused(CheckedDocument checkedDocument, string field, string zh, string en)
    {
        ArgumentNullException.ThrowIfNull(checkedDocument);
        RiskAssessment risk = BatchRisk.Failed(zh, en);
        return new CheckedDocument([], risk, [new BatchFinding("import", RiskCategories.ImportFailed, "error", $"{zh} / {en}", field, null)], null, null,
            checkedDocument.ImportMs, checkedDocument.ScoreMs, checkedDocument.VerifyMs, zh, en);
    }

    private static CheckedDocument Fail(InputException e, int importMs)
    {
        string zh = e.Zh;
        string en = e.En;
        RiskAssessment risk = BatchRisk.Failed(zh, en);
        return new CheckedDocument([], risk, [new BatchFinding("import", RiskCategories.ImportFailed, "error", $"{zh} / {en}", "file", null)], null, null, importMs, 0, 0, zh, en);
    }
}
