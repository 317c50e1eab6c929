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
