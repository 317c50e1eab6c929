// Frozen copy of src/Assistant.Domain/Verification/Clause.cs before issue 21 (the reference the golden and property tests compare against).
using Assistant.Domain.Verification;
namespace Assistant.Domain.Tests.ReferenceVerifier;

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

    public static int IndexAt(List<Clause> clauses, int index)
    {
        int i = clauses.FindIndex(c => index >= c.Start && index <= c.End);
        return i < 0 ? clauses.Count - 1 : i;
    }

    public static Clause At(List<Clause> clauses, int index) => clauses[IndexAt(clauses, index)];

    /// <summary>The sentence text before <paramref name="index"/> (an absolute position).</summary>
    public string SentenceBefore(int index) => Sentence[..Math.Clamp(index - SentenceStart, 0, Sentence.Length)];

    /// <summary>This clause's text before <paramref name="index"/> (an absolute position).</summary>
    public string Before(int index) => Text[..Math.Clamp(index - Start, 0, Text.Length)];

    /// <summary>This clause's text after <paramref name="index"/> (an absolute position).</summary>
    public string After(int index) => Text[Math.Clamp(index - Start, 0, Text.Length)..];
}
