using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 39: a 自评表 whose cells are centred in their rows (Word's and Excel's vertical centring), printed by
/// LibreOffice and copied with <c>pdftotext -layout</c>: a wrapped cell's lines sit above and below its row's middle
/// line, where the figures are. <see cref="PdfLayoutBlocks.Centred(string[], out int)"/> reads such a copy (tried
/// when the top-aligned reader declines it), or refuses it naming the line it cannot place. The copies are made by
/// <c>PdfCopies/make_office.py</c> (湖北 hb-nongji, 浙江 zj-zizhu, 山东 sd-gonglu with repeated levels, 河南 hn-yaowu
/// bottom-aligned, 黑龙江 hl-heitu with budgets broken at a comma or a decimal point, and the 中卫 见习 table centred).
/// </summary>
public class ImportingCentredPdfTests(ITestOutputHelper output)
{
    private static string[] Lines(string text)
    {
        string[] copied = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return ImportSanity.WithoutPageMargins(ImportSanity.WithoutDoubleSpacing(copied) ?? copied);
    }

    private static string Shape(ImportedTable t) => PdfCopyFiles.ShapeWithoutSpaces(t);

    private static ImportedTable Clean(string file) =>
        Assert.Single(DocumentImporter.FromText("clean.txt", Copy(file[..file.LastIndexOf('-')] + ".clean.txt")).Tables);

    /// <summary>The centred Word copies: the centred reader itself reads each as its source (every cell, every score).</summary>
    [Theory]
    [InlineData("hb-nongji-docx.layout.txt")]
    [InlineData("zj-zizhu-docx.layout.txt")]
    [InlineData("zw-jianxi-mid-docx.layout.txt")]
    public void The_centred_reader_reads_a_centred_copy_as_its_source(string file)
    {
        string[] lines = Lines(Copy(file));
        Assert.Null(PdfLayoutBlocks.Wrapped(lines, out int wrappedRefused));
        Assert.Equal(0, wrappedRefused);
        string[]? rows = PdfLayoutBlocks.Centred(lines, out int refused);
        Assert.True(rows is not null, $"not read (refused line {refused})");
        ImportedTable read = Assert.Single(TableLayout.Read(TextTables.Read(string.Join('\n', rows!), file)));
        output.WriteLine(Shape(read));
        Assert.Equal(Shape(Clean(file)), Shape(read));
        Assert.Equal(Total(Clean(file)), Total(read));
    }

    /// <summary>What the importer does with each new copy: read exactly, or refused with the line or the field named and what to do.</summary>
    [Theory]
    [InlineData("hb-nongji-docx.layout.txt", "read", "")]
    [InlineData("hb-nongji-xlsx.layout.txt", "read", "")]
    [InlineData("zj-zizhu-docx.layout.txt", "read", "")]
    [InlineData("zw-jianxi-mid-docx.layout.txt", "read", "")]
    // Bottom-aligned, rows a blank line apart in the Excel print: the blank-separated reader reads it (the heading kept apart from 项目名称).
    [InlineData("hn-yaowu-xlsx.layout.txt", "read", "")]
    // Bottom-aligned in Word: no piece has its mirror across its row's middle line.
    [InlineData("hn-yaowu-docx.layout.txt", "refused", "第6行")]
    // 12,680,000.00 printed in a narrow Excel column pushes the header's wrapped 项目资金（/元） onto the total line: its
    // 年度资金总额 line is not among the fund lines read.
    [InlineData("hl-heitu-xlsx.layout.txt", "refused", "资金总额")]
    [InlineData("sd-gonglu-xlsx.layout.txt", "refused", "资金总额")]
    public void A_new_copy_is_read_exactly_or_refused_naming_where(string file, string expected, string named)
    {
        try
        {
            ImportedTable read = Assert.Single(DocumentImporter.FromText(file, Copy(file)).Tables);
            output.WriteLine(Shape(read));
            Assert.Equal("read", expected);
            Assert.Equal(Shape(Clean(file)), Shape(read));
            Assert.Equal(Total(Clean(file)), Total(read));
        }
        catch (UnreadableDocumentException e)
        {
            string zh = string.Join("\n", e.Errors.Select(x => x.Zh));
            output.WriteLine(zh);
            Assert.Equal("refused", expected);
            Assert.Contains(named, zh, StringComparison.Ordinal);
            Assert.Contains(e.Errors, x => x.Field == "file" && x.Zh.Contains(".xlsx", StringComparison.Ordinal) && x.En.Contains(".xlsx", StringComparison.Ordinal));
            Assert.All(e.Errors, x => Assert.False(string.IsNullOrEmpty(x.Zh) || string.IsNullOrEmpty(x.En)));
        }
    }

    /// <summary>
    /// Changes made to the centred Word copy of hb-nongji: each is read exactly as the source, or refused naming the
    /// line — never read wrongly.
    /// </summary>
    [Theory]
    [InlineData("as printed", "read", "")]
    // The lower half of 数量指 / 标 lost: the upper half has no mirror under the row's middle line.
    [InlineData("lower half lost", "refused", "第23行")]
    // The lower half of the reason moved a line down: no longer the mirror of its upper half.
    [InlineData("reason moved down", "refused", "第22行")]
    // A row's 分值 and 得分 lost: its pieces are left with no middle line (the row above and below cannot both hold them).
    [InlineData("figures lost", "refused", "")]
    // A name piece added under the last row without one over it.
    [InlineData("stray piece", "refused", "第48行")]
    public void A_changed_centred_copy_is_read_right_or_refused(string change, string expected, string named)
    {
        List<string> lines = [.. Copy("hb-nongji-docx.layout.txt").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];
        int quantity = lines.FindIndex(l => l.Contains("数量指", StringComparison.Ordinal));
        switch (change)
        {
            case "lower half lost":
                // 标     业机械台套数量    5 → 业机械台套数量 kept, 标 removed.
                lines[quantity + 2] = "      " + lines[quantity + 2][6..].Replace("标", " ", StringComparison.Ordinal);
                break;
            case "reason moved down":
                int last = lines.FindIndex(l => l.Contains("简化申领流程", StringComparison.Ordinal));
                lines.Insert(last, string.Empty.PadRight(10));
                break;
            case "figures lost":
                int quality = lines.FindIndex(l => l.Contains("100%        100%", StringComparison.Ordinal));
                lines[quality] = lines[quality].Replace("10    10", "        ", StringComparison.Ordinal);
                break;
            case "stray piece":
                int satisfaction = lines.FindIndex(l => l.Contains("标      度指标", StringComparison.Ordinal));
                lines.Insert(satisfaction + 1, "             满意度调查");
                break;
        }

        string text = string.Join('\n', lines);
        try
        {
            ImportedTable read = Assert.Single(DocumentImporter.FromText("copy.txt", text).Tables);
            output.WriteLine(Shape(read));
            Assert.Equal("read", expected);
            Assert.Equal(Shape(Clean("hb-nongji-docx.layout.txt")), Shape(read));
        }
        catch (UnreadableDocumentException e)
        {
            output.WriteLine(string.Join("\n", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
            Assert.NotEqual("read", expected);
            Assert.Contains(e.Errors, x => x.Field == "file" && x.Zh.Contains(".xlsx", StringComparison.Ordinal) && x.En.Contains(".xlsx", StringComparison.Ordinal));
            Assert.Contains(named, e.Errors[0].Zh, StringComparison.Ordinal);
        }
    }

    /// <summary>A copy whose cells begin at the top of their rows is never read by the centred reader (the importer does not call it for these: the top-aligned reader takes them).</summary>
    [Theory]
    [InlineData("zw-jianxi-docx.layout.txt")]
    [InlineData("zw-shifan-docx.layout.txt")]
    [InlineData("fj-yuye-docx.layout.txt")]
    [InlineData("sx-yibao-docx.layout.txt")]
    public void A_top_aligned_copy_is_not_taken_by_the_centred_reader(string file)
    {
        string[]? rows = PdfLayoutBlocks.Centred(Lines(Copy(file)), out int refused);
        output.WriteLine($"refused line {refused}");
        Assert.Null(rows);
    }
}
