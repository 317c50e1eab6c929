using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Cli;

namespace Assistant.Api.Tests;

public class VerifyApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode, JsonNode)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Verify_ReportsEachNumberAndClaim()
    {
        var request = new JsonObject
        {
            ["evaluation"] = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0]))),
            ["text"] = "执行率80.80%。享受公益性岗位补贴人员数量完成1464人，超额完成。",
        };
        (HttpStatusCode status, JsonNode body) = await PostAsync(request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        JsonArray mentions = body["mentions"]!.AsArray();
        Assert.Contains(mentions, m => (string?)m!["text"] == "80.80%" && (string?)m["verdict"] == "verified" && (string?)m["factId"] == "funds.lines[0].rate"
            && (int)m["start"]! == 3 && (int)m["length"]! == 6 && (string?)m["kind"] == "percent");
        Assert.Contains(mentions, m => (string?)m!["text"] == "1464人" && (string?)m["verdict"] == "contradicted");
        Assert.Contains(body["claims"]!.AsArray(), c => (string?)c!["text"] == "超额完成" && (string?)c["verdict"] == "contradicted");
        Assert.Equal(1, (int)body["summary"]!["contradicted"]!);
    }

    [Theory]
    [InlineData("{\"text\":\"x\"}", "evaluation")]
    [InlineData("{\"evaluation\":{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[]}}", "text")]
    [InlineData("{\"evaluation\":{\"kind\":\"y\",\"title\":\"t\",\"funds\":{},\"indicators\":[]},\"text\":\"x\"}", "evaluation.kind")]
    [InlineData("{\"evaluation\":", "body")]
    public async Task Verify_BadInput_Is400NamingTheField(string body, string field)
    {
        (HttpStatusCode status, JsonNode problem) = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Cli_Verify_PrintsTheReport()
    {
        string text = Path.GetTempFileName();
        await File.WriteAllTextAsync(text, "总分85.92分，执行率19.50%。");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int exit = await CliApp.RunAsync(["verify", "--evaluation", Shared.Reference(Shared.Tables[2]), "--text", text], stdout, stderr);
            Assert.Equal(0, exit);
            JsonNode report = JsonNode.Parse(stdout.ToString())!;
            Assert.Equal(2, (int)report["summary"]!["verified"]!);
            Assert.Equal(0, (int)report["summary"]!["unverified"]!);
        }
        finally
        {
            File.Delete(text);
        }
    }
}
