using System.ComponentModel;
using Assistant.Domain.Facts;
using Assistant.Features.Drafting;
using Assistant.Domain.Reporting;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Conversations;

/// <summary>
/// A part of the report drafted in a turn: the part (一 … 五, or 全文), the report as drafted, the part's
/// own text (null for the whole report), the version it was stored as (0 when not stored) and why not,
/// or the error that stopped it.
/// </summary>
public sealed record PartToolResult(string Part, string Title, int Version, ReportDraft? Report, ReportPartDto? Drafted, string? NotStored, string? Error);

/// <summary>The download addresses of the stored evaluation: the Word report (null until one is drafted) and the Excel table (null when not stored).</summary>
public sealed record ExportToolResult(string? Report, string? Table);

/// <summary>The whole report's tools: draft any part (stored as a new report version) and where to download.</summary>
public sealed partial class ChatTools
{
    [KernelFunction("draft_report_part")]
    [Description("起草或重写绩效自评报告的某一部分（一、绩效目标分解下达情况；二、绩效情况分析；三、偏离绩效目标的原因和下一步改进措施；四、绩效自评结果拟应用和公开情况；五、其他需要说明的问题）或全文，数字逐一核验；表已保存时存为报告的新版本（其余部分沿用上一版）。返回起草的正文。")]
    private async Task<PartToolResult> DraftReportPartAsync(
        [Description("部分：一、二、三、四、五（或 targets、performance、deviation、application、other），全文写“全文”")] string part, CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["part"] = part };
        string? key = WholeReport(part) ? null : ParsePart(part);
        string numeral = key is null ? "全文" : ReportParts.Get(key).Numeral;
        string title = key is null ? "绩效自评报告全文" : ReportParts.Get(key).Heading;
        if (!caller.CanDraft)
        {
            await ToolAsync("draft_report_part", args, "审阅密钥不能起草", true);
            return new PartToolResult(numeral, title, 0, null, null, null, DraftRefusal);
        }

        if (reports is null)
        {
            await ToolAsync("draft_report_part", args, "没有报告服务", true);
            return new PartToolResult(numeral, title, 0, null, null, null, "这里没有连接数据库，起草报告需要它（命令行可用 assistant report 生成整篇报告）。");
        }

        bool storable = evaluationId != Guid.Empty && reportStore is not null;
        ReportVersion? latest = storable ? await reportStore!.GetAsync(caller.Unit, evaluationId, null, cancellationToken) : null;
        var request = new ReportRequest(key, policy.Name, null, search is null ? 0 : 3);
        ReportDraft report = await reports.DraftAsync(sheet.Evaluation, request, latest?.Report, cancellationToken);
        ReportPartDto? drafted = key is null ? null : report.Part(key);
        string verified = (drafted?.Status ?? report.Status) == DraftResult.Verified ? "已全部核实" : "需复核";
        if (!storable)
        {
            Learn(report, 0);
            await ToolAsync("draft_report_part", args, $"{title}：未保存，{verified}", false);
            return new PartToolResult(numeral, title, 0, report, drafted, "这张表没有保存在系统里（在页面上点“保存这张表”后，起草的部分会存为报告的新版本）", null);
        }

        Learn(report, 0);
        ReportVersion v = await reportStore!.AddAsync(caller.Unit, caller.KeyId, caller.KeyPrefix is { } p ? "ak_" + p : "chat", evaluationId, "drafted", key, report, cancellationToken);
        Learn(null, v.Version);
        await ToolAsync("draft_report_part", args, $"{title}：报告第 {v.Version} 版，{verified}", false);
        await emit(new ChatEvent("report", new { evaluationId, version = v.Version, part = key, status = report.Status }));
        return new PartToolResult(numeral, title, v.Version, report, drafted, null, null);
    }

    /// <summary>The latest stored draft of a section of part 三 of this evaluation; null when none is stored (or nothing is stored here).</summary>
    public async Task<StoredDraft?> LatestDraftAsync(string section, CancellationToken cancellationToken = default)
    {
        if (records is null || evaluationId == Guid.Empty)
        {
            return null;
        }

        Units.UnitScope scope = caller.Scope ?? Units.UnitScope.Own(caller.Unit);
        DraftSummary? last = (await records.ListDraftsAsync(scope, evaluationId, cancellationToken))
            .Where(d => d.Section == section).OrderByDescending(d => d.Version).FirstOrDefault();
        StoredDraft? draft = last is null ? null : await records.GetDraftAsync(scope, last.Id, cancellationToken);
        await ToolAsync("latest_draft", new Dictionary<string, object?> { ["section"] = section }, draft is null ? "没有保存的草稿" : $"第 {draft.Version} 版", false);
        return draft;
    }

    [KernelFunction("export_links")]
    [Description("导出：Word版绩效自评报告（附自评表）和Excel版自评表的下载地址；把地址原样写进回答，页面会显示为可点击的链接。")]
    private async Task<ExportToolResult> ExportLinksAsync(CancellationToken cancellationToken = default)
    {
        if (evaluationId == Guid.Empty)
        {
            await ToolAsync("export_links", [], "表未保存，没有下载地址", false);
            return new ExportToolResult(null, null);
        }

        string root = $"/api/v1/evaluations/{evaluationId}";
        bool hasReport = reportStore is not null && await reportStore.GetAsync(caller.Unit, evaluationId, null, cancellationToken) is not null;
        await ToolAsync("export_links", [], hasReport ? "Word 报告和 Excel 自评表" : "Excel 自评表（报告尚未起草）", false);
        return new ExportToolResult(hasReport ? root + "/report.docx" : null, root + "/table.xlsx");
    }

    /// <summary>
    /// Called with numbers a tool produced that are not table facts (a report's version, the report's own
    /// counts): the turn's sentence gate learns them, so an answer may state them.
    /// </summary>
    public Action<IEnumerable<Fact>>? FactsLearned { get; set; }

    private void Learn(ReportDraft? report, int version)
    {
        var facts = new List<Fact>();
        if (version > 0)
        {
            facts.Add(new Fact($"tool.report.version{version}", "报告版本号", version, "版", 0, FactKind.Derived));
        }

        if (report is not null)
        {
            var known = new HashSet<string>(sheet.Facts.Select(f => f.Id), StringComparer.Ordinal);
            facts.AddRange(ReportFacts.Extend(sheet).Facts.Where(f => !known.Contains(f.Id)));
        }

        if (facts.Count > 0)
        {
            FactsLearned?.Invoke(facts);
        }
    }

    private static bool WholeReport(string? part) =>
        string.IsNullOrWhiteSpace(part) || part.Trim() is "全文" or "all" or "whole" or "全部" or "整篇";

    private static string ParsePart(string part)
    {
        try
        {
            return ReportRequests.ParsePart(part);
        }
        catch (InputException e)
        {
            throw new ToolException(e.Message);
        }
    }
}
