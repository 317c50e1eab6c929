using System.Globalization;
using System.Text;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Domain.Tests;

/// <summary>
/// The classes the session-31 outside testers found: fund labels in cells that are not merged (blank
/// beside, split over two cells, repeated in each cell), a fund part line's 执行率 lost in
/// <c>pdftotext -layout</c> text (short lines, the rate under 分值/得分, split from its %, wrapped), and
/// targets with a comparator and a unit per period (≥1次/年, 100%/年, 1次/季度).
/// </summary>
public class ImportingProbe32Tests
{
    private const string Span = "»";

    private static readonly string[] IndicatorHeader = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""];

    private static GridRow R(params string[] cells) =>
        new(cells.Select((c, k) => c == Span ? new GridCell(string.Empty, $"S!{k}") { Spanned = true } : new GridCell(c, $"S!{k}")).ToList());

    private static string Lines(ImportedTable t) =>
        string.Join(";", t.FundLines.Select(l => $"{l.Name}>{l.Parent}:{l.InitialBudget}/{l.Budget}/{l.Executed}/{l.PrintedRate}/{l.PrintedScore}"));

    private static ImportedTable FromRows(IEnumerable<GridRow> fundRows)
    {
        var rows = new List<GridRow> { R("项目名称", Span, "农村公路养护", Span, Span, Span, Span, Span, Span) };
        rows.AddRange(fundRows);
        rows.Add(R(IndicatorHeader));
        rows.Add(R("产出指标", "数量指标", "养护里程（公里）", "≥100", "120", "90", "90", "", ""));
        rows.Add(R("总分", Span, Span, Span, Span, "100", "99.00", "", ""));
        return Assert.Single(TableLayout.Read(new Grid("S", rows)));
    }

    private const string Expected = "年度资金总额>:100.00/100.00/90.00/90.00%/9.00;财政拨款>年度资金总额:80.00/80.00/72.00/90.00%/;上年结转资金>年度资金总额:20.00/20.00/18.00/90.00%/;其他资金>年度资金总额:////";

    public static TheoryData<string, string[][]> UnmergedFundLabels => new()
    {
        {
            "浙江: label in one cell, blanks beside it (header and lines)",
            [
                ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["", "年度资金总额", "", "100.00", "100.00", "90.00", "10", "90.00%", "9.00"],
                ["", "其中：财政拨款", "", "80.00", "80.00", "72.00", "", "90.00%", ""],
                ["", "上年结转资金", "", "20.00", "20.00", "18.00", "", "90.00%", ""],
                ["", "其他资金", "", "", "", "", "", "", ""],
            ]
        },
        {
            "江苏: merged ranges undone and filled (label repeated in every cell)",
            [
                ["项目资金（万元）", "项目资金（万元）", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["项目资金（万元）", "年度资金总额", "年度资金总额", "100.00", "100.00", "90.00", "10", "90.00%", "9.00"],
                ["项目资金（万元）", "其中：财政拨款", "其中：财政拨款", "80.00", "80.00", "72.00", "", "90.00%", ""],
                ["项目资金（万元）", "上年结转资金", "上年结转资金", "20.00", "20.00", "18.00", "", "90.00%", ""],
                ["项目资金（万元）", "其他资金", "其他资金", "", "", "", "", "", ""],
            ]
        },
        {
            "四川: label split over two cells",
            [
                ["项目资金（万元）", Span, Span, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["", "年度资金", "总额", "100.00", "100.00", "90.00", "10", "90.00%", "9.00"],
                ["", "其中：", "财政拨款", "80.00", "80.00", "72.00", "——", "90.00%", "——"],
                ["", "上年结转", "资金", "20.00", "20.00", "18.00", "——", "90.00%", "——"],
                ["", "其他资金", "", "", "", "", "", "", ""],
            ]
        },
        {
            "河南: header merged over three columns, lines not merged",
            [
                ["项目资金（万元）", Span, Span, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["", "年度资金总额", "", "100.00", "100.00", "90.00", "10", "90.00%", "9.00"],
                ["", "其中：财政拨款", "", "80.00", "80.00", "72.00", "", "90.00%", ""],
                ["", "上年结转资金", "", "20.00", "20.00", "18.00", "", "90.00%", ""],
                ["", "其他资金", "", "", "", "", "", "", ""],
            ]
        },
        {
            "湖北: header not merged, line names merged over two cells, 分值 merged down",
            [
                ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["", "年度资金总额", Span, "100.00", "100.00", "90.00", "10", "90.00%", "9.00"],
                ["", "其中：财政拨款", Span, "80.00", "80.00", "72.00", "", "90.00%", ""],
                ["", "上年结转资金", Span, "20.00", "20.00", "18.00", "", "90.00%", ""],
                ["", "其他资金", Span, "", "", "", "", "", ""],
            ]
        },
        {
            "广西: full-width label split, ％ rates, label in the first cell",
            [
                ["资金投入情况（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["年度资金总额", "", "", "100.00", "100.00", "90.00", "10", "90.00%", "9.00"],
                ["其中", "：财政拨款", "", "80.00", "80.00", "72.00", "", "90.00%", ""],
                ["上年结转资金", "上年结转资金", "上年结转资金", "20.00", "20.00", "18.00", "", "90.00%", ""],
                ["其他资金", "", "", "", "", "", "", "", ""],
            ]
        },
    };

    [Theory]
    [MemberData(nameof(UnmergedFundLabels))]
    public void FundLabels_InCellsNotMerged_AreReadAsTheMergedLayout(string layout, string[][] block)
    {
        ImportedTable t = FromRows(block.Select(r => R(r)));
        Assert.True(Expected == Lines(t), $"{layout}: {Lines(t)}");
        Assert.Equal("10", t.FundWeight);
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("funds", StringComparison.Ordinal) && w.Zh.Contains("不是数字", StringComparison.Ordinal));
    }

    [Fact]
    public void FundLabels_NotMerged_FewerFundColumns_ReadByColumn()
    {
        // 全年预算数 / 全年执行数 / 执行率 before 分值 / 得分 (no 年初预算数), the label over two cells without a merge.
        ImportedTable t = FromRows(
        [
            R("项目资金（万元）", "", "全年预算数", "全年执行数", "执行率", "分值", "得分", "", ""),
            R("年度资金总额", "年度资金总额", "500.00", "450.00", "90.00%", "10", "9.00", "", ""),
            R("其中：", "中央补助资金", "300.00", "300.00", "100.00%", "", "", "", ""),
            R("其中：", "县级配套资金", "200.00", "150.00", "75.00%", "", "", "", ""),
        ]);
        Assert.Equal("年度资金总额>:/500.00/450.00/90.00%/9.00;中央补助资金>年度资金总额:/300.00/300.00/100.00%/;县级配套资金>年度资金总额:/200.00/150.00/75.00%/", Lines(t));
    }

    [Fact]
    public void FundLabels_NotMerged_InAnXlsx_ReadEndToEnd()
    {
        string[][] rows =
        [
            ["项目支出绩效自评表", "", "", "", "", "", "", "", ""],
            ["项目名称", "", "城乡居民医疗救助", "", "", "", "", "", ""],
            ["项目资金（万元）", "项目资金（万元）", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["项目资金（万元）", "年度资金总额", "年度资金总额", "#100", "#100", "#90", "#10", "%0.9", "#9"],
            ["项目资金（万元）", "其中：", "财政拨款", "#80", "#80", "#72", "", "%0.9", ""],
            ["项目资金（万元）", "上年结转资金", "", "#20", "#20", "#18", "", "%0.9", ""],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""],
            ["产出指标", "数量指标", "救助人次（人次）", "≥1000", "1200", "90", "90", "", ""],
            ["总分", "", "", "", "", "100", "99", "", ""],
        ];
        ImportedTable t = Assert.Single(DocumentImporter.Import("unmerged.xlsx", Xlsx(rows)).Tables);
        Assert.Equal("年度资金总额>:100.00/100.00/90.00/90.00%/9.00;财政拨款>年度资金总额:80.00/80.00/72.00/90.00%/;上年结转资金>年度资金总额:20.00/20.00/18.00/90.00%/", Lines(t));
        Assert.Equal("99.00", EvaluationService.Score(ImportContract.ToEvaluation(t)).Total);
    }

    /// <summary>An .xlsx without merges: <c>#n</c> a number shown with two decimals, <c>%f</c> a fraction shown as a percentage.</summary>
    private static byte[] Xlsx(string[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart book = doc.AddWorkbookPart();
            book.Workbook = new S.Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new S.Stylesheet(
                new S.NumberingFormats(new S.NumberingFormat { NumberFormatId = 164, FormatCode = "0.00" }, new S.NumberingFormat { NumberFormatId = 165, FormatCode = "0.00%" }),
                new S.Fonts(new S.Font()), new S.Fills(new S.Fill()), new S.Borders(new S.Border()),
                new S.CellFormats(new S.CellFormat(), new S.CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }, new S.CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }));
            var data = new S.SheetData();
            for (int r = 0; r < rows.Length; r++)
            {
                var row = new S.Row { RowIndex = (uint)(r + 1) };
                for (int c = 0; c < rows[r].Length; c++)
                {
                    string text = rows[r][c];
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var cell = new S.Cell { CellReference = $"{(char)('A' + c)}{r + 1}" };
                    if (text[0] is '#' or '%')
                    {
                        cell.StyleIndex = text[0] == '#' ? 1u : 2u;
                        cell.CellValue = new S.CellValue(decimal.Parse(text[1..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        cell.DataType = S.CellValues.InlineString;
                        cell.InlineString = new S.InlineString(new S.Text(text));
                    }

                    row.Append(cell);
                }

                data.Append(row);
            }

            WorksheetPart part = book.AddNewPart<WorksheetPart>();
            part.Worksheet = new S.Worksheet(data);
            book.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = book.GetIdOfPart(part), SheetId = 1, Name = "自评表" }));
        }

        return ms.ToArray();
    }

    // ---- pdftotext -layout: a part line's 执行率 ----

    /// <summary>A line with each text starting at a column, a Chinese character two columns wide (<paramref name="wide"/> 2) or one (pdftotext's count).</summary>
    private static string Lay(int wide, params (string Text, int Col)[] cells)
    {
        var sb = new StringBuilder();
        int col = 0;
        foreach ((string text, int at) in cells)
        {
            int pad = Math.Max(col == 0 && sb.Length == 0 ? at : 1, at - col);
            sb.Append(' ', pad);
            col += pad;
            sb.Append(text);
            col += text.Sum(ch => ch >= '\u2e80' && ch is not ('≥' or '≤') ? wide : 1);
        }

        return sb.ToString();
    }

    private const string IndicatorsText = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标\t数量指标\t养护里程（公里）\t≥100\t120\t90\t90\t\n总分\t\t\t\t\t100\t99.00\t\n";

    private static ImportedTable FromText(string funds) =>
        Assert.Single(TableLayout.Read(TextTables.Read("项目名称    农村公路养护\n" + funds + IndicatorsText, "case.txt")));

    // Header columns (display width): label 0, 年初预算数 24, 全年预算数 36, 全年执行数 48, 分值 60, 执行率 68, 得分 78.
    private static string Header(int wide, string label = "项目资金（万元）") =>
        Lay(wide, (label, 0), ("年初预算数", 24), ("全年预算数", 36), ("全年执行数", 48), ("分值", 60), ("执行率", 68), ("得分", 78));

    private static string Total(int wide) => Lay(wide, ("年度资金总额", 0), ("800.00", 26), ("800.00", 38), ("720.00", 50), ("10", 61), ("90.00%", 68), ("9.00", 78));

    public static TheoryData<string, string> PartLines => new()
    {
        { "no 分值/得分 cells", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00%", 68)) },
        { "no 年初预算数 either", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 38), ("540.00", 50), ("90.00%", 68)) },
        { "rate under 分值", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00%", 60)) },
        { "rate under 得分", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00%", 77)) },
        { "rate split from its %", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00", 68), ("%", 75)) },
        { "full-width ％ split", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("—", 61), ("90.00", 67), ("％", 74), ("—", 79)) },
        { "% wrapped onto the next line", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00", 69)) + "\n" + Lay(2, ("%", 71)) },
        { "rate wrapped onto the next line", Lay(2, ("其中：当年财政拨款", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50)) + "\n" + Lay(2, ("90.00%", 68)) },
        { "name wrapped onto the next line", Lay(2, ("其中：当年财政", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00%", 68)) + "\n" + Lay(2, ("拨款", 0)) },
    };

    [Theory]
    [MemberData(nameof(PartLines))]
    public void PdftotextPartLine_KeepsItsRate(string variant, string partLine)
    {
        string text = Header(2) + "\n" + Total(2) + "\n" + partLine + "\n" + Lay(2, ("上年结转资金", 0), ("200.00", 26), ("200.00", 38), ("180.00", 50), ("90.00%", 68)) + "\n";
        ImportedTable t = FromText(text);
        string budget = variant == "no 年初预算数 either" ? "" : "600.00";
        Assert.True($"年度资金总额>:800.00/800.00/720.00/90.00%/9.00;当年财政拨款>年度资金总额:{budget}/600.00/540.00/90.00%/;上年结转资金>年度资金总额:200.00/200.00/180.00/90.00%/" == Lines(t), $"{variant}: {Lines(t)}");
        Assert.Equal("10", t.FundWeight);
    }

    [Theory]
    [InlineData("项目资金（万元）")]
    [InlineData("资金投入情况（万元）")]
    [InlineData("预算资金（万元）")]
    public void PdftotextPartLine_CountedInCharacters_KeepsItsRate(string label)
    {
        // pdftotext puts each word at the column of its x position, counting a Chinese character as one.
        string text = Header(1, label) + "\n" + Total(1) + "\n"
            + Lay(1, ("其中：中央财政资金", 0), ("600.00", 26), ("600.00", 38), ("540.00", 50), ("90.00%", 68)) + "\n"
            + Lay(1, ("地方配套资金", 0), ("200.00", 38), ("180.00", 50), ("90.00%", 68)) + "\n";
        ImportedTable t = FromText(text);
        Assert.Equal("年度资金总额>:800.00/800.00/720.00/90.00%/9.00;中央财政资金>年度资金总额:600.00/600.00/540.00/90.00%/;地方配套资金>年度资金总额:/200.00/180.00/90.00%/", Lines(t));
    }

    // ---- ≥1次/年: comparator and a unit per period ----

    [Theory]
    [InlineData("≥1次/年", "次/年")]
    [InlineData("≤2次/月", "次/月")]
    [InlineData("100%/年", "%/年")]
    [InlineData("≥4期/年", "期/年")]
    [InlineData("1次/季度", "次/季度")]
    [InlineData("≧1次/年", "次/年")]
    [InlineData(">=12次/年", "次/年")]
    [InlineData("≥１次／年", "次/年")]
    [InlineData("＞＝2场/季度", "场/季度")]
    public void ValuePerPeriod_KeepsItsUnit(string value, string unit) => Assert.Equal(unit, CellText.UnitOfValue(value));

    [Theory]
    [InlineData("督导检查次数（次/季度）", "督导检查次数", "次/季度")]
    [InlineData("安全巡查频次（次/周）", "安全巡查频次", "次/周")]
    [InlineData("资料更新率（%/年）", "资料更新率", "%/年")]
    [InlineData("期刊出版（期/年）", "期刊出版", "期/年")]
    public void NamePerPeriodUnit_IsSplit(string cell, string name, string unit) => Assert.Equal((name, unit), CellText.SplitUnit(cell));

    [Theory]
    [InlineData("产出指标 数量指标 开展督导检查 ≥1 次/年 2 次/年 10 10", "≥1次/年", "2次/年")]
    [InlineData("产出指标 数量指标 开展督导检查 ≥ 1次/年 2次/年 10 10", "≥1次/年", "2次/年")]
    [InlineData("产出指标 时效指标 信息更新频次 ≤2 次/月 2 次/月 10 10", "≤2次/月", "2次/月")]
    [InlineData("产出指标 数量指标 出版内刊 ≥4期/年 4期/年 10 10", "≥4期/年", "4期/年")]
    [InlineData("产出指标 质量指标 设备巡检覆盖 100% /年 100% /年 10 10", "100%/年", "100%/年")]
    public void SingleSpacedRow_PerPeriodValues_StayWhole(string row, string target, string actual)
    {
        string text = "项目名称 社区卫生服务\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n" + row + "\n总分 100 100\n";
        ImportedTable t = Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));
        ImportedIndicator i = Assert.Single(t.Indicators);
        Assert.Equal((target, actual, "10", "10"), (i.Target, i.Actual, i.Weight, i.PrintedScore));
    }

    [Theory]
    [InlineData("开展督导检查", "≥1次/年", "2次/年", "次/年")]
    [InlineData("开展督导检查", "≧1次/年", "1次/年", "次/年")]
    [InlineData("质量抽检", "1次/季度", "1次/季度", "次/季度")]
    [InlineData("培训班", ">=4期/年", "4期/年", "期/年")]
    [InlineData("安全检查", "≤2次/月", "2次/月", "次/月")]
    public void TabbedRow_PerPeriodTarget_ScoresFull(string name, string target, string actual, string unit)
    {
        string text = $"项目名称\t基层卫生监督\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t{name}\t{target}\t{actual}\t100\t100\n总分\t\t\t\t\t100\t100\n";
        ImportedTable t = Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));
        ImportedIndicator i = Assert.Single(t.Indicators);
        Assert.Equal(unit, i.Unit);
        Assert.DoesNotContain('≧', i.Target!);
        Assert.Equal("100.00", EvaluationService.Score(ImportContract.ToEvaluation(t)).Total);
    }

    // ---- what the new eval tables showed ----

    [Theory]
    [InlineData("第 1 页")]
    [InlineData("第1页 共2页")]
    [InlineData("— 1 —")]
    [InlineData("- 12 -")]
    [InlineData("1/2")]
    [InlineData("共 2 页 第 1 页")]
    public void PageNumberLine_BetweenIndicatorRows_IsNoRow(string footer)
    {
        const string H = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n";
        string text = "项目名称\t社区养老服务\n" + H + "产出指标（50分）\t数量指标\t服务人次（人次）\t≥1000\t1200\t50\t50\n" + footer + "\n" + H
            + "\t质量指标\t服务达标率（%）\t≥95\t96\t40\t40\n总分\t\t\t\t\t90\t90\n";
        ImportedTable t = Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));
        Assert.Equal(["服务人次", "服务达标率"], t.Indicators.Select(i => i.Name));
        Assert.Equal(["产出指标", "产出指标"], t.Indicators.Select(i => i.Level1));
    }

    [Theory]
    [InlineData("（50分）")]
    [InlineData("(50分)")]
    [InlineData("（50）")]
    public void Level1WeightWrapped_BesideTheSecondRow_IsTheLevelsWeight(string weight)
    {
        var rows = new List<GridRow>
        {
            R("项目名称", "乡村道路"),
            R(IndicatorHeader),
            R("产出指标", "数量指标", "修建里程（公里）", "≥10", "10", "25", "25", "", ""),
            R(weight, "", "修建桥梁（座）", "≥2", "2", "25", "25", "", ""),
            R("", "质量指标", "验收合格率（%）", "100", "100", "40", "40", "", ""),
            R("总分", "", "", "", "", "90", "90", "", ""),
        };
        ImportedTable u = Assert.Single(TableLayout.Read(new Grid("S", rows)));
        Assert.Equal(["产出指标", "产出指标", "产出指标"], u.Indicators.Select(i => i.Level1));
        Assert.Equal(["数量指标", "数量指标", "质量指标"], u.Indicators.Select(i => i.Level2));
        Assert.Equal("50", Assert.Single(u.LevelWeights).Value);
    }

    [Fact]
    public void SpacedFundLines_WithEveryCell_AreReadInOrder_NotByPosition()
    {
        // Cells set apart by four spaces, not laid out under the header: every cell is there, in order.
        string text = "项目资金（万元）    年初预算数    全年预算数    全年执行数    分值    执行率    得分\n年度资金总额    500    500    450    20    90.00%    18.00\n其中：财政拨款    500    500    450    —    90.00 %    —\n";
        ImportedTable t = FromText(text);
        Assert.Equal("年度资金总额>:500/500/450/90.00%/18.00;财政拨款>年度资金总额:500/500/450/90.00%/", Lines(t));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PdftotextIndicatorRows_CountedEitherWay_KeepTheirColumns(int wide)
    {
        // Where the header words stand: pdftotext's character count, or columns aligned for the eye.
        int[] c = wide == 1 ? [0, 10, 22, 42, 52, 62, 68, 76] : [0, 12, 26, 52, 66, 80, 86, 94];
        string text = "项目名称    林业有害生物防治\n"
            + Lay(wide, ("一级指标", c[0]), ("二级指标", c[1]), ("三级指标", c[2]), ("年度指标值", c[3]), ("实际完成值", c[4]), ("分值", c[5]), ("得分", c[6]), ("偏差原因分析及改进措施", c[7])) + "\n"
            + Lay(wide, ("产出指标", c[0]), ("数量指标", c[1]), ("防治作业面积（万亩）", c[2]), ("≥50", c[3]), ("51.2", c[4]), ("20", c[5]), ("20.00", c[6])) + "\n"
            + Lay(wide, ("质量指标", c[1]), ("防治作业合格率", c[2]), ("≥95", c[3]), ("96", c[4]), ("15", c[5]), ("15.00", c[6])) + "\n"
            + Lay(wide, ("（%）", c[2])) + "\n"
            + Lay(wide, ("效益指标", c[0]), ("生态效益指标", c[1]), ("成灾率（‰）", c[2]), ("≤4", c[3]), ("3.2", c[4]), ("30", c[5]), ("30.00", c[6])) + "\n"
            + Lay(wide, ("总分", 0), ("65", c[5]), ("65.00", c[6])) + "\n";
        ImportedTable t = Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));
        Assert.Equal(["防治作业面积|万亩|≥50|51.2|20|20.00", "防治作业合格率|%|≥95|96|15|15.00", "成灾率|‰|≤4|3.2|30|30.00"],
            t.Indicators.Select(i => $"{i.Name}|{i.Unit}|{i.Target}|{i.Actual}|{i.Weight}|{i.PrintedScore}"));
    }
}
