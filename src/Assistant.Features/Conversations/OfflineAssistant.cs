using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;
using Assistant.Features.Records;

namespace Assistant.Features.Conversations;

/// <summary>
/// The conversation without a model: <see cref="IntentRouter"/> reads what is asked, the tool runs, and
/// the answer is composed (<see cref="OfflineAnswers"/>, or from the tool's result) with every number
/// written as a fact reference, so the sentence gate renders and checks it like any model's text.
/// Numbers that are not in the table (counts, the policy's thresholds) become facts of the turn.
/// </summary>
public sealed partial class OfflineAssistant
{
    private readonly List<Fact> turnFacts = [];

    /// <summary>The reasons the staff member gave for rows earlier in this conversation or in this message (already the rows' 偏差原因 in the sheet).</summary>
    public IReadOnlyDictionary<int, string> GivenReasons { get; init; } = new Dictionary<int, string>();

    /// <summary>The measure this message gives (第2条措施改成…), with the rows it was found for; null when it gives none.</summary>
    public MeasureEdit? GivenMeasure { get; init; }

    /// <summary>
    /// The reason this message gives without naming a row, with the row the whole conversation's edits kept it for (the row it
    /// was last about, which may be several messages back); null when the message gives none or names its row.
    /// </summary>
    public UnnamedReason? UnnamedReason { get; init; }

    /// <summary>Facts computed in this turn (counts, thresholds), for the gate.</summary>
    public IReadOnlyList<Fact> TurnFacts => turnFacts;

    /// <param name="previous">The user's question before this one in the conversation, for follow-ups (那第二个呢, 这个怎么改); null for none.</param>
    public async Task<string> AnswerAsync(string message, ChatTools tools, FactSheet sheet, string? previous = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(sheet);
        IReadOnlyList<Intent> intents = IntentRouter.RouteAll(message, sheet, previous);
        if (UnnamedReason is { } unnamed)
        {
            // The row the stored edits kept the reason for (the conversation's, not only the previous message's): said as it was kept.
            IReadOnlyList<int> kept = unnamed.Row is { } row ? [row] : [];
            intents = intents.Select(i => i.Topic == Topics.GivenReason
                ? i with { Indicators = kept, Query = unnamed.AboutRow ? IntentRouter.Unnamed : IntentRouter.UnnamedOnlyShort }
                : i).ToList();
        }

        if (intents.Count > 1 && tools.HasTable)
        {
            // 执行率多少？哪些指标没完成？: every part answered, in the order asked.
            var answers = new StringBuilder();
            // A line an earlier part gave — or its figures worded again (the trace of 扣了多少分 and of 为什么) — is not repeated.
            var said = new SaidLines(id => turnFacts.FirstOrDefault(f => f.Id == id));
            foreach (Intent part in intents)
            {
                var kept = new List<string>();
                foreach (string line in (await AnswerAsync(part, message, tools, sheet)).Split('\n'))
                {
                    if (line.Length > 0 && !said.Repeats(line) && !kept.Contains(line))
                    {
                        kept.Add(line);
                        answers.Append(line).Append('\n');
                    }
                }

                kept.ForEach(said.Add);
            }

            return answers.ToString();
        }

        Intent intent = intents[0];
        if (!tools.HasTable && intent.Kind is not (IntentKind.CrossUnit or IntentKind.Similar)
            && CrossUnitQuestions.Recognize(message, null, implied: true) is { } implied)
        {
            // Without a table every question is about the units (哪些是套话, 执行率低于80%的有哪些).
            intent = new Intent(IntentKind.CrossUnit, null, [], null, null) { Across = implied };
        }

        if (!tools.HasTable && intent.Kind is not (IntentKind.CrossUnit or IntentKind.Similar))
        {
            return ScopeHelp;
        }

        return await AnswerAsync(intent, message, tools, sheet);
    }

    /// <summary>One routed question answered: the tool it needs run, the answer composed (after which row it took, when another fit the words better).</summary>
    private async Task<string> AnswerAsync(Intent intent, string message, ChatTools tools, FactSheet sheet)
    {
        string answer = await AnswerOneAsync(intent, message, tools, sheet);
        return TableAnswers.ChosenRow(sheet, intent) is { } chosen && !answer.StartsWith(chosen, StringComparison.Ordinal) ? chosen + answer : answer;
    }

    private async Task<string> AnswerOneAsync(Intent intent, string message, ChatTools tools, FactSheet sheet)
    {
        try
        {
            switch (intent.Kind)
            {
                case IntentKind.Draft when intent.Part is "三" && intent.Topic == Topics.ShowStored:
                    return await ShowStoredAsync(tools);
                case IntentKind.Draft when intent.Part is "三" && intent.Topic == Topics.GivenMeasure && GivenMeasure is { Unresolved: { } why }:
                    return $"{why}，这条措施没有记下，第三部分也没有重新起草。请写明是哪一项的措施，例如“把某某指标的措施改成：……”。\n";
                case IntentKind.Draft when intent.Part is "三":
                    IReadOnlyList<int> rows = intent.Indicators.Count > 0 ? intent.Indicators : GivenMeasure?.Rows ?? [];
                    return Given(message, sheet) + MeasureTaken(sheet) + DraftSectionThree(await tools.DraftAsync(intent.Section ?? "deviation"), rows);
                case IntentKind.Draft:
                    return await DraftPartAsync(intent.Part ?? "全文", tools, sheet);
                case IntentKind.Export:
                    return Take(ReportAnswers.Export(sheet, intent.Format, Links(await tools.ExportAsync())));
                case IntentKind.Similar:
                    return Similar(await tools.SearchAsync(intent.Query ?? message, "deviation-reason"));
                case IntentKind.Verify:
                    await tools.VerifyAsync(intent.Text ?? string.Empty);
                    return Take(ReviewAnswers.Verify(sheet, intent.Text ?? string.Empty));
                case IntentKind.Explain when intent.Topic == Topics.Improve:
                    await tools.ScoreAsync();
                    return Take(ReviewAnswers.Improve(sheet, intent.Indicators, intent.Text ?? UserStatements.AskedMeasure(message), GivenReasons));
                case IntentKind.Explain:
                    return await ExplainAsync(intent, tools, sheet);
                case IntentKind.List when intent.Topic == Topics.PendingList:
                    return Take(TableAnswers.PendingMarks(sheet, await tools.WrittenTextsAsync()));
                case IntentKind.CrossUnit when intent.Across is { } across:
                    return await AcrossAsync(across, tools);
                case IntentKind.Define or IntentKind.Compute or IntentKind.List or IntentKind.Summary or IntentKind.Assess:
                    await tools.ScoreAsync();
                    break;
            }

            string answer = Take(OfflineAnswers.FromTable(intent, sheet) ?? ReviewAnswers.Help(sheet));
            // 哪些指标没写原因 after reasons were given in the chat: those are still missing from the stored table.
            if (intent.Topic is Topics.Unexplained or Topics.ReasonNeeded && TableAnswers.GivenInChat(sheet, GivenReasons) is { } given)
            {
                answer += Take(given);
            }

            return answer;
        }
        catch (ToolException e)
        {
            return e.Message;
        }
    }

    /// <summary>When this message gives a row's reason: that it is kept for the conversation, and that the table itself is unchanged.</summary>
    private string Given(string message, FactSheet sheet)
    {
        var rows = UnnamedReason is { Row: { } kept } ? [kept] : UserStatements.Reasons([message], sheet).Keys.Order().ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        string names = string.Join("、", rows.Select(i => $"“{sheet.Evaluation.Indicators[i].Name.Trim()}”"));
        if (UnnamedReason is { Row: not null } unnamed)
        {
            var w = new AnswerWriter(sheet);
            w.Line($"您没有说是哪一项的原因，已把{names}（{unnamed.Why}）的偏差原因记为"
                + $"“{w.Quote(unnamed.Reason.TrimEnd('。'), "您在对话中给出的原因中的数字")}”，本次对话中后面的起草和回答都按这条原因写；"
                + "离线模式不能逐字润色，下面按表中数字和这条原因重新起草。自评表里的偏差原因栏没有改动，定稿前请同步填写。");
            return Take(w.Done());
        }

        return $"已记下您给出的{names}的原因，本次对话中后面的起草和回答都按这条原因写；离线模式不能逐字润色，下面按表中数字和这条原因重新起草这一项。自评表里的偏差原因栏没有改动，定稿前请同步填写。\n";
    }

    /// <summary>When this message gives a measure: which rows it was taken for, what it says, and that the table itself is unchanged.</summary>
    private string MeasureTaken(FactSheet sheet)
    {
        if (GivenMeasure is not { Unresolved: null } edit || edit.Rows.Count + edit.Funds.Count == 0)
        {
            return string.Empty;
        }

        string names = string.Join("、", edit.Rows.Select(i => $"“{sheet.Evaluation.Indicators[i].Name.Trim()}”")
            .Concat(edit.Funds.Where(f => f < sheet.Evaluation.Funds.Lines.Count).Select(f => $"“{sheet.Evaluation.Funds.Lines[f].Name.Trim()}”")));
        string measure = edit.Measure.TrimEnd('。');
        return (edit.Adds ? $"已在{names}的改进措施中加上“{measure}”" : $"已把{names}的改进措施改为“{measure}”")
            + "，原因没有改动；本次对话中后面的起草都按这条措施写。自评表里的偏差原因分析及改进措施栏没有改动，定稿前请同步填写。\n";
    }

    /// <summary>Part 三 as last stored (the whole section), shown as it is; drafted when none is stored yet.</summary>
    private async Task<string> ShowStoredAsync(ChatTools tools)
    {
        StoredDraft? latest = await tools.LatestDraftAsync("deviation");
        if (latest is null)
        {
            DraftToolResult drafted = await tools.DraftAsync("deviation");
            return "还没有保存过完整的第三部分，下面起草一版。\n" + Draft(drafted)
                + (drafted.Draft is { } d ? Citation().Replace(d.Text, string.Empty).Trim() + "\n" : string.Empty);
        }

        string text = Citation().Replace(latest.Result.Text, string.Empty).Trim();
        string status = latest.Result.Status == DraftResult.Verified ? "数字已逐一核对" : "其中有未能核实之处，已标为【待核实】";
        return $"这是最近保存的第三部分（第{Count(latest.Version, "版", "草稿版本")}，{status}）：\n{text}\n";
    }

    public static string Help(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return ReviewAnswers.Help(FactSheet.Build(evaluation)).Text;
    }

    /// <summary>Parts 一, 二, 四, 五 and the whole report, through the report service (the same kernel function the model calls).</summary>
    private async Task<string> DraftPartAsync(string part, ChatTools tools, FactSheet sheet)
    {
        PartToolResult r = await tools.DraftPartAsync(part);
        if (r.Error is { } error || r.Report is null)
        {
            return Take(ReportAnswers.NotDrafted(sheet, part, r.Error ?? "起草失败。"));
        }

        var drafted = new DraftedPart(r.Part, r.Title, r.Drafted?.Text ?? r.Report.Text,
            (r.Drafted?.Status ?? r.Report.Status) == DraftResult.Verified,
            r.Drafted?.Notes.Count ?? r.Report.Parts.Sum(p => p.Notes.Count),
            r.Version > 0 ? r.Version : null, r.NotStored)
        {
            Parts = r.Report.Parts.Select(p => (p.Heading, p.Status == DraftResult.Verified)).ToList(),
            OthersKept = r.Report.Parts.Count > 1,
        };
        return Take(ReportAnswers.Drafted(sheet, drafted));
    }

    public static ExportLinks Links(ExportToolResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ExportLinks(r.Report, r.Table);
    }

    /// <summary>Adopts a composed answer's facts as this turn's (ids made unique across answers of the turn).</summary>
    private string Take(OfflineAnswer answer)
    {
        string text = answer.Text;
        foreach (Fact f in answer.TurnFacts.Reverse())
        {
            string id = $"turn.t{turnFacts.Count + 1}";
            turnFacts.Add(f with { Id = id });
            text = text.Replace(DraftText.Ref(f.Id), DraftText.Ref(id), StringComparison.Ordinal);
        }

        return text;
    }

    private async Task<string> ExplainAsync(Intent intent, ChatTools tools, FactSheet sheet)
    {
        IReadOnlyList<int> rows = intent.Indicators.Count > 0 ? intent.Indicators : IndicatorExplainer.ShortRows(sheet);
        if (rows.Count == 0)
        {
            return Take(ReviewAnswers.Explain(sheet, []));
        }

        var w = new AnswerWriter(sheet);
        if (intent.Indicators.Count == 0)
        {
            w.Line($"您没有指明哪一项，下面逐项说明未完成或扣分的{w.Count(rows.Count, "项", "未完成或扣分的指标数")}指标。");
        }

        ScoringPolicy policy = TableAnswers.PolicyOf(sheet);
        foreach (int index in rows.Take(5))
        {
            ExplanationResponse e = await tools.ExplainAsync(index);
            IndicatorExplanation x = IndicatorExplainer.Explain(sheet, index, null, policy);
            x = x with { Contradictions = e.Contradictions.Select(c => new Contradiction(c.Source, c.Text, c.FactId, c.Note)).ToList() };
            ReviewAnswers.Explain(w, x, e.SimilarCases.DistinctBy(c => (c.Title, Where(c))).Select(c => $"《{c.Title}》{Where(c)}{DraftText.Cite(c.Source)}"), GivenReasons.ContainsKey(index));
        }

        if (rows.Count > 5)
        {
            w.Line("其余指标请逐项询问。");
        }

        return Take(w.Done());
    }

    private string DraftSectionThree(DraftToolResult d, IReadOnlyList<int> indicators)
    {
        string summary = Draft(d);
        if (d.Draft is not { } r || indicators.Count == 0)
        {
            return summary;
        }

        // One indicator's paragraph, shown here as well (its citation markers left out: they number the draft's sources).
        var ids = new HashSet<string>(r.Items.Where(i => i.IndicatorIndex is { } x && indicators.Contains(x)).Select(i => i.Id), StringComparer.Ordinal);
        var paragraphs = r.Paragraphs.Where(p => p.Items.Any(ids.Contains)).Select(p => Citation().Replace(p.Text, string.Empty)).ToList();
        return paragraphs.Count == 0
            ? summary + "这一项不在需要说明的事项之中（没有未完成、超额较多或执行率偏低），草稿里没有它单独的段落。\n"
            : summary + "这一项的段落：\n" + string.Join("\n", paragraphs) + "\n";
    }

    private string Draft(DraftToolResult d)
    {
        if (d.Error is { } error || d.Draft is null)
        {
            return (d.Error ?? "起草失败。") + "\n";
        }

        DraftResult r = d.Draft;
        var sb = new StringBuilder();
        sb.Append(d.DraftId is null
            ? $"已起草“{SectionName(r.Section)}”（没有保存）。"
            : $"已起草“{SectionName(r.Section)}”，保存为第{Count(d.Version, "版", "草稿版本")}，草稿显示在右侧。");
        sb.Append(CultureInfo.InvariantCulture, $"需要说明的事项共{Count(r.Items.Count, "项", "需要说明的事项")}，");
        sb.Append(r.Uncovered.Count == 0 ? "均已写到。" : $"有{Count(r.Uncovered.Count, "项", "未写到的事项")}没有写到。");
        sb.Append('\n');
        sb.Append(r.Status == DraftResult.Verified
            ? "草稿中的数字已逐一与自评表核对，全部一致。"
            : $"有{Count(r.Masked.Count, "处", "待核实之处")}未能核实，已标为【待核实】，请复核：" + string.Join("；", r.Masked.GroupBy(x => x.Paragraph).OrderBy(g => g.Key)
                .Select(g => $"第{Count(g.Key + 1, "段", "草稿段落序号")}{(g.Count() > 1 ? Count(g.Count(), "处", "该段待核实之处") : string.Empty)}")) + "。");
        int cited = r.Paragraphs.Count(p => p.Citations.Count > 0);
        if (cited > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"其中{Count(cited, "段", "引用了往年报告的段落")}引用了往年报告，来源附在段后。");
        }

        return sb.Append('\n').ToString();
    }

    private string Similar(SearchToolResult s)
    {
        if (s.Hits.Count == 0)
        {
            return "语料库中没有找到相似的段落。\n";
        }

        var sb = new StringBuilder($"找到{Count(s.Hits.Count, "段", "相似段落")}相似内容（原文见来源列表）：\n");
        foreach (var h in s.Hits)
        {
            sb.Append(CultureInfo.InvariantCulture, $"《{h.Title}》{Where(h)}·{h.SectionPath}{DraftText.Cite(h.Source)}。\n");
        }

        return sb.ToString();
    }

    private static string Where(CitationDto c)
    {
        string where = string.Join("，", new[] { c.Region, c.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : null }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return where.Length == 0 ? string.Empty : $"（{where}）";
    }

    private static string SectionName(string section) => section switch
    {
        "deviation-reasons" => "偏离绩效目标的原因",
        "improvement-measures" => "下一步改进措施",
        _ => "三、偏离绩效目标的原因和下一步改进措施",
    };

    private static string Ref(string id) => DraftText.Ref(id);

    [GeneratedRegex(@"\[S\d+\]")]
    private static partial Regex Citation();

    /// <summary>A count of this turn, as a fact reference (the gate learns the fact).</summary>
    private string Count(int value, string unit, string label)
    {
        string id = $"turn.n{turnFacts.Count + 1}";
        turnFacts.Add(new Fact(id, label, value, unit, 0, FactKind.Derived));
        return Ref(id);
    }
}
