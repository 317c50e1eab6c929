using System.Text;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// The fast hashing embedding gives bit-for-bit the vectors of its first form (strings and a
/// dictionary, kept here as the reference), so vectors stored before stay valid under the same model id.
/// </summary>
public class EmbeddingReferenceTests
{
    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            string.Empty, " ", "就业", "就", "2024年完成 95.5% ，ABC def 12,345 万元", "ＡＢＣ１２３　全角ｔｅｘｔ", "㐀㐁 x 見習 ≥ 90%", "a\u0000b\ud800c",
        };
        foreach (string seed in Directory.EnumerateFiles(Path.Combine(RepoPaths.Shared, "seeds")))
        {
            string text = File.ReadAllText(seed);
            data.Add(text[..Math.Min(text.Length, 4000)]);
        }

        for (int i = 0; i < 5; i++)
        {
            data.Add(SyntheticCorpus.Report(i).Text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Embed_EqualsTheReference_BitForBit(string text)
    {
        foreach (int dims in new[] { 384, 8, 1536 })
        {
            Assert.Equal(Reference(text, dims), HashingEmbedding.Embed(text, dims));
        }
    }

    [Fact]
    public void Embed_EqualsTheReference_OnGeneratedMixedText()
    {
        const string Pieces = "就业见习补贴人数未完成资金下达较晚㐀ＡＢ１２ ab9.5%,。、\n\t-/";
        var random = new Random(20261202);
        for (int n = 0; n < 500; n++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++)
            {
                sb.Append(random.Next(4) == 0 ? (char)random.Next(0x20, 0x7f) : random.Next(3) == 0 ? (char)(0x4e00 + random.Next(20000)) : Pieces[random.Next(Pieces.Length)]);
            }

            string text = sb.ToString();
            Assert.True(Reference(text, 384).AsSpan().SequenceEqual(HashingEmbedding.Embed(text, 384)), text);
        }
    }

    private static float[] Reference(string text, int dimensions)
    {
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

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

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
