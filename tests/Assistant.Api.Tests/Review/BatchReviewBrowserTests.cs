using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Features.Batches;
using Assistant.Features.Records;
using Assistant.Features.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// The web host on a real port for a city bureau's batch: five units beneath 某甲市 with a drafter key each,
/// the city's reviewer key. Its jobs role is <c>api</c> (checks are queued, not taken by a worker): the test
/// runs each queued check itself through <see cref="BatchService.CheckItemAsync"/>, the code a worker runs,
/// one at a time, so every step of the progress can be seen on the page.
/// </summary>
public sealed class BatchReviewBrowserHost : IAsyncLifetime
{
    public const int Count = 5;

    private readonly Assistant.Testing.TestDatabase database = new("batchreviewbrowser");
    private WebApplication? app;

    public string BaseAddress { get; private set; } = string.Empty;

    public string ReviewerKey { get; private set; } = string.Empty;

    public Dictionary<string, string> DrafterKeys { get; } = [];

    public static IReadOnlyList<string> Units { get; } = [.. Enumerable.Range(1, Count).Select(i => $"gx.c1.k1.u{i}")];

    public IBrowser Browser { get; private set; } = null!;

    public BatchService Batches => app!.Services.GetRequiredService<BatchService>();

    private IPlaywright Playwright { get; set; } = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Assistant"] = database.ConnectionString;
        builder.Configuration["Jobs:Role"] = "api";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ApiHost.Configure(builder);
        app = builder.Build();
        ApiHost.Map(app);
        await app.StartAsync();
        BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        string[] names = ["就业服务中心", "人才交流中心", "职业技能鉴定站", "创业指导中心", "劳动保障监察大队"];
        await app.Services.GetRequiredService<UnitStore>().ImportAsync(
        [
            new UnitInput("gx", "某某自治区", null, "province"),
            new UnitInput("gx.c1", "某甲市", "gx", "city"),
            new UnitInput("gx.c1.k1", "某甲市一县", "gx.c1", "county"),
            .. Units.Select((u, i) => new UnitInput(u, "某甲市一县" + names[i], "gx.c1.k1", "unit")),
        ]);
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        foreach (string unit in Units)
        {
            DrafterKeys[unit] = (await keys.CreateAsync(ApiRoles.Drafter, unit, "单位填报")).Key;
        }

        ReviewerKey = (await keys.CreateAsync(ApiRoles.Reviewer, "gx.c1", "市财政局绩效科")).Key;
        Assert.True(File.Exists(BrowserHost.Chromium), $"{BrowserHost.Chromium} is missing: scripts/test installs Debian's chromium package.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserHost.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(BrowserHost.Screenshots);
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<IPage> OpenAsync(string key, string page)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        IPage p = await context.NewPageAsync();
        p.SetDefaultTimeout(30_000);
        await p.GotoAsync($"{BaseAddress}/{page}#key={key}");
        return p;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}

/// <summary>
/// Issue 19's Done-when on the page: the city bureau uploads a .zip of five generated submissions (four with
/// an injected error), watches the progress move one submission at a time, opens the riskiest from the risk
/// queue, 退回 it with a comment on a paragraph of the unit's own report; the unit, with its own key, sees
/// the comment, revises that part and resubmits; the bureau sees version 2 and 通过 it.
/// </summary>
public sealed class BatchReviewBrowserTests(BatchReviewBrowserHost host) : IClassFixture<BatchReviewBrowserHost>
{
    private const string Comment = "报告中的预算执行率与自评表不一致，请核对后更正";
    private const string Revision = "经核对，预算执行率以自评表所列为准，已按审核意见更正。";

    private static string Shot(string name) => Path.Combine(BrowserHost.Screenshots, name);

    [Fact]
    public async Task Upload_WatchProgress_ReturnTheRiskiest_UnitRevises_ReviewerApproves()
    {
        // The bureau uploads the batch on the page; the page shows it queued, nothing checked yet.
        IPage bureau = await host.OpenAsync(host.ReviewerKey, string.Empty);
        await bureau.EvaluateAsync("""
            () => { window.progressSeen = []; new MutationObserver(() => window.progressSeen.push(document.getElementById("batch-state").textContent))
              .observe(document.getElementById("batch-state"), { childList: true, characterData: true, subtree: true }); }
            """);
        await bureau.SetInputFilesAsync("#batch-files", new FilePayload { Name = "某甲市2024年度项目.zip", MimeType = "application/zip", Buffer = Zip() });
        await bureau.FillAsync("#batch-name", "某甲市2024年度项目自评");
        await bureau.ClickAsync("#batch-upload");
        // The upload itself (five submissions read and stored, the first request of a cold host) may take
        // longer than an assertion's default 5 s on a slow machine: this step checks what the page says
        // once it answers, not how fast.
        await Assertions.Expect(bureau.Locator("#batch-state")).ToHaveTextAsync(
            $"排队中：已检查 0 / {BatchReviewBrowserHost.Count} 份（0%）", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await bureau.Locator("#batch-panel").ScrollIntoViewIfNeededAsync();
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-1-uploaded.png"), FullPage = true });

        // Each check the worker's code runs moves the progress on the page: the text and the bar, step by step.
        Guid job = Guid.Parse(await bureau.EvaluateAsync<string>("() => batch.job"));
        using HttpClient api = host.Client(host.ReviewerKey);
        JsonElement queued = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/batches/{job}/queue", UriKind.Relative));
        var items = queued.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(BatchReviewBrowserHost.Count, items.Count);
        for (int k = 1; k <= items.Count; k++)
        {
            Assert.True(await host.Batches.CheckItemAsync(items[k - 1]));
            string state = k < items.Count ? "检查中" : "已完成";
            await Assertions.Expect(bureau.Locator("#batch-state")).ToHaveTextAsync($"{state}：已检查 {k} / {items.Count} 份（{k * 100 / items.Count}%）");
            await Assertions.Expect(bureau.Locator("#batch-progress")).ToHaveJSPropertyAsync("value", k);
            if (k == 2)
            {
                await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-2-progress.png"), FullPage = true });
            }
        }

        string[] seen = await bureau.EvaluateAsync<string[]>("() => window.progressSeen");
        var counts = seen.Select(s => System.Text.RegularExpressions.Regex.Match(s, @"已检查 (\d+) /")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Equal(Enumerable.Range(0, items.Count + 1), counts);

        // The risk queue: five rows, riskiest first, each with its reasons and a link to its submission.
        ILocator rows = bureau.Locator("#batch-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(items.Count);
        await Assertions.Expect(rows.First).ToHaveClassAsync("risk-high");
        await Assertions.Expect(rows.First.Locator("td").Nth(6)).Not.ToBeEmptyAsync();
        await Assertions.Expect(bureau.Locator("#batch-review-link")).ToBeVisibleAsync();
        await bureau.Locator("#batch-queue").ScrollIntoViewIfNeededAsync();
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-3-risk-queue.png"), FullPage = true });
        string unit = (await rows.First.Locator("td").Nth(2).GetAttributeAsync("data-unit"))!;
        await Assertions.Expect(rows.First.Locator("td").Nth(2)).ToContainTextAsync("某甲市一县");
        string reasons = await rows.First.Locator("td").Nth(6).InnerTextAsync();

        // The riskiest opens on the review page: the unit's table, the risk reasons, the unit's own report.
        await rows.First.Locator("a.review-link").ClickAsync();
        await Assertions.Expect(bureau).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review\\.html"));
        await Assertions.Expect(bureau.Locator("#d-status")).ToHaveTextAsync("待审");
        await Assertions.Expect(bureau.Locator("#d-history")).ToContainTextAsync("批量上传（报告第1版）");
        await Assertions.Expect(bureau.Locator("#d-risk-reasons li").First).ToBeVisibleAsync();
        Assert.Contains(reasons.Split('；', '、', '（')[0].Trim(), await bureau.Locator("#d-risk").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(bureau.Locator("#queue tbody tr")).ToHaveCountAsync(items.Count);
        ILocator paragraph = bureau.Locator("#d-report p.rp", new PageLocatorOptions { HasText = "预算执行率" }).First;
        await Assertions.Expect(paragraph).ToBeVisibleAsync();
        await paragraph.Locator("button.comment").ClickAsync();
        await bureau.Locator("textarea.pcomment").FillAsync(Comment);
        await bureau.FillAsync("#d-comment", "请核对报告中的数字后重新提交");
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-4-riskiest-commenting.png"), FullPage = true });
        await bureau.ClickAsync("#return");
        await Assertions.Expect(bureau.Locator("#d-status")).ToHaveTextAsync("已退回");
        await Assertions.Expect(bureau.Locator("#d-history")).ToContainTextAsync(Comment);
        string submission = (await bureau.EvaluateAsync<string>("() => state.open"))!;

        // The unit, with its own key: only its own submission, the comment beside its paragraph; it may not decide.
        IPage own = await host.OpenAsync(host.DrafterKeys[unit], "review.html");
        await Assertions.Expect(own.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await own.Locator("#queue tbody tr").First.ClickAsync();
        await Assertions.Expect(own.Locator("#d-status")).ToHaveTextAsync("已退回");
        await Assertions.Expect(own.Locator("#d-report .review-comment")).ToContainTextAsync(Comment);
        await Assertions.Expect(own.Locator("#decide")).ToBeHiddenAsync();
        await Assertions.Expect(own.Locator("#d-report button.comment")).ToHaveCountAsync(0);
        await Assertions.Expect(own.Locator("#resubmit")).ToBeVisibleAsync();
        await own.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-5-unit-sees-comment.png"), FullPage = true });

        // It revises the commented part beside the comment, saves (a new report version) and resubmits.
        string part = (await paragraph.GetAttributeAsync("data-part"))!;
        ILocator revise = own.Locator($".revise[data-part='{part}']");
        await revise.Locator("button.revise-open").ClickAsync();
        ILocator editor = revise.Locator("textarea.revise-text");
        await editor.FillAsync(await editor.InputValueAsync() + "\n" + Revision);
        await revise.Locator("button.revise-save").ClickAsync();
        await Assertions.Expect(revise.Locator(".revised")).ToContainTextAsync(Revision);
        await Assertions.Expect(revise.Locator(".revised")).ToContainTextAsync("报告第2版，尚未提交");
        await own.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-6-unit-revised.png"), FullPage = true });
        await own.ClickAsync("#resubmit");
        await Assertions.Expect(own.Locator("#d-version")).ToContainTextAsync("第2版");
        await Assertions.Expect(own.Locator("#d-status")).ToHaveTextAsync("待审");
        await Assertions.Expect(own.Locator("#d-report")).ToContainTextAsync(Revision);
        await Assertions.Expect(own.Locator("#decide")).ToBeHiddenAsync();

        // The bureau sees version 2 with the revision, version 1 and its comment kept, and 通过.
        await bureau.ReloadAsync();
        await bureau.Locator($"#queue tbody tr[data-id='{submission}']").ClickAsync();
        await Assertions.Expect(bureau.Locator("#d-version")).ToContainTextAsync("第2版（共2版）");
        await Assertions.Expect(bureau.Locator("#d-report")).ToContainTextAsync(Revision);
        await Assertions.Expect(bureau.Locator("#d-history")).ToContainTextAsync(Comment);
        await bureau.ClickAsync("#approve");
        await Assertions.Expect(bureau.Locator("#d-status")).ToHaveTextAsync("已通过");
        await Assertions.Expect(bureau.Locator("#d-history li.decision")).ToHaveCountAsync(2);
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-7-approved.png"), FullPage = true });

        // The review queue narrowed to the batch (the batch page's link), then to its high-risk rows.
        await bureau.GotoAsync($"{host.BaseAddress}/review.html#batch={job}");
        await Assertions.Expect(bureau.Locator("#f-batch")).ToContainTextAsync("某甲市2024年度项目自评");
        await Assertions.Expect(bureau.Locator("#queue tbody tr")).ToHaveCountAsync(items.Count);
        // Which rows the filter must show comes from the API, so the page is waited on until every one of them is there
        // and high, never counted while the list is being replaced (a count taken mid-refresh flaked under load).
        JsonElement highs = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions?batch={job}&risk=high", UriKind.Relative));
        var highIds = highs.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        // The generator's clean submission (seed 0) is clean: the filter shows the high ones and only them, never all five.
        Assert.InRange(highIds.Count, 1, items.Count - 1);
        await bureau.SelectOptionAsync("#f-risk", "high");
        await bureau.ClickAsync("#f-apply");
        await Assertions.Expect(bureau.Locator("#queue tbody tr")).ToHaveCountAsync(highIds.Count);
        foreach (string id in highIds)
        {
            await Assertions.Expect(bureau.Locator($"#queue tbody tr[data-id='{id}'] td.risk-high")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(bureau.Locator("#queue tbody tr td.risk-high")).ToHaveCountAsync(highIds.Count);
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-8-queue-of-the-batch.png"), FullPage = true });

        // 无 (no risk point): the clean one, shown as 无 without a score; its detail says so instead of “低（0分）”.
        await bureau.SelectOptionAsync("#f-risk", "none");
        await bureau.ClickAsync("#f-apply");
        await Assertions.Expect(bureau.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(bureau.Locator("#queue tbody tr td.risk-none")).ToHaveTextAsync("无");
        await bureau.Locator("#queue tbody tr").First.ClickAsync();
        await Assertions.Expect(bureau.Locator("#d-risk")).ToContainTextAsync("风险 无（0分） 无风险提示");
        await Assertions.Expect(bureau.Locator("#d-risk")).ToContainTextAsync("无风险提示");
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("batch-review-9-queue-risk-none.png"), FullPage = true });
        await bureau.ClickAsync("#f-batch-clear");
        await Assertions.Expect(bureau.Locator("#f-batch")).ToBeHiddenAsync();
    }

    /// <summary>Generated submissions 0000–0004 (seed 0 clean, 1–4 one injected error each), a units.csv giving each its unit.</summary>
    private static byte[] Zip()
    {
        byte[] inner = BatchSupport.Zip(BatchReviewBrowserHost.Count);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var source = new ZipArchive(new MemoryStream(inner), ZipArchiveMode.Read))
            {
                foreach (ZipArchiveEntry e in source.Entries)
                {
                    using Stream from = e.Open();
                    using Stream to = zip.CreateEntry(e.FullName).Open();
                    from.CopyTo(to);
                }
            }

            using Stream csv = zip.CreateEntry("units.csv").Open();
            csv.Write(Encoding.UTF8.GetBytes(string.Concat(BatchReviewBrowserHost.Units.Select((u, i) => $"{i:0000},{u}\n"))));
        }

        return ms.ToArray();
    }
}
