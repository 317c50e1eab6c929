using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// The review page marks a report paragraph the table contradicts (the session 29 probe: 永新县's report says
/// 79.13分 is 良 where the table grades it 中, and gives a wrong 完成率) with the verifier's explanation under it,
/// leaves the paragraphs the table supports unmarked, and shows the submission's risk with the contradiction
/// and the boilerplate reason (one sentence on six rows) — for a submission made through the API, not a batch.
/// </summary>
public sealed class ReviewContradictionBrowserTests(ReviewBrowserHost host) : IClassFixture<ReviewBrowserHost>
{
    /// <summary>
    /// Part 二 as the unit wrote it: ¶2 is right (执行率70.00%), ¶4 gives 新建 a 完成率 of 70.00% too (1.5 of 2.5 is
    /// 60.00%): the same figure, right in one paragraph and wrong in the other; ¶5 gives the wrong grade.
    /// </summary>
    private const string Performance = """
        二、绩效情况分析
        （一）资金投入情况。全年预算数4000万元，全年执行数2800万元，执行率70.00%，资金得分7.00分。
        （二）资金管理情况。资金专款专用，按进度拨付。
        （三）总体绩效目标完成情况。新建高标准农田1.5万亩，完成率70.00%；高效节水灌溉0.3万亩，完成率50.00%。
        （四）绩效指标完成情况。工程竣工验收合格率92%，受益农户满意度85%。自评得分79.13分，评价等级为良。
        """;

    private static string Shot(string name) => Path.Combine(BrowserHost.Screenshots, name);

    [Fact]
    public async Task AContradictedParagraph_IsMarkedWithItsExplanation_OnTheReviewPage()
    {
        using HttpClient unitApi = host.Client(host.DrafterKey);
        string table = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "jian29-07.json"));
        using HttpResponseMessage stored = await unitApi.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), new StringContent(table, Encoding.UTF8, "application/json"));
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        string evaluation = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
        using (HttpResponseMessage drafted = await unitApi.PostAsync(new Uri($"/api/v1/evaluations/{evaluation}/report", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.True(drafted.IsSuccessStatusCode, await drafted.Content.ReadAsStringAsync());
        }

        using (HttpResponseMessage edited = await unitApi.PutAsync(new Uri($"/api/v1/evaluations/{evaluation}/report/parts/performance", UriKind.Relative),
            new StringContent(new JsonObject { ["text"] = Performance.Replace("\r\n", "\n", StringComparison.Ordinal) }.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        }

        using (HttpResponseMessage submitted = await unitApi.PostAsJsonAsync(new Uri("/api/v1/submissions", UriKind.Relative), new { evaluationId = evaluation }))
        {
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        }

        IPage reviewer = await host.OpenAsync(host.ReviewerKey);
        await Assertions.Expect(reviewer.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await reviewer.Locator("#queue tbody tr").First.ClickAsync();

        // The risk: the report's contradictions and the boilerplate reason, though the unit submitted through the API.
        await Assertions.Expect(reviewer.Locator("#d-risk")).ToContainTextAsync("报告中的数字或结论与自评表矛盾");
        await Assertions.Expect(reviewer.Locator("#d-risk")).ToContainTextAsync("偏差原因是套话");

        // The two contradicted paragraphs are marked, each with what the table says; the right ones are not.
        ILocator marked = reviewer.Locator("#d-report p.rp.contradicts");
        await Assertions.Expect(marked.First).ToBeVisibleAsync();
        await marked.First.ScrollIntoViewIfNeededAsync();
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("review-5-contradicted-paragraphs.png"), FullPage = true });
        IReadOnlyList<string> seen = [.. await marked.AllInnerTextsAsync(), .. await reviewer.Locator("#d-report .contradiction").AllInnerTextsAsync()];
        Assert.True(await marked.CountAsync() == 2, string.Join("\n", seen));
        await Assertions.Expect(marked.Nth(0)).ToContainTextAsync("新建高标准农田1.5万亩，完成率70.00%");
        await Assertions.Expect(marked.Nth(1)).ToContainTextAsync("评价等级为良");
        ILocator grade = marked.Nth(1).Locator("xpath=following-sibling::*[1]");
        await Assertions.Expect(grade).ToHaveClassAsync("contradiction");
        await Assertions.Expect(grade).ToContainTextAsync("与自评表不符");
        await Assertions.Expect(grade).ToContainTextAsync("中");
        await Assertions.Expect(reviewer.Locator("#d-report p.rp", new PageLocatorOptions { HasText = "资金投入情况" })).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("contradicts"));
        await Assertions.Expect(reviewer.Locator("#d-report p.rp", new PageLocatorOptions { HasText = "资金管理情况" })).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("contradicts"));
    }
}
