using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace Assistant.Api.Tests;

/// <summary>Staff draft the whole report on the page, edit part 二, reload, and export: the download has the edit.</summary>
public class ReportBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task DraftTheWholeReport_EditPartTwo_Reload_Export_TheDownloadHasTheEdit()
    {
        IPage page = await host.OpenAsync();
        await page.FillAsync("#paste", await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy")));
        await page.ClickAsync("#load-paste");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 85.92 · 良");
        await Assertions.Expect(page.Locator("#report-meta")).ToContainTextAsync("尚未起草");

        await page.ClickAsync("#report-draft");
        await Assertions.Expect(page.Locator("#report-parts article.report-part")).ToHaveCountAsync(5, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#report-version")).ToHaveTextAsync("第1版");
        ILocator part2 = page.Locator("article[data-part='performance']");
        await Assertions.Expect(part2.Locator(".part-text")).ToContainTextAsync("二、绩效情况分析");
        Assert.True(await part2.Locator(".part-notes li").CountAsync() >= 1);
        string drafted = await page.Locator("#report-parts").InnerTextAsync();
        Assert.DoesNotContain("【待核实】", drafted, StringComparison.Ordinal);
        Assert.DoesNotContain("{{fact", drafted, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "report-drafted.png"), FullPage = true });

        const string Added = "见习岗位开发集中在下半年，补贴随之在年底集中拨付。";
        await part2.Locator("button.part-edit").ClickAsync();
        string text = await part2.Locator("textarea.part-editor").InputValueAsync();
        await part2.Locator("textarea.part-editor").FillAsync(text + "\n" + Added);
        await part2.Locator("button.part-save").ClickAsync();
        await Assertions.Expect(page.Locator("#report-version")).ToHaveTextAsync("第2版");
        await Assertions.Expect(page.Locator("article[data-part='performance'] .part-text")).ToContainTextAsync(Added);

        await page.ReloadAsync();
        await page.SelectOptionAsync("#stored", new SelectOptionValue { Index = 1 });
        await Assertions.Expect(page.Locator("#report-version")).ToHaveTextAsync("第2版");
        await Assertions.Expect(page.Locator("article[data-part='performance'] .part-text")).ToContainTextAsync(Added);
        await Assertions.Expect(page.Locator("#report-meta")).ToContainTextAsync("修改");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "report-edited.png"), FullPage = true });

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-docx"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        string path = Path.Combine(Path.GetTempPath(), "report-" + Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(path);
        using (WordprocessingDocument doc = WordprocessingDocument.Open(path, false))
        {
            string body = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(Added, body, StringComparison.Ordinal);
            Assert.Contains("五、其他需要说明的问题", body, StringComparison.Ordinal);
        }

        File.Delete(path);
        IDownload xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
    }
}
