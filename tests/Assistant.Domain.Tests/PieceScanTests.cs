using System.Text;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Words;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 39: the word memory's pieces are found by scanning (<see cref="WordSegmenter.PieceEnd"/>) instead of jieba's
/// regular expression (<see cref="WordSegmenter.Pieces"/>); the scan must give exactly the regular expression's non-empty
/// pieces: on every character of the Basic Multilingual Plane beside a character inside and outside the block class, on
/// edge texts, and on real and synthetic reports.
/// </summary>
public class PieceScanTests
{
    private static List<string> Scanned(string text)
    {
        var pieces = new List<string>();
        for (int start = 0, end; start < text.Length; start = end)
        {
            end = WordSegmenter.PieceEnd(text, start);
            Assert.True(end > start, $"no progress at {start}");
            pieces.Add(text[start..end]);
        }

        return pieces;
    }

    private static List<string> ByRegex(string text) => WordSegmenter.Pieces(text).Where(p => p.Length > 0).ToList();

    [Fact]
    public void ThePackagesPattern_IsTheOneTheScanFollows()
    {
        Assert.True(WordSegmenter.ScansLikeJieba, "jieba's block pattern changed: the scan cuts the whole text as one piece");
    }

    [Theory]
    [InlineData('就')]
    [InlineData('a')]
    [InlineData(' ')]
    [InlineData('，')]
    public void EveryCharacter_BesideABlockAndANonBlockCharacter_SplitsAsTheRegex(char beside)
    {
        var text = new StringBuilder();
        for (int c = 1; c < 0x10000; c++)
        {
            text.Append((char)c).Append(beside).Append((char)c).Append(c % 2 == 0 ? "补贴" : "、");
        }

        string s = text.ToString();
        Assert.Equal(ByRegex(s), Scanned(s));
    }

    public static TheoryData<string> Edges() =>
    [
        "", "a", "就", " ", "，", "a-b_c.d%e&f#g+h", "2024年完成98.5%（目标100%）。", "C++ 与 C# 的 a.b_c-d&e+f 混在 2023-01-02 里", "中华人民共和国·广西 a·b ··",
        "\u4DFF\u4E00\u9FD5\u9FD6", "𠀀𠀁 surrogate pairs 就业", "\ud800 lone \udc00 surrogates", "ＡＢＣ全角", "一、项目概况\n（一）\r\n\t城镇新增就业",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void EdgeTexts_SplitAsTheRegex(string text)
    {
        Assert.Equal(ByRegex(text), Scanned(text));
        Assert.Equal(text, string.Concat(Scanned(text)));
    }

    [Fact]
    public void RealAndSyntheticReports_SplitAsTheRegex()
    {
        var texts = Directory.EnumerateFiles(Path.Combine(Assistant.Testing.RepoPaths.Shared, "seeds"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Assistant.Testing.RepoPaths.Repo, "samples", "corpus")))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Concat(Enumerable.Range(0, 30).Select(i => SyntheticCorpus.Report(i).Text)).ToList();
        int pieces = 0;
        foreach (string text in texts)
        {
            foreach (var p in ReportParser.Parse(text).Passages)
            {
                string lexical = Domain.Numbers.TextNormalizer.Normalize(p.SectionPath + " " + p.IndicatorName + " " + p.Text).ToLowerInvariant();
                var scanned = Scanned(lexical);
                Assert.Equal(ByRegex(lexical), scanned);
                pieces += scanned.Count;
            }
        }

        Assert.True(pieces > 10_000, pieces.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
