using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Assistant.Features.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Assistant.Api.Tests.Review;

/// <summary>The web host on a real port with a small hierarchy, a unit's drafter key and its city's reviewer key, for the review page.</summary>
public sealed class ReviewBrowserHost : IAsyncLifetime
{
    public const string Unit = "gx.c1.k1.u1";

    private readonly Assistant.Testing.TestDatabase database = new("reviewbrowser");
    private WebApplication? app;

    public string BaseAddress { get; private set; } = string.Empty;

    public string DrafterKey { get; private set; } = string.Empty;

    public string ReviewerKey { get; private set; } = string.Empty;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Assistant"] = database.ConnectionString;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ApiHost.Configure(builder);
        app = builder.Build();
        ApiHost.Map(app);
        await app.StartAsync();
        BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await app.Services.GetRequiredService<UnitStore>().ImportAsync(
        [
            new UnitInput("gx", "某某自治区", null, "province"),
            new UnitInput("gx.c1", "某甲市", "gx", "city"),
            new UnitInput("gx.c1.k1", "某甲市一县", "gx.c1", "county"),
            new UnitInput(Unit, "某甲市一县就业服务中心", "gx.c1.k1", "unit"),
        ]);
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        DrafterKey = (await keys.CreateAsync(ApiRoles.Drafter, Unit, "就业服务中心")).Key;
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

    public async Task<IPage> OpenAsync(string key)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{BaseAddress}/review.html#key={key}");
        return page;
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

/// <summary>The unit submits; the city reviewer opens the queue and the submission, 退回 with a comment on a paragraph; the unit sees it, revises and resubmits; the reviewer 通过.</summary>
public sealed class ReviewBrowserTests(ReviewBrowserHost host) : IClassFixture<ReviewBrowserHost>
{
    private const string Comment = "原因分析过于笼统，请说明见习岗位开发不足的具体情况";
    private const string Revised = "三、偏离绩效目标的原因和下一步改进措施\n机关事业单位实习生数量未完成，原因是当年开发的见习岗位集中在下半年，上半年岗位不足。\n下一步将提前开发见习岗位。";

    private static string Shot(string name) => Path.Combine(BrowserHost.Screenshots, name);

    [Fact]
    public async Task Submit_Return_WithAParagraphComment_Resubmit_Approve()
    {
        using HttpClient unitApi = host.Client(host.DrafterKey);
        string table = await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy"));
        using HttpResponseMessage stored = await unitApi.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), new StringContent(table, Encoding.UTF8, "application/json"));
        string evaluation = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
        using (HttpResponseMessage drafted = await unitApi.PostAsync(new Uri($"/api/v1/evaluations/{evaluation}/report", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.True(drafted.IsSuccessStatusCode, await drafted.Content.ReadAsStringAsync());
        }

        // The unit submits its table with the report.
        IPage unit = await host.OpenAsync(host.DrafterKey);
        await unit.ClickAsync("#submit-box summary");
        await Assertions.Expect(unit.Locator("#submit-evaluation option")).ToHaveCountAsync(2);
        await unit.SelectOptionAsync("#submit-evaluation", new SelectOptionValue { Index = 1 });
        await unit.ClickAsync("#submit");
        await Assertions.Expect(unit.Locator("#d-status")).ToHaveTextAsync("待审");
        await Assertions.Expect(unit.Locator("#d-version")).ToContainTextAsync("第1版");
        await unit.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("review-1-unit-submitted.png"), FullPage = true });

        // The city reviewer opens the queue and the submission: table, findings and the report's paragraphs.
        IPage reviewer = await host.OpenAsync(host.ReviewerKey);
        await Assertions.Expect(reviewer.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(reviewer.Locator("#queue tbody tr")).ToContainTextAsync("某甲市一县就业服务中心");
        await reviewer.Locator("#queue tbody tr").First.ClickAsync();
        await Assertions.Expect(reviewer.Locator("#d-table tbody tr")).ToHaveCountAsync(9);
        // The 自评表 shows its fund lines too (probe 33 chat #15): budget, spending and 执行率 in the table's unit; parts carry no score.
        await Assertions.Expect(reviewer.Locator("#d-funds tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(reviewer.Locator("#d-funds thead")).ToContainTextAsync("（万元）");
        await Assertions.Expect(reviewer.Locator("#d-funds tbody tr").First).ToContainTextAsync("年度资金总额200.0038.9919.50%0.97");
        await Assertions.Expect(reviewer.Locator("#d-funds tbody tr").Nth(1)).ToContainTextAsync("不单独计分");
        ILocator paragraph = reviewer.Locator("#d-report p.rp[data-part='deviation']").Nth(2);
        await Assertions.Expect(paragraph).ToBeVisibleAsync();
        await paragraph.Locator("button.comment").ClickAsync();
        await reviewer.Locator("textarea.pcomment").FillAsync(Comment);
        await reviewer.Locator("input.spot-score[data-index='0']").FillAsync("5.5");
        await reviewer.FillAsync("#d-comment", "请补充原因后重新提交");
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("review-2-reviewer-commenting.png"), FullPage = true });
        await reviewer.ClickAsync("#return");
        await Assertions.Expect(reviewer.Locator("#d-status")).ToHaveTextAsync("已退回");
        await Assertions.Expect(reviewer.Locator("#d-history")).ToContainTextAsync(Comment);
        await Assertions.Expect(reviewer.Locator("#d-history")).ToContainTextAsync("抽评「机关事业单位实习生数量」5.5 分（自评 5.80，分值 10）");
        await Assertions.Expect(reviewer.Locator("#d-report .rp.commented")).ToHaveCountAsync(1);

        // The unit sees the comment beside its paragraph, revises the report and resubmits.
        await unit.ReloadAsync();
        await unit.Locator("#queue tbody tr").First.ClickAsync();
        await Assertions.Expect(unit.Locator("#d-status")).ToHaveTextAsync("已退回");
        await Assertions.Expect(unit.Locator("#d-report .review-comment")).ToContainTextAsync(Comment);
        await Assertions.Expect(unit.Locator("#resubmit")).ToBeVisibleAsync();
        await unit.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("review-3-unit-sees-comment.png"), FullPage = true });
        using (HttpResponseMessage edited = await unitApi.PutAsync(new Uri($"/api/v1/evaluations/{evaluation}/report/parts/deviation", UriKind.Relative),
            new StringContent(new JsonObject { ["text"] = Revised }.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        }

        await unit.ClickAsync("#resubmit");
        await Assertions.Expect(unit.Locator("#d-version")).ToContainTextAsync("第2版");
        await Assertions.Expect(unit.Locator("#d-status")).ToHaveTextAsync("待审");
        await Assertions.Expect(unit.Locator("#d-report")).ToContainTextAsync("上半年岗位不足");

        // The reviewer opens version 2 and approves it.
        await reviewer.ReloadAsync();
        await reviewer.Locator("#queue tbody tr").First.ClickAsync();
        await Assertions.Expect(reviewer.Locator("#d-version")).ToContainTextAsync("第2版");
        await Assertions.Expect(reviewer.Locator("#d-report")).ToContainTextAsync("上半年岗位不足");
        await reviewer.ClickAsync("#approve");
        await Assertions.Expect(reviewer.Locator("#d-status")).ToHaveTextAsync("已通过");
        await Assertions.Expect(reviewer.Locator("#d-history li.decision")).ToHaveCountAsync(2);
        await Assertions.Expect(reviewer.Locator("#decide")).ToBeHiddenAsync();
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("review-4-reviewer-approved.png"), FullPage = true });
    }
}
