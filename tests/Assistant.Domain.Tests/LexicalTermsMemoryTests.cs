using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Words;

namespace Assistant.Domain.Tests;

/// <summary>
/// Stored and query terms are cut piece by piece and each piece's terms remembered per thread
/// (<see cref="LexicalTerms.Of"/>); they must be exactly the terms of cutting the whole text at once
/// (<see cref="LexicalTerms.OfWhole"/>), or stored terms and queries would drift apart.
/// </summary>
public class LexicalTermsMemoryTests
{
    public static TheoryData<string> Edges() =>
    [
        "城镇新增就业人数未完成",
        "２０２４年 HNSW 索引！？，。",
        "一、基本情况\n（一）项目概况\r\n本年度下达资金1,234.56万元，执行率98.5%。",
        "就业补助，就业见习；就业补助,就业见习",
        "C++ 与 C# 的 a.b_c-d&e+f 混在 2023-01-02 里",
        "㐀龥鿕鿖\u3000全角空格\u00a0不换行\t制表",
        "①②③ αβγ Ⅻ ｆｕｌｌ ＷＩＤＴＨ",
        "   ",
        "！？，。'\"&|:* ",
        "",
        "公益性岗位安置人数未达到年度目标公益性岗位安置人数未达到年度目标公益性岗位安置人数未达到年度目标",
        string.Concat(Enumerable.Repeat("就业见习补贴资金下达率", 20)) + "，城镇新增就业", // a piece longer than the memory keeps
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Remembered_EqualsCutWhole_OnEdgeTexts(string text)
    {
        var whole = LexicalTerms.OfWhole(text);
        Assert.Equal(whole, LexicalTerms.Of(text));
        Assert.Equal(whole, LexicalTerms.Of(text)); // the second time every piece is remembered
    }

    [Fact]
    public void Pieces_ConcatenateToTheText_AndRepeatAcrossPassages()
    {
        const string text = "一、项目概况：城镇新增就业，2024年完成98.5%（目标100%）。\n城镇新增就业";
        var pieces = WordSegmenter.Pieces(text);
        Assert.Equal(text, string.Concat(pieces));
        Assert.Equal(2, pieces.Count(p => p == "城镇新增就业"));
        Assert.Contains("2024年完成98.5%", pieces);
    }

    [Fact]
    public void Remembered_EqualsCutWhole_OnSyntheticReportsAndSamples()
    {
        var texts = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            var (_, text) = SyntheticCorpus.Report(i);
            var report = ReportParser.Parse(text);
            texts.AddRange(report.Passages.Select(p => p.SectionPath + " " + p.IndicatorName + " " + p.Text));
        }

        foreach (string file in Directory.EnumerateFiles(Path.Combine(Assistant.Testing.RepoPaths.Repo, "samples", "corpus")).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            texts.Add(text);
            texts.AddRange(ReportParser.Parse(text).Passages.Select(p => p.SectionPath + " " + p.IndicatorName + " " + p.Text));
        }

        Assert.True(texts.Count > 2000, $"{texts.Count} texts");
        int differing = 0;
        Parallel.ForEach(texts, text =>
        {
            if (!LexicalTerms.Of(text).SequenceEqual(LexicalTerms.OfWhole(text)))
            {
                Interlocked.Increment(ref differing);
            }
        });
        Assert.Equal(0, differing);
    }

    [Fact]
    public void Remembered_StaysBounded_AndStillEqual()
    {
        // More distinct pieces than the memory holds: it is cleared and refilled, the terms unchanged.
        var distinct = Enumerable.Range(0, LexicalTerms.MaxRemembered + 10).Select(i => $"第{i}项指标完成").ToArray();
        foreach (string piece in distinct)
        {
            _ = LexicalTerms.Of(piece);
        }

        Assert.Equal(LexicalTerms.OfWhole("第7项指标完成，城镇新增就业"), LexicalTerms.Of("第7项指标完成，城镇新增就业"));
    }
}
