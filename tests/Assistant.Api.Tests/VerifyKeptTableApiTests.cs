using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Assistant.Api.Tests;

/// <summary>
/// Issue 21, session 41: POST /verify keeps the prepared verifier of a table by the table's content (PreparedVerifiers).
/// Over HTTP: a table verified again answers as the first time, and a table changed in one cell is answered from its own
/// content, never from the kept one — back and forth.
/// </summary>
public class VerifyKeptTableApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> PostAsync(JsonNode evaluation, string text, string? policy = null)
    {
        var request = new JsonObject { ["evaluation"] = evaluation.DeepClone(), ["text"] = text };
        if (policy is not null)
        {
            request["policy"] = policy;
        }

        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    private static string VerdictOf(string answer, string mention) =>
        JsonNode.Parse(answer)!["mentions"]!.AsArray().Single(m => (string?)m!["text"] == mention)!["verdict"]!.GetValue<string>();

    [Fact]
    public async Task ATableVerifiedAgain_AnswersAsTheFirstTime_AndAChangedTableIsNeverServedStale()
    {
        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0])))!;
        // The first table with a title no other test sends, so its first answer here is prepared for the call.
        table["title"] = (string?)table["title"] + "（会话41）";
        JsonNode changed = table.DeepClone();
        changed["indicators"]![1]!["actual"] = "1464";
        const string text = "执行率80.80%。享受公益性岗位补贴人员数量完成1464人，超额完成。";
        const string other = "享受公益性岗位补贴人员数量完成334人。执行率80.80%，总分85.92分。";

        string first = await PostAsync(table, text);
        Assert.Equal("contradicted", VerdictOf(first, "1464人"));
        Assert.Equal("verified", VerdictOf(first, "80.80%"));

        string changedFirst = await PostAsync(changed, text);
        Assert.Equal("verified", VerdictOf(changedFirst, "1464人"));

        string otherText = await PostAsync(table, other);
        Assert.Equal("verified", VerdictOf(otherText, "334人"));

        // Again, in another order: each answer byte for byte its table's first.
        Assert.Equal(first, await PostAsync(table, text));
        Assert.Equal(changedFirst, await PostAsync(changed, text));
        Assert.Equal(first, await PostAsync(table, text));
        Assert.Equal(otherText, await PostAsync(table, other));
        Assert.Equal("contradicted", VerdictOf(await PostAsync(changed, other), "334人"));

        // The same table written with other white space is the same content: the same answer.
        string spaced = await PostAsync(JsonNode.Parse(table.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }))!, text);
        Assert.Equal(first, spaced);
    }

    [Fact]
    public async Task BadInput_IsStillRefusedByField_WhenTheTableIsKept()
    {
        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[2])))!;
        await PostAsync(table, "总分85.92分。");
        var request = new JsonObject { ["evaluation"] = table.DeepClone(), ["text"] = "总分85.92分。", ["policy"] = "没有这个规则" };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["policy"]);
    }
}
