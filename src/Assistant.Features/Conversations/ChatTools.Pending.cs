namespace Assistant.Features.Conversations;

/// <summary>The texts written about the table so far (the latest draft of each section of part 三, the latest report), for 待核实的有哪些.</summary>
public sealed partial class ChatTools
{
    /// <summary>Where each text is (第三部分草稿 / 自评报告), its version, and its text; empty without storage or a stored table.</summary>
    public async Task<IReadOnlyList<(string Where, int Version, string Text)>> WrittenTextsAsync(CancellationToken cancellationToken = default)
    {
        var texts = new List<(string Where, int Version, string Text)>();
        if (evaluationId == Guid.Empty)
        {
            return texts;
        }

        if (records is not null)
        {
            foreach (var latest in (await records.ListDraftsAsync(Scope, evaluationId, cancellationToken)).GroupBy(d => d.Section).Select(g => g.MaxBy(d => d.Version)!))
            {
                if (await records.GetDraftAsync(Scope, latest.Id, cancellationToken) is { } draft)
                {
                    texts.Add((draft.Section switch
                    {
                        "deviation-reasons" => "第三部分“偏离绩效目标的原因”草稿",
                        "improvement-measures" => "第三部分“下一步改进措施”草稿",
                        _ => "第三部分草稿",
                    }, draft.Version, draft.Result.Text));
                }
            }
        }

        if (reportStore is not null && await reportStore.GetAsync(Scope, evaluationId, null, cancellationToken) is { } report)
        {
            texts.Add(("自评报告", report.Version, report.Report.Text));
        }

        return texts;
    }
}
