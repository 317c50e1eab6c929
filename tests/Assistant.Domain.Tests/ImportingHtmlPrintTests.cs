using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 42: ten tables (their clean copies, five from ../shared/reference) written as plain HTML tables, printed to
/// PDF by LibreOffice (<c>-hlo</c>) and chromium (<c>-hweb</c>) and copied three ways: <c>pdftotext -layout</c>,
/// <c>pdftotext</c> in reading order, and <c>pdftotext -raw</c> (.browser.txt: the text in the order the PDF draws it, one
/// run a line, as a browser's PDF viewer copies it); and the browser-like copies of the session-41 prints
/// (PdfCopies/make_html_prints.py). Seven of the new copies were read wrong before: the fund section lost (its header
/// <c>项目资金</c> / <c>（万元）</c> wraps, and the reading went on with the indicators only), or the wrapped pieces of names
/// taken as rows of their own (<c>年度资金总</c> / <c>额</c>, <c>单位应缴纳的三项</c>). Such a reading is now refused naming the row
/// (<c>CopyChecks.Fragments</c>); every copy is read cell for cell as its source or refused with what to do.
/// </summary>
public class ImportingHtmlPrintTests(ITestOutputHelper output)
{
    private static readonly string[] Tables =
        ["gx-jiuye", "zw-chuangye", "zw-jianxi", "zw-jingfei", "zw-shifan", "hn-yaowu", "sd-gonglu", "js-wushui", "ah-shuiku", "yn-jiuye"];

    private static readonly string[] Session41 = ["sc-nongtian", "hn-xingfuyuan", "sn-gongshui", "jx-shaoniangong", "he-xiaofang"];

    public static TheoryData<string> Copies()
    {
        var data = new TheoryData<string>();
        foreach (string t in Tables)
        {
            foreach (string printer in new[] { "hlo", "hweb" })
            {
                foreach (string kind in new[] { "layout", "raw", "browser" })
                {
                    data.Add($"{t}-{printer}.{kind}.txt");
                }
            }
        }

        foreach (string t in Session41)
        {
            data.Add($"{t}-lo.browser.txt");
            data.Add($"{t}-web.browser.txt");
        }

        return data;
    }

    [Fact]
    public void Every_print_has_its_copies_and_every_source_reads_whole()
    {
        Assert.Equal(10 * 6 + 5 * 2, Copies().Count);
        foreach (string f in Copies())
        {
            Assert.True(File.Exists(Path.Combine(Folder, f)), f);
        }

        foreach (string t in Tables)
        {
            ImportedTable clean = Assert.Single(DocumentImporter.FromText("clean.txt", Copy(t + ".clean.txt")).Tables);
            Assert.NotEmpty(clean.FundLines);
            Assert.NotEmpty(clean.Indicators);
        }
    }

    /// <summary>Every copy is read cell for cell as its source (and scores the same), or refused with what to do: none is read wrong.</summary>
    [Theory]
    [MemberData(nameof(Copies))]
    public void Every_copy_is_read_exactly_or_refused_with_what_to_do(string file)
    {
        string stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
        ImportedTable clean = Assert.Single(DocumentImporter.FromText("clean.txt", Copy(stem[..stem.LastIndexOf('-')] + ".clean.txt")).Tables);
        ImportResult result;
        try
        {
            result = DocumentImporter.FromText(file, Copy(file));
        }
        catch (UnreadableDocumentException e)
        {
            output.WriteLine($"{file}: refused: {e.Errors[0].Zh}");
            Assert.Equal("file", e.Errors[0].Field);
            Assert.True(e.Errors[0].Zh.Contains(".xlsx", StringComparison.Ordinal), e.Errors[0].Zh);
            Assert.True(e.Errors[0].En.Contains(".xlsx", StringComparison.Ordinal), e.Errors[0].En);
            return;
        }

        ImportedTable read = Assert.Single(result.Tables);
        // A browser's copy (read by RunStream since session 45) keeps no space of a cell: its spaces are the copy's (2024 年).
        Func<ImportedTable, string> shape = file.EndsWith(".browser.txt", StringComparison.Ordinal) ? ShapeWithoutSpaces : Shape;
        Assert.Equal(shape(clean), shape(read));
        Assert.Equal(Total(clean), Total(read));
    }

    /// <summary>
    /// The seven copies that were read wrong, each refused: the first error gives what to do, the next names the row
    /// read as a piece (a fund line or an indicator with a name and not one figure) or the fund section lost, at its line.
    /// Session 43: the three <c>-layout</c> copies are now taken by the blank-separated reader (their fund names found under
    /// the 项目资金 header's column): hn-yaowu-hlo is read cell for cell, gx-jiuye-hlo and yn-jiuye-hlo are refused by it at
    /// the row's line (<see cref="ImportingWrappedCellsReadTests"/>); the four browser-like copies are refused as before.
    /// </summary>
    [Theory]
    [InlineData("gx-jiuye-hlo.browser.txt", "fundLines[0].name", "资金行“年度资金总”只有名称")]
    [InlineData("gx-jiuye-hweb.browser.txt", "fundLines[0].name", "资金行“金总额”只有名称")]
    [InlineData("yn-jiuye-hlo.browser.txt", "fundLines[0].name", "资金行“年度资金总”只有名称")]
    [InlineData("yn-jiuye-hweb.browser.txt", "fundLines[1].name", "资金行“总额”只有名称")]
    public void A_copy_read_with_pieces_for_rows_or_without_its_funds_is_refused_naming_the_row(string file, string field, string zh)
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText(file, Copy(file)));
        Assert.Equal("file", e.Errors[0].Field);
        Assert.Contains("折行的单元格无法确定属于哪一行", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.Contains("wrapped cells cannot be given to their rows", e.Errors[0].En, StringComparison.Ordinal);
        Assert.Equal(field, e.Errors[1].Field);
        Assert.StartsWith(zh, e.Errors[1].Zh, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.Errors[1].En));
    }

    /// <summary>
    /// Browser-like copies whose header was not found (before: the bare "文件中没有找到绩效自评表", nothing to do): refused at
    /// the line of the header's 三级指标 or 项目资金, with what to do (copy with -layout, or upload the .xlsx / .docx).
    /// Session 45: ah-shuiku-hweb, he-xiaofang-web and hn-xingfuyuan-web are read by RunStream (ImportingRunStreamTests).
    /// </summary>
    [Theory]
    [InlineData("he-xiaofang-lo.browser.txt")]
    [InlineData("hn-xingfuyuan-lo.browser.txt")]
    [InlineData("jx-shaoniangong-lo.browser.txt")]
    [InlineData("jx-shaoniangong-web.browser.txt")]
    [InlineData("sc-nongtian-lo.browser.txt")]
    [InlineData("sn-gongshui-lo.browser.txt")]
    public void A_browser_copy_whose_header_is_not_found_is_refused_at_the_header_with_what_to_do(string file)
    {
        string[] lines = Copy(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText(file, Copy(file)));
        InputError error = Assert.Single(e.Errors);
        Assert.Equal("file", error.Field);
        var at = System.Text.RegularExpressions.Regex.Match(error.Zh, @"^第(\d+)行：");
        Assert.True(at.Success, error.Zh);
        string line = lines[int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
        Assert.True(line.Contains("三级指标", StringComparison.Ordinal) || line.Contains("项目资金", StringComparison.Ordinal), line);
        Assert.StartsWith($"line {at.Groups[1].Value}: ", error.En, StringComparison.Ordinal);
        foreach (string s in new[] { "浏览器", "-layout", ".xlsx", "没有找到绩效自评表" })
        {
            Assert.Contains(s, error.Zh, StringComparison.Ordinal);
        }

        foreach (string s in new[] { "browser", "-layout", ".xlsx" })
        {
            Assert.Contains(s, error.En, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A table pasted with tabs (from Excel or Word) keeps its columns: a fund line or an indicator printed empty is read
    /// as printed, not refused as a piece of a wrapped cell.
    /// </summary>
    [Theory]
    [InlineData("zw-jianxi", "其他资金\t0.00\t0.00\t0.00\t—\t0.00%\t0.00", "其他资金\t\t\t\t\t\t")]
    [InlineData("hn-yaowu", null, null)]
    public void A_pasted_table_with_an_empty_fund_line_is_read_as_printed(string table, string? line, string? emptied)
    {
        string text = Copy(table + ".clean.txt");
        if (line is not null)
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
            text = text.Replace(line, emptied, StringComparison.Ordinal);
        }

        ImportedTable read = Assert.Single(DocumentImporter.FromText("pasted.txt", text).Tables);
        Assert.NotEmpty(read.FundLines);
        if (line is not null)
        {
            ImportedFundLine other = Assert.Single(read.FundLines, f => f.Name == "其他资金");
            Assert.True(new[] { other.InitialBudget, other.Budget, other.Executed, other.PrintedRate }.All(string.IsNullOrEmpty));
        }
    }
}
