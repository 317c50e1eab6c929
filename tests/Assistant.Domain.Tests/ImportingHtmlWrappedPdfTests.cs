using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 41: plain HTML 自评表 (border="1", no widths) printed to PDF, whose cells and headers wrap over two or three
/// lines, copied with <c>pdftotext -layout</c> — the outside tester's 广东 乳源 table (gd-ruyuan-tester), which was read as
/// a table with 53 of its 105 cells wrong (分值 and 得分 glued into <c>108.33</c>, 11 rows for 9, the title <c>2024</c>),
/// and five tables made for the class (PdfCopies/make_html_wrapped.py, LibreOffice <c>-lo</c> and chromium <c>-web</c>
/// prints). The blank-separated reader (<see cref="PdfLayoutBlocks.Rewrite"/>) took the LibreOffice copies: their
/// header's wrapped names (<c>实际完</c> / <c>成值</c>) were gathered into the 分值 column's name, so no column was 分值 and
/// the figures under it were glued to their neighbours. Such a copy is refused naming the line; never read in between.
/// </summary>
public class ImportingHtmlWrappedPdfTests(ITestOutputHelper output)
{
    private static readonly string[] Tables = ["gd-ruyuan", "sc-nongtian", "hn-xingfuyuan", "sn-gongshui", "jx-shaoniangong", "he-xiaofang"];

    private static string[] Lines(string file) => Copy(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    public static TheoryData<string> Copies()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!)
        {
            if (!f!.EndsWith(".clean.txt", StringComparison.Ordinal) && Tables.Any(t => f.StartsWith(t + "-", StringComparison.Ordinal)))
            {
                data.Add(f);
            }
        }

        return data;
    }

    [Fact]
    public void Every_table_of_the_class_has_its_copies_and_its_clean_copy_scores()
    {
        foreach (string t in Tables)
        {
            string[] lines = Copy(t + ".clean.txt").TrimEnd().Split('\n');
            ImportedTable clean = Assert.Single(DocumentImporter.FromText("clean.txt", string.Join('\n', lines)).Tables);
            int header = Array.FindIndex(lines, l => l.StartsWith("绩效指标\t", StringComparison.Ordinal));
            Assert.Equal(lines.Length - header - 2, clean.Indicators.Count);
            Assert.Equal(lines[^1].Split('\t')[^1], clean.PrintedTotal);
            Assert.All(clean.Indicators, i => Assert.False(string.IsNullOrEmpty(i.Weight), t + " " + i.Name));
        }

        Assert.Equal(2 + 5 * 6, Copies().Count);
    }

    /// <summary>Every copy of the class is read cell for cell as its clean copy, or refused with what to do: none is read wrong.</summary>
    [Theory]
    [MemberData(nameof(Copies))]
    public void Every_copy_is_read_exactly_or_refused_with_what_to_do(string file)
    {
        ImportedTable clean = Assert.Single(DocumentImporter.FromText("clean.txt", Copy(file[..file.IndexOf('-', file.IndexOf('-', StringComparison.Ordinal) + 1)] + ".clean.txt")).Tables);
        ImportResult result;
        try
        {
            result = DocumentImporter.FromText(file, Copy(file));
        }
        catch (UnreadableDocumentException e)
        {
            output.WriteLine($"{file}: refused: {e.Errors[0].Zh}");
            Assert.Equal("file", e.Errors[0].Field);
            Assert.True(e.Errors[0].Zh.Contains(".xlsx", StringComparison.Ordinal) || e.Errors[0].Zh.Contains("-layout", StringComparison.Ordinal), e.Errors[0].Zh);
            Assert.True(e.Errors[0].En.Contains(".xlsx", StringComparison.Ordinal) || e.Errors[0].En.Contains("-layout", StringComparison.Ordinal), e.Errors[0].En);
            return;
        }

        ImportedTable read = Assert.Single(result.Tables);
        Assert.Equal(Shape(clean), Shape(read));
        Assert.Equal(Total(clean), Total(read));
    }

    /// <summary>The LibreOffice prints: refused at the header's line, whose wrapped names interleave, in Chinese and English.</summary>
    [Theory]
    [InlineData("gd-ruyuan-tester.layout.txt", 37)]
    [InlineData("sc-nongtian-lo.layout.txt", 37)]
    [InlineData("hn-xingfuyuan-lo.layout.txt", 32)]
    [InlineData("jx-shaoniangong-lo.layout.txt", 28)]
    [InlineData("he-xiaofang-lo.layout.txt", 28)]
    public void A_copy_whose_header_names_interleave_is_refused_at_the_header(string file, int line)
    {
        PdfLayoutBlocks.Outcome? laid = PdfLayoutBlocks.Rewrite(Lines(file));
        Assert.NotNull(laid);
        Assert.Null(laid.Lines);
        Assert.Equal((line, PdfLayoutBlocks.Refusal.Header), (laid.RefusedLine, laid.Why));
        Assert.Contains("分值", Lines(file)[line - 1], StringComparison.Ordinal);

        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText(file, Copy(file)));
        InputError lead = Assert.Single(e.Errors);
        Assert.Equal("file", lead.Field);
        Assert.StartsWith($"第{line}行：", lead.Zh, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", lead.En, StringComparison.Ordinal);
        Assert.Contains("表头", lead.Zh, StringComparison.Ordinal);
        Assert.Contains("已是保留版式", lead.Zh, StringComparison.Ordinal);
        Assert.Contains(".xlsx", lead.En, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tester's copy with its header printed on one line, each name over its column: the header no longer refuses it,
    /// and what the rows then read wrong refuses it at the line — a wrapped date read as a row of its own without 分值 and
    /// 得分 (<c>间 / 月底前 / 年6月底前</c>), or, with that row printed whole, a row on the second page whose 一级 stands under
    /// 绩效指标 and its 二级 under 一级.
    /// </summary>
    [Theory]
    [InlineData(false, 56)]
    [InlineData(true, 66)]
    public void A_copy_with_a_row_that_is_not_whole_is_refused_at_the_row(bool dateWhole, int line)
    {
        string[] lines = HeaderOnOneLine(Lines("gd-ruyuan-tester.layout.txt"));
        if (dateWhole)
        {
            lines = [.. lines[..52], "       产出指标（50分） 时效指标 项目开工时间 2024年6月底前  2024年6月底前  5     5", .. lines[57..]];
        }

        PdfLayoutBlocks.Outcome? laid = PdfLayoutBlocks.Rewrite(lines);
        Assert.NotNull(laid);
        output.WriteLine(laid.Lines is null ? $"refused {laid.RefusedLine} {laid.Why}" : string.Join('\n', laid.Lines.Where(l => l.Length > 0)));
        Assert.Null(laid.Lines);
        Assert.Equal((line, PdfLayoutBlocks.Refusal.Fragment), (laid.RefusedLine, laid.Why));

        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", string.Join('\n', lines)));
        Assert.StartsWith($"第{line}行：", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", e.Errors[0].En, StringComparison.Ordinal);
        Assert.Contains("不完整", e.Errors[0].Zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// Blank-separated Excel prints read exactly today, with 得分 taken out of the indicator header: each row's 分值 and
    /// 得分 then fall in the one 分值 column a gap apart (<c>20    20</c>), and are refused at the first such row — never
    /// read as one figure (<c>2020</c>, <c>2019.20</c>).
    /// </summary>
    [Theory]
    [InlineData("hn-yaowu-xlsx.layout.txt", 17, 21)]
    [InlineData("zj-zizhu-xlsx.layout.txt", 16, 19)]
    [InlineData("hl-heitu-xlsx.layout.txt", 21, 23)]
    public void Two_figures_of_a_line_in_one_column_are_refused_not_glued(string file, int header, int line)
    {
        string[] lines = Lines(file);
        Assert.NotNull(PdfLayoutBlocks.Rewrite(lines)?.Lines);
        int at = lines[header - 1].IndexOf("得分", StringComparison.Ordinal);
        Assert.True(at > 0 && lines[header - 1].Contains("三级指标", StringComparison.Ordinal), lines[header - 1]);
        lines[header - 1] = lines[header - 1][..at] + "  " + lines[header - 1][(at + 2)..];

        PdfLayoutBlocks.Outcome? laid = PdfLayoutBlocks.Rewrite(lines);
        Assert.NotNull(laid);
        Assert.Null(laid.Lines);
        Assert.Equal((line, PdfLayoutBlocks.Refusal.Glued), (laid.RefusedLine, laid.Why));

        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText(file, string.Join('\n', lines)));
        Assert.StartsWith($"第{line}行：", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", e.Errors[0].En, StringComparison.Ordinal);
        Assert.Contains("同一列", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.Contains(".xlsx", e.Errors[0].Zh, StringComparison.Ordinal);
    }

    /// <summary>A title whose year pdftotext set a space apart (<c>2024 年城镇老旧小区改造项目</c>) is read whole, not as <c>2024</c>.</summary>
    [Theory]
    [InlineData("gd-ruyuan-tester.layout.txt", "2024年城镇老旧小区改造项目")]
    [InlineData("sc-nongtian-lo.layout.txt", "2025年高标准农田建设项目")]
    [InlineData("he-xiaofang-lo.layout.txt", "2024年乡镇消防站能力提升补助")]
    public void A_title_whose_year_is_set_apart_is_read_whole(string file, string title)
    {
        // The top rows and the fund section alone (up to 年度总体目标), which the blank-separated reader reads.
        string[] lines = Lines(file);
        int goal = Array.FindIndex(lines, l => l.Contains("预期目标", StringComparison.Ordinal)) - 1;
        PdfLayoutBlocks.Outcome? laid = PdfLayoutBlocks.Rewrite(lines[..goal]);
        Assert.NotNull(laid?.Lines);
        Assert.Equal($"项目名称\t{title}", laid.Lines[0]);
    }

    private static string[] HeaderOnOneLine(string[] lines)
    {
        // Lines 35–39 are the wrapped header; in its place one line, each name over its column's figures.
        char[] h = new string(' ', 80).ToCharArray();
        foreach ((string name, int at) in new[] { ("绩效指标", 0), ("一级指标", 7), ("二级指标", 14), ("三级指标", 23), ("年度指标值", 32), ("实际完成值", 44), ("分值", 51), ("得分", 57), ("偏差原因分析及改进措施", 62) })
        {
            name.CopyTo(0, h, at, name.Length);
        }

        return [.. lines[..34], new string(h).TrimEnd(), .. lines[39..]];
    }
}
