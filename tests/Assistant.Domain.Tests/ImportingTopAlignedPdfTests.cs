using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using Xunit.Abstractions;
using static Assistant.Domain.Tests.PdfCopyFiles;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38: a 自评表 printed to PDF by LibreOffice from Word or Excel and copied with <c>pdftotext -layout</c> (rows
/// packed line after line, long cells wrapping onto the lines below) was read wrongly and silently by the line-by-line
/// text reader. Now (1) such a reading is refused by what it leaves behind (a 一级/二级 cell cut mid-word, a fund line
/// named by a piece of the wrapped 项目资金（万元） label, a fund section lost), and (2) the copy is read row by row by
/// <see cref="PdfLayoutBlocks.Wrapped(string[], out int)"/> — but only when its cells begin at the top of their rows, so
/// that a browser's copy (cells centred) or a pasted table is never taken by it — or refused with the line named.
/// </summary>
public class ImportingTopAlignedPdfTests(ITestOutputHelper output)
{
    private static string[] Lines(string text)
    {
        string[] copied = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return ImportSanity.WithoutPageMargins(ImportSanity.WithoutDoubleSpacing(copied) ?? copied);
    }

    private static string Shape(ImportedTable t) => PdfCopyFiles.ShapeWithoutSpaces(t);

    private static ImportedTable Clean(string file) =>
        Assert.Single(DocumentImporter.FromText("clean.txt", Copy(file[..file.LastIndexOf('-')] + ".clean.txt")).Tables);

    private static TheoryData<string> Files(Func<string, bool> keep)
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Folder, "*.txt").Select(p => Path.GetFileName(p)!).Where(keep).Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        return data;
    }

    private static bool Office(string f) => f.Contains("-docx.", StringComparison.Ordinal) || f.Contains("-xlsx.", StringComparison.Ordinal);

    /// <summary>Session 36's copies of tables printed by a browser (cells centred in their rows), every variant.</summary>
    public static TheoryData<string> BrowserCopies() => Files(f => !Office(f) && !f.EndsWith(".clean.txt", StringComparison.Ordinal) && f.Contains('.', StringComparison.Ordinal)
        && (f.EndsWith(".layout.txt", StringComparison.Ordinal) || f.EndsWith(".spaced.txt", StringComparison.Ordinal) || f.EndsWith(".trimmed.txt", StringComparison.Ordinal) || f.EndsWith(".raw.txt", StringComparison.Ordinal)));

    /// <summary>The LibreOffice copies kept with their layout (top-aligned and, from session 38, centred cells).</summary>
    public static TheoryData<string> OfficeLayoutCopies() => Files(f => Office(f) && f.EndsWith(".layout.txt", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(BrowserCopies))]
    public void A_browser_copy_is_not_taken_by_the_wrapped_reader(string file)
    {
        string[]? read = PdfLayoutBlocks.Wrapped(Lines(Copy(file)), out int refused);
        Assert.Null(read);
        Assert.Equal(0, refused);
    }

    /// <summary>
    /// Step 1: the line-by-line reading (what the importer did with these copies before) is either the source table
    /// or refused by the sanity checks of a laid-out copy — never a wrong table that would be scored.
    /// </summary>
    [Theory]
    [MemberData(nameof(OfficeLayoutCopies))]
    public void A_line_by_line_reading_of_a_wrapped_copy_is_right_or_refused_by_its_cut_cells(string file)
    {
        string text = Copy(file);
        List<ImportedTable> joined;
        try
        {
            joined = TableJoin.Join(TableLayout.Read(TextTables.Read(string.Join('\n', Lines(text)), file)));
        }
        catch (InputException)
        {
            return;
        }

        IReadOnlyList<InputError> problems = ImportSanity.Problems(joined, ImportSanity.LaidOut(text), text);
        output.WriteLine(string.Join("\n", problems.Select(p => $"{p.Field}: {p.Zh}")));
        bool right = joined.Count == 1 && Shape(joined[0]) == Shape(Clean(file)) && Total(joined[0]) == Total(Clean(file));
        // No table at all (sd-gonglu-docx: its headers not recognised) scores nothing: the importer refuses it with what to do
        // (ImportingTextRowsPdfTests).
        Assert.True(right || problems.Count > 1 || joined.Count == 0, $"{file}: read wrongly and not refused\n{(joined.Count > 0 ? Shape(joined[0]) : "no table")}");
        Assert.All(problems.Skip(1), p => Assert.NotEqual("file", p.Field));
    }

    /// <summary>
    /// Changes made to a real top-aligned copy (zw-jianxi, Word): each must be read exactly as the source, or refused
    /// with the field named and what to do — never read wrongly. The wrapped reader takes the copy or not by a signal
    /// in the text (every cell begins at the top of its row), not by trying.
    /// </summary>
    [Theory]
    // As printed: read row by row.
    [InlineData("as printed", "read", "")]
    // A row's name begins on the line above its figures (a cell centred in its row): not this layout.
    [InlineData("first row centred", "not taken", "")]
    // A fund line without its 全年预算数 (a neighbour's column took it): the line is named.
    [InlineData("budget lost", "refused", "第8行")]
    // A 偏差原因 that begins below its row's first line (the row above has none): not this layout.
    [InlineData("reason below", "not taken", "")]
    public void A_changed_copy_is_read_right_or_refused(string change, string expected, string named)
    {
        List<string> lines = [.. Copy("zw-jianxi-docx.layout.txt").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];
        int first = lines.FindIndex(l => l.Contains("机关事业单位实习", StringComparison.Ordinal));
        switch (change)
        {
            case "first row centred":
                (lines[first], lines[first + 1]) = (lines[first + 1], lines[first]);
                break;
            case "budget lost":
                int fund = lines.FindIndex(l => l.Contains("其中：当", StringComparison.Ordinal));
                int at = lines[fund].IndexOf("200.00", lines[fund].IndexOf("200.00", StringComparison.Ordinal) + 6, StringComparison.Ordinal);
                lines[fund] = lines[fund][..at] + "      " + lines[fund][(at + 6)..];
                break;
            case "reason below":
                int quality = lines.FindIndex(l => l.Contains("补贴资金发放准确", StringComparison.Ordinal));
                lines[quality + 1] = lines[quality + 1].PadRight(64) + "另行说明";
                break;
        }

        string text = string.Join('\n', lines);
        string[]? rows = PdfLayoutBlocks.Wrapped(Lines(text), out int refused);
        Assert.Equal(expected == "read", rows is not null);
        Assert.Equal(expected == "refused", refused > 0);
        try
        {
            ImportedTable read = Assert.Single(DocumentImporter.FromText("copy.txt", text).Tables);
            Assert.Equal(Shape(Clean("zw-jianxi-docx.layout.txt")), Shape(read));
            Assert.NotEqual("refused", expected);
        }
        catch (UnreadableDocumentException e)
        {
            output.WriteLine(string.Join("\n", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
            Assert.NotEqual("read", expected);
            Assert.Contains(e.Errors, x => x.Field == "file" && x.Zh.Contains(".xlsx", StringComparison.Ordinal) && x.En.Contains(".xlsx", StringComparison.Ordinal));
            Assert.Contains(named, e.Errors[0].Zh, StringComparison.Ordinal);
        }
    }

    /// <summary>The checks of step 1 on the cells they look at: a cut 一级/二级 cell, a fund name that is a piece.</summary>
    [Theory]
    [InlineData("效益指", "社会效益指标", "年度资金总额", 1)]
    [InlineData("标", "指标", "年度资金总额", 2)]
    [InlineData("满意度指标度指标", "服务对象满意度指标", "年度资金总额", 1)]
    [InlineData("产出指标", "数量指标", "金（万年度资金", 1)]
    [InlineData("产出指标", "数量指标", "元）总额", 1)]
    [InlineData("产出指标", "数量指标", "当", 1)]
    [InlineData("产出指标", "数量指标", "年度资金总额", 0)]
    [InlineData("满意度指标", "服务对象满意度指标", "其他资金（自筹）", 0)]
    [InlineData("效益指标", "可持续影响指标", "其中：中央资金", 0)]
    public void A_piece_of_a_wrapped_cell_is_named(string level1, string level2, string fund, int errors)
    {
        var t = new ImportedTable { Source = "copy.txt", Title = "t", FundUnit = "万元" };
        t.FundLines.Add(new ImportedFundLine { Name = fund, Budget = "10.00", Executed = "9.00" });
        t.Indicators.Add(new ImportedIndicator { Level1 = level1, Level2 = level2, Name = "补贴发放人数", Target = "≥10", Actual = "12", Weight = "10", PrintedScore = "10" });
        IReadOnlyList<InputError> found = ImportSanity.CutCells([t], "年度资金总额");
        Assert.Equal(errors, found.Count);
        Assert.All(found, e => Assert.False(string.IsNullOrEmpty(e.Zh) || string.IsNullOrEmpty(e.En)));
    }

    /// <summary>
    /// Session 39: a cell wrapped around its row's middle line and read as two rows — the first with a weight but no target
    /// or actual, the second with no weight under the same 二级指标 — is named, whatever the row's words.
    /// </summary>
    [Theory]
    [InlineData("年末高校毕业生总体就业", "", "帮扶就业率", "15", "率", "≥92%", "93.27%", "", "经济效益指标", 1)]
    [InlineData("农村饮水安全巩固提升工程受益", "≥5000", "", "10", "人口", "", "5320", "", "社会效益指标", 1)]
    [InlineData("高标准农田建设", "", "", "20", "面积（万亩）", "≥2.5", "2.31", "", "数量指标", 1)]
    [InlineData("病死畜禽无害化处理", "100%", "", "10", "率", "", "98%", null, "质量指标", 1)]
    // Not pieces: both rows whole; or the second row has its weight; or another 二级指标.
    [InlineData("培训人数", "≥100", "120", "10", "取证人数", "≥80", "90", "10", "数量指标", 0)]
    [InlineData("年末高校毕业生总体就业", "", "帮扶就业率", "15", "率", "≥92%", "93.27%", "5", "经济效益指标", 0)]
    [InlineData("培训人数", "≥100", "120", "10", "满意度", "≥90%", "95%", "", null, 0)]
    public void A_row_wrapped_around_its_middle_line_and_read_as_two_is_named(
        string name1, string target1, string actual1, string weight1, string name2, string target2, string actual2, string? weight2, string? level2Of2, int errors)
    {
        var t = new ImportedTable { Source = "copy.txt", Title = "t", FundUnit = "万元" };
        t.FundLines.Add(new ImportedFundLine { Name = "年度资金总额", Budget = "10.00", Executed = "9.00" });
        t.Indicators.Add(new ImportedIndicator { Level1 = "效益指标", Level2 = level2Of2 is null ? "产出指标" : level2Of2, Name = name1, Target = target1, Actual = actual1, Weight = weight1 });
        t.Indicators.Add(new ImportedIndicator { Level1 = "效益指标", Level2 = level2Of2 ?? "满意度指标", Name = name2, Target = target2, Actual = actual2, Weight = weight2 });
        IReadOnlyList<InputError> found = ImportSanity.CutCells([t], "年度资金总额 10.00 9.00");
        Assert.Equal(errors, found.Count);
        Assert.All(found, e => Assert.Equal("indicators[1].name", e.Field));
        Assert.All(found, e => Assert.Contains(name2, e.Zh, StringComparison.Ordinal));
        Assert.All(found, e => Assert.Contains(name2, e.En, StringComparison.Ordinal));
    }
}
