using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Drafting;

/// <summary>A paragraph of a finished draft, with the items it explains and the sources it cites.</summary>
public sealed record ReviewedParagraph(string Text, IReadOnlyList<string> ItemIds, IReadOnlyList<int> Sources);

/// <summary>A source a draft may cite.</summary>
public sealed record ReviewedSource(int Number, string Title, string? Region, int? Year, string? Indicator);

/// <summary>The defects a demanding reviewer would mark in one draft of section 三, counted; <see cref="Details"/> says where.</summary>
public sealed record DraftDefects(
    int KindMismatch,
    int ForeignSubjects,
    int DanglingLeadIns,
    int NotesInText,
    int RepeatedSentences,
    int SelfCitations,
    int LargestGapUncovered,
    int WeakReasonsUnflagged,
    IReadOnlyList<string> Details)
{
    /// <summary>Causes the draft gives for rows the unit gave no reason for, from neither a cited source nor the table (session 37).</summary>
    public int GuessedCauses { get; init; }

    /// <summary>Improvement measures that do not answer their item's cause, row or fund (session 38, <see cref="DraftQuality.MismatchedMeasures"/>).</summary>
    public int MismatchedMeasures { get; init; }

    public int Total => KindMismatch + ForeignSubjects + DanglingLeadIns + NotesInText + RepeatedSentences + SelfCitations + LargestGapUncovered + WeakReasonsUnflagged + GuessedCauses + MismatchedMeasures;
}

/// <summary>
/// The drafting-quality rubric, scored by code: precedents of another kind of indicator, people another
/// fund serves, lead-ins without what they lead into, notes to the unit inside the text, sentences repeated
/// across items, the report citing itself, the largest gaps left without a reason, weak stated reasons
/// repeated without a review note, causes guessed for rows the unit gave no reason for.
/// </summary>
public static partial class DraftQuality
{
    public static DraftDefects Score(FactSheet sheet, IReadOnlyList<DeviationItem> items, IReadOnlyList<ReviewedParagraph> paragraphs, IReadOnlyList<ReviewedSource> sources, IReadOnlyList<ReviewNote> notes)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(notes);
        var details = new List<string>();
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var sourceOf = sources.ToDictionary(s => s.Number);
        int kind = 0, foreign = 0, leadIns = 0, notesInText = 0, repeated = 0, self = 0, largest = 0, weak = 0, guessed = 0;

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < paragraphs.Count; p++)
        {
            ReviewedParagraph para = paragraphs[p];
            var mine = para.ItemIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            string own = string.Join("；", mine.Select(i => PrecedentFit.OwnWords(i, sheet.Evaluation)));
            var sentences = Sentences(para.Text);
            for (int s = 0; s < sentences.Count; s++)
            {
                string sentence = sentences[s];
                if (NoteToUnit().IsMatch(sentence))
                {
                    notesInText++;
                    details.Add($"note-in-text p{p}: {sentence}");
                }

                bool last = s == sentences.Count - 1;
                bool nextIsList = p + 1 < paragraphs.Count && ListItem().IsMatch(paragraphs[p + 1].Text);
                if (PrecedentFit.IsLeadIn(sentence) && (!last || !nextIsList || sentence.EndsWith('。')))
                {
                    leadIns++;
                    details.Add($"lead-in p{p}: {sentence}");
                }

                // A precedent's cause, hedged (经初步分析…具体原因以单位核实情况为准) in a paragraph that cites its sources, is a cited
                // lead, not a guess: the rendered text no longer carries the [S#] markers, the paragraph's sources do.
                bool citedLead = para.Sources.Count > 0 && (HedgedLead().IsMatch(sentence) || (s > 0 && HedgedLead().IsMatch(sentences[s - 1]) && !sentences[s - 1].EndsWith('。')));
                if (mine.Count > 0 && !citedLead && mine.All(i => !Review.ReasonText.IsGiven(i.StatedReason)) && IsGuessedCause(sentence, sheet))
                {
                    guessed++;
                    details.Add($"guessed-cause p{p}: {sentence}");
                }

                if (mine.Count > 0 && FundLexicon.Foreign(sentence, own) is { Count: > 0 } f)
                {
                    foreign++;
                    details.Add($"foreign p{p} ({string.Join("、", f)}): {sentence}");
                }

                if (mine.Count > 0)
                {
                    // A sentence of figures (年度指标值…，实际完成…) states the table, not a template of prose.
                    string key = SentenceKey(sentence, items);
                    if (key.Length >= 10 && NumberRun().Matches(sentence).Count < 2)
                    {
                        if (seen.TryGetValue(key, out int first) && first != p)
                        {
                            repeated++;
                            details.Add($"repeated p{first}/p{p}: {sentence}");
                        }
                        else
                        {
                            seen.TryAdd(key, p);
                        }
                    }
                }
            }

            foreach (int n in para.Sources)
            {
                if (!sourceOf.TryGetValue(n, out ReviewedSource? src))
                {
                    continue;
                }

                if (PrecedentFit.IsSelf(src.Title, src.Region, src.Year, sheet.Evaluation))
                {
                    self++;
                    details.Add($"self-citation p{p}: [S{n}] {src.Title}");
                }

                if (mine.Count > 0 && src.Indicator is { Length: > 0 } ind
                    && mine.All(i => !IndicatorNature.Compatible(PrecedentFit.NatureOf(i, sheet.Evaluation), IndicatorNature.Of(ind))
                                     || FundLexicon.Foreign(ind, PrecedentFit.OwnWords(i, sheet.Evaluation)).Count > 0))
                {
                    kind++;
                    details.Add($"kind-mismatch p{p}: [S{n}] indicator “{ind}”");
                }
            }
        }

        foreach (DeviationItem heavy in Heaviest(sheet, items))
        {
            bool explained = paragraphs.Any(x => x.ItemIds.Contains(heavy.Id) && Cause().IsMatch(x.Text));
            bool flagged = ReasonStrength.Weakness(sheet, heavy) is null || NotesFor(notes, heavy).Any(n => n.Kind is ReviewNoteKinds.WeakReason or ReviewNoteKinds.RepeatedReason);
            if (!explained || !flagged)
            {
                largest++;
                details.Add($"largest-gap {heavy.Name}: {(explained ? "weak reason not flagged" : "no reason given")}");
            }
        }

        foreach (DeviationItem item in items.Where(i => i.StatedReason is not null && LooksWeak(sheet, i)))
        {
            if (!NotesFor(notes, item).Any(n => n.Kind is ReviewNoteKinds.WeakReason or ReviewNoteKinds.RepeatedReason))
            {
                weak++;
                details.Add($"weak-unflagged {item.Name}: {item.StatedReason}");
            }
        }

        var mismatched = MismatchedMeasures(sheet.Evaluation, items, paragraphs);
        details.AddRange(mismatched);
        return new DraftDefects(kind, foreign, leadIns, notesInText, repeated, self, largest, weak, details) { GuessedCauses = guessed, MismatchedMeasures = mismatched.Count };
    }

    /// <summary>
    /// Whether <paramref name="sentence"/>, in a paragraph about rows the unit gave no reason for, gives a cause of its own (session 37:
    /// 测算偏于保守, 原因可能是…, 由于…): not the unit's words quoted, not a cited source's ([S2]), not the table's own rows (产出指标“…”
    /// 未完成), not a sentence saying the reason is missing.
    /// </summary>
    public static bool IsGuessedCause(string sentence, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(sheet);
        if (!GuessWords().IsMatch(sentence) || Cited().IsMatch(sentence) || UnitsOwnWords().IsMatch(sentence) || SaysMissing().IsMatch(sentence))
        {
            return false;
        }

        // A cause the table gives: another row of it, quoted by name (产出指标“新建渠道长度”仍有任务未完成).
        foreach (Match q in Quoted().Matches(sentence))
        {
            if (sheet.Evaluation.Indicators.Any(i => i.Name == q.Groups[1].Value))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"原因(?:可能|主要|应|或)?(?:是|为|在于)|由于|因为|主要是|受[^，。]{1,20}影响|导致|所致|造成|偏于保守|测算偏|反映出|归因于")]
    private static partial Regex GuessWords();

    [GeneratedRegex(@"\[S\d+\]")]
    private static partial Regex Cited();

    [GeneratedRegex(@"经初步分析|以单位核实情况为准")]
    private static partial Regex HedgedLead();

    [GeneratedRegex(@"单位(?:在[^。]{0,12})?(?:说明|填写|填报|自述)|单位对上述指标说明|原因(?:均)?为“|填写的原因")]
    private static partial Regex UnitsOwnWords();

    [GeneratedRegex(@"未说明|未填写|不作推测|未作推测|待单位补充|需单位补充|一并补充|原因需单位|需单位逐项")]
    private static partial Regex SaysMissing();

    [GeneratedRegex(@"“([^”]{2,40})”")]
    private static partial Regex Quoted();

    /// <summary>The item that lost the most points and the one that left the most money unspent.</summary>
    public static IReadOnlyList<DeviationItem> Heaviest(FactSheet sheet, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new List<DeviationItem>();
        if (items.Where(i => DeviationGroups.Lost(sheet, i) > 0).OrderByDescending(i => DeviationGroups.Lost(sheet, i)).FirstOrDefault() is { } a)
        {
            result.Add(a);
        }

        if (items.Where(i => i.IndicatorIndex is not null && DeviationGroups.Unspent(sheet, i) > 0).OrderByDescending(i => DeviationGroups.Unspent(sheet, i)).FirstOrDefault() is { } b && !result.Contains(b))
        {
            result.Add(b);
        }

        return result;
    }

    /// <summary>The rubric's own test of a weak stated reason (independent of the drafter's wording).</summary>
    private static bool LooksWeak(FactSheet sheet, DeviationItem item)
    {
        string s = item.StatedReason ?? string.Empty;
        decimal? c = ReasonStrength.Completion(sheet, item);
        Nature nature = PrecedentFit.NatureOf(item, sheet.Evaluation);
        return (item.Kind == DeviationKind.Shortfall && nature != Nature.Money && MoneyOnly().IsMatch(s) && !People().IsMatch(s) && !DraftPhrases.IsLateArrival(s))
            || (item.Kind == DeviationKind.Shortfall && c is < 0.50m && Precedent.Key(s).Length <= 12)
            || Precedent.Key(s) is "指标已取消" or "已取消" or "未完成"
            || (item.Kind != DeviationKind.Cancelled && Review.ReasonQuality.IsOutOfPeriod(s, sheet.Evaluation.Year))
            || (item.Kind is DeviationKind.Shortfall or DeviationKind.QualitativeWeaker or DeviationKind.Late && Review.ReasonQuality.IsVague(s));
    }

    private static IEnumerable<ReviewNote> NotesFor(IReadOnlyList<ReviewNote> notes, DeviationItem item) =>
        notes.Where(n => n.ItemId == item.Id || n.Message.Contains($"“{item.Name}”", StringComparison.Ordinal));

    private static List<string> Sentences(string text) =>
        SentenceSplit().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>A sentence without item names, numbers and punctuation, to spot the same template used for several items.</summary>
    public static string SentenceKey(string sentence, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(items);
        string s = sentence;
        foreach (DeviationItem i in items.OrderByDescending(i => i.Name.Length))
        {
            s = s.Replace(i.Name, "X", StringComparison.Ordinal);
        }

        return Precedent.Key(NumberRun().Replace(s, "#"));
    }

    [GeneratedRegex(@"(?<=[。！？；])")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"请(?:贵|你)?单位|建议单位|单位应(?:当)?(?:核实|补充|说明|确认)|结合实际核实|核实(?:后确定|补充)|请[^。]{0,10}(?:核实|补充|确认)")]
    private static partial Regex NoteToUnit();

    [GeneratedRegex(@"^\s*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+是)")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"原因|由于|因为|受[^，。]{1,20}影响|导致|所致|造成")]
    private static partial Regex Cause();

    [GeneratedRegex(@"优先使用|中央资金|自治区资金|省级资金|上级资金|中央及")]
    private static partial Regex MoneyOnly();

    [GeneratedRegex(@"人数|人员|对象|需求|意愿|企业|岗位")]
    private static partial Regex People();

    [GeneratedRegex(@"[\d.,%％]+")]
    private static partial Regex NumberRun();
}
