using System.Text;
using Assistant.Api.Tests;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Assistant.Api.Tests;

/// <summary>
/// The real host on 127.0.0.1 (Kestrel, its own PostgreSQL database, the demo corpus plus one report
/// whose reasons carry HTML) and Debian's Chromium driven by Playwright. The page is used as staff use
/// it; screenshots go to <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>A past report whose 偏离原因 carries markup: it must show as text.</summary>
    public const string HostileReport = """
        # 某某县就业补助资金

        ## 2023年度绩效自评报告

        ## 一、绩效目标分解下达情况

        某某县安排就业补助资金，分解到公益性岗位补贴等方向。

        ## 三、偏离绩效目标的原因和下一步改进措施

        ### （一）偏离绩效目标的原因

        享受公益性岗位补贴人员数量未完成，原因是公益性岗位补贴人员退出较多<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>。

        ### （二）下一步改进措施

        加强公益性岗位开发管理<b onmouseover="window.__pwned=3">及时补充</b>。
        """;

    private readonly Assistant.Testing.TestDatabase database;
    private readonly IChatClient? model;
    private WebApplication? app;

    public BrowserHost()
        : this("browser", null)
    {
    }

    internal BrowserHost(string name, IChatClient? model)
    {
        database = new Assistant.Testing.TestDatabase(name);
        this.model = model;
    }

    public string BaseAddress { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(Assistant.Testing.RepoPaths.Repo, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Assistant"] = database.ConnectionString;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ApiHost.Configure(builder);
        if (model is not null)
        {
            builder.Services.AddSingleton(new DraftingModel(model));
        }

        app = builder.Build();
        ApiHost.Map(app);
        await app.StartAsync();
        BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await CorpusSeed.SeedAsync(app.Services);
        await app.Services.GetRequiredService<CorpusStore>().IngestAsync("moumou-2023-hostile.md", Encoding.UTF8.GetBytes(HostileReport));
        Key = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Drafter, "浏览器测试单位", "browser")).Key;

        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test installs Debian's chromium package.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A laptop-sized page, signed in with the key through the address fragment (never sent to the server).</summary>
    public async Task<IPage> OpenAsync()
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN" });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{BaseAddress}/#key={Key}");
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

/// <summary>Staff load a reference table, ask for the reasons, see verified numbers and citations, ask why a row fell short.</summary>
public class BrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Table = "zhongwei-2024-entrepreneurship-fund";

    private static async Task LoadByPasteAsync(IPage page, string table)
    {
        await page.FillAsync("#paste", await File.ReadAllTextAsync(Shared.Reference(table)));
        await page.ClickAsync("#load-paste");
    }

    private static async Task AskAsync(IPage page, string message, int answers)
    {
        await page.FillAsync("#chat-input", message);
        await page.ClickAsync("#chat-send");
        await Assertions.Expect(page.Locator("#messages li.assistant:not([aria-busy])")).ToHaveCountAsync(answers);
    }

    [Fact]
    public async Task LoadATable_AskForTheReasons_SeeVerifiedNumbersAndCitations_AskWhyARowFellShort()
    {
        IPage page = await host.OpenAsync();
        await LoadByPasteAsync(page, Table);
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 89.47 · 良");
        Assert.True(await page.Locator("#indicators tr.short").CountAsync() >= 5);
        Assert.True(await page.Locator("#findings li").CountAsync() >= 1);

        // Ask for the reasons in the chat: the draft appears, every number marked, paragraphs cite sources.
        await AskAsync(page, "起草偏离原因和改进措施", 1);
        await Assertions.Expect(page.Locator("#draft .badge.verified")).ToHaveTextAsync("数字已全部核实");
        Assert.True(await page.Locator("#draft .num-ok").CountAsync() >= 5);
        Assert.Equal(0, await page.Locator("#draft .num-held, #draft .num-bad").CountAsync());
        ILocator cite = page.Locator("#draft a.cite").First;
        string href = (await cite.GetAttributeAsync("href"))!;
        Assert.StartsWith("#source-", href, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(href).CountAsync());
        Assert.Contains("已起草", await page.Locator("#messages li.assistant").Last.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "draft.png"), FullPage = true });

        // Ask why a row fell short: the calculator's numbers, verified, and the stated reason.
        await AskAsync(page, "为什么享受公益性岗位补贴人员数量没有完成？", 2);
        ILocator answer = page.Locator("#messages li.assistant").Last;
        string said = await answer.InnerTextAsync();
        Assert.Contains("完成值334人", said, StringComparison.Ordinal);
        Assert.Contains("完成率66.80%", said, StringComparison.Ordinal);
        Assert.Contains("优先使用中央及自治区资金", said, StringComparison.Ordinal);
        Assert.Equal("334人", await answer.Locator(".num-ok", new() { HasTextString = "334人" }).First.InnerTextAsync());
        Assert.True(await answer.Locator("a.cite").CountAsync() >= 1);

        // A citation mark sits before its sentence's closing punctuation (…2023年）[S2]；), never after it: the character
        // right before every mark in the answer and in the draft is not 。；，！？：.
        string[] beforeMarks = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#messages a.cite, #draft a.cite')].map(a => { let n = a.previousSibling; while (n && n.nodeName === 'A') n = n.previousSibling; const t = n ? n.textContent : ''; return t.slice(-1); })");
        Assert.NotEmpty(beforeMarks);
        Assert.All(beforeMarks, c => Assert.DoesNotContain(c, new[] { "。", "；", "，", "！", "？", "：" }));

        // The reviewer's button in the table gives the same trace.
        await page.Locator("#indicators tr[data-index='1'] button.why").ClickAsync();
        await Assertions.Expect(page.Locator("#explanation")).ToContainTextAsync("计分规则");
        await Assertions.Expect(page.Locator("#explanation")).ToContainTextAsync("66.80%");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "why.png"), FullPage = true });
    }

    [Fact]
    public async Task UploadAFile_EditTheDraft_AndRecheckFlagsAWrongNumber()
    {
        IPage page = await host.OpenAsync();
        await page.SetInputFilesAsync("#file", Shared.Reference("zhongwei-2024-internship-subsidy"));
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 85.92 · 良");
        await page.ClickAsync("#draft-button");
        await Assertions.Expect(page.Locator("#draft .badge")).ToBeVisibleAsync();
        string text = await page.InputValueAsync("#draft-text");
        string number = (await page.Locator("#draft .num-ok").First.InnerTextAsync()).Trim();
        int at = text.IndexOf(number, StringComparison.Ordinal);
        Assert.True(at >= 0);
        string edited = text[..at] + "9" + number + text[(at + number.Length)..];
        await page.FillAsync("#draft-text", edited);
        await page.ClickAsync("#recheck");
        await Assertions.Expect(page.Locator("#recheck-result .num-bad, #recheck-result .num-held").First).ToBeVisibleAsync();

        // A stored evaluation can be picked again from the list.
        await page.ReloadAsync();
        await page.ClickAsync("#refresh-stored");
        await Assertions.Expect(page.Locator("#stored option").Nth(1)).ToBeAttachedAsync();
        string value = (await page.Locator("#stored option").Nth(1).GetAttributeAsync("value"))!;
        await page.SelectOptionAsync("#stored", value);
        await Assertions.Expect(page.Locator("#total")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#draft .badge")).ToBeVisibleAsync();
    }

    /// <summary>A part of the report drafted from the chat shows in the answer and in the report panel; export answers with a link that downloads.</summary>
    [Fact]
    public async Task DraftPartOneFromTheChat_AndExportThroughTheLinkInTheAnswer()
    {
        IPage page = await host.OpenAsync();
        await LoadByPasteAsync(page, "zhongwei-2024-internship-subsidy");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 85.92 · 良");

        await AskAsync(page, "帮我写第一部分", 1);
        ILocator answer = page.Locator("#messages li.assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync("一、绩效目标分解下达情况");
        await Assertions.Expect(answer).ToContainTextAsync("保存为报告的第1版");
        Assert.DoesNotContain("三、偏离绩效目标的原因", await answer.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await answer.Locator(".num-held, .num-bad").CountAsync());
        Assert.True(await answer.Locator(".num-ok").CountAsync() >= 3);
        await Assertions.Expect(page.Locator("#report-version")).ToHaveTextAsync("第1版");
        await Assertions.Expect(page.Locator("#report-parts article.report-part[data-part='targets']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#report-parts article.report-part[data-part='deviation']").CountAsync());

        await AskAsync(page, "能导出成Word吗", 2);
        ILocator link = page.Locator("#messages li.assistant").Last.Locator("a.download", new() { HasTextString = "report.docx" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "chat-part-and-export.png"), FullPage = true });
        await page.Locator("#messages li.assistant").Last.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "chat-export-link.png") });
        IDownload download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        string path = Path.Combine(BrowserHost.Screenshots, "chat-export.docx");
        await download.SaveAsAsync(path);
        byte[] bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    /// <summary>Enter sends (Shift+Enter is a new line); an earlier conversation is listed and reopens as it was said.</summary>
    [Fact]
    public async Task EnterSends_AndAnEarlierConversationReopens()
    {
        const string Demo = "zhongwei-2024-employment-service-demo";
        IPage page = await host.OpenAsync();
        await LoadByPasteAsync(page, Demo);
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("总分 91.97 · 优");

        // The 为什么？ answer of a row low in the table is scrolled into view.
        await page.Locator("#indicators tr[data-index='14'] button.why").ClickAsync();
        await Assertions.Expect(page.Locator("#explanation")).ToContainTextAsync("失业人员再就业人数");
        await Assertions.Expect(page.Locator("#explanation h3").First).ToBeInViewportAsync();

        await page.FocusAsync("#chat-input");
        await page.Keyboard.InsertTextAsync("总分怎么算？");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.InsertTextAsync("每项扣多少？");
        Assert.Equal("总分怎么算？\n每项扣多少？", await page.InputValueAsync("#chat-input"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#messages li.assistant:not([aria-busy])")).ToHaveCountAsync(1);
        Assert.Equal(string.Empty, await page.InputValueAsync("#chat-input"));
        ILocator first = page.Locator("#messages li.assistant").First;
        await Assertions.Expect(first).ToContainTextAsync("扣3.80分");
        await AskAsync(page, "企业吸纳那项为什么差这么多", 2);

        // A new conversation, then the page reloaded: the first one is listed and reopens with its marks.
        await page.ClickAsync("#new-conversation");
        await Assertions.Expect(page.Locator("#messages li")).ToHaveCountAsync(0);
        await AskAsync(page, "能导出成Word吗？", 1);
        await page.ReloadAsync();
        await page.ClickAsync("#refresh-stored");
        ILocator stored = page.Locator("#stored option", new() { HasTextString = "公共就业服务能力提升示范项目" });
        await page.SelectOptionAsync("#stored", (await stored.First.GetAttributeAsync("value"))!);
        await Assertions.Expect(page.Locator("#conversations option")).ToHaveCountAsync(3);
        ILocator earlier = page.Locator("#conversations option", new() { HasTextString = "总分怎么算？" });
        await page.SelectOptionAsync("#conversations", (await earlier.GetAttributeAsync("value"))!);
        await Assertions.Expect(page.Locator("#messages li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#messages li.user").First).ToHaveTextAsync("总分怎么算？\n每项扣多少？");
        await Assertions.Expect(page.Locator("#messages li.assistant").First).ToContainTextAsync("扣3.80分");
        Assert.True(await page.Locator("#messages li.assistant .num-ok").CountAsync() >= 5);
        await Assertions.Expect(page.Locator("#messages li.assistant").Nth(1)).ToContainTextAsync("企业吸纳就业困难人员数量");

        // Asked again in the reopened conversation: the answer joins it.
        await AskAsync(page, "超额较多的有哪些", 3);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "reopened-conversation.png"), FullPage = true });
    }

    [Fact]
    public async Task MarkupInACorpusPassage_ShowsAsText()
    {
        IPage page = await host.OpenAsync();
        await LoadByPasteAsync(page, Table);
        await Assertions.Expect(page.Locator("#total")).Not.ToBeEmptyAsync();
        await AskAsync(page, "享受公益性岗位补贴人员数量有没有类似的案例", 1);
        // Markup is stripped from report text at ingestion (it is data); what is left shows as text.
        await Assertions.Expect(page.Locator("#sources")).ToContainTextAsync("退出较多");
        await Assertions.Expect(page.Locator("#sources")).Not.ToContainTextAsync("<img");
        Assert.Equal(0, await page.Locator("#sources img, #sources script, #sources b, #messages img, #messages script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "escaped-corpus.png"), FullPage = true });
    }

    [Fact]
    public async Task WithoutAKey_ThePageSaysSo_InChinese()
    {
        IBrowserContext context = await host.Browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        IResponse? response = await page.GotoAsync(host.BaseAddress + "/");
        Assert.Equal(200, response!.Status);
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await page.FillAsync("#paste", "{}");
        await page.ClickAsync("#load-paste");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("请先填写 API 密钥");
        await page.FillAsync("#api-key", "ak_wrong_key");
        await page.ClickAsync("#key-form button");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("401");
    }
}

/// <summary>A model whose answer carries markup: the page shows it as text.</summary>
public sealed class HostileModelHost() : IAsyncLifetime
{
    public BrowserHost Host { get; } = new("browser_model", new ToolChat(ToolChat.Says("<img src=x onerror=\"window.__pwned=true\"><b>粗体</b><script>window.__pwned=true</script>总分{{fact:total}}。", piece: 5)));

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

public class HostileModelBrowserTests(HostileModelHost fixture) : IClassFixture<HostileModelHost>
{
    [Fact]
    public async Task MarkupInAModelAnswer_ShowsAsText()
    {
        IPage page = await fixture.Host.OpenAsync();
        await page.FillAsync("#paste", await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-entrepreneurship-fund")));
        await page.ClickAsync("#load-paste");
        await Assertions.Expect(page.Locator("#total")).Not.ToBeEmptyAsync();
        await page.FillAsync("#chat-input", "总分是多少");
        await page.ClickAsync("#chat-send");
        ILocator answer = page.Locator("#messages li.assistant").Last;
        await Assertions.Expect(answer).ToContainTextAsync("<b>粗体</b><script>window.__pwned=true</script>总分89.47分。");
        Assert.Equal(0, await page.Locator("#messages img, #messages b, #messages script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "escaped-model.png"), FullPage = true });
    }
}
