using Assistant.Domain.Importing;
using Assistant.Features.Importing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 45: the copies a browser's PDF viewer makes (<c>pdftotext -raw</c>, <c>*.browser.txt</c>: the text in the order the
/// page draws it, a wrapped cell's lines one a line, one-line cells of a row side by side) are read by <see cref="RunStream"/>
/// when every row can be cut into cells one way only, cell for cell as the table's clean copy is read; otherwise refused
/// as before. Every copy in the folder (the session-45 tables of make_runstream.py too) is one or the other, never wrong.
/// </summary>
public class ImportingRunStreamTests(ITestOutputHelper output)
{
    /// <summary>The browser copies read today (the others are refused): a copy leaving this list, or joining it, is a change to look at.</summary>
    private static readonly string[] Read =
    [
        "ah-shuiku-hlo.browser.txt", "ah-shuiku-hweb.browser.txt", "he-xiaofang-web.browser.txt", "hn-xingfuyuan-web.browser.txt",
        "js-wushui-hweb.browser.txt", "sn-gongshui-web.browser.txt", "zw-chuangye-hweb.browser.txt", "zw-jianxi-hweb.browser.txt",
        "zw-jingfei-hweb.browser.txt", "sc-nongtian-web.browser.txt", "sd-gonglu-hweb.browser.txt",
    ];

    public static TheoryData<string> Copies()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Folder, "*.browser.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        return data;
    }

    private static ImportedTable Clean(string file)
    {
        string stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
        return Assert.Single(DocumentImporter.FromText("clean.txt", Copy(stem[..stem.LastIndexOf('-')] + ".clean.txt")).Tables);
    }

    /// <summary>Read: the clean copy's cells, 得分 and 总分; refused: the problem names the file and says what to do, in both languages.</summary>
    [Theory]
    [MemberData(nameof(Copies))]
    public void Every_browser_copy_is_read_as_its_clean_copy_or_refused_with_what_to_do(string file)
    {
        ImportedTable clean = Clean(file);
        ImportResult result;
        try
        {
            result = DocumentImporter.FromText(file, Copy(file));
        }
        catch (UnreadableDocumentException e)
        {
            output.WriteLine($"{file}: refused: {e.Errors[0].Zh}");
            Assert.DoesNotContain(file, Read);
            Assert.False(string.IsNullOrWhiteSpace(e.Errors[0].Field));
            Assert.Contains(".xlsx", e.Errors[0].Zh, StringComparison.Ordinal);
            Assert.Contains(".xlsx", e.Errors[0].En, StringComparison.Ordinal);
            return;
        }

        ImportedTable read = Assert.Single(result.Tables);
        Assert.Equal(ShapeWithoutSpaces(clean).Split('\n')[1..], ShapeWithoutSpaces(read).Split('\n')[1..]);
        Assert.Equal(clean.Title, read.Title);
        Assert.Equal(Total(clean), Total(read));
        Assert.NotEqual("no total", Total(read));
        Assert.Contains(file, Read);
    }

    /// <summary>The list of copies read is the copies read: each one named above is read.</summary>
    [Fact]
    public void The_copies_named_as_read_exist()
    {
        foreach (string f in Read)
        {
            Assert.True(File.Exists(Path.Combine(Folder, f)), f);
        }
    }

    /// <summary>A table written as a browser copies it: the title, the labels, a fund block, then the rows given and 总分.</summary>
    private static string Stream(params string[] rows) => string.Join('\n',
        [
            "2024年度项目支出绩效自评表", "项目名称 2024 年测试项目", "主管部门 测试局 实施单位 测试中心", "项目资金", "（万元）",
            "年初预算数 全年预算数", "全年执行", "数", "分值 执行率 得分", "年度资金总", "额", "100.00 100.00 90.00 10 90.00% 9.00",
            "一级指标 二级指标 三级指标", "年度指标", "值", "实际完", "成值", "分值 得分", "偏差原因", "分析及改", "进措施",
            .. rows,
            "总分 100 99.00",
        ]);

    private const string Quantity = "产出指标 数量指标\n完成设备配备\n的站点数量\n≥12 12 50 50";

    [Fact]
    public void A_plain_stream_is_read_cell_for_cell()
    {
        ImportedTable t = Assert.Single(DocumentImporter.FromText("copy.txt", Stream(Quantity, "效益指标 社会效益指标 群众满意程度 ≥90% 92% 50 49")).Tables);
        ImportedFundLine f = Assert.Single(t.FundLines);
        Assert.Equal(("年度资金总额", "100.00", "90.00", "90.00%", "9.00"), (f.Name, f.Budget, f.Executed, f.PrintedRate, f.PrintedScore));
        Assert.Equal(2, t.Indicators.Count);
        ImportedIndicator i = t.Indicators[0];
        Assert.Equal(("产出指标", "数量指标", "完成设备配备的站点数量", "≥12", "12", "50", "50"), (i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Weight, i.PrintedScore));
        Assert.Equal("99.00", t.PrintedTotal);
    }

    /// <summary>A percentage cut by the cell's wrap (<c>90.00</c> / <c>%</c>) is one figure.</summary>
    [Fact]
    public void A_split_percentage_is_one_figure()
    {
        string text = Stream(Quantity).Replace("90.00 10 90.00% 9.00", "90.00 10 90.00\n%\n9.00", StringComparison.Ordinal);
        ImportedFundLine f = Assert.Single(Assert.Single(DocumentImporter.FromText("copy.txt", text).Tables).FundLines);
        Assert.Equal(("90.00%", "9.00"), (f.PrintedRate, f.PrintedScore));
    }

    /// <summary>
    /// A text 指标值 beside a wrapped name (he-xiaofang's 较上年缩 / 短): <c>较上年提</c> / <c>升</c> may be the name's last line and
    /// a one-line target, or the target's two lines; both fit the page, so the copy is refused rather than read one way.
    /// </summary>
    [Fact]
    public void A_text_target_next_to_a_wrapped_name_that_fits_two_ways_is_refused()
    {
        string row = "效益指标 社会效益指标\n群众文化活动\n参与人次统计\n较上年提\n升\n明显\n提升\n50 50";
        Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copy.txt", Stream(Quantity, row)));
        Assert.Null(RunStream.Rewrite(Stream(Quantity, row).Split('\n')));
    }

    /// <summary>
    /// The same target on one line beside the name's last line is one reading only: the name's wrap is full
    /// (<c>群众文化活动</c> with <c>参</c> would not fit), and cells side by side on one line are one-line cells.
    /// </summary>
    [Fact]
    public void A_text_target_that_fits_one_way_only_is_read()
    {
        string row = "效益指标 社会效益指标\n群众文化活动\n参与人次\n较上年提升 明显提升 50 50";
        ImportedTable t = Assert.Single(DocumentImporter.FromText("copy.txt", Stream(Quantity, row)).Tables);
        ImportedIndicator i = t.Indicators[1];
        Assert.Equal(("群众文化活动参与人次", "较上年提升", "明显提升"), (i.Name, i.Target, i.Actual));
    }

    /// <summary>A figure and the unit after it are never two cells: <c>≥2</c> / <c>万人</c> is one target, not a target and an actual.</summary>
    [Fact]
    public void A_figure_is_not_cut_from_its_unit()
    {
        string row = "产出指标 数量指标\n享受就业见习\n补贴人员数量\n≥2 万人 2.77 万人 50 50";
        ImportedTable t = Assert.Single(DocumentImporter.FromText("copy.txt", Stream(row, "效益指标 社会效益指标 群众满意程度 ≥90% 92% 50 49")).Tables);
        Assert.Equal(("享受就业见习补贴人员数量", "≥2万人", "2.77万人"), (t.Indicators[0].Name, t.Indicators[0].Target, t.Indicators[0].Actual));
    }

    /// <summary>
    /// A 偏差原因 holding category words (<c>数量指标</c>, even at a line's start) stays the reason of its row: a row begins with
    /// its 一级 and 二级 words, not with a 二级 word alone.
    /// </summary>
    [Fact]
    public void A_reason_with_a_category_word_stays_in_its_row()
    {
        string row = "产出指标 数量指标\n完成设备配备\n的站点数量\n≥12 11 50 45.83\n数量指标未\n完成因两站\n点未验收";
        string text = Stream(row, "效益指标 社会效益指标 群众满意程度 ≥90% 92% 30 29", "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 20 20");
        string[] rewritten = Assert.IsType<string[]>(RunStream.Rewrite(text.Split('\n')));
        Assert.Contains("产出指标\t数量指标\t完成设备配备的站点数量\t≥12\t11\t50\t45.83\t数量指标未完成因两站点未验收", rewritten);
        ImportedTable t = Assert.Single(DocumentImporter.FromText("copy.txt", text).Tables);
        Assert.Equal(3, t.Indicators.Count);
        Assert.Equal("数量指标未完成因两站点未验收", t.Indicators[0].DeviationNote);
    }

    /// <summary>A name's line printed after the row's figures (<c>… / % 10 ≥90 93 10 / 满意度</c>) may be the name's end or a reason: refused.</summary>
    [Fact]
    public void A_short_reason_after_a_full_name_is_refused()
    {
        string row = "满意度指标 服务对象满意度指标\n受益村民对设\n施运行情况的\n≥90% 93% 50 49\n满意度";
        Assert.Null(RunStream.Rewrite(Stream(Quantity, row).Split('\n')));
    }

    /// <summary>A row that runs on for hundreds of short lines (no next row, no 总分) is cut a bounded number of ways, then not read.</summary>
    [Fact]
    public void A_row_that_runs_on_for_pages_is_not_read()
    {
        string row = Quantity + "\n" + string.Join('\n', Enumerable.Range(0, 400).Select(k => k % 2 == 0 ? "延后 " + k : "实施"));
        Assert.Null(RunStream.Rewrite(Stream(row).Split('\n')));
    }
}
