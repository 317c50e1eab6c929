using System.Text;

namespace Assistant.Domain.Corpus;

/// <summary>
/// The built-in offline embedding: Chinese character unigrams, bigrams and trigrams (and ASCII
/// words) hashed into a fixed number of signed buckets, sub-linearly weighted and L2-normalised.
/// Deterministic across machines and runs; good at matching domain terms such as 就业见习 or
/// 下达率 without any model. Digits are folded so that numbers do not dominate similarity.
/// </summary>
public static class HashingEmbedding
{
    /// <summary>The default dimension (the database column's).</summary>
    public const int DefaultDimensions = 384;

    /// <summary>Identifies this generator and version; stored with each vector so a change triggers re-embedding.</summary>
    public const string ModelId = "hashing-ngram-v1";

    /// <summary>Embeds <paramref name="text"/> into <paramref name="dimensions"/> floats (unit length, or all zero for empty text).</summary>
    /// <remarks>
    /// Features (u: unigram 0.4, b: bigram 1, t: trigram 0.7 of each CJK run; w: each ASCII word or
    /// number 0.8) are hashed (FNV-1a of the prefixed feature) without building their strings; each
    /// (bucket, sign) sums its weights in feature order, so the result is bit-for-bit the one the
    /// original string-and-dictionary form gave (tests keep that form as the reference).
    /// </remarks>
    public static float[] Embed(string text, int dimensions = DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        string folded = Fold(text);
        float[] positive = new float[dimensions];
        float[] negative = new float[dimensions];
        int runStart = -1;
        int wordStart = -1;
        for (int i = 0; i <= folded.Length; i++)
        {
            char c = i < folded.Length ? folded[i] : ' ';
            if (IsCjk(c))
            {
                if (wordStart >= 0)
                {
                    Add(positive, negative, Hash(WordBase, folded.AsSpan(wordStart, i - wordStart)), 0.8f);
                    wordStart = -1;
                }

                if (runStart < 0)
                {
                    runStart = i;
                }

                continue;
            }

            if (runStart >= 0)
            {
                AddRun(positive, negative, folded.AsSpan(runStart, i - runStart));
                runStart = -1;
            }

            if (char.IsLetterOrDigit(c) || c == '%')
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }
            }
            else if (wordStart >= 0)
            {
                Add(positive, negative, Hash(WordBase, folded.AsSpan(wordStart, i - wordStart)), 0.8f);
                wordStart = -1;
            }
        }

        var v = new float[dimensions];
        for (int b = 0; b < dimensions; b++)
        {
            // Each touched (bucket, sign) adds sign * (1 + ln(w + 1)); untouched ones add nothing.
            if (positive[b] > 0)
            {
                v[b] += 1f + MathF.Log(positive[b] + 1f);
            }

            if (negative[b] > 0)
            {
                v[b] += -1 * (1f + MathF.Log(negative[b] + 1f));
            }
        }

        float norm = 0;
        foreach (var x in v)
        {
            norm += x * x;
        }

        if (norm > 0)
        {
            norm = MathF.Sqrt(norm);
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }

        return v;
    }

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private static readonly uint UnigramBase = Mix(Mix(FnvOffset, 'u'), ':');
    private static readonly uint BigramBase = Mix(Mix(FnvOffset, 'b'), ':');
    private static readonly uint TrigramBase = Mix(Mix(FnvOffset, 't'), ':');
    private static readonly uint WordBase = Mix(Mix(FnvOffset, 'w'), ':');

    private static uint Mix(uint h, char c) => unchecked((h ^ c) * FnvPrime);

    private static uint Hash(uint h, ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            h = Mix(h, c);
        }

        return h;
    }

    private static void AddRun(float[] positive, float[] negative, ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            uint u = Mix(UnigramBase, s[i]);
            Add(positive, negative, u, 0.4f);
            if (i + 1 < s.Length)
            {
                Add(positive, negative, Mix(Mix(BigramBase, s[i]), s[i + 1]), 1f);
            }

            if (i + 2 < s.Length)
            {
                Add(positive, negative, Mix(Mix(Mix(TrigramBase, s[i]), s[i + 1]), s[i + 2]), 0.7f);
            }
        }
    }

    private static void Add(float[] positive, float[] negative, uint h, float weight)
    {
        int bucket = (int)(h % (uint)positive.Length);
        if ((h & 0x8000_0000u) == 0)
        {
            positive[bucket] += weight;
        }
        else
        {
            negative[bucket] += weight;
        }
    }

    /// <summary>Full-width to ASCII, lower case, every digit run to a single '0'.</summary>
    private static string Fold(string text)
    {
        var s = Numbers.TextNormalizer.Normalize(text).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                if (sb.Length == 0 || sb[^1] != '0')
                {
                    sb.Append('0');
                }

                while (i + 1 < s.Length && (char.IsAsciiDigit(s[i + 1]) || s[i + 1] == '.'))
                {
                    i++;
                }

                continue;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    internal static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}

/// <summary>
/// The lexical side of hybrid search: Chinese text as overlapping character bigrams (plus ASCII
/// words and numbers), which PostgreSQL's <c>simple</c> text-search configuration indexes without a
/// dictionary.
/// </summary>
public static class LexicalTokens
{
    /// <summary>Distinct tokens of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Numbers.TextNormalizer.Normalize(text).ToLowerInvariant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        void Add(string t)
        {
            if (seen.Add(t))
            {
                list.Add(t);
            }
        }

        int i = 0;
        while (i < s.Length)
        {
            if (HashingEmbedding.IsCjk(s[i]))
            {
                int start = i;
                while (i < s.Length && HashingEmbedding.IsCjk(s[i]))
                {
                    i++;
                }

                if (i - start == 1)
                {
                    Add(s.Substring(start, 1));
                }

                for (int k = start; k + 1 < i; k++)
                {
                    Add(s.Substring(k, 2));
                }

                continue;
            }

            if (char.IsAsciiLetterOrDigit(s[i]))
            {
                int start = i;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))))
                {
                    i++;
                }

                Add(s[start..i]);
                continue;
            }

            i++;
        }

        return list;
    }

    /// <summary>The document side: tokens joined by spaces, for <c>to_tsvector('simple', …)</c>.</summary>
    public static string Document(string text) => string.Join(' ', Tokens(text));

    /// <summary>
    /// The query side: a <c>to_tsquery('simple', …)</c> expression OR-ing the tokens; only letters
    /// and digits reach it, so it is safe to pass as a parameter. Empty when the query has no tokens.
    /// </summary>
    public static string Query(string text) => string.Join(" | ", Tokens(text));
}
