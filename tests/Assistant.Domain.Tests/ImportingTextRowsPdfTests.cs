using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40: LibreOffice <c>-layout</c> copies of tables that sessions 38–39 refused. A table without 分值 and 得分 whose
/// targets and actuals are words that wrap (广西 gx-jiuye, and 云南 yn-jiuye made for the class): a wrapped line carries a
/// target and an actual as a row's first line does, and is told from one by the widths of the lines above it
/// (<c>PdfLayoutBlocks.TextRows</c>). A table headed 目标值 / 完成值 whose budgets break in a narrow column (安徽 ah-shuiku,
/// 贵州 gz-heliu). A centred copy whose headers are not recognised (山东 sd-gonglu's Word print) is refused naming the
/// header's line, with what to do.
/// </summary>
public class ImportingTextRowsPdfTests(ITestOutputHelper output)
{
    private static string Shape(ImportedTable t) => PdfCopyFiles.ShapeWithoutSpaces(t);

    private static ImportedTable Clean(string file) =>
        Assert.Single(DocumentImporter.FromText("clean.txt", Copy(file[..file.LastIndexOf('-')] + ".clean.txt")).Tables);

    [Theory]
    [InlineData("gx-jiuye-docx.layout.txt", 17)]
    [InlineData("yn-jiuye-docx.layout.txt", 7)]
    [InlineData("ah-shuiku-docx.layout.txt", 6)]
    [InlineData("gz-heliu-docx.layout.txt", 5)]
    public void A_copy_refused_before_is_imported_cell_for_cell_as_its_source(string file, int indicators)
    {
        ImportedTable clean = Clean(file);
        ImportedTable read = Assert.Single(DocumentImporter.FromText(file, Copy(file)).Tables);
        output.WriteLine(Shape(read));
        Assert.Equal(indicators, read.Indicators.Count);
        Assert.Equal(Shape(clean), Shape(read));
        Assert.Equal(Total(clean), Total(read));
    }

    /// <summary>
    /// gx-jiuye-docx changed where only the widths and places of the lines tell the rows apart: each is refused naming
    /// the line that cannot be placed, never read as another table.
    /// </summary>
    [Theory]
    // The actual of 公益性岗位补贴人均标准 removed: its line no longer begins a row, and its name lies under an empty place.
    [InlineData(39, "参照当地最低", "第39行", "line 39")]
    // Its name removed: a line of words under a cell ended by a sentence (缴费额的 2/3。) begins a row that has no name.
    [InlineData(39, "公益性岗位补贴人均", "第39行", "line 39")]
    // A wrapped actual cut short (补贴或原则 / 不超过其实际): the line under it begins no row and carries on no full line.
    [InlineData(36, "补贴或原则上      补贴或原则上", "第37行", "line 37")]
    public void A_changed_copy_is_refused_naming_the_line(int line, string removed, string zh, string en)
    {
        string[] lines = Copy("gx-jiuye-docx.layout.txt").Split('\n');
        string cut = removed.Contains("      ", StringComparison.Ordinal) ? removed[..^1] : new string(' ', removed.Length);
        Assert.Contains(removed, lines[line - 1], StringComparison.Ordinal);
        lines[line - 1] = lines[line - 1].Replace(removed, cut, StringComparison.Ordinal);
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", string.Join('\n', lines)));
        output.WriteLine(e.Errors[0].Zh);
        Assert.Equal("file", e.Errors[0].Field);
        Assert.StartsWith(zh + "：", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.StartsWith(en + ":", e.Errors[0].En, StringComparison.Ordinal);
        Assert.Contains(".xlsx", e.Errors[0].Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_printed_copy_whose_headers_are_not_recognised_is_refused_at_the_header_with_what_to_do()
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", Copy("sd-gonglu-docx.layout.txt")));
        InputError lead = Assert.Single(e.Errors);
        output.WriteLine(lead.Zh);
        Assert.Equal("file", lead.Field);
        Assert.StartsWith("第21行：", lead.Zh, StringComparison.Ordinal);
        Assert.Contains("没有找到绩效自评表", lead.Zh, StringComparison.Ordinal);
        Assert.Contains("已是保留版式", lead.Zh, StringComparison.Ordinal);
        Assert.Contains(".xlsx", lead.Zh, StringComparison.Ordinal);
        Assert.StartsWith("line 21:", lead.En, StringComparison.Ordinal);
        Assert.Contains(".xlsx", lead.En, StringComparison.Ordinal);
    }
}
