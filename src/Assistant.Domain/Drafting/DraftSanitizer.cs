using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Drafting;

/// <summary>What the sanitizer took out of a draft, and why.</summary>
public sealed record SanitizedDraft(string Text, IReadOnlyList<ReviewNote> Notes, IReadOnlyList<string> Removed);

/// <summary>
/// Takes out of a model's draft (before rendering) what a reviewer would strike: notes to the unit (they
/// become review notes), lead-ins left without what they lead into, sentences about people another fund
/// serves, and a sentence repeated for several items (kept the first time). Works on the raw text, so
/// fact references and source markers stay as written.
/// </summary>
public static partial class DraftSanitizer
{
    /// <summary>Cleans <paramref name="draft"/>; <paramref name="sourceIndicators"/> (the indicator each citable source is about) lets a sentence citing a source about another kind of indicator be struck.</summary>
    public static SanitizedDraft Clean(string draft, Evaluation evaluation, IReadOnlyList<DeviationItem> items, IReadOnlyDictionary<int, string?>? sourceIndicators = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(items);
        var notes = new List<ReviewNote>();
        var removed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string tableWords = evaluation.Title + "；" + string.Join("；", evaluation.Indicators.Select(i => i.Name + "；" + i.DeviationNote))
            + "；" + string.Join("；", evaluation.Funds.Lines.Select(l => l.DeviationNote));
        var lines = draft.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new List<string>();

        // A sentence used (names and numbers aside) for several items is a template: it goes everywhere.
        var templates = lines
            .SelectMany(line => Sentence().Matches(line).Where(m => !m.Value.Contains("{{fact:", StringComparison.Ordinal))
                .Select(m => Markers().Replace(m.Value, string.Empty).Trim()).Distinct(StringComparer.Ordinal))
            .Where(b => b.Length > 0)
            .Select(b => DraftQuality.SentenceKey(b, items)).Where(k => k.Length >= 10)
            .GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            var named = items.Where(i => line.Contains(i.Name, StringComparison.Ordinal) || line.Contains("{{fact:" + i.Path + ".", StringComparison.Ordinal)).ToList();
            string own = named.Count > 0 ? string.Join("；", named.Select(i => PrecedentFit.OwnWords(i, evaluation))) : tableWords;
            var sentences = Sentence().Matches(line).Select(m => m.Value).ToList();
            var kept = new StringBuilder();
            for (int s = 0; s < sentences.Count; s++)
            {
                string sentence = sentences[s];
                string bare = Markers().Replace(sentence, string.Empty).Trim();
                if (bare.Length == 0)
                {
                    kept.Append(sentence);
                    continue;
                }

                string? why = null;
                if (NoteToUnit().IsMatch(bare))
                {
                    why = "note";
                    DeviationItem? about = named.FirstOrDefault();
                    notes.Add(new ReviewNote(ReviewNoteKinds.Supply, "草稿中对单位的提示已移出正文：" + bare.TrimEnd('。') + "。", about?.Id, about?.IndicatorIndex, about?.Name));
                }
                else if (PrecedentFit.IsLeadIn(bare) && !sentences.Skip(s + 1).Any(x => Markers().Replace(x, string.Empty).Trim().Length > 0) && !bare.EndsWith('：'))
                {
                    why = "lead-in";
                }
                else if (PrecedentFit.IsLeadIn(bare) && bare.EndsWith('。'))
                {
                    why = "lead-in";
                }
                else if (FundLexicon.Foreign(bare, own) is { Count: > 0 } f)
                {
                    why = "foreign:" + string.Join("、", f);
                }
                else if (named.Count > 0 && sourceIndicators is not null && Cited().Matches(sentence).Select(m => MatchedNumber.Int(m.Groups[1].ValueSpan) ?? -1)
                             .Any(n => sourceIndicators.TryGetValue(n, out string? ind) && ind is { Length: > 0 }
                                       && named.All(i => !IndicatorNature.Compatible(PrecedentFit.NatureOf(i, evaluation), IndicatorNature.Of(ind)) || FundLexicon.Foreign(ind, PrecedentFit.OwnWords(i, evaluation)).Count > 0)))
                {
                    why = "source-kind";
                }
                else if (named.Count > 0 && !sentence.Contains("{{fact:", StringComparison.Ordinal) && DraftQuality.SentenceKey(bare, items) is { Length: >= 10 } key && (templates.Contains(key) || !seen.Add(key)))
                {
                    why = "repeated";
                }

                if (why is null)
                {
                    kept.Append(sentence);
                }
                else
                {
                    removed.Add($"{why}: {bare}");
                }
            }

            string text = kept.ToString();
            if (ListOnly().IsMatch(text))
            {
                continue;
            }

            output.Add(text);
        }

        return new SanitizedDraft(string.Join('\n', output), notes, removed);
    }

    [GeneratedRegex(@"[^。！？；]*[。！？；]+|[^。！？；]+$")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\[\s*S\d{1,3}(?:\s*[,，、]\s*S?\d{1,3})*\s*\]|\{\{\s*fact\s*:[^{}]*\}\}")]
    private static partial Regex Markers();

    [GeneratedRegex(@"S(\d{1,3})")]
    private static partial Regex Cited();

    [GeneratedRegex(@"请(?:贵|你)?单位|建议单位|单位应(?:当)?(?:核实|补充|说明|确认)|结合实际核实|核实(?:后确定|补充)|请[^。]{0,10}(?:核实|补充|确认)")]
    private static partial Regex NoteToUnit();

    /// <summary>A line left with nothing but its list marker.</summary>
    [GeneratedRegex(@"^\s*(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)])?\s*$")]
    private static partial Regex ListOnly();
}
