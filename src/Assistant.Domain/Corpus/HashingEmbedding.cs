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
    public static float[] Embed(string text, int dimensions = DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        var counts = new Dictionary<(int Bucket, int Sign), float>();
        foreach (var (feature, weight) in Features(text))
        {
            uint h = Fnv1A(feature);
            int bucket = (int)(h % (uint)dimensions);
            int sign = (h & 0x8000_0000u) == 0 ? 1 : -1;
            counts[(bucket, sign)] = counts.GetValueOrDefault((bucket, sign)) + weight;
        }

        var v = new float[dimensions];
        foreach (var ((bucket, sign), w) in counts)
        {
            v[bucket] += sign * (1f + MathF.Log(w + 1f));
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

    private static IEnumerable<(string Feature, float Weight)> Features(string text)
    {
        var folded = Fold(text);
        var run = new StringBuilder();
        var word = new StringBuilder();
        foreach (var c in folded.Append(' '))
        {
            if (IsCjk(c))
            {
                foreach (var f in FlushWord(word))
                {
                    yield return f;
                }

                run.Append(c);
                continue;
            }

            foreach (var f in FlushRun(run))
            {
                yield return f;
            }

            if (char.IsLetterOrDigit(c) || c == '%')
            {
                word.Append(c);
            }
            else
            {
                foreach (var f in FlushWord(word))
                {
                    yield return f;
                }
            }
        }
    }

    private static IEnumerable<(string, float)> FlushRun(StringBuilder run)
    {
        var s = run.ToString();
        run.Clear();
        for (int i = 0; i < s.Length; i++)
        {
            yield return ("u:" + s[i], 0.4f);
            if (i + 1 < s.Length)
            {
                yield return ("b:" + s.Substring(i, 2), 1f);
            }

            if (i + 2 < s.Length)
            {
                yield return ("t:" + s.Substring(i, 3), 0.7f);
            }
        }
    }

    private static IEnumerable<(string, float)> FlushWord(StringBuilder word)
    {
        if (word.Length > 0)
        {
            yield return ("w:" + word, 0.8f);
            word.Clear();
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

    private static uint Fnv1A(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = unchecked((h ^ c) * 16777619);
        }

        return h;
    }
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
