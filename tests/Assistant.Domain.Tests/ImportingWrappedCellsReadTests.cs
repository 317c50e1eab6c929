using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 43: <c>pdftotext -layout</c> copies whose cells wrap over several lines, read right instead of refused. The
/// blank-separated reader (<see cref="PdfLayoutBlocks.Rewrite"/>) counts a block's rows by its data lines (a figure under
/// 分值 or 得分) when its other lines are only the wrapped ends of those rows' cells (<c>帮扶就业率</c> / <c>93.27%</c>), takes
/// the fund names from the column the 项目资金（万元） header stands over (<c>年度资金总</c> / <c>额</c>), keeps a year set apart
/// with its words (<c>2024 年预算安排</c> / <c>项目资金</c>), and notes each row joined from wrapped lines for the user to check.
/// What stays ambiguous (a figure under 指标值 on a wrapped line, two figures in one column, a wrapped line that could be a
/// row of its own, a row with no 三级指标) is still refused naming its line.
/// </summary>
public class ImportingWrappedCellsReadTests
{
    private static string Shape(ImportedTable t) => PdfCopyFiles.ShapeWithoutSpaces(t);

    /// <summary>Refused on main (a wrapped actual, a wrapped year, fund names under the header's own column): now read whole.</summary>
    [Theory]
    [InlineData("zw-jianxi-hlo.layout.txt", "zw-jianxi", 3, 9)]
    [InlineData("zw-jianxi-mid-xlsx.layout.txt", "zw-jianxi-mid", 3, 9)]
    [InlineData("zw-shifan-hlo.layout.txt", "zw-shifan", 3, 18)]
    [InlineData("hn-yaowu-hlo.layout.txt", "hn-yaowu", -1, -1)]
    public void A_copy_whose_cells_wrap_is_read_cell_for_cell(string file, string table, int funds, int indicators)
    {
        ImportedTable clean = Assert.Single(DocumentImporter.FromText("clean.txt", Copy(table + ".clean.txt")).Tables);
        ImportedTable read = Assert.Single(DocumentImporter.FromText(file, Copy(file)).Tables);
        Assert.Equal(Shape(clean), Shape(read));
        Assert.Equal(Total(clean), Total(read));
        if (funds >= 0)
        {
            Assert.Equal(funds, read.FundLines.Count);
            Assert.Equal(indicators, read.Indicators.Count);
        }

        Assert.NotEmpty(read.Indicators);
        Assert.NotEmpty(read.FundLines);
    }

    /// <summary>The rows made of wrapped lines are named in the notes (Chinese and English, the copy's line); rows printed on one line are not.</summary>
    [Theory]
    [InlineData("zw-jianxi-hlo.layout.txt", "funds.lines[0]", 12, "funds.lines[2]")]
    [InlineData("zw-jianxi-hlo.layout.txt", "indicators[0]", 31, "indicators[2]")]
    [InlineData("zw-jianxi-hlo.layout.txt", "indicators[6]", 59, "indicators[2]")]
    [InlineData("zw-shifan-hlo.layout.txt", "indicators[10]", 69, "indicators[11]")]
    public void A_row_joined_from_wrapped_lines_is_noted_for_the_user_to_check(string file, string joined, int line, string whole)
    {
        ImportedTable read = Assert.Single(DocumentImporter.FromText(file, Copy(file)).Tables);
        ImportWarning note = Assert.Single(read.Warnings, w => w.Path == joined);
        Assert.Equal($"第{line}行", note.Source);
        Assert.StartsWith($"第{line}行：", note.Zh, StringComparison.Ordinal);
        Assert.Contains("折行", note.Zh, StringComparison.Ordinal);
        Assert.Contains("核对", note.Zh, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", note.En, StringComparison.Ordinal);
        Assert.Contains("wrapped", note.En, StringComparison.Ordinal);
        Assert.DoesNotContain(read.Warnings, w => w.Path == whole);
    }

    /// <summary>A copy read from its lines as printed (no cell wrapped) carries no such note.</summary>
    [Fact]
    public void A_copy_with_no_wrapped_cell_has_no_wrapped_note()
    {
        ImportedTable clean = Assert.Single(DocumentImporter.FromText("clean.txt", Copy("zw-jianxi.clean.txt")).Tables);
        Assert.DoesNotContain(clean.Warnings, w => w.Zh.Contains("折行", StringComparison.Ordinal));
    }

    /// <summary>
    /// The wrapped line under 年末高校毕业生总体就业率 (line 60: <c>标 / 就业率 / 93.27%</c>) changed so that it is no longer only
    /// the wrapped ends of its row's cells: the copy is refused at that line, never read with the pieces joined.
    /// </summary>
    [Theory]
    [InlineData("        标       就业率   ≥95%      93.27%", null)] // a figure under 指标值 on the wrapped line
    [InlineData("        标       就业率    保持稳定  效果较好", null)] // a name, a target and an actual: could be a row of its own
    [InlineData(null, "效益指标   经济效益指    年末高校毕业生总体 ≥92%    90.00%    15      15")] // 90.00% above 93.27%: two figures in one column
    public void A_wrapped_line_that_could_be_more_than_wrapped_ends_is_refused_at_its_line(string? line60, string? line59)
    {
        string text = Copy("zw-jianxi-hlo.layout.txt");
        string changed = text
            .Replace("        标       就业率              93.27%", line60 ?? "        标       就业率              93.27%", StringComparison.Ordinal)
            .Replace("效益指标   经济效益指    年末高校毕业生总体 ≥92%    帮扶就业率 15      15", line59 ?? "效益指标   经济效益指    年末高校毕业生总体 ≥92%    帮扶就业率 15      15", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        UnreadableDocumentException e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copy.txt", changed));
        Assert.Equal("file", e.Errors[0].Field);
        Assert.StartsWith("第60行：", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.StartsWith("line 60: ", e.Errors[0].En, StringComparison.Ordinal);
        Assert.Contains(".xlsx", e.Errors[0].Zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// Tables with no 分值/得分 whose targets wrap over three lines (yn-jiuye-hlo, gx-jiuye-hlo; read wrong before session 42,
    /// then refused by the checks after reading): their fund names are now found under the header's column, and the wrapped
    /// targets taken for rows of their own give a row with no 三级指标 or no figure, refused by the reader at its line.
    /// </summary>
    [Theory]
    [InlineData("yn-jiuye-hlo.layout.txt", 33, "按省级标准配备场地")]
    [InlineData("gx-jiuye-hlo.layout.txt", 68, "单位应缴纳的三项")]
    public void A_row_read_without_its_name_or_figures_refuses_the_copy_at_its_line(string file, int line, string piece)
    {
        string[] lines = Copy(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        PdfLayoutBlocks.Outcome? laid = PdfLayoutBlocks.Rewrite(lines);
        Assert.NotNull(laid);
        Assert.Null(laid.Lines);
        Assert.Equal(PdfLayoutBlocks.Refusal.Fragment, laid.Why);
        Assert.Equal(line, laid.RefusedLine);
        Assert.Contains(piece, lines[line - 1], StringComparison.Ordinal);
        UnreadableDocumentException e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText(file, string.Join('\n', lines)));
        Assert.Equal("file", e.Errors[0].Field);
        Assert.StartsWith($"第{line}行：", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", e.Errors[0].En, StringComparison.Ordinal);
    }
}
