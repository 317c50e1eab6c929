using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Testing;
using Microsoft.Playwright;

namespace Assistant.Api.Tests;

/// <summary>The import panel as staff use it: upload a workbook, fix a misread cell, store and see the score; paste text copied from a PDF; fill a table from scratch.</summary>
public class BrowserImportTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static async Task OpenImportAsync(IPage page)
    {
        await page.ClickAsync("#import > summary");
        await Assertions.Expect(page.Locator("#import-file")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task UploadXlsx_FixAMisreadCell_Store_SeeTheScore()
    {
        // The workbook as exported, with one cell wrong (1446 where the unit achieved 1464).
        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-entrepreneurship-fund")))!;
        table["indicators"]![0]!["actual"] = "1446";
        byte[] xlsx = OfficeFixtures.Xlsx([JsonSerializer.SerializeToElement(table)], numbers: true);

        IPage page = await host.OpenAsync();
        await OpenImportAsync(page);
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "全民创业发展资金.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx });
        ILocator actual = page.Locator("input[data-path='indicators.0.actual']");
        await Assertions.Expect(actual).ToHaveValueAsync("1446");
        Assert.Matches(@"来自 表1!F\d+", await actual.GetAttributeAsync("title"));
        Assert.Equal(21, await page.Locator("#import-indicators tr[data-row]").CountAsync());
        await Assertions.Expect(page.Locator("#import-total")).Not.ToHaveTextAsync("总分 89.47 · 良");

        await actual.FillAsync("1464");
        await Assertions.Expect(page.Locator("#import-total")).ToHaveTextAsync("总分 89.47 · 良");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "import-xlsx.png"), FullPage = true });

        await page.ClickAsync("#import-store");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 89.47 · 良");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("已保存");
        Assert.Equal(21, await page.Locator("#indicators tr[data-index]").CountAsync());
    }

    [Fact]
    public async Task PastePdfText_UnsureCellsMarked_AndSeveralTablesToChooseFrom()
    {
        IPage page = await host.OpenAsync();
        await OpenImportAsync(page);
        string seed = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Shared, "seeds", "zhongwei-2024-project-self-evaluation-tables.txt"));
        await page.FillAsync("#import-paste", seed);
        await page.ClickAsync("#import-read-paste");
        await Assertions.Expect(page.Locator("#import-total")).ToHaveTextAsync("总分 89.47 · 良");
        Assert.Equal(4, await page.Locator("#import-table option").CountAsync());
        await page.SelectOptionAsync("#import-table", "1");
        await Assertions.Expect(page.Locator("#import-total")).ToHaveTextAsync("总分 91.97 · 优");
        await Assertions.Expect(page.Locator("input[data-path='indicators.11.deviationNote']")).ToHaveValueAsync("指标已取消");

        // A messy copy: the row whose 得分 is missing is read by the header's columns; the one guess left
        // (the 总分 row's lone number) is marked unsure, with the warning on the cell.
        string messy = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Repo, "eval", "cases", "import", "messy-pdf-wrapped-and-missing.txt"));
        await page.FillAsync("#import-paste", messy);
        await page.ClickAsync("#import-read-paste");
        await Assertions.Expect(page.Locator("input[data-path='indicators.0.name']")).ToHaveValueAsync("稳岗返还惠及企业数量");
        await Assertions.Expect(page.Locator("input[data-path='indicators.1.target']")).ToHaveValueAsync("≥500");
        ILocator unsure = page.Locator("input.cell.unsure");
        Assert.True(await unsure.CountAsync() >= 1);
        Assert.Contains("⚠", await unsure.First.GetAttributeAsync("title"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#import-warnings li").First).ToBeVisibleAsync();
        await page.Locator("input[data-path='indicators.1.printedScore']").FillAsync("9.60");
        await Assertions.Expect(page.Locator("#import-findings")).ToContainTextAsync("“稳岗返还经办培训人次”未完成年度指标（指标值≥500，完成值480，完成率96.00%），未说明偏差原因");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "import-paste.png"), FullPage = true });
    }

    /// <summary>
    /// A CSV as Excel saves it, chosen in the page's import picker: "CSV (逗号分隔)" in GBK with a quoted
    /// thousands separator (the tester's file), and one of our own (another province and sector) in GBK
    /// with a quoted cell holding a comma and a line break. Each is read as its table and scored.
    /// </summary>
    [Theory]
    [InlineData("probe29-F30-excel-ansi.csv", null, "总分 95.60 · 优")]
    [InlineData("南充农村公路养护.csv", "own", "总分 98.20 · 优")]
    public async Task UploadCsv_ThroughThePicker_ReadAndScored(string name, string? own, string total)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        byte[] csv = own is null
            ? await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Repo, "eval", "cases", "import", name))
            : System.Text.Encoding.GetEncoding("GB18030").GetBytes(RoadMaintenanceCsv);
        IPage page = await host.OpenAsync();
        await OpenImportAsync(page);
        Assert.Contains(".csv", (await page.Locator("#import-file").GetAttributeAsync("accept"))!.Split(','));
        await Assertions.Expect(page.Locator("label[for='import-file']")).ToContainTextAsync(".csv");
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = csv });
        await Assertions.Expect(page.Locator("#import-total")).ToHaveTextAsync(total);
        if (own is not null)
        {
            await Assertions.Expect(page.Locator("input[data-path='indicators.0.actual']")).ToHaveValueAsync("480");
            await Assertions.Expect(page.Locator("input[data-path='indicators.0.deviationNote']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("汛期[\\s\\S]*20公里"));
        }

        await page.ClickAsync("#import-store");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync(total);
    }

    /// <summary>
    /// Every picker that reads tables (one table, a batch, an import job) offers every format the importer
    /// reads, and its help text names them: a format the importer reads but the picker hides is a format
    /// staff cannot choose, and one the picker offers but the importer refuses is a false promise.
    /// </summary>
    [Theory]
    [InlineData("import-file")]
    [InlineData("batch-files")]
    [InlineData("import-job-files")]
    public void EachTablePicker_OffersAndNamesEveryFormatTheImporterReads(string id)
    {
        string html = File.ReadAllText(Path.Combine(RepoPaths.Repo, "src", "Assistant.Api", "Page", "index.html"));
        var input = System.Text.RegularExpressions.Regex.Match(html, $"<input id=\"{id}\"[^>]*accept=\"([^\"]*)\"");
        var label = System.Text.RegularExpressions.Regex.Match(html, $"<label for=\"{id}\">([^<]*)</label>");
        Assert.True(input.Success && label.Success, id);
        string[] accepted = input.Groups[1].Value.Split(',');
        foreach (string ext in Assistant.Features.Importing.DocumentImporter.TableExtensions)
        {
            Assert.Contains(ext, accepted);
            Assert.Contains(ext, label.Groups[1].Value, StringComparison.Ordinal);
        }

        Assert.All(accepted.Where(a => a != ".zip"), a => Assert.Contains(a, Assistant.Features.Importing.DocumentImporter.TableExtensions));
    }

    /// <summary>A county road-maintenance table (四川南充) as Excel's "CSV (逗号分隔)" writes it: 执行率 90.00 %, 总分 98.20.</summary>
    private const string RoadMaintenanceCsv =
        ",项目支出绩效自评表,,,,,,,\r\n" +
        "项目名称,,农村公路养护项目,,,,,,\r\n" +
        "主管部门,,南充市嘉陵区交通运输局,,实施单位,,南充市嘉陵区公路养护站,,\r\n" +
        "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分,\r\n" +
        ",年度资金总额,200.00,200.00,180.00,10,90.00%,9.00,\r\n" +
        ",其中：市级资金,120.00,120.00,120.00,,100.00%,,\r\n" +
        ",区级资金,80.00,80.00,60.00,,75.00%,,\r\n" +
        "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施\r\n" +
        ",产出指标（50分）,数量指标,养护里程（公里）,≥500,480,20,19.20,\"受7月汛期影响，\r\n部分路段停工，20公里结转至2025年\"\r\n" +
        ",,质量指标,路面优良率（%）,≥80,85,20,20,\r\n" +
        ",,时效指标,养护及时率（%）,100,100,10,10,\r\n" +
        ",效益指标（30分）,社会效益指标,群众出行条件,明显改善,明显改善,20,20,\r\n" +
        ",,可持续影响指标,养护安全事故发生数（起）,0,0,10,10,\r\n" +
        ",满意度指标（10分）,服务对象满意度指标,沿线群众满意度（%）,≥90,93,10,10,\r\n" +
        "总分,,,,,,100,98.20,\r\n";

    [Fact]
    public async Task FromScratch_AddRows_ChooseLevels_TypeCells_Store()
    {
        IPage page = await host.OpenAsync();
        await OpenImportAsync(page);
        await page.ClickAsync("#import-blank");
        await page.FillAsync("input[data-path='title']", "社区就业服务补助");
        await page.FillAsync("input[data-path='funds.lines.0.budget']", "100.00");
        await page.FillAsync("input[data-path='funds.lines.0.executed']", "95.00");
        await page.FillAsync("input[data-path='indicators.0.name']", "服务人次（人次）");
        await page.FillAsync("input[data-path='indicators.0.target']", "≥1000");
        await page.FillAsync("input[data-path='indicators.0.actual']", "800");
        await page.FillAsync("input[data-path='indicators.0.weight']", "50");
        await page.ClickAsync("#import-add-row");
        await page.SelectOptionAsync("#import-indicators tr[data-row='1'] select[aria-label='一级指标']", "效益指标");
        await page.SelectOptionAsync("#import-indicators tr[data-row='1'] select[aria-label='二级指标']", "社会效益指标");
        await page.FillAsync("input[data-path='indicators.1.name']", "困难群众就业率");
        await page.FillAsync("input[data-path='indicators.1.target']", "≥90%");
        await page.FillAsync("input[data-path='indicators.1.actual']", "92%");
        await page.FillAsync("input[data-path='indicators.1.weight']", "40");
        // 10 × 95% + 50 × 800/1000 + 40 = 89.50
        await Assertions.Expect(page.Locator("#import-total")).ToHaveTextAsync("总分 89.50 · 良");
        await page.ClickAsync("#import-store");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 89.50 · 良");
    }
}
