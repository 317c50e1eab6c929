using Microsoft.Playwright;

namespace Assistant.Api.Tests;

/// <summary>The Scalar API reference at <c>/scalar/</c>, in Chromium: served by the host alone, under its own Content-Security-Policy.</summary>
public class ApiReferenceBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ReferencePage_Loads_FromTheHostOnly_WithoutPolicyViolations()
    {
        IBrowserContext context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN" });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var problems = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add(e);
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(host.BaseAddress, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(r.Url);
            }
        };

        IResponse? response = await page.GotoAsync($"{host.BaseAddress}/scalar/");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("script-src", await response.HeaderValueAsync("content-security-policy") ?? string.Empty, StringComparison.Ordinal);

        // The document is fetched and rendered: an operation's summary appears.
        await page.GetByText("保存自评表并计算得分").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, "api-reference.png") });

        Assert.Empty(problems);
        Assert.Empty(elsewhere);
        await context.CloseAsync();
    }
}
