using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 27: the extractor enumerates its patterns without Match objects and reads the number
/// pattern's groups back from the matched characters (<see cref="NumberSpan"/>). On generated texts
/// made of every shape the patterns read — ASCII, full-width and other Unicode digits, thousands
/// separators that fit and that do not, decimals, signs, ％/‰, 万/亿 magnitudes, units, qualifiers and
/// tails with and without spaces, years, months and days, document numbers, list markers, links and
/// Chinese numerals — and on every seed and evaluation text, it finds exactly the mentions of the
/// frozen Match-based extractor (<see cref="ReferenceVerifier.MentionExtractor"/>), and every number
/// match's groups equal the regex's own.
/// </summary>
public class MentionExtractorEquivalenceTests
{
    private static readonly string[] Pieces =
    [
        "1", "2", "3", "12", "123", "1234", "2024", "2023", "1948", "2101", "0", "5", "9", "07", "45678", "1234567890123456",
        "１", "２０２４", "１２", "٣", "٤٥", "०", "５", ",", ",", ".", ".", "-", "+", "，", "、", "。", "；", ";", "：", ":", "\n", "\n",
        " ", " ", "\t", "\u3000", "\u00a0", "%", "％", "‰", "万", "亿", "万亿", "千万", "百万", "千", "元", "万元", "亿元", "个百分点", "百分点",
        "元/人/月", "元/人/年", "元/人次", "元/人", "人次", "户次", "人", "户", "家", "个工作日", "个月", "个", "件", "起", "项", "次", "倍",
        "分", "天", "名", "所", "期", "场", "批", "份", "篇", "条", "处", "座", "套", "台", "亩", "年", "周", "约", "约为", "大约", "将近", "接近",
        "近", "超过", "逾", "不低于", "不少于", "不高于", "不超过", "左右", "以上", "以下", "年度", "月", "月份", "日", "号", "底", "末", "初",
        "中旬", "上旬", "下旬", "第", "〔", "〕", "[", "]", "【", "】", "（", "）", "(", ")", "①", "⑳", "人社发", "桂财社", "百分之", "九十",
        "五点五", "三", "两", "十", "百", "一二", "之", "目", "性", "统", "完成", "实际完成", "完成率为", "合计", "其中", "较上年增长",
        "https://example.test/a/1.pdf", "http://x/", "/api/v1/corpus/2", "a", "Ab", "指标", "合成指标12", "资金", "执行率", "预算",
    ];

    [Fact]
    public void GeneratedTexts_GiveTheMentionsOfTheMatchBasedExtractor()
    {
        var random = new Random(27);
        for (int t = 0; t < 20_000; t++)
        {
            string text = Generate(random);
            AssertSame(text);
        }
    }

    [Fact]
    public void GeneratedNumbers_HaveTheGroupsTheRegexCaptures()
    {
        var random = new Random(2027);
        int matches = 0;
        for (int t = 0; t < 20_000; t++)
        {
            string s = TextNormalizer.Normalize(Generate(random));
            foreach (Match m in MentionExtractor.NumberPattern().Matches(s))
            {
                Assert.True(NumberSpan.TryRead(s.AsSpan(m.Index, m.Length), out NumberSpan read), $"unread: «{m.Value}» in «{s}»");
                Assert.Equal(NumberSpan.Of(m), read);
                Assert.Equal(m.Groups["num"].Value, s.Substring(m.Index + read.NumStart, read.NumLength));
                matches++;
            }
        }

        Assert.True(matches > 20_000, $"only {matches} number matches generated");
    }

    [Theory]
    [InlineData("1,2345", "1")]
    [InlineData("1,234,5678", "1,234")]
    [InlineData("1,234,567.5", "1,234,567.5")]
    [InlineData("12,345.", "12,345")]
    [InlineData("1234,567", "1234")]
    [InlineData("1,234.5.6", "1,234.5")]
    [InlineData("１２,３４５", "１２,３４５")]
    public void TheNumber_EndsWhereTheRegexBacktracksTo(string text, string num)
    {
        Assert.Equal(num.Length, NumberSpan.NumEnd(text, 0));
        Assert.Equal(num, MentionExtractor.NumberPattern().Match(text).Groups["num"].Value);
    }

    [Fact]
    public void EverySeedAndCaseText_GivesTheMentionsOfTheMatchBasedExtractor()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval", "cases"), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            AssertSame(File.ReadAllText(file));
        }
    }

    private static void AssertSame(string text)
    {
        var expected = ReferenceVerifier.MentionExtractor.Extract(text);
        var actual = MentionExtractor.Extract(text);
        Assert.True(expected.SequenceEqual(actual), $"different mentions for «{text}»: expected [{string.Join("; ", expected)}], got [{string.Join("; ", actual)}]");
    }

    private static string Generate(Random random)
    {
        var sb = new StringBuilder();
        int n = random.Next(1, 30);
        for (int i = 0; i < n; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }
}
