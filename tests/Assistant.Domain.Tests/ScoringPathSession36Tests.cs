using System.Text;
using Assistant.Domain.Cells;
using Assistant.Domain.Review;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 36's changes to the scoring path, none of which may change an answer: a note tested for a placeholder on the
/// stack (no string of it without white space, a span looked up), and a date cell read without a regex match object.
/// Each fast form is compared with the form it replaces, on chosen and on many generated inputs.
/// </summary>
public class ScoringPathSession36Tests
{
    private const string Spaces = " \t\n\r\u000B\u000C\u0085\u00A0\u1680\u2000\u2005\u200A\u2028\u2029\u202F\u205F\u3000";

    private static readonly string[] Placeholders =
    [
        "无", "/", "／", "\\", "-", "－", "—", "——", "–", "―", "~", "～", "…", "……", "*",
        "暂无", "没有", "空", "空白", "不适用", "不涉及", "无偏差", "没有偏差", "无差异", "无偏离", "未偏离", "无原因", "无说明",
        "见说明", "详见说明", "见附件", "详见附件", "见报告", "详见报告", "见自评报告", "详见自评报告", "见备注", "详见备注",
        "n/a", "na", "none", "null", "nil",
    ];

    private const string Edges = "。.．；;，,、！!：:“”\"'‘’「」（）()【】";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    [InlineData("\u200B")] // not white space, not a placeholder: a reason as before
    [InlineData("无。")]
    [InlineData(" 无 ")]
    [InlineData("（无）")]
    [InlineData("“见说明”")]
    [InlineData("N/A")]
    [InlineData("None.")]
    [InlineData("NULL")]
    [InlineData("详 见 自 评 报 告")]
    [InlineData("详见自评报告第三部分")]
    [InlineData("资金下达时间较晚")]
    [InlineData("受疫情影响，部分项目延期开工。")]
    [InlineData("无。无。")]
    [InlineData("。。。")]
    [InlineData("ｎ/ａ")] // full-width letters are not folded to ASCII by OrdinalIgnoreCase: a reason, as before
    [InlineData("无\uFEFF")] // U+FEFF is not white space: kept, so not 无
    public void IsPlaceholder_IsAsBefore_OnChosenNotes(string? note)
    {
        Assert.Equal(ReasonText.IsPlaceholderAsBefore(note), ReasonText.IsPlaceholder(note));
        Assert.Equal(!ReasonText.IsPlaceholderAsBefore(note), ReasonText.IsGiven(note));
    }

    [Fact]
    public void IsPlaceholder_IsAsBefore_OnEveryPlaceholderDressed()
    {
        int placeholders = 0;
        foreach (string p in Placeholders)
        {
            foreach (string variant in new[] { p, p.ToUpperInvariant(), " " + p + "\u3000", "“" + p + "”。", "（" + string.Join(' ', p.ToCharArray()) + "）", p + p, "见" + p, p + "x" })
            {
                bool expected = ReasonText.IsPlaceholderAsBefore(variant);
                Assert.True(expected == ReasonText.IsPlaceholder(variant), variant);
                placeholders += expected ? 1 : 0;
            }
        }

        // Each placeholder alone, upper-cased, spaced, quoted and spaced out is one (5 of the 8 variants at least for most).
        Assert.True(placeholders >= 4 * Placeholders.Length, placeholders.ToString());
    }

    [Fact]
    public void IsPlaceholder_IsAsBefore_OnGeneratedNotes()
    {
        var random = new Random(36);
        string[] pieces = [.. Placeholders, "资金", "下达", "较晚", "原因", "疫情", "延期", "说明", "A", "b", "1", "\u200B", "\uFEFF"];
        int given = 0, placeholders = 0;
        for (int n = 0; n < 60_000; n++)
        {
            var sb = new StringBuilder();
            int parts = random.Next(0, 6);
            for (int k = 0; k < parts; k++)
            {
                switch (random.Next(4))
                {
                    case 0:
                        sb.Append(Spaces[random.Next(Spaces.Length)]);
                        break;
                    case 1:
                        sb.Append(Edges[random.Next(Edges.Length)]);
                        break;
                    default:
                        string piece = pieces[random.Next(pieces.Length)];
                        sb.Append(random.Next(3) == 0 ? piece.ToUpperInvariant() : piece);
                        break;
                }
            }

            // Some notes past the stack buffer, of white space and edges around a placeholder, or of text.
            if (n % 500 == 0)
            {
                sb.Insert(0, new string(n % 1000 == 0 ? ' ' : '无', 250 + random.Next(20)));
            }

            string note = sb.ToString();
            bool expected = ReasonText.IsPlaceholderAsBefore(note);
            Assert.True(expected == ReasonText.IsPlaceholder(note), $"“{note}”");
            (expected ? ref placeholders : ref given)++;
        }

        // Both answers are common among the generated notes, so the comparison is not one-sided.
        Assert.True(placeholders > 10_000 && given > 10_000, $"{placeholders} placeholders, {given} reasons");
    }

    [Theory]
    [InlineData("12月底前")]
    [InlineData("11月")]
    [InlineData("6月份")]
    [InlineData("6月份前")]
    [InlineData("2024年")]
    [InlineData("2024年12月31日前")]
    [InlineData("2024年12月31号之前")]
    [InlineData("2024年底")]
    [InlineData("2025年3月上旬")]
    [InlineData("3月中旬以前")]
    [InlineData("9月下旬以内")]
    [InlineData("10月初")]
    [InlineData("10月末止")]
    [InlineData("12月内")]
    [InlineData("15日前")] // a day alone is not a date: the year's end pattern is asked, and is not it either
    [InlineData("本年底")]
    [InlineData("年内")]
    [InlineData("当年末之前")]
    [InlineData("2024年度")]
    [InlineData("13月")]
    [InlineData("0月")]
    [InlineData("1899年")]
    [InlineData("2201年")]
    [InlineData("12月32日")]
    [InlineData("123月")]
    [InlineData("20245年")]
    [InlineData("24年6月")]
    [InlineData("2024年6月6")]
    [InlineData("6月6日6")]
    [InlineData("≥12月")]
    [InlineData("12月底前完成")]
    [InlineData("12月\n")] // the pattern's $ lets a final line break stand: left to the pattern
    [InlineData("١٢月")] // a digit other than 0–9: left to the pattern (which cannot parse it as a number)
    public void Deadline_IsAsBefore_OnChosenCells(string text) =>
        Assert.Equal(Both(text).Before, Both(text).Now);

    [Fact]
    public void Deadline_IsAsBefore_OnGeneratedCells()
    {
        string[] years = ["", "2024年", "2019年", "1899年", "1900年", "2200年", "2201年", "024年", "20240年", "24年", "2024"];
        string[] months = ["", "1月", "01月", "9月", "12月", "13月", "0月", "00月", "123月", "6月份", "6份", "月"];
        string[] days = ["", "1日", "15号", "31日", "32日", "0日", "001日", "5天", "日"];
        string[] ends = ["", "底", "末", "中旬", "上旬", "下旬", "初", "旬"];
        string[] befores = ["", "前", "之前", "以前", "内", "止", "以内", "以后", "后"];
        string[] tails = ["", "", "", "完成", "。", "1", "年", "月"];
        int dates = 0, cells = 0;
        foreach (string y in years)
        {
            foreach (string m in months)
            {
                foreach (string d in days)
                {
                    foreach (string e in ends)
                    {
                        foreach (string b in befores)
                        {
                            string text = y + m + d + e + b + tails[(cells++ * 7) % tails.Length];
                            (object? now, object? before) = Both(text);
                            Assert.True(Equals(now, before), text);
                            dates += before is DeadlineCell ? 1 : 0;
                        }
                    }
                }
            }
        }

        var random = new Random(3636);
        string pool = "2024年月份日号底末中上下旬初前之以内止本当1203456789x度";
        for (int n = 0; n < 40_000; n++)
        {
            var sb = new StringBuilder();
            int length = random.Next(1, 10);
            for (int k = 0; k < length; k++)
            {
                sb.Append(pool[random.Next(pool.Length)]);
            }

            string text = sb.ToString();
            (object? now, object? before) = Both(text);
            Assert.True(Equals(now, before), text);
            dates += before is DeadlineCell ? 1 : 0;
        }

        Assert.True(dates > 1_500, $"{dates} dates among {cells + 40_000} cells");
    }

    [Fact]
    public void Deadline_CellsRead_AreTheDatesOfBefore()
    {
        // Through the whole reading (normalized, trimmed, compacted), without the memory.
        string[] texts = ["１２月底前", " 2024 年 12 月 31 日前 ", "12月底前。", "11月\u3000", "本年底前"];
        foreach (string text in texts)
        {
            Cell cell = CellParser.Read(text, null);
            DeadlineCell? before = CellParser.TryDeadlineAsBefore(Compact(text), Compact(text));
            Assert.Equal(before is null ? null : before with { Text = text }, cell as DeadlineCell);
        }
    }

    /// <summary>Since the integration of session 36 a date followed by what happened then (完成, 完工, 拨付到位) reads as that date.</summary>
    [Fact]
    public void Deadline_WithWordsAfterIt_ReadsAsTheDate()
    {
        var cell = Assert.IsType<DeadlineCell>(CellParser.Read("2024年12月底前完成", null));
        Assert.Equal((2024, 12, 31), cell.Key);
        Assert.Null(CellParser.TryDeadlineAsBefore("2024年12月底前完成", "2024年12月底前完成"));
    }

    private static string Compact(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in Numbers.TextNormalizer.Normalize(text))
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().TrimEnd('。', '.', '；', ';', '，', ',');
    }

    /// <summary>The reading now and before, or the exception each threw (compared by type).</summary>
    private static (object? Now, object? Before) Both(string text)
    {
        object? now, before;
        try
        {
            now = CellParser.DeadlineOf(text);
        }
        catch (Exception ex)
        {
            now = ex.GetType();
        }

        try
        {
            before = CellParser.TryDeadlineAsBefore(text, text);
        }
        catch (Exception ex)
        {
            before = ex.GetType();
        }

        return (now, before);
    }
}
