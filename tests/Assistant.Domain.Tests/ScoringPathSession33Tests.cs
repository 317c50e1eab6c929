using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 33's changes to the scoring path, none of which may change a reading or a score: the white-space test
/// of a cell's compacting, the cell memory's key (its hash taken once), the deadline pattern's groups read by
/// number, and each printed level text normalized once per table.
/// </summary>
public class ScoringPathSession33Tests
{
    [Fact]
    public void CellWhiteSpace_IsCharIsWhiteSpace_ForEveryCodeUnit()
    {
        int spaces = 0;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == CellParser.IsWhiteSpace((char)c), $"U+{c:X4}");
            spaces += CellParser.IsWhiteSpace((char)c) ? 1 : 0;
        }

        Assert.Equal(25, spaces); // the 25 white-space characters of Unicode, U+0009–U+000D to U+3000
    }

    [Theory]
    [InlineData("≥95%", "%")]
    [InlineData("12月底前", null)]
    [InlineData("效果显著", "")]
    [InlineData("≤300元/人", "元/人")]
    public void CellKey_MadeFromCopies_IsTheSameKey(string text, string? unit)
    {
        var a = new CellParser.CellKey(text, unit);
        var b = new CellParser.CellKey(new string(text.AsSpan()), unit is null ? null : new string(unit.AsSpan()));
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(text, b.Text);
        Assert.Equal(unit, b.Unit);

        // The memory finds a cell kept under one key by the other.
        CellParser.Parse(text, unit);
        Assert.True(CellParser.Parsed.TryGet(b, out Cell? kept));
        Assert.Equal(text, kept!.Text);
    }

    [Theory]
    [InlineData("≥95%", "%", "≥95%", "")]
    [InlineData("≥95%", null, "≥95%", "")]
    [InlineData("95", "人", "95", "个")]
    [InlineData("95", "人", "95 ", "人")]
    [InlineData("12月底前", "万元", "12月底前", "元")]
    public void CellKey_OtherTextOrUnit_IsAnotherKey(string text, string? unit, string otherText, string? otherUnit)
    {
        var a = new CellParser.CellKey(text, unit);
        var b = new CellParser.CellKey(otherText, otherUnit);
        Assert.False(a.Equals(b));
        Assert.False(a.Equals((object)b));
        Assert.False(a.Equals((object)text));
    }

    [Theory]
    [InlineData("12月底前", null, 12, null, true, true)]
    [InlineData("2025年9月", 2025, 9, null, false, false)]
    [InlineData("2024年底", 2024, 12, null, true, false)]
    [InlineData("2024年末前", 2024, 12, null, true, true)]
    [InlineData("8月1日", null, 8, 1, false, false)]
    [InlineData("2025年6月30日前", 2025, 6, 30, false, true)]
    [InlineData("2025年6月30号以前", 2025, 6, 30, false, true)]
    [InlineData("3月末", null, 3, null, true, false)]
    [InlineData("10月中旬", null, 10, null, false, false)]
    [InlineData("11月份", null, 11, null, false, false)]
    [InlineData("2026年", 2026, null, null, false, false)]
    [InlineData("２０２５年１２月底前", 2025, 12, null, true, true)]
    [InlineData("9月 底 之前。", null, 9, null, true, true)]
    [InlineData("本年底前", null, 12, 31, true, true)]
    [InlineData("年内", null, 12, 31, true, true)]
    public void Deadline_ReadsItsParts(string text, int? year, int? month, int? day, bool end, bool before)
    {
        var cell = Assert.IsType<DeadlineCell>(CellParser.Read(text, null));
        Assert.Equal((year, month, day, end, before), (cell.Year, cell.Month, cell.Day, cell.EndOfPeriod, cell.Before));
        Assert.Equal(text, cell.Text);
    }

    [Theory]
    [InlineData("13月底前")]
    [InlineData("1899年")]
    [InlineData("2025年6月32日")]
    [InlineData("0月")]
    [InlineData("2025年第三季度")]
    public void NotADate_IsNotADeadline(string text) =>
        Assert.IsNotType<DeadlineCell>(CellParser.Read(text, null));

    /// <summary>
    /// The levels are the rows grouped by <see cref="Calculator.NormalizeLevel"/>, in the order they first appear, with
    /// their weights and scores summed, whatever the spellings and however they alternate (more spellings than are
    /// remembered in one call, too).
    /// </summary>
    [Theory]
    [InlineData(1, 40, 4)]
    [InlineData(2, 100, 8)]
    [InlineData(3, 100, 40)]
    [InlineData(4, 7, 3)]
    public void Levels_AreTheRowsGroupedByTheirNormalizedLevel(int seed, int rows, int spellings)
    {
        string[] bases = ["产出指标", "效益指标", "满意度指标", "成本指标"];
        var pool = new List<string?> { null, " ", "" };
        for (int k = 0; pool.Count < spellings + 3; k++)
        {
            string b = bases[k % bases.Length];
            pool.Add((k / bases.Length) switch
            {
                0 => b,
                1 => b + "（" + (10 * k) + "分）",
                2 => " " + b + " (" + k + ")",
                3 => "产出 指标",
                _ => b + "(" + k + "分)",
            });
        }

        var random = new Random(seed);
        var indicators = new List<Indicator>();
        for (int i = 0; i < rows; i++)
        {
            indicators.Add(new Indicator
            {
                Level1 = i == 1 ? null : pool[random.Next(pool.Count)],
                Name = "指标" + i,
                Target = "≥" + random.Next(10, 100),
                Actual = random.Next(5, 120).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Weight = new PrintedNumber(random.Next(1, 9) + 0.5m, 1),
            });
        }

        var evaluation = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "层级合计",
            Funds = new FundSection { Weight = new PrintedNumber(10m, 0), Lines = [] },
            Indicators = indicators,
        };
        ScoreReport report = Calculator.Score(evaluation);

        var expected = indicators.Select((ind, i) => (Key: Calculator.NormalizeLevel(ind.Level1), ind.Weight!.Value.Value, Score: report.Indicators[i].ScoreForTotal ?? 0m))
            .GroupBy(x => x.Key)
            .Select(g => (g.Key, Weight: g.Sum(x => x.Value), Score: g.Sum(x => x.Score)))
            .ToList();
        Assert.Equal(expected, report.Levels.Select(l => (l.Level1, l.WeightSum, l.ScoreSum!.Value)).ToList());
        Assert.Contains(report.Levels, l => l.Level1 == "未分级");
        Assert.Equal(indicators.Sum(i => i.Weight!.Value.Value), report.Levels.Sum(l => l.WeightSum));
    }
    /// <summary>
    /// The grade words are searched in one pass per list: the answer must be the one a search word by word gives, over
    /// every word alone, inside other text, cut short, and random texts made of the words' own characters.
    /// </summary>
    [Fact]
    public void GradeWords_OnePass_IsWordByWord()
    {
        var lists = CellParser.GradeWordLists.ToList();
        Assert.Equal(4, lists.Count);
        var texts = new List<string> { string.Empty, "效果显著", "效果良好", "基本满意", "未明显提升", "部分达成", "好", "不", "较", "到" };
        string alphabet = string.Concat(lists.SelectMany(l => l.Words)) + "效果服务水平提高的了。 ";
        foreach (string w in lists.SelectMany(l => l.Words))
        {
            texts.Add(w);
            texts.Add("项目" + w + "。");
            texts.Add(w[..^1]);
            texts.Add(w[1..]);
        }

        var random = new Random(33);
        for (int i = 0; i < 5000; i++)
        {
            char[] t = new char[random.Next(1, 9)];
            for (int k = 0; k < t.Length; k++)
            {
                t[k] = alphabet[random.Next(alphabet.Length)];
            }

            texts.Add(new string(t));
        }

        int found = 0;
        foreach (string text in texts)
        {
            foreach ((string[] words, Func<string, bool> matches) in lists)
            {
                bool expected = CellParser.MatchesWordByWord(text, words);
                Assert.True(expected == matches(text), $"{text} / {words[0]}");
                found += expected ? 1 : 0;
            }
        }

        Assert.True(found > 400, $"{found}"); // the texts hit the words often, not only the listed ones
    }

    /// <summary>The grade of a cell, as read, for the words of every list and their negations.</summary>
    [Theory]
    [InlineData("效果显著", 3)]
    [InlineData("效果良好", 2)]
    [InlineData("基本达到", 1)]
    [InlineData("效果较差", 0)]
    [InlineData("未明显提升", 0)]
    [InlineData("按期完成", 3)]
    [InlineData("较满意", 2)]
    [InlineData("部分落实", 1)]
    [InlineData("项目延误", 0)]
    [InlineData("提高服务水平", null)]
    [InlineData("未超出预算", 3)]
    [InlineData("是", 3)]
    [InlineData("否", 0)]
    [InlineData("良", 2)]
    public void GradeLevel_OfWords(string text, int? level) => Assert.Equal(level, CellParser.GradeLevel(text));
}
