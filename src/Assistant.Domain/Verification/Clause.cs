namespace Assistant.Domain.Verification;

/// <summary>A clause (between ，；：。 and line breaks) and the sentence holding it, with their positions.</summary>
internal sealed record Clause(int Start, int End, string Text, int SentenceStart, string Sentence)
{
    public static List<Clause> Split(string text)
    {
        var clauses = new List<Clause>();
        int sentenceStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '。' or '！' or '？' or '\n' or '!' or '?')
            {
                string sentence = text[sentenceStart..i];
                int clauseStart = sentenceStart;
                for (int k = sentenceStart; k <= i; k++)
                {
                    if (k == i || text[k] is '，' or ',' or '；' or ';' or '：' or ':')
                    {
                        clauses.Add(new Clause(clauseStart, k, text[clauseStart..k], sentenceStart, sentence));
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
    public string SentenceBefore(int index) => Sentence[..Math.Clamp(index - SentenceStart, 0, Sentence.Length)];

    /// <summary>This clause's text before <paramref name="index"/> (an absolute position).</summary>
    public string Before(int index) => Text[..Math.Clamp(index - Start, 0, Text.Length)];

    /// <summary>This clause's text after <paramref name="index"/> (an absolute position).</summary>
    public string After(int index) => Text[Math.Clamp(index - Start, 0, Text.Length)..];
}
