using Microsoft.Playwright;

namespace Assistant.Api.Tests;

/// <summary>The 批量导入 panel in a real browser: many files become one job, its progress, then each file's outcome.</summary>
public class BrowserJobsTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task ImportManyFiles_AsOneJob_ShowsProgressAndEachFile()
    {
        IPage page = await host.OpenAsync();
        FilePayload[] files =
        [
            .. JobSupport.Tables(2, seed: 400).Select(f => new FilePayload { Name = f.Name, MimeType = Xlsx, Buffer = f.Content }),
            new FilePayload { Name = "坏文件.xlsx", MimeType = Xlsx, Buffer = [(byte)'P', (byte)'K', 3, 4, 1, 2] },
        ];
        await page.SetInputFilesAsync("#import-job-files", files);
        await page.ClickAsync("#import-job-upload");
        await Assertions.Expect(page.Locator("#import-job-state")).ToContainTextAsync("已完成：3 / 3", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#import-job-state")).ToContainTextAsync("1 个文件无法导入");
        Assert.Equal("3", await page.Locator("#import-job-progress").GetAttributeAsync("max"));
        Assert.Equal(3, await page.EvaluateAsync<int>("() => document.getElementById('import-job-progress').value"));
        ILocator rows = page.Locator("#import-job-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("坏文件.xlsx");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("失败");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("corrupt");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("已导入");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("分）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "import-job.png"), FullPage = true });
    }
}
