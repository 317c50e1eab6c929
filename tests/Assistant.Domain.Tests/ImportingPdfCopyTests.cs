using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Text copied from real PDFs (session-35 tester, defect 6): tables written as HTML, printed by chromium with and
/// without its page header and footer, copied with <c>pdftotext -layout</c> and without, left-trimmed and
/// double-spaced (<c>PdfCopies/make.py</c> makes them; the tester's own 黑龙江 copies are there too). Each copy is
/// either read exactly as the table's clean tab-separated copy is read, or refused with what went wrong and what to
/// do — never scored from pieces of cells. Lines a browser prints in the page margins (time stamp, address, page
/// number) are dropped; names that cannot be names (an amount in a fund's name, an address or a header word as an
/// indicator) refuse the copy with the field named.
/// </summary>
public class ImportingPdfCopyTests(ITestOutputHelper output)
{
    private static ImportedTable Read(string text) => Assert.Single(DocumentImporter.FromText("copied.txt", text).Tables);

    public static TheoryData<string> Copies()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Folder, "*.*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!)
        {
            // The LibreOffice copies (-docx., -xlsx.) have their own tests (ImportingWrappedPdfTests).
            if (!f!.EndsWith(".clean.txt", StringComparison.Ordinal) && !f.Contains("-docx.", StringComparison.Ordinal) && !f.Contains("-xlsx.", StringComparison.Ordinal))
            {
                data.Add(f);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("sc-zhongliang", "98.50", 3, 7)]
    [InlineData("gd-yanglao", "98.00", 3, 15)]
    [InlineData("hn-shuili", "97.00", 3, 6)]
    [InlineData("hlj", "95.58", 4, 8)]
    [InlineData("zj-wenhua", "97.60", 3, 4)]
    public void The_clean_copy_of_each_table_scores_as_its_hand_calculation(string table, string total, int funds, int indicators)
    {
        ImportedTable t = Read(Copy(table + ".clean.txt"));
        Assert.Equal((funds, indicators), (t.FundLines.Count, t.Indicators.Count));
        Assert.Equal(total, Total(t));
        Assert.Equal(total, t.PrintedTotal);
    }

    [Theory]
    [MemberData(nameof(Copies))]
    public void Every_copy_of_a_printed_table_is_read_exactly_or_refused_with_what_to_do(string file)
    {
        string stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
        string table = stem[..stem.LastIndexOf('-')];
        ImportedTable clean = Read(Copy(table + ".clean.txt"));
        ImportResult? result = null;
        UnreadableDocumentException? refused = null;
        try
        {
            result = DocumentImporter.FromText(file, Copy(file));
        }
        catch (UnreadableDocumentException e)
        {
            refused = e;
        }

        output.WriteLine($"{file}: {(refused is null ? "read" : "refused: " + refused.Errors[0].Zh)}");

        if (refused is not null)
        {
            string zh = string.Join("\n", refused.Errors.Select(x => x.Zh));
            string en = string.Join("\n", refused.Errors.Select(x => x.En));
            Assert.True(zh.Contains("-layout", StringComparison.Ordinal) || zh.Contains(".xlsx", StringComparison.Ordinal), zh);
            Assert.True(en.Contains("-layout", StringComparison.Ordinal) || en.Contains(".xlsx", StringComparison.Ordinal), en);
            // A refusal never claims a count of fund lines that the table does not have (the raw copy's 只读到36行资金数据).
            Assert.DoesNotContain("行资金数据", zh, StringComparison.Ordinal);
            return;
        }

        ImportedTable read = Assert.Single(result!.Tables);
        // A browser's copy (read by RunStream since session 45) keeps no space of a cell: its spaces are the copy's (2024 年).
        Func<ImportedTable, string> shape = file.EndsWith(".browser.txt", StringComparison.Ordinal) ? ShapeWithoutSpaces : Shape;
        Assert.Equal(shape(clean), shape(read));
        Assert.Equal(Total(clean), Total(read));
    }

    [Theory]
    [InlineData("hlj-page.layout.txt")]
    [InlineData("hlj-page.raw.txt")]
    [InlineData("hlj-hand.layout.txt")]
    [InlineData("sc-zhongliang-page.layout.txt")]
    [InlineData("hn-shuili-bare.layout.txt")]
    [InlineData("gd-yanglao-page.layout.txt")]
    [InlineData("zj-wenhua-page.layout.txt")]
    public void A_copy_whose_wrapped_cells_cannot_be_put_back_is_refused_not_scored(string file)
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText(file, Copy(file)));
        Assert.Contains(e.Errors, x => x.Field == "file" && x.Zh.Contains("pdftotext -layout", StringComparison.Ordinal) && x.En.Contains("-layout", StringComparison.Ordinal));
        // A copy that already keeps the layout is not told to copy it that way again, but what else to do.
        InputError lead = e.Errors.First(x => x.Field == "file");
        Assert.Equal(ImportSanity.LaidOut(Copy(file)), lead.Zh.Contains("已是保留版式", StringComparison.Ordinal) || lead.Zh.Contains("去掉了行首的空格", StringComparison.Ordinal));
        Assert.DoesNotContain(e.Errors, x => x.Zh.Contains("行资金数据", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12/5/26, 2:37 AM", "file:///home/clerk/Downloads/zibiao.html                      1/2")]
    [InlineData("12/5/26, 2:37 AM                 绩效自评表", "file:///C:/Users/clerk/Desktop/zibiao.html 1/2")]
    [InlineData("2026/12/5 上午2:37", "https://oa.example.cn/pf/view?id=88        1 / 2")]
    [InlineData("2026-12-05 02:37:10", "about:blank   1/2")]
    [InlineData("2026/12/05 14:37   自评表打印", "http://10.1.2.3/report.html")]
    public void Lines_a_browser_prints_in_the_page_margins_are_dropped(string top, string bottom)
    {
        string clean = Copy("sc-zhongliang.clean.txt");
        string[] lines = clean.Split('\n');
        // The page breaks inside the indicator table: footer, form feed, header.
        int cut = Array.FindIndex(lines, l => l.Contains("补贴面积核实准确率", StringComparison.Ordinal));
        string printed = top + "\n\n" + string.Join('\n', lines[..cut]) + "\n" + bottom + "\n\f" + top + "\n\n"
            + string.Join('\n', lines[cut..]) + "\n\n" + bottom + "\n\f";
        ImportedTable t = Read(printed);
        Assert.Equal(Shape(Read(clean)), Shape(t));
        Assert.Equal("98.50", Total(t));
        Assert.DoesNotContain(t.Indicators, i => i.Name.Contains("//", StringComparison.Ordinal) || i.Name.Contains(':', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("资金 48,600,000.00总额", "funds.lines[0].name")]
    [InlineData("年度资金总额 1000000.00", "funds.lines[0].name")]
    [InlineData("年度资金总额 120.5", "funds.lines[0].name")]
    [InlineData("分值", "funds.lines[0].name")]
    public void A_fund_line_named_by_an_amount_or_a_header_word_refuses_the_copy(string name, string field)
    {
        string text = Copy("hn-shuili.clean.txt").Replace("年度资金总额\t", name + "\t", StringComparison.Ordinal);
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", text));
        Assert.Equal("file", e.Errors[0].Field);
        Assert.Contains("未计分", e.Errors[0].Zh, StringComparison.Ordinal);
        InputError named = Assert.Single(e.Errors, x => x.Field == field);
        Assert.Contains(name, named.Zh, StringComparison.Ordinal);
        Assert.Contains("fund", named.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024年中央财政资金")]
    [InlineData("其中：2025年省级衔接资金")]
    [InlineData("上年结转资金")]
    public void A_fund_line_whose_name_holds_a_year_is_still_read(string name)
    {
        string text = Copy("hn-shuili.clean.txt").Replace("其中：省级资金\t", name + "\t", StringComparison.Ordinal);
        ImportedTable t = Read(text);
        Assert.Equal(name.Replace("其中：", string.Empty, StringComparison.Ordinal), t.FundLines[1].Name.Replace("其中：", string.Empty, StringComparison.Ordinal));
        Assert.Equal("97.00", Total(t));
    }

    [Theory]
    [InlineData("file:///home/clerk/Downloads/zibiao.html")]
    [InlineData("12/5/26, 2:37 AM")]
    [InlineData("第 2 页")]
    [InlineData("1/2")]
    [InlineData("年度指标值")]
    public void An_indicator_named_by_an_address_a_time_stamp_a_page_number_or_a_header_word_refuses_the_copy(string name)
    {
        string text = Copy("sc-zhongliang.clean.txt").Replace("\t补贴耕地面积\t", "\t" + name + "\t", StringComparison.Ordinal);
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", text));
        Assert.Contains("pdftotext -layout", e.Errors[0].Zh, StringComparison.Ordinal);
        InputError named = Assert.Single(e.Errors, x => x.Field == "indicators[1].name");
        Assert.Contains(name, named.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("浙江省湖州市文化广电旅游局", "湖州市")]
    [InlineData("广东省广州市番禺区民政局", "广州市番禺区")]
    [InlineData("河南省郑州市水利局", "郑州市")]
    [InlineData("江苏省苏州市吴江区农业农村局", "苏州市吴江区")]
    [InlineData("福建省福州市财政局", "福州市")]
    [InlineData("黑龙江省绥化市农业农村局", "绥化市")]
    public void A_city_ending_in_zhou_under_its_province_is_the_region(string department, string region)
    {
        ImportedTable t = Read(Copy("zj-wenhua.clean.txt").Replace("浙江省湖州市文化广电旅游局", department, StringComparison.Ordinal));
        Assert.Equal((department, region), (t.Department, t.Region));
    }

    [Fact]
    public void A_pdf_upload_is_refused_with_how_to_copy_its_text()
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.Import("自评表.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n"u8.ToArray()));
        string zh = e.Errors[0].Zh;
        Assert.Contains("pdftotext -layout", zh, StringComparison.Ordinal);
        Assert.Contains(".xlsx", zh, StringComparison.Ordinal);
        Assert.Contains("-layout", e.Errors[0].En, StringComparison.Ordinal);
    }
}
