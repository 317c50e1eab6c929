namespace Assistant.Domain.Verification;

/// <summary>
/// A clause (between ，；：。 and line breaks) and the sentence holding it, with their positions.
/// Session 42: a clause keeps the text it was split from and its offsets; its own text and its sentence's are copied
/// on first use (the clauses of one sentence share that copy), and the words before and after a position — asked
/// again and again for the same number by the verifier's checks — are copied once per position. A clause belongs to
/// the one verification that split its text (one thread), so these copies need no lock.
/// </summary>
internal sealed class Clause
{
    private readonly string _source;
    private readonly SentenceText _sentence;
    private string? _text;
    private int _beforeAt = -1;
    private string? _before;
    private int _afterAt = -1;
    private string? _after;
    private int _sentenceBeforeAt = -1;
    private string? _sentenceBefore;

    private Clause(string source, int start, int end, SentenceText sentence)
    {
        _source = source;
        Start = start;
        End = end;
        _sentence = sentence;
    }

    public int Start { get; }

    public int End { get; }

    public int SentenceStart => _sentence.Start;

    /// <summary>The clause's text (copied on first use).</summary>
    public string Text => _text ??= _source.Substring(Start, End - Start);

    /// <summary>The sentence's text (copied on first use, once for all its clauses).</summary>
    public string Sentence => _sentence.Text;

    public static List<Clause> Split(string text)
    {
        var clauses = new List<Clause>();
        int sentenceStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '。' or '！' or '？' or '\n' or '!' or '?')
            {
                var sentence = new SentenceText(text, sentenceStart, i);
                int clauseStart = sentenceStart;
                for (int k = sentenceStart; k <= i; k++)
                {
                    if (k == i || text[k] is '，' or ',' or '；' or ';' or '：' or ':')
                    {
                        clauses.Add(new Clause(text, clauseStart, k, sentence));
                        clauseStart = k + 1;
                    }
                }

                sentenceStart = i + 1;
            }
        }

        return clauses;
    }

    /// <summary>The clause holding <paramref name="index"/> (clauses are in order and do not overlap), or the last.</summary>
    public static int IndexAt(List<Clause> clauses, int index)
    {
        int lo = 0, hi = clauses.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (clauses[mid].Start <= index)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && index <= clauses[found].End ? found : clauses.Count - 1;
    }

    public static Clause At(List<Clause> clauses, int index) => clauses[IndexAt(clauses, index)];

    /// <summary>The sentence text before <paramref name="index"/> (an absolute position).</summary>
    public string SentenceBefore(int index)
    {
        int length = Math.Clamp(index - SentenceStart, 0, _sentence.Length);
        if (_sentenceBeforeAt != length)
        {
            _sentenceBefore = length == _sentence.Length ? _sentence.Text : _source.Substring(SentenceStart, length);
            _sentenceBeforeAt = length;
        }

        return _sentenceBefore!;
    }

    /// <summary>This clause's text before <paramref name="index"/> (an absolute position).</summary>
    public string Before(int index)
    {
        int length = Math.Clamp(index - Start, 0, End - Start);
        if (_beforeAt != length)
        {
            _before = length == End - Start ? Text : _source.Substring(Start, length);
            _beforeAt = length;
        }

        return _before!;
    }

    /// <summary>This clause's text after <paramref name="index"/> (an absolute position).</summary>
    public string After(int index)
    {
        int from = Math.Clamp(index - Start, 0, End - Start);
        if (_afterAt != from)
        {
            _after = from == 0 ? Text : _source.Substring(Start + from, End - Start - from);
            _afterAt = from;
        }

        return _after!;
    }

    /// <summary>A sentence's place in the text, copied on first use and shared by its clauses.</summary>
    private sealed class SentenceText(string source, int start, int end)
    {
        private string? _text;

        public int Start { get; } = start;

        public int Length { get; } = end - start;

        public string Text => _text ??= source.Substring(Start, Length);
    }
}
