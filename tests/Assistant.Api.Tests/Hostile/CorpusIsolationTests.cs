using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// Two units' own reports and one published report: every corpus path (list, read, search, drafting
/// precedents, chat sources, explanations) shows a unit its own and the published ones, never the
/// other unit's. Each of the two units' reports explains exactly the shortfalls of the table both
/// units draft from, so a leak would be cited.
/// </summary>
public sealed class CorpusIsolationTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    private const string UnitA = "甲单位";

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string UnitB = "乙单位";

    private static string Report(string marker, string cause) =>
        $"""
        {marker}2023年度就业见习补贴项目绩效自评报告
        一、项目基本情况
        本项目为就业见习补贴，资金用于机关事业单位实习生和就业见习人员的生活补助。
        三、偏离绩效目标的原因和下一步改进措施
        机关事业单位实习生数量未完成年度目标，主要原因是{cause}，{marker}记录在案。参加就业见习人员数量未完成，主要原因是{cause}。
        下一步将针对{cause}拓展见习岗位，{marker}负责落实。
        """;

    private static async Task<(string Id, HttpStatusCode Status)> UploadAsync(HttpClient client, string text, string? scope = null)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        using HttpResponseMessage response = await client.PostAsync(
            new Uri("/api/v1/corpus/reports?fileName=r.md" + (scope is null ? string.Empty : "&scope=" + scope), UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? ((string)JsonNode.Parse(body)!["documentId"]!, response.StatusCode) : (string.Empty, response.StatusCode);
    }

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    [Fact]
    public async Task EveryCorpusPath_ShowsOwnAndPublished_NeverAnotherUnits()
    {
        HttpClient drafterA = factory.ClientFor(ApiRoles.Drafter, UnitA);
        HttpClient reviewerA = factory.ClientFor(ApiRoles.Reviewer, UnitA);
        HttpClient drafterB = factory.ClientFor(ApiRoles.Drafter, UnitB);
        HttpClient adminC = factory.ClientFor(ApiRoles.Admin, "财政局");

        (string aDoc, _) = await UploadAsync(drafterA, Report("甲单位内部报告", "甲方岗位编制冻结"));
        (string bDoc, _) = await UploadAsync(drafterB, Report("乙单位内部报告", "乙方机构改革暂停招录"));
        (string shared, HttpStatusCode sharedStatus) = await UploadAsync(adminC, Report("公开发布报告", "企业用工需求下降"), "shared");
        Assert.Equal(HttpStatusCode.Created, sharedStatus);

        // Only an admin publishes; a drafter asking to is refused and nothing is stored.
        (_, HttpStatusCode refused) = await UploadAsync(drafterA, Report("甲单位想发布", "测试"), "shared");
        Assert.Equal(HttpStatusCode.Forbidden, refused);

        foreach ((HttpClient client, string own, string other, string otherMarker) in new[]
        {
            (drafterA, aDoc, bDoc, "乙单位内部报告"),
            (reviewerA, aDoc, bDoc, "乙单位内部报告"),
            (drafterB, bDoc, aDoc, "甲方岗位编制冻结"),
        })
        {
            // list and read
            string list = await SendAsync(client, HttpMethod.Get, "/api/v1/corpus/reports");
            Assert.Contains(own, list, StringComparison.Ordinal);
            Assert.Contains(shared, list, StringComparison.Ordinal);
            Assert.DoesNotContain(other, list, StringComparison.Ordinal);
            using (HttpResponseMessage get = await client.GetAsync(new Uri($"/api/v1/corpus/reports/{other}", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            }

            Assert.Equal("unit", (string?)JsonNode.Parse(await SendAsync(client, HttpMethod.Get, $"/api/v1/corpus/reports/{own}"))!["scope"]);
            Assert.Equal("shared", (string?)JsonNode.Parse(await SendAsync(client, HttpMethod.Get, $"/api/v1/corpus/reports/{shared}"))!["scope"]);

            // search, in every mode, by the other unit's own words
            foreach (string mode in new[] { "hybrid", "vector", "lexical" })
            {
                string found = JsonNode.Parse(await SendAsync(client, HttpMethod.Get, $"/api/v1/corpus/search?q={Uri.EscapeDataString(otherMarker + " 实习生数量未完成的原因")}&top=50&mode={mode}"))!["hits"]!.ToJsonString(Relaxed);
                Assert.DoesNotContain(other, found, StringComparison.Ordinal);
                Assert.DoesNotContain(otherMarker, found, StringComparison.Ordinal);
            }
        }

        // The positive control: each unit does find its own words.
        Assert.Contains(bDoc, await SendAsync(drafterB, HttpMethod.Get, $"/api/v1/corpus/search?q={Uri.EscapeDataString("乙方机构改革暂停招录")}&top=10"), StringComparison.Ordinal);
        Assert.Contains(aDoc, await SendAsync(reviewerA, HttpMethod.Get, $"/api/v1/corpus/search?q={Uri.EscapeDataString("甲方岗位编制冻结")}&top=10"), StringComparison.Ordinal);

        // drafting precedents, explanations and chat sources of unit A never cite B's report
        string table = await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy"));
        string evaluation = (string)JsonNode.Parse(await SendAsync(drafterA, HttpMethod.Post, "/api/v1/evaluations", table))!["id"]!;
        string draft = await SendAsync(drafterA, HttpMethod.Post, $"/api/v1/evaluations/{evaluation}/drafts", "{\"section\":\"deviation\",\"provider\":\"offline\",\"sourcesPerItem\":10}");
        Assert.DoesNotContain(bDoc, draft, StringComparison.Ordinal);
        Assert.DoesNotContain("乙单位内部报告", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("乙方机构改革", draft, StringComparison.Ordinal);
        Assert.True(draft.Contains(aDoc, StringComparison.Ordinal) || draft.Contains(shared, StringComparison.Ordinal), "the draft cites the unit's own or the published report");

        for (int index = 0; index < 2; index++)
        {
            string explanation = await SendAsync(reviewerA, HttpMethod.Get, $"/api/v1/evaluations/{evaluation}/indicators/{index}/explanation?cases=10");
            Assert.DoesNotContain(bDoc, explanation, StringComparison.Ordinal);
            Assert.DoesNotContain("乙方机构改革", explanation, StringComparison.Ordinal);
        }

        string conversation = (string)JsonNode.Parse(await SendAsync(drafterA, HttpMethod.Post, "/api/v1/conversations", $"{{\"evaluationId\":\"{evaluation}\"}}"))!["id"]!;
        foreach (string message in new[] { "有没有类似的案例？实习生数量未完成的往年原因", "为什么机关事业单位实习生数量没有完成？", "起草偏离原因" })
        {
            string turn = await SendAsync(drafterA, HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages",
                new JsonObject { ["content"] = message, ["provider"] = "offline" }.ToJsonString());
            Assert.DoesNotContain(bDoc, turn, StringComparison.Ordinal);
            Assert.DoesNotContain("乙方机构改革", turn, StringComparison.Ordinal);
        }

        // The same file uploaded by two units is two documents, each its unit's own.
        (string bCopy, HttpStatusCode copyStatus) = await UploadAsync(drafterB, Report("甲单位内部报告", "甲方岗位编制冻结"));
        Assert.Equal(HttpStatusCode.Created, copyStatus);
        Assert.NotEqual(aDoc, bCopy);

        // Unit B drafting from the same table does cite its own report (the path can leak, and does not).
        string evaluationB = (string)JsonNode.Parse(await SendAsync(drafterB, HttpMethod.Post, "/api/v1/evaluations", table))!["id"]!;
        string draftB = await SendAsync(drafterB, HttpMethod.Post, $"/api/v1/evaluations/{evaluationB}/drafts", "{\"section\":\"deviation\",\"provider\":\"offline\",\"sourcesPerItem\":10}");
        Assert.True(draftB.Contains(bDoc, StringComparison.Ordinal) || draftB.Contains(bCopy, StringComparison.Ordinal), "unit B's draft cites unit B's own report");
        Assert.DoesNotContain(aDoc, draftB, StringComparison.Ordinal);
    }
}
