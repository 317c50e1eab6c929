using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Features.Records;

namespace Assistant.Api.Tests;

/// <summary>
/// Conversations with the offline assistant over a real corpus: each intent reaches its tool, every
/// sentence arrives verified, the turn is stored, units and roles are kept apart, bad input is refused
/// before anything is stored.
/// </summary>
public class ConversationApiTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private const string Table = "zhongwei-2024-entrepreneurship-fund";

    private async Task<(HttpClient Client, Guid Evaluation, Guid Conversation)> StartAsync(string role = ApiRoles.Admin, string unit = ApiFactory.Unit)
    {
        await factory.SeedAsync();
        HttpClient writer = factory.ClientFor(ApiRoles.Admin, unit);
        Guid evaluation = await writer.StoreAsync(Table);
        HttpClient client = role == ApiRoles.Admin ? writer : factory.ClientFor(role, unit);
        return (client, evaluation, await client.StartAsync(evaluation));
    }

    [Fact]
    public async Task WhyDidItFallShort_TheTraceTheReasonAndSimilarCases_AllVerified()
    {
        var (client, _, conversation) = await StartAsync();
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "为什么享受公益性岗位补贴人员数量没有完成？");

        Assert.Equal("message", events[0].Type);
        Assert.Equal("done", events[^1].Type);
        JsonElement tool = Assert.Single(events.Of("tool"));
        Assert.Equal("explain_indicator", tool.GetProperty("name").GetString());
        JsonElement explanation = Assert.Single(events.Of("explanation"));
        Assert.Equal("334", explanation.GetProperty("trace").GetProperty("actual").GetString());
        Assert.Equal("66.80%", explanation.GetProperty("trace").GetProperty("completionText").GetString());
        Assert.Equal("优先使用中央及自治区资金", explanation.GetProperty("statedReason").GetString());
        Assert.NotEmpty(explanation.GetProperty("similarCases").EnumerateArray());

        string said = events.Said();
        Assert.Contains("完成值334人", said, StringComparison.Ordinal);
        Assert.Contains("完成率66.80%", said, StringComparison.Ordinal);
        Assert.Contains("优先使用中央及自治区资金", said, StringComparison.Ordinal);
        Assert.Contains("[S", string.Join(',', events.Of("sentence").SelectMany(s => s.GetProperty("sources").EnumerateArray()).Select(n => $"[S{n.GetInt32()}]")), StringComparison.Ordinal);
        Assert.All(events.Of("sentence"), s => Assert.Empty(s.GetProperty("held").EnumerateArray()));
        Assert.Contains(events.Of("sentence").SelectMany(s => s.GetProperty("numbers").EnumerateArray()),
            n => n.GetProperty("text").GetString() == "334人" && n.GetProperty("verdict").GetString() == "verified");

        JsonElement done = events.Done();
        Assert.Equal(0, done.GetProperty("held").GetInt32());
        Assert.Equal("offline", done.GetProperty("provider").GetString());

        // Stored: the question and the released answer, with the turn's events.
        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        var messages = stored.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal("user", messages[0].GetProperty("role").GetString());
        Assert.Equal("assistant", messages[1].GetProperty("role").GetString());
        Assert.Equal(said.TrimEnd('\n'), messages[1].GetProperty("content").GetString());
        Assert.Equal("explain_indicator", messages[1].GetProperty("payload").GetProperty("toolCalls")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheOfflineRouter_ReachesEachTool_AndEverythingItSaysIsVerified()
    {
        var (client, evaluation, conversation) = await StartAsync();

        IReadOnlyList<Sse> score = await client.AskAsync(conversation, "总分是多少？");
        Assert.Equal("get_score", Assert.Single(score.Of("tool")).GetProperty("name").GetString());
        Assert.Contains("总分89.47分", score.Said(), StringComparison.Ordinal);
        Assert.Single(score.Of("score"));

        IReadOnlyList<Sse> draft = await client.AskAsync(conversation, "帮我起草偏离原因和改进措施");
        Assert.Equal("draft_section", Assert.Single(draft.Of("tool")).GetProperty("name").GetString());
        JsonElement drafted = Assert.Single(draft.Of("draft"));
        Assert.Equal("verified", drafted.GetProperty("draft").GetProperty("status").GetString());
        Assert.Contains("保存为第1版", draft.Said(), StringComparison.Ordinal);
        JsonElement drafts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/drafts");
        Assert.Equal(drafted.GetProperty("id").GetGuid(), Assert.Single(drafts.EnumerateArray()).GetProperty("id").GetGuid());

        IReadOnlyList<Sse> similar = await client.AskAsync(conversation, "有没有类似的案例可以参考");
        Assert.Equal("search_reports", Assert.Single(similar.Of("tool")).GetProperty("name").GetString());
        Assert.NotEmpty(similar.Of("sources").Last().GetProperty("sources").EnumerateArray());
        Assert.Contains("相似内容", similar.Said(), StringComparison.Ordinal);

        IReadOnlyList<Sse> check = await client.AskAsync(conversation, "核对：享受公益性岗位补贴人员数量完成500人，超额完成。");
        Assert.Equal("verify_text", Assert.Single(check.Of("tool")).GetProperty("name").GetString());
        JsonElement verification = Assert.Single(check.Of("verification")).GetProperty("verification");
        Assert.True(verification.GetProperty("summary").GetProperty("contradicted").GetInt32() + verification.GetProperty("summary").GetProperty("claimsContradicted").GetInt32() > 0);
        // The correction gives the table's own figures (完成值334人, 500人 being the target), never the text's wrong claim as a 完成值.
        Assert.Contains("334人", check.Said(), StringComparison.Ordinal);
        Assert.DoesNotContain("完成500", check.Said(), StringComparison.Ordinal);
        Assert.DoesNotContain("完成值为500", check.Said(), StringComparison.Ordinal);

        IReadOnlyList<Sse> help = await client.AskAsync(conversation, "你好");
        Assert.Empty(help.Of("tool"));
        Assert.Contains("起草偏离原因", help.Said(), StringComparison.Ordinal);

        foreach (IReadOnlyList<Sse> turn in new[] { score, draft, similar, check, help })
        {
            Assert.Equal(0, turn.Done().GetProperty("held").GetInt32());
        }

        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        Assert.Equal(10, stored.GetProperty("messages").GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 10), stored.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt32()));
    }

    [Fact]
    public async Task WithoutANamedIndicator_EveryRowThatLostPointsIsExplained()
    {
        var (client, _, conversation) = await StartAsync();
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "为什么有些指标没有完成？");
        Assert.True(events.Of("explanation").Count() >= 2);
        Assert.True(events.Done().GetProperty("held").GetInt32() == 0, string.Join("\n", events.Of("sentence").Where(s => s.GetProperty("held").GetArrayLength() > 0).Select(s => s.GetRawText())));
    }

    [Fact]
    public async Task AReviewer_CanAskButCannotDraft()
    {
        var (client, evaluation, conversation) = await StartAsync(ApiRoles.Reviewer);
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "起草偏离原因");
        Assert.True(Assert.Single(events.Of("tool")).GetProperty("failed").GetBoolean());
        Assert.Empty(events.Of("draft"));
        Assert.Contains("不能起草", events.Said(), StringComparison.Ordinal);
        JsonElement drafts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/drafts");
        Assert.Equal(0, drafts.GetArrayLength());
    }

    [Fact]
    public async Task AnotherUnit_CannotSeeOrUseTheConversation()
    {
        var (_, evaluation, conversation) = await StartAsync();
        HttpClient other = factory.ClientFor(ApiRoles.Admin, "别的单位");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/conversations/{conversation}", UriKind.Relative))).StatusCode);
        using HttpResponseMessage post = await other.PostAsJsonAsync(new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative), new { content = "总分多少" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using HttpResponseMessage start = await other.PostAsJsonAsync(new Uri("/api/v1/conversations", UriKind.Relative), new { evaluationId = evaluation });
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.DoesNotContain(conversation.ToString(), await other.GetStringAsync(new Uri("/api/v1/conversations", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"content\": \"\"}", "content")]
    [InlineData("{\"content\": \"总分\", \"provider\": \"gpt-9\"}", "provider")]
    [InlineData("{\"content\": \"总分\", \"provider\": \"model\"}", "provider")]
    [InlineData("{\"content\": 5}", "content")]
    public async Task BadMessages_Get400_AndNothingIsStored(string body, string field)
    {
        var (client, _, conversation) = await StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage r = await client.PostAsync(new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        JsonElement problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out JsonElement messages));
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Any(c => c > 0x4e00));
        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        Assert.Equal(0, stored.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task AConversationIsOnAnEvaluationOfTheUnit_OrWithoutOneOnTheUnitsInScope()
    {
        await factory.SeedAsync();
        HttpClient client = factory.CreateClient();
        using HttpResponseMessage scoped = await client.PostAsJsonAsync(new Uri("/api/v1/conversations", UriKind.Relative), new { title = "x" });
        Assert.Equal(HttpStatusCode.Created, scoped.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await scoped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evaluationId").ValueKind);
        using HttpResponseMessage empty = await client.PostAsJsonAsync(new Uri("/api/v1/conversations", UriKind.Relative), new { evaluationId = Guid.Empty });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("evaluationId", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage unknown = await client.PostAsJsonAsync(new Uri("/api/v1/conversations", UriKind.Relative), new { evaluationId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task WithAcceptJson_TheWholeTurnComesBackAsOneObject()
    {
        var (client, _, conversation) = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(new { content = "总分是多少" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage r = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        JsonElement body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("89.47", body.GetProperty("turn").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "sentence");
    }
}
