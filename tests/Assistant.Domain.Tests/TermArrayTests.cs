using System.Buffers.Binary;
using System.Text;
using Assistant.Features.Corpus;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>The lexical half's terms read from <c>array_send</c>'s bytes rank exactly as the same terms as strings.</summary>
public class TermArrayTests
{
    private static readonly string[] Vocabulary = ["就业", "见习", "岗位", "不足", "原因", "师资", "2024", "hnsw", "资金", "下达", "x", "就业见习岗位开发数量未达到年初设定目标的原因分析"];

    /// <summary>PostgreSQL's binary form of a one-dimensional <c>text[]</c> (array_send): ndim, has-nulls, element oid, size, lower bound, then length-prefixed UTF-8 (−1 for NULL).</summary>
    internal static byte[] ArraySend(IReadOnlyList<string?> elements)
    {
        var bytes = new List<byte>();
        void Int(int v)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, v);
            bytes.AddRange(b.ToArray());
        }

        if (elements.Count == 0)
        {
            Int(0);
            Int(0);
            Int(25);
            return [.. bytes];
        }

        Int(1);
        Int(elements.Any(e => e is null) ? 1 : 0);
        Int(25);
        Int(elements.Count);
        Int(1);
        foreach (string? e in elements)
        {
            if (e is null)
            {
                Int(-1);
                continue;
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(e);
            Int(utf8.Length);
            bytes.AddRange(utf8);
        }

        return [.. bytes];
    }

    [Fact]
    public void Property_BytesRankExactlyAsStrings() =>
        Prop.ForAll(
            Gen.ListOf(Gen.ListOf(Gen.Elements(Vocabulary)).Select(l => l.ToArray())).Where(rows => rows.Count < 40).ToArbitrary(),
            Gen.SubListOf(Vocabulary).Where(q => q.Count > 0).ToArbitrary(),
            (rows, query) =>
            {
                var stats = new Dictionary<string, (long, long)>(StringComparer.Ordinal) { [CorpusTermCounts.Totals] = (1000, 60_000) };
                for (int i = 0; i < Vocabulary.Length; i++)
                {
                    stats[Vocabulary[i]] = (1 + (i * 37 % 900), 2 + (i * 37 % 900));
                }

                var plan = CorpusSearch.Plan([.. query], stats)!;
                var asStrings = rows.Select((r, i) => ((long)i, r)).ToList();
                var asBytes = rows.Select((r, i) => ((long)i, ArraySend(r))).ToList();
                var a = CorpusSearch.Bm25(plan, asStrings, 25);
                var b = CorpusSearch.Bm25(plan, asBytes, 25);
                return a.SequenceEqual(b);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Count_MatchesTerms_CountsNullsAndLongTerms_EmptyArrayHasNone()
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal) { ["就业"] = 0, [new string('长', 200)] = 1, ["x"] = 2 };
        var lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
        var tf = new int[3] { 9, 9, 9 };
        int n = TermArray.Count(ArraySend(["就业", null, new string('长', 200), "就业", "见习", "X"]), lookup, tf);
        Assert.Equal(6, n);
        Assert.Equal([2, 1, 0], tf);
        Assert.Equal(0, TermArray.Count(ArraySend([]), lookup, tf));
        Assert.Equal([0, 0, 0], tf);
    }

    [Fact]
    public void Count_RefusesATwoDimensionalArray()
    {
        byte[] bytes = ArraySend(["就业"]);
        BinaryPrimitives.WriteInt32BigEndian(bytes, 2);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Assert.Throws<FormatException>(() => TermArray.Count(bytes, lookup, new int[1]));
    }
}
