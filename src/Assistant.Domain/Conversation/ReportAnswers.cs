using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A part of the report (or the whole report) as the report service drafted it for a chat turn:
/// <paramref name="Part"/> 一 … 五 or 全文, its heading, its text (rendered, already verified against the
/// report's facts), whether every number verified, how many review notes stand beside it, the report
/// version it was stored as (null when it was not stored) and why not.
/// </summary>
public sealed record DraftedPart(string Part, string Title, string Text, bool Verified, int Notes, int? Version, string? NotStored)
{
    /// <summary>For the whole report: each part's heading and whether it verified.</summary>
    public IReadOnlyList<(string Heading, bool Verified)> Parts { get; init; } = [];

    /// <summary>For one part: whether the report already had other parts (they were kept as they were).</summary>
    public bool OthersKept { get; init; }
}

/// <summary>Where the report and the table can be downloaded (relative API addresses), or why they cannot.</summary>
/// <param name="Report">The Word report's address; null when no report has been drafted yet.</param>
/// <param name="Table">The scored table's address; null when the table is not stored.</param>
public sealed record ExportLinks(string? Report, string? Table)
{
    public bool Stored => Table is not null;
}

/// <summary>
/// Answers about the whole report in a conversation: a part drafted (and stored as a new version, or
/// not stored and why), and where to download the report and the table. The drafted text is quoted as
/// the report service verified it; the report's own facts (counts per 一级, the expected weight total)
/// come with the answer as facts of the turn, so the sentence gate checks the quoted text like any other. Pure.
/// </summary>
public static partial class ReportAnswers
{
    public static OfflineAnswer Drafted(FactSheet sheet, DraftedPart part)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(part);
        var w = new AnswerWriter(sheet);
        string what = part.Part == "全文" ? "整篇绩效自评报告（五个部分）" : $"“{part.Title}”";
        if (part.Version is { } v)
        {
            w.Line($"已起草{what}，保存为报告的第{w.Count(v, "版", "报告版本号")}{(part.Part == "全文" ? string.Empty : part.OthersKept ? "（其余部分沿用上一版，没有改动）" : "（报告的其他部分还没有起草）")}，报告区已更新。");
        }
        else
        {
            w.Line($"已起草{what}，没有保存：{part.NotStored ?? "这张表没有保存在系统里"}。");
        }

        w.Line(part.Verified
            ? "文中每个数字都已与自评表核对，全部一致。"
            : "有的地方未能核实或需要单位补充，已在审核意见中列出，请复核后再提交。");
        if (part.Notes > 0)
        {
            w.Line($"另有{w.Count(part.Notes, "条", "审核意见条数")}审核意见{(part.Version is null ? "（需要单位确认或补充的内容）" : "列在报告区正文旁")}，不进入正文。");
        }

        if (part.Part == "全文")
        {
            foreach (var (heading, verified) in part.Parts)
            {
                w.Line($"{heading}：{(verified ? "已核实" : "需复核")}；");
            }

            w.Line(part.Version is null ? "正文较长，请用“起草第几部分”逐部分查看。" : "各部分正文见报告区，也可以下载Word版。");
            return WithReportFacts(sheet, w.Done());
        }

        w.Line("正文如下：");
        foreach (string line in part.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => Citation().Replace(l, string.Empty).Trim()).Where(l => l.Length > 0))
        {
            w.Line(line);
        }

        return WithReportFacts(sheet, w.Done());
    }

    /// <summary>Drafting was refused (a reviewer's key, no report service here): say why; nothing was drafted.</summary>
    public static OfflineAnswer NotDrafted(FactSheet sheet, string part, string reason)
    {
        var w = new AnswerWriter(sheet);
        string title = ReviewAnswers.Parts.TryGetValue(part, out string? t) ? t : part;
        w.Line($"您要起草的是“{title}”。{reason}");
        w.Line("没有起草，也没有改动任何版本。");
        return w.Done();
    }

    /// <summary>The download addresses (the page shows them as links), or what to do first.</summary>
    public static OfflineAnswer Export(FactSheet sheet, string? format, ExportLinks links)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(links);
        var w = new AnswerWriter(sheet);
        if (!links.Stored)
        {
            w.Line("这张表还没有保存在系统里，所以没有可下载的文件。");
            w.Line("请先在页面上点“保存这张表”，再起草报告（发“起草全文”），之后就能下载Word版报告和Excel版自评表。");
            w.Line("在命令行上可以直接生成：assistant report --evaluation 自评表文件 --output 报告.docx（--format xlsx 生成自评表）。");
            return w.Done();
        }

        bool table = format == "xlsx";
        if (table)
        {
            w.Line($"自评表（Excel，含执行率、得分和总分的公式及审核发现）：{links.Table}");
        }

        if (links.Report is { } report)
        {
            w.Line($"绩效自评报告（Word，公文格式，附自评表，取最新一版）：{report}");
        }
        else
        {
            w.Line("整篇报告还没有起草，暂时没有Word版可下载：发“起草全文”或点报告区的“起草全文”，起草后即可下载。");
        }

        if (!table)
        {
            w.Line($"自评表（Excel）：{links.Table}");
        }

        if (format == "pdf")
        {
            w.Line("系统不直接生成PDF：下载Word版后用Word或WPS另存为PDF即可。");
        }

        w.Line("点击链接即可下载。");
        return w.Done();
    }

    /// <summary>The report's own facts (counts per 一级 and 二级, cancelled rows, the expected weight total) as facts of the turn.</summary>
    private static OfflineAnswer WithReportFacts(FactSheet sheet, OfflineAnswer answer)
    {
        var known = new HashSet<string>(sheet.Facts.Select(f => f.Id), StringComparer.Ordinal);
        var extra = ReportFacts.Extend(sheet).Facts.Where(f => !known.Contains(f.Id)).ToList();
        return answer with { TurnFacts = [.. answer.TurnFacts, .. extra] };
    }

    [GeneratedRegex(@"\s*\[S\d+\]")]
    private static partial Regex Citation();
}
