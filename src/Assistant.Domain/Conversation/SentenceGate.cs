using System.Text;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>A number in a released sentence and how it was checked (offsets within the sentence).</summary>
public sealed record GatedNumber(int Start, int Length, string Text, string Verdict, string? FactId);

/// <summary>A span of a sentence that was held back (replaced by 【待核实】) and why; the number itself is not repeated.</summary>
public sealed record HeldSpan(int Start, int Length, string Reason);

/// <summary>
/// One sentence released to the reader: fact references rendered, citation markers lifted into
/// <see cref="Sources"/>, every number checked, and anything unverified or contradicted replaced by
/// 【待核实】 (listed in <see cref="Held"/>). <see cref="ParagraphEnd"/> when a line break followed it.
/// </summary>
public sealed record GatedSentence(string Text, IReadOnlyList<int> Sources, IReadOnlyList<string> FactIds, IReadOnlyList<GatedNumber> Numbers, IReadOnlyList<HeldSpan> Held, bool ParagraphEnd)
{
    public bool Clean => Held.Count == 0;
}

/// <summary>
/// Sits between a streaming writer (a model, or the offline assistant) and the reader: text comes
/// in as arbitrary chunks, goes out only as whole sentences that have passed the verifier. A sentence
/// ends at 。！？；!?; or a line break, never inside a fact reference, so a number is never split across
/// two releases and nothing is shown before it is checked. A run without an end longer than
/// <see cref="MaxSentence"/> characters is cut at its last comma.
/// </summary>
public sealed partial class SentenceGate
{
    public const int MaxSentence = 300;

    private FactSheet _sheet;
    private Verifier _verifier;
    private readonly Func<int> _sourceCount;
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _released = new();
    private readonly StringBuilder _paragraph = new();
    private readonly List<Fact> _added = [];
    private bool _acrossUnits;

    /// <summary>How much of the paragraph so far a sentence is read after (see <see cref="WithContext"/>).</summary>
    private const int MaxContext = 1200;

    /// <param name="sheet">The facts numbers are checked against.</param>
    /// <param name="sourceCount">How many sources [S1]… exist when a sentence is released (they may grow as tools run).</param>
    public SentenceGate(FactSheet sheet, Func<int>? sourceCount = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        _sheet = sheet;
        _verifier = new Verifier(sheet);
        _sourceCount = sourceCount ?? (() => 0);
    }

    /// <summary>
    /// Adds facts that are not in the table but were computed in this turn (how many passages a search
    /// found, a draft's version): a sentence may state them, as <c>{{fact:ID}}</c> or as numbers.
    /// </summary>
    public void AddFacts(IEnumerable<Fact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts.ToList();
        _added.AddRange(list);
        _sheet = _sheet with { Facts = [.. _sheet.Facts, .. list] };
        _verifier = new Verifier(_sheet);
    }

    /// <summary>
    /// Checks what follows against another table (with the facts of the turn kept): an answer about other
    /// units is checked against their numbers, not bound to the conversation's own rows of the same name.
    /// </summary>
    public void Rebase(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        _sheet = sheet with { Facts = [.. sheet.Facts, .. _added] };
        _verifier = new Verifier(_sheet);
        _acrossUnits = true;
    }

    /// <summary>Everything released so far, sentences joined (line breaks between paragraphs).</summary>
    public string Released => _released.ToString();

    public int HeldCount { get; private set; }

    /// <summary>Takes a chunk; returns the sentences it completed, checked.</summary>
    public IReadOnlyList<GatedSentence> Push(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _pending.Append(chunk.Replace("\r\n", "\n", StringComparison.Ordinal));
        var released = new List<GatedSentence>();
        while (NextEnd() is { } end)
        {
            string raw = _pending.ToString(0, end.Length);
            _pending.Remove(0, end.Length);
            if (Release(raw, end.ParagraphEnd) is { } s)
            {
                released.Add(s);
            }
        }

        return released;
    }

    /// <summary>Releases whatever is left (the writer has finished).</summary>
    public IReadOnlyList<GatedSentence> Flush()
    {
        string rest = _pending.ToString();
        _pending.Clear();
        return Release(rest, paragraphEnd: true) is { } s ? [s] : [];
    }

    /// <summary>
    /// A what-if answer's figures (按假设再支出200万元测算：执行率92.70%) are not the table's and differ from it on
    /// purpose: a number there that is exactly one of this turn's scenario facts (computed by the calculator on
    /// the changed table, <see cref="TableAnswers.ScenarioLabel"/>) is not held; any other number still is.
    /// </summary>
    private IReadOnlyList<(int Start, int Length, string Reason)> Scenario(IReadOnlyList<(int Start, int Length, string Reason)> problems, string text)
    {
        if (problems.Count == 0 || !(text.Contains(TableAnswers.ScenarioLabel, StringComparison.Ordinal) || _paragraph.ToString().Contains(TableAnswers.ScenarioLabel, StringComparison.Ordinal)))
        {
            return problems;
        }

        var scenario = _added.Where(f => f.Label.StartsWith(TableAnswers.ScenarioLabel, StringComparison.Ordinal))
            .Select(f => Assistant.Domain.Numbers.PrintedNumber.Format(f.Value, f.Decimals)).ToHashSet(StringComparer.Ordinal);
        return scenario.Count == 0 ? problems : problems.Where(p =>
        {
            // The figure itself: 20 of “20/10万” (the rate's own /10万 is its unit, not more digits of the number).
            string span = text.Substring(p.Start, p.Length);
            string digits = new(span.Where(c => char.IsAsciiDigit(c) || c == '.').ToArray());
            string first = new(span.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
            return !scenario.Contains(digits) && !(span.Contains('/', StringComparison.Ordinal) && scenario.Contains(first.TrimEnd('.')));
        }).ToList();
    }

    /// <summary>
    /// In an answer about other units (after <see cref="Rebase"/>), a count it states — 3个单位存在缺口, 共2项, 在6项上,
    /// 其中1个没有说明原因 — is a count of the cross-unit view, not of a table: the table-less sheet's own counts
    /// (count.short) and its indicator names do not apply to it. A whole number with a counting word that is exactly
    /// one of this turn's whole-number facts (of that unit, or of none) is released; any other number is still held.
    /// </summary>
    private IReadOnlyList<(int Start, int Length, string Reason)> AcrossCounts(IReadOnlyList<(int Start, int Length, string Reason)> problems, string text)
    {
        if (!_acrossUnits || problems.Count == 0)
        {
            return problems;
        }

        return problems.Where(p => !(CountSpan().Match(text.Substring(p.Start, p.Length)) is { Success: true } m
            && MatchedNumber.Decimal(m.Groups[1].ValueSpan) is decimal n
            && _added.Any(f => f.Decimals == 0 && f.Value == n && (f.Unit.Length == 0 || f.Unit == m.Groups[2].Value)))).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,6})(个|项|张|条|家|处|所|名)$")]
    private static partial System.Text.RegularExpressions.Regex CountSpan();

    private (int Length, bool ParagraphEnd)? NextEnd()
    {
        int depth = 0;
        int lastComma = -1;
        for (int i = 0; i < _pending.Length; i++)
        {
            char c = _pending[i];
            if (c == '{' && i + 1 < _pending.Length && _pending[i + 1] == '{')
            {
                depth++;
                i++;
                continue;
            }

            if (c == '}' && depth > 0 && i + 1 < _pending.Length && _pending[i + 1] == '}')
            {
                depth--;
                i++;
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (c == '\n')
            {
                return (i + 1, true);
            }

            if (c is '。' or '！' or '？' or '；' or '!' or '?' or ';')
            {
                // Keep closing quotes and brackets, and a citation marker right after the stop, with the sentence.
                int j = i + 1;
                while (j < _pending.Length && _pending[j] is '”' or '’' or '」' or '』' or '）' or ')')
                {
                    j++;
                }

                if (j == _pending.Length)
                {
                    return null; // a closing mark or a citation may still follow
                }

                if (_pending[j] == '[' || _pending[j] == '［')
                {
                    int close = IndexOf(']', j);
                    if (close < 0)
                    {
                        return null;
                    }

                    if (close - j <= 12)
                    {
                        j = close + 1;
                    }
                }

                bool paragraph = j < _pending.Length && _pending[j] == '\n';
                return (paragraph ? j + 1 : j, paragraph);
            }

            if (c is '，' or ',' && !(i > 0 && char.IsAsciiDigit(_pending[i - 1]) && i + 1 < _pending.Length && char.IsAsciiDigit(_pending[i + 1])))
            {
                lastComma = i;
            }

            if (i >= MaxSentence && lastComma > 0)
            {
                return (lastComma + 1, false);
            }
        }

        return null;
    }

    private int IndexOf(char c, int from)
    {
        for (int i = from; i < _pending.Length; i++)
        {
            if (_pending[i] == c || (c == ']' && _pending[i] == '］'))
            {
                return i;
            }
        }

        return -1;
    }

    private GatedSentence? Release(string raw, bool paragraphEnd)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (paragraphEnd && _released.Length > 0 && _released[^1] != '\n')
            {
                _released.Append('\n');
            }

            return null;
        }

        RenderedDraft rendered = DraftText.Render(raw.TrimEnd('\n'), _sheet, _sourceCount());
        string text = string.Concat(rendered.Paragraphs.Select(p => p.Text));
        var sources = rendered.Paragraphs.SelectMany(p => p.Sources).Distinct().ToList();
        var facts = rendered.Paragraphs.SelectMany(p => p.FactIds).Distinct(StringComparer.Ordinal).ToList();

        VerificationReport report = _verifier.Verify(text);
        if (!report.IsClean && _paragraph.Length > 0)
        {
            report = WithContext(report, text);
        }

        var problems = DraftGate.Held(AcrossCounts(Scenario(DraftText.Problems(report), text), text), report, text, _sheet.Evaluation);
        var held = new List<HeldSpan>();
        var sb = new StringBuilder(text);
        foreach (var (start, length, _) in problems.OrderByDescending(p => p.Start))
        {
            sb.Remove(start, length).Insert(start, DraftText.Unverified);
        }

        // Offsets after masking, in text order, with reasons that do not repeat the held number.
        int shift = 0;
        foreach (var (start, length, _) in problems)
        {
            held.Add(new HeldSpan(start + shift, DraftText.Unverified.Length, HeldReason(report, start, length)));
            shift += DraftText.Unverified.Length - length;
        }

        if (rendered.UnknownFactIds.Count > 0)
        {
            held.AddRange(rendered.UnknownFactIds.Select(id => new HeldSpan(-1, 0, $"事实编号 {id} 不存在")));
        }

        string released = sb.ToString();
        var numbers = report.Mentions
            .Where(m => m.Verdict is Verdict.Verified or Verdict.Derived or Verdict.Identifier
                && !problems.Any(p => m.Mention.Start < p.Start + p.Length && p.Start < m.Mention.Start + m.Mention.Length))
            .Select(m => new GatedNumber(Shifted(m.Mention.Start, problems), m.Mention.Length, m.Mention.Text, Name(m.Verdict), m.FactId))
            .ToList();

        HeldCount += held.Count;
        _released.Append(released);
        _paragraph.Append(released);
        if (_paragraph.Length > MaxContext)
        {
            _paragraph.Remove(0, _paragraph.Length - MaxContext);
        }

        if (paragraphEnd)
        {
            _released.Append('\n');
            _paragraph.Clear();
        }

        return new GatedSentence(released, sources, facts, numbers, held, paragraphEnd);
    }

    /// <summary>
    /// A sentence read after the rest of its paragraph (“以上指标均达到年度指标值”, a clause without a subject of
    /// its own): a number or claim the sentence alone could not support is released when the paragraph so far
    /// supports it. Only problems are reconsidered, so the context never holds back what the sentence alone passed.
    /// </summary>
    private VerificationReport WithContext(VerificationReport alone, string text)
    {
        string context = _paragraph.ToString();
        int offset = context.Length;
        VerificationReport full = _verifier.Verify(context + text);
        var mentions = alone.Mentions.Select(m =>
        {
            if (m.Verdict is not (Verdict.Unverified or Verdict.Contradicted or Verdict.OutOfScope))
            {
                return m;
            }

            CheckedMention? c = full.Mentions.FirstOrDefault(x => x.Mention.Start == m.Mention.Start + offset && x.Mention.Length == m.Mention.Length);
            return c is { Verdict: Verdict.Verified or Verdict.Derived or Verdict.Identifier } ? c with { Mention = m.Mention } : m;
        }).ToList();
        var claims = alone.Claims.Select(a =>
        {
            if (a.Verdict != Verdict.Contradicted)
            {
                return a;
            }

            CheckedClaim? c = full.Claims.FirstOrDefault(x => x.Start == a.Start + offset && x.Length == a.Length);
            return c is not null && c.Verdict != Verdict.Contradicted ? c with { Start = a.Start } : a;
        }).ToList();
        return alone with { Mentions = mentions, Claims = claims };
    }

    private static int Shifted(int start, IReadOnlyList<(int Start, int Length, string Reason)> problems)
    {
        int shift = 0;
        foreach (var p in problems)
        {
            if (p.Start < start)
            {
                shift += DraftText.Unverified.Length - p.Length;
            }
        }

        return start + shift;
    }

    private static string HeldReason(VerificationReport report, int start, int length)
    {
        CheckedClaim? claim = report.Claims.FirstOrDefault(c => c.Verdict == Verdict.Contradicted && c.Start >= start && c.Start < start + length);
        CheckedMention? mention = report.Mentions.FirstOrDefault(m => m.Verdict is Verdict.Contradicted or Verdict.Unverified && m.Mention.Start >= start && m.Mention.Start < start + length);
        if (mention is { Verdict: Verdict.Contradicted })
        {
            return $"数字与{report.Describe(mention.FactId)}不符，已暂扣";
        }

        if (mention is not null)
        {
            return "数字在自评表中找不到依据，已暂扣";
        }

        return claim is not null ? $"说法与{report.Describe(claim.FactId)}的情况不符，已暂扣" : "未通过核验，已暂扣";
    }

    private static string Name(Verdict v) => v switch
    {
        Verdict.Verified => "verified",
        Verdict.Derived => "derived",
        Verdict.Identifier => "identifier",
        Verdict.Contradicted => "contradicted",
        Verdict.OutOfScope => "out-of-scope",
        _ => "unverified",
    };
}
