using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Drafting;

/// <summary>One paragraph (line) of a rendered draft: its text, the sources it cites and the facts it used.</summary>
public sealed record RenderedParagraph(string Text, IReadOnlyList<int> Sources, IReadOnlyList<string> FactIds);

/// <summary>A draft after fact references were rendered and citation markers taken out.</summary>
public sealed record RenderedDraft(IReadOnlyList<RenderedParagraph> Paragraphs, IReadOnlyList<string> UnknownFactIds, IReadOnlyList<int> UnknownSources)
{
    public string Text => string.Join('\n', Paragraphs.Select(p => p.Text));
}

/// <summary>A span taken out of a draft because it could not be verified.</summary>
public sealed record MaskedSpan(int Paragraph, string Original, string Reason);

/// <summary>
/// The draft's text discipline. A model (or the offline drafter) writes every number as a fact
/// reference, <c>{{fact:indicators[3].actual}}</c>, and cites sources as <c>[S2]</c>; code renders the
/// references from the calculator's facts, so a number it writes itself is the only number that can be wrong.
/// </summary>
public static partial class DraftText
{
    /// <summary>What replaces a number or claim that is still unverified after repair.</summary>
    public const string Unverified = "【待核实】";

    /// <summary>How a fact reference is written.</summary>
    public static string Ref(string factId) => "{{fact:" + factId + "}}";

    /// <summary>How a source is cited.</summary>
    public static string Cite(int source) => $"[S{source.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>Renders fact references and lifts citation markers, line by line; blank lines are dropped.</summary>
    public static RenderedDraft Render(string draft, FactSheet sheet, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sheet);
        var unknownFacts = new List<string>();
        var unknownSources = new List<int>();
        var paragraphs = new List<RenderedParagraph>();
        foreach (string raw in draft.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var facts = new List<string>();
            string line = FactRef().Replace(raw, m =>
            {
                string id = m.Groups[1].Value;
                if (sheet.Find(id) is { } fact)
                {
                    facts.Add(id);
                    return sheet.Written(fact);
                }

                unknownFacts.Add(id);
                return Unverified;
            });

            var sources = new List<int>();
            line = Citation().Replace(line, m =>
            {
                foreach (Capture c in m.Groups[1].Captures)
                {
                    if (int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= sourceCount)
                    {
                        if (!sources.Contains(n))
                        {
                            sources.Add(n);
                        }
                    }
                    else
                    {
                        unknownSources.Add(n);
                    }
                }

                return string.Empty;
            });

            line = Tidy(line);
            if (line.Length > 0)
            {
                paragraphs.Add(new RenderedParagraph(line, sources, facts.Distinct(StringComparer.Ordinal).ToList()));
            }
        }

        return new RenderedDraft(paragraphs, unknownFacts.Distinct(StringComparer.Ordinal).ToList(), unknownSources.Distinct().ToList());
    }

    /// <summary>The unverified and contradicted spans of a verification, as (start, length, reason), in text order.</summary>
    public static IReadOnlyList<(int Start, int Length, string Reason)> Problems(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var spans = report.Mentions
            .Where(m => m.Verdict is Verdict.Unverified or Verdict.Contradicted or Verdict.OutOfScope)
            .Select(m => (m.Mention.Start, m.Mention.Length, Reason: m.Verdict switch
            {
                Verdict.Contradicted => $"“{m.Mention.Text}”与{report.Describe(m.FactId)}不符{(m.Note is { } n ? "：" + n : string.Empty)}",
                Verdict.OutOfScope => $"“{m.Mention.Text}”不在本表范围内",
                _ => $"“{m.Mention.Text}”在自评表中找不到依据",
            }))
            .Concat(report.Claims
                .Where(c => c.Verdict == Verdict.Contradicted)
                .Select(c => (c.Start, c.Length, Reason: $"“{c.Text}”与表中情况不符{(c.Note is { } n ? "：" + n : string.Empty)}")))
            .OrderBy(s => s.Start)
            .ToList();

        // Overlapping spans (a claim around a number) collapse into the wider one.
        var merged = new List<(int Start, int Length, string Reason)>();
        foreach (var s in spans)
        {
            if (merged.Count > 0 && s.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                int end = Math.Max(last.Start + last.Length, s.Start + s.Length);
                merged[^1] = (last.Start, end - last.Start, last.Reason + "；" + s.Reason);
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    /// <summary>
    /// Replaces every problem span of <paramref name="report"/> (made on <paramref name="draft"/>'s text)
    /// with <see cref="Unverified"/>; paragraphs keep their sources.
    /// </summary>
    public static (RenderedDraft Draft, IReadOnlyList<MaskedSpan> Masked) Mask(RenderedDraft draft, VerificationReport report) =>
        Mask(draft, Problems(report));

    /// <summary>Replaces the given spans (made on <paramref name="draft"/>'s text, as <see cref="Problems"/> gives them) with <see cref="Unverified"/>.</summary>
    public static (RenderedDraft Draft, IReadOnlyList<MaskedSpan> Masked) Mask(RenderedDraft draft, IReadOnlyList<(int Start, int Length, string Reason)> problems)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            return (draft, []);
        }

        var masked = new List<MaskedSpan>();
        var paragraphs = new List<RenderedParagraph>();
        int offset = 0;
        for (int i = 0; i < draft.Paragraphs.Count; i++)
        {
            RenderedParagraph p = draft.Paragraphs[i];
            int end = offset + p.Text.Length;
            var sb = new StringBuilder(p.Text);
            foreach (var (start, length, reason) in problems.Where(s => s.Start >= offset && s.Start < end).OrderByDescending(s => s.Start))
            {
                int local = start - offset;
                int len = Math.Min(length, p.Text.Length - local);
                masked.Add(new MaskedSpan(i, p.Text.Substring(local, len), reason));
                sb.Remove(local, len).Insert(local, Unverified);
            }

            paragraphs.Add(p with { Text = sb.ToString() });
            offset = end + 1;
        }

        masked.Reverse();
        return (draft with { Paragraphs = paragraphs }, masked.OrderBy(m => m.Paragraph).ToList());
    }

    /// <summary>Removes doubled punctuation and spaces left where markers were.</summary>
    private static string Tidy(string line)
    {
        string t = line.Trim();
        t = SpaceBeforePunct().Replace(t, "$1");
        return t;
    }

    [GeneratedRegex(@"\{\{\s*fact\s*:\s*([^{}\s]+)\s*\}\}")]
    private static partial Regex FactRef();

    [GeneratedRegex(@"[\[［]\s*(?:S(\d{1,3})\s*[,，、]?\s*)+[\]］]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\s+([，。；：、！？）])")]
    private static partial Regex SpaceBeforePunct();
}
