using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40 (issue 21, i40-vperf): the shortcuts that took the verifier's per-text scans down, each held equal to the
/// computation it replaces on every corpus text and on generated ones — document numbers found from their bracketed years
/// instead of by the whole pattern, a claim inside a row's name searched in a window, headings only on lines that can open one,
/// the year pattern of the opening words only where a year can start, and a printed-figure quote compared without copying.
/// The verdicts themselves are held by the goldens (<see cref="VerifierGoldenTests"/>), unchanged by this session.
/// </summary>
public class VerifierSession40SpeedTests
{
    private static readonly string[] DocumentPieces =
    [
        "桂财社", "人社发", "号", "号", "文", "a", "Zb", "〔", "〕", "[", "]", "【", "】", "（", "）", "(", ")", "2024", "2023", "１２３４",
        "٣٤٥٦", "1", "12", "123", "1234", "12345", " ", "\t", "\u3000", "\u00a0", "\n", "，", "。", "、", "第", "项目资金管理办法通知文件",
        "ABCDEFGHIJKLMNOPQRS", "字", "号号", "〔2024〕12号", "（2023）1号",
    ];

    [Theory]
    [InlineData("关于印发桂财社〔2024〕12号的通知")]
    [InlineData("依据人社发（2023）1号、桂财社[2024] 3 号文件")]
    [InlineData("根据广西壮族自治区财政厅人力资源和社会保障厅关于下达资金的通知〔2024〕12号")] // a name of more than 16 letters: its last 16
    [InlineData("财〔2024〕1号财〔2024〕2号")] // the second name starts right after the first match
    [InlineData("〔2024〕1号办〔2024〕2号")] // no name before the first bracket: its 号 starts the second name
    [InlineData("文 \u3000〔 ２０２４ 〕 7 号")]
    [InlineData("文〔2024〕12345号；文〔24〕1号；文〔2024〕1 号")]
    public void DocumentNumbers_AreThePatternsMatches(string text) =>
        Assert.Equal(ByPattern(text), MentionExtractor.DocumentNumbers(text));

    [Fact]
    public void DocumentNumbers_OnGeneratedAndCorpusTexts_AreThePatternsMatches()
    {
        var random = new Random(40);
        int withMatches = 0;
        for (int t = 0; t < 30_000; t++)
        {
            var sb = new StringBuilder();
            int n = random.Next(1, 24);
            for (int i = 0; i < n; i++)
            {
                sb.Append(DocumentPieces[random.Next(DocumentPieces.Length)]);
            }

            string text = sb.ToString();
            var expected = ByPattern(text);
            withMatches += expected.Count > 0 ? 1 : 0;
            Assert.Equal(expected, MentionExtractor.DocumentNumbers(text));
        }

        Assert.True(withMatches > 3_000, $"only {withMatches} generated texts hold a document number");
        foreach (string text in CorpusBodies())
        {
            string normalized = TextNormalizer.Normalize(text);
            Assert.Equal(ByPattern(normalized), MentionExtractor.DocumentNumbers(normalized));
        }
    }

    [Fact]
    public void InsideRowName_IsTheSearchFromTheWindowOn()
    {
        int inside = 0, positions = 0;
        foreach (VerifierCorpus.Text t in CorpusTexts().Where((_, i) => i % 3 == 0))
        {
            string normalized = TextNormalizer.Normalize(t.Body);
            var rows = t.Sheet.Evaluation.Indicators;
            for (int at = 0; at < normalized.Length; at++)
            {
                bool expected = InsideRowNameBefore(normalized, rows, at);
                inside += expected ? 1 : 0;
                positions++;
                Assert.True(expected == ClaimChecker.InsideRowName(normalized, rows, at), $"{t.Label} at {at}");
            }
        }

        Assert.True(inside > 100 && inside < positions, $"{inside} of {positions} positions inside a name");
    }

    [Theory]
    [InlineData("测试11不超过", 2, true)]
    [InlineData("测试11不超过", 6, true)]
    [InlineData("测试11不超过。测试11", 7, false)]
    [InlineData("其中测试11不超过", 1, false)]
    [InlineData("测试11测试11不超过", 4, true)] // two occurrences overlap the position's window
    public void InsideRowName_OnMadeTexts(string text, int at, bool expected)
    {
        var rows = new[] { Row("测试11不超过"), Row(" 测试11 "), Row("短名") };
        Assert.Equal(expected, InsideRowNameBefore(text, rows, at));
        Assert.Equal(expected, ClaimChecker.InsideRowName(text, rows, at));
    }

    [Fact]
    public void HeadingLines_ThePatternMatches_AreLinesThatMayOpenOne()
    {
        // Every character as a line's first after an indent, with what may follow it.
        string[] indents = ["", " ", "\t\u3000 "];
        string[] tails = ["", "、", "）", ")", "、项目", "1、", ".概况", "．", "十）", "表3"];
        int matched = 0;
        for (int c = 1; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            foreach (string indent in indents)
            {
                foreach (string tail in tails)
                {
                    string line = indent + (char)c + tail;
                    if (SubjectScopes.Heading().IsMatch(line))
                    {
                        matched++;
                        Assert.True(SubjectScopes.MayOpenHeading(line), $"U+{c:X4} {line}");
                    }
                }
            }
        }

        Assert.True(matched > 100, $"{matched}");
        foreach (string text in CorpusBodies())
        {
            foreach (string line in TextNormalizer.Normalize(text).Split('\n'))
            {
                Assert.True(!SubjectScopes.Heading().IsMatch(line) || SubjectScopes.MayOpenHeading(line), line);
            }
        }

        Assert.False(SubjectScopes.MayOpenHeading(" \t\u3000"));
        Assert.False(SubjectScopes.MayOpenHeading("项目概况"));
    }

    [Fact]
    public void OpeningYears_MatchOnlyWhereAYearMayStart()
    {
        int matched = 0;
        for (int c = 1; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            string ch = ((char)c).ToString();
            foreach (string text in new[] { ch + "024年", ch + ch + ch + ch + "年度", ch + "〇二四年", ch + "２４年" })
            {
                if (OpeningWords.Year().Match(text, 0).Success)
                {
                    matched++;
                    Assert.True(OpeningWords.MayStartYear((char)c), $"U+{c:X4}");
                }
            }
        }

        Assert.True(matched > 50, $"{matched}");
    }

    [Fact]
    public void PrintedQuote_EndsWithOutsideSpace_IsTheCopyWithoutSpace()
    {
        string[] words = ["打印为", "打印的是", "打印成", "表中打印", "打印"];
        string[] pieces = ["打", "印", "为", "的是", "成", "表中", " ", "\u3000", "\n", "\t", "总分", "执行率", "得", "。"];
        var random = new Random(401);
        int ends = 0;
        for (int t = 0; t < 20_000; t++)
        {
            var sb = new StringBuilder();
            int n = random.Next(0, 10);
            for (int i = 0; i < n; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            if (random.Next(2) == 0)
            {
                // Half of them end with a word, white space put between its characters at random.
                foreach (char c in words[random.Next(words.Length)])
                {
                    sb.Append(random.Next(3) == 0 ? " \u3000\n"[random.Next(3)].ToString() : string.Empty).Append(c);
                }
            }

            string text = sb.ToString();
            string without = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            foreach (string word in words)
            {
                bool expected = without.EndsWith(word, StringComparison.Ordinal);
                ends += expected ? 1 : 0;
                Assert.Equal(expected, Verifier.EndsWithOutsideSpace(text, word));
            }
        }

        Assert.True(ends > 8_000, $"{ends}");
    }

    // What ClaimChecker.InsideRowName did before session 40.
    private static bool InsideRowNameBefore(string normalized, IReadOnlyList<Indicator> rows, int at)
    {
        foreach (var row in rows)
        {
            string name = row.Name.Trim();
            if (name.Length < 4)
            {
                continue;
            }

            for (int k = normalized.IndexOf(name, Math.Max(0, at - name.Length + 1), StringComparison.Ordinal); k >= 0 && k <= at; k = normalized.IndexOf(name, k + 1, StringComparison.Ordinal))
            {
                if (at < k + name.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<(int Index, int Length)> ByPattern(string text)
    {
        var found = new List<(int Index, int Length)>();
        foreach (ValueMatch m in MentionExtractor.DocumentNumber().EnumerateMatches(text))
        {
            found.Add((m.Index, m.Length));
        }

        return found;
    }

    private static Indicator Row(string name) => new()
    {
        Level1 = "产出指标", Level2 = "数量指标", Name = name, Target = "1", Actual = "1",
    };

    private static IEnumerable<VerifierCorpus.Text> CorpusTexts() => VerifierCorpus.Groups().SelectMany(VerifierCorpus.Texts);

    private static IEnumerable<string> CorpusBodies() => CorpusTexts().Select(t => t.Body).Distinct(StringComparer.Ordinal);
}
