using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Drafting;

/// <summary>What the drafter does with a verification of its own text.</summary>
/// <param name="Mask">Spans to replace with 【待核实】: numbers and claims the drafter wrote that the table does not bear out.</param>
/// <param name="Kept">The unit's own words (a quoted 偏差原因) the verifier could not check: kept as written, listed for review.</param>
/// <param name="Contradicted">Whether a figure of the unit's quoted words contradicts the table (kept as written, but the draft needs review).</param>
public sealed record GateOutcome(IReadOnlyList<(int Start, int Length, string Reason)> Mask, IReadOnlyList<ReviewNote> Kept, bool Contradicted = false)
{
    /// <summary>
    /// Whether the draft may be marked verified: nothing masked and nothing of the unit's contradicting the
    /// table. A figure only the unit gives (减少约1800人) is quoted as the unit's and noted; it does not hold the draft back.
    /// </summary>
    public bool IsClean => Mask.Count == 0 && !Contradicted;
}

/// <summary>
/// The drafter's side of the number gate. A verifier verdict is about a number the drafter asserts; a
/// digit inside a name (“2型糖尿病患者规范管理率”, “0-6岁儿童健康管理率”, a fund line, the title) asserts
/// nothing and is never masked, and a figure inside the unit's own quoted 偏差原因 (“减少约1800人”) is the
/// unit's word: masking it would turn the unit's reason into dots, so it is kept and listed as a review
/// note instead. Whatever the verifier says, the draft never loses a name or the unit's words.
/// </summary>
public static class DraftGate
{
    /// <summary>Judges <paramref name="text"/> as <see cref="StatedReasonCheck"/> does, then spares names and the unit's quoted words.</summary>
    public static GateOutcome Judge(FactSheet sheet, string text, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Judge(StatedReasonCheck.Verify(sheet, text, items), text, sheet.Evaluation, items);
    }

    /// <summary>The same, on a report already made.</summary>
    public static GateOutcome Judge(VerificationReport report, string text, Evaluation evaluation, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(items);
        var names = Spans(text, Names(evaluation));
        var quotes = items.Where(i => i.StatedReason is { Length: > 0 })
            .SelectMany(i => Spans(text, Quotable(i.StatedReason!)).Select(s => (s.Start, s.End, Item: i)))
            .ToList();
        // A measure the unit gave (in its note, or in the conversation: 对规范管理率低于50%的乡镇卫生院约谈负责人) states a plan, not
        // a result: its figures are the unit's standard and are written as given, never checked against the table's results.
        var measures = Spans(text, items.Select(i => MeasureOf(i.StatedReason)).OfType<string>());
        var mask = new List<(int Start, int Length, string Reason)>();
        var kept = new List<ReviewNote>();
        bool contradicted = false;
        foreach (var p in DraftText.Problems(report))
        {
            int end = p.Start + p.Length;
            if (names.Any(n => p.Start >= n.Start && end <= n.End) || measures.Any(n => p.Start >= n.Start && end <= n.End))
            {
                continue;
            }

            // The unit's own figure the table cannot check is kept as the unit's; one the table contradicts (实际完成80人
            // against 58, 把执行率写成100% against 19.50%) is masked like any other — a quote does not make it true.
            if (!Refuted(p, report) && quotes.FirstOrDefault(q => p.Start >= q.Start && end <= q.End) is { Item: { } item })
            {
                string said = text.Substring(p.Start, p.Length);
                kept.Add(new ReviewNote(ReviewNoteKinds.Supply,
                    $"草稿照录了单位填报的原因“{item.StatedReason!.Trim().TrimEnd('。')}”，其中“{said}”是单位自述的数字，自评表中没有可核对的数据，请单位核实后保留或改正。",
                    item.Id, item.IndicatorIndex, item.Name));
                continue;
            }

            mask.Add(p);
        }

        return new GateOutcome(mask, kept.DistinctBy(n => n.Message).ToList(), contradicted);
    }

    /// <summary>Whether the table refutes a problem's figure (不符, or a quoted figure the stated-reason check contradicts).</summary>
    private static bool Refuted((int Start, int Length, string Reason) p, VerificationReport report) =>
        p.Reason.Contains("不符", StringComparison.Ordinal) || report.Mentions.Any(m => m.Mention.Start == p.Start && m.Note == StatedReasonCheck.Note);

    /// <summary>
    /// The problems of a text that are still held once the unit's own quoted words are spared: a figure inside
    /// any stated 偏差原因 of the table (indicators' and fund lines') that the table cannot check is the unit's
    /// and is shown as such (as the drafter does); one the table refutes stays held. For answers in chat.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length, string Reason)> Held(IReadOnlyList<(int Start, int Length, string Reason)> problems, VerificationReport report, string text, Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (problems.Count == 0)
        {
            return problems;
        }

        var notes = evaluation.Indicators.Select(i => i.DeviationNote).Concat(evaluation.Funds.Lines.Select(l => l.DeviationNote))
            .Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        var quotes = notes.SelectMany(r => Spans(text, Quotable(r!))).ToList();
        var measures = Spans(text, notes.Select(MeasureOf).OfType<string>());
        bool Within(List<(int Start, int End)> spans, (int Start, int Length, string Reason) p) => spans.Any(q => p.Start >= q.Start && p.Start + p.Length <= q.End);
        return quotes.Count == 0 && measures.Count == 0 ? problems
            : problems.Where(p => !Within(measures, p) && (Refuted(p, report) || !Within(quotes, p))).ToList();
    }

    /// <summary>The measure part of a stated note (下一步改进措施：…), whole and without its final stop; null when it has none.</summary>
    private static string? MeasureOf(string? stated)
    {
        if (string.IsNullOrWhiteSpace(stated) || (StatedText.LabelledMeasureOnly(stated) ?? StatedText.Split(stated).Measure) is not { } measure)
        {
            return null;
        }

        string m = measure.Trim().TrimEnd('。', '；', ';', '.', '，', ',');
        return m.Length >= 4 ? m : null;
    }

    /// <summary>The names a draft repeats: indicators, fund lines, title, department, implementer, region.</summary>
    private static IEnumerable<string> Names(Evaluation e) =>
        e.Indicators.Select(i => i.Name).Concat(e.Funds.Lines.Select(l => l.Name))
            .Append(e.Title).Append(e.Department).Append(e.Implementer).Append(e.Region)
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Where(n => n.Length >= 2)
            .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length);

    /// <summary>The stated reason as a draft may quote it: whole, without its final stop, and its clauses of some length.</summary>
    private static IEnumerable<string> Quotable(string stated)
    {
        string t = stated.Trim().TrimEnd('。', '；', ';', '.', '，', ',');
        StatedText split = StatedText.Split(stated);
        return new[] { t, split.Cause, split.Measure ?? string.Empty }
            .Concat(t.Split(['，', '；', ',', ';']).Select(c => c.Trim()).Where(c => c.Length >= 6))
            .Where(c => c.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(c => c.Length);
    }

    private static List<(int Start, int End)> Spans(string text, IEnumerable<string> words)
    {
        var spans = new List<(int, int)>();
        foreach (string w in words)
        {
            for (int at = text.IndexOf(w, StringComparison.Ordinal); at >= 0; at = text.IndexOf(w, at + w.Length, StringComparison.Ordinal))
            {
                spans.Add((at, at + w.Length));
            }
        }

        return spans;
    }
}
