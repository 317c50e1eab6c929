using System.Text;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Documents as staff send them (probe 29): other encodings, CSV, a table split over two sheets or two
/// Word tables, hidden rows, nested and content-control Word tables, units printed apart from the
/// header, a fund row's explanation after 得分, and formats refused by name.
/// </summary>
public class ImportingCarriersTests
{
    private static string Case(string file) => Path.Combine(RepoPaths.Repo, "eval", "cases", "import", file);

    private static ImportResult Import(string file) => DocumentImporter.Import(file, File.ReadAllBytes(Case(file)));

    private const string Table = "项目名称\t高标准农田建设项目\n项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t800.00\t800.00\t720.00\t10\t90.00%\t9.00\n"
        + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        + "\t产出指标（50分）\t数量指标\t亩均增产粮食（公斤）\t≥50\t50\t50\t50\n"
        + "\t满意度指标（50分）\t服务对象满意度指标\t购置扑火机具（台套）\t≥10\t10\t40\t40\n"
        + "总分\t\t\t\t\t\t100\t99.00\n";

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void Text_WithBom_IsRead(string encoding)
    {
        Encoding e = encoding switch
        {
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-8" => new UTF8Encoding(true),
            _ => CodePagesEncoding("GB18030"),
        };
        byte[] bytes = [.. e.GetPreamble(), .. e.GetBytes(Table.Replace("\n", "\r\n", StringComparison.Ordinal))];
        ImportedTable t = Assert.Single(DocumentImporter.Import("t.txt", bytes).Tables);
        Assert.Equal("高标准农田建设项目", t.Title);
        Assert.Equal("99.00", t.PrintedTotal);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    [Fact]
    public void Utf16_WithoutBom_IsRecognised()
    {
        ImportedTable t = Assert.Single(DocumentImporter.Import("t.txt", Encoding.Unicode.GetBytes(Table)).Tables);
        Assert.Equal(2, t.Indicators.Count);
    }

    [Fact]
    public void Units_AtTheEndOfAName_IncludeWeightsAndSets()
    {
        ImportedTable t = Assert.Single(DocumentImporter.Import("t.txt", Encoding.UTF8.GetBytes(Table)).Tables);
        Assert.Equal(("亩均增产粮食", "公斤"), (t.Indicators[0].Name, t.Indicators[0].Unit));
        Assert.Equal(("购置扑火机具", "台套"), (t.Indicators[1].Name, t.Indicators[1].Unit));
    }

    [Fact]
    public void Csv_QuotedCommasQuotesAndLineBreaks_StayInTheirCell()
    {
        Grid g = CsvTables.Read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\r\ny\",,z\n", "t.csv");
        Assert.Equal(2, g.Rows.Count);
        Assert.Equal(["a", "b,c", "say \"hi\""], g.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["x\ny", string.Empty, "z"], g.Rows[1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("probe29-F30-excel-ansi.csv", "高标准农田建设项目", "95.60")]
    [InlineData("probe29-F31-csv-utf8bom-quoted-newline.csv", "城市社区居家养老服务补助资金", "82.50")]
    [InlineData("probe29-csv-gbk-quoted.csv", "农村饮水安全巩固提升工程补助资金", "96.17")]
    [InlineData("probe29-csv-utf8-serial.csv", "森林草原防灭火专项资金", "95.00")]
    [InlineData("probe29-F02-utf16le-bom-crlf.txt", "农村饮水安全巩固提升工程补助资金", "96.17")]
    [InlineData("probe29-utf16le-no-bom.txt", "森林草原防灭火专项资金", "95.00")]
    [InlineData("probe29-F17-nested-table.docx", "城市社区居家养老服务补助资金", "82.50")]
    [InlineData("probe29-docx-nested-two-row-frame.docx", "森林草原防灭火专项资金", "95.00")]
    [InlineData("probe29-docx-content-control.docx", "高标准农田建设项目", "95.60")]
    public void OtherCarriers_ReadAsOneScoredTable(string file, string title, string total)
    {
        ImportedTable t = Assert.Single(Import(file).Tables);
        Assert.Equal((title, total), (t.Title, t.PrintedTotal));
        Assert.Equal(total, EvaluationService.Score(ImportContract.ToEvaluation(t)).Total);
    }

    [Theory]
    [InlineData("probe29-F08-two-sheets.xlsx", "高标准农田建设项目", 7, "95.60")]
    [InlineData("probe29-two-sheets-indicators-first.xlsx", "城市社区居家养老服务补助资金", 7, "82.50")]
    [InlineData("probe29-two-sheets-same-title.xlsx", "森林草原防灭火专项资金", 7, "95.00")]
    public void FundsAndIndicators_OnTwoSheets_JoinIntoOneTable(string file, string title, int indicators, string total)
    {
        ImportedTable t = Assert.Single(Import(file).Tables);
        Assert.Equal((title, indicators, total), (t.Title, t.Indicators.Count, t.PrintedTotal));
        Assert.NotEmpty(t.FundLines);
        Assert.Contains(t.Warnings, w => w.Zh.Contains("已合并为一张表", StringComparison.Ordinal));
        Assert.DoesNotContain(t.Warnings, w => w.Path == "title");
        Assert.Equal(total, EvaluationService.Score(ImportContract.ToEvaluation(t)).Total);
    }

    [Fact]
    public void TwoCompleteTables_OnTwoSheets_StayTwo()
    {
        ImportResult r = Import("probe29-two-unrelated-tables.xlsx");
        Assert.Equal(["高标准农田建设项目", "森林草原防灭火专项资金"], r.Tables.Select(t => t.Title));
        Assert.All(r.Tables, t => Assert.DoesNotContain(t.Warnings, w => w.Zh.Contains("合并", StringComparison.Ordinal)));
    }

    [Fact]
    public void HiddenRows_AreNotRead_AndSaySo()
    {
        ImportedTable t = Assert.Single(Import("probe29-F09-hidden-row-col.xlsx").Tables);
        Assert.Equal(7, t.Indicators.Count);
        Assert.DoesNotContain(t.Indicators, i => i.Name.Contains("旧版", StringComparison.Ordinal));
        Assert.Contains(t.Warnings, w => w.Zh.Contains("1行隐藏行", StringComparison.Ordinal) && w.Zh.Contains("1列隐藏列", StringComparison.Ordinal));

        ImportedTable q = Assert.Single(Import("probe29-hidden-rows-and-sheet.xlsx").Tables);
        Assert.Equal((4, 8, "96.17"), (q.FundLines.Count, q.Indicators.Count, q.PrintedTotal));
        Assert.DoesNotContain(q.FundLines, l => l.Name.Contains("草稿", StringComparison.Ordinal));
        Assert.Contains(q.Warnings, w => w.Zh.Contains("2行隐藏行", StringComparison.Ordinal));
        Assert.Contains(q.Warnings, w => w.Zh.Contains("隐藏的工作表（旧版（勿用））", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("probe29-F16-split-two-tables.docx")]
    [InlineData("probe29-docx-split-three.docx")]
    public void WordTable_SplitOverPages_KeepsItsLevel1(string file)
    {
        ImportedTable t = Assert.Single(Import(file).Tables);
        Assert.All(t.Indicators, i => Assert.False(string.IsNullOrEmpty(i.Level1)));
        Assert.DoesNotContain(EvaluationService.Score(ImportContract.ToEvaluation(t)).Findings, f => f.Severity == "error");
    }

    [Fact]
    public void WordCell_TwoParagraphs_JoinWithoutASpaceBetweenChinese()
    {
        ImportedTable t = Assert.Single(Import("probe29-F34-multi-paragraph-cells.docx").Tables);
        Assert.Contains(t.Indicators, i => i.DeviationNote == "政府采购流标，30台套延至次年");
        Assert.Equal("政府采购流标，30台套延至次年", CellText.Clean("政府采购流标，\n30台套延至次年"));
        Assert.Equal("创业带动就业 4208 人", CellText.Clean("创业带动就业 4208 人"));
    }

    [Theory]
    [InlineData("probe29-F35-unit-only-in-title.xlsx")]
    [InlineData("probe29-docx-unit-line-yuan.docx")]
    public void UnitPrintedApartFromTheHeader_Applies(string file) => Assert.Equal("元", Assert.Single(Import(file).Tables).FundUnit);

    [Fact]
    public void YuanAmounts_UnderAWanyuanHeader_AreWarnedNotChanged()
    {
        ImportedTable t = Assert.Single(Import("probe29-F12-yuan-under-wanyuan.xlsx").Tables);
        Assert.Equal(("万元", "34567800.00"), (t.FundUnit, t.FundLines[0].Budget));
        Assert.Contains(t.Warnings, w => w.Path == "funds.unit" && w.Zh.Contains("可能实为元", StringComparison.Ordinal));

        // An ordinary 万元 table, and a large one not in whole hundreds of 元, are not warned.
        foreach (string file in new[] { "probe29-F08-two-sheets.xlsx", "probe29-F16-split-two-tables.docx" })
        {
            Assert.DoesNotContain(Assert.Single(Import(file).Tables).Warnings, w => w.Path == "funds.unit");
        }

        string big = Table.Replace("800.00\t800.00\t720.00", "1234567.89\t1234567.89\t1111111.10", StringComparison.Ordinal);
        Assert.DoesNotContain(Assert.Single(DocumentImporter.Import("t.txt", Encoding.UTF8.GetBytes(big)).Tables).Warnings, w => w.Path == "funds.unit");
    }

    [Theory]
    [InlineData("probe29-review-yongxin-fund-note.txt")]
    [InlineData("probe29-review-yongxin-fund-note-xlsx.xlsx")]
    [InlineData("probe29-fund-note-after-score.txt")]
    [InlineData("probe29-fund-note-after-score-xlsx.xlsx")]
    public void FundRow_ExplanationAfterScore_IsTheLinesNote(string file)
    {
        ImportedTable t = Assert.Single(Import(file).Tables);
        Assert.False(string.IsNullOrEmpty(t.FundLines[0].DeviationNote));
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("funds.lines[0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a.pdf", "%PDF-1.7\n", "PDF")]
    [InlineData("scan.png", "\u0089PNG\r\n", "图片")]
    [InlineData("a.jpg", "\u00FF\u00D8\u00FF\u00E0", "图片")]
    [InlineData("a.et", "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1", "WPS")]
    [InlineData("a.wps", "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1", "WPS")]
    [InlineData("a.xls", "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1", ".xls")]
    [InlineData("a.rtf", "{\\rtf1\\ansi", "RTF")]
    public void UnreadableFormats_AreRefusedByName(string name, string head, string named)
    {
        byte[] bytes = [.. head.Select(c => (byte)c), .. new byte[64]];
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.Import(name, bytes));
        Assert.Contains(named, e.Errors[0].Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void SerialColumn_IsNotWarned()
    {
        ImportedTable t = Assert.Single(Import("probe29-csv-utf8-serial.csv").Tables);
        Assert.DoesNotContain(t.Warnings, w => w.Zh.Contains("序号", StringComparison.Ordinal));
    }
}
