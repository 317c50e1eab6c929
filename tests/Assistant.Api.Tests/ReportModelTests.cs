using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Domain.Reporting;
using Assistant.Features.Drafting;
using Microsoft.Extensions.AI;

namespace Assistant.Api.Tests;

/// <summary>
/// A scripted model for the whole report: for a report part it returns the outline it was given (so the
/// test knows what is right), optionally with a wrong number the first time and a 提示 line; section 三's
/// prompt goes to the offline drafter. Records the prompts it saw.
/// </summary>
public sealed class ScriptedReportModel : IChatClient
{
    private readonly OfflineDrafter offline = new();
    private readonly Dictionary<string, int> seen = [];

    public bool WrongNumberFirst { get; set; }

    public bool Fail { get; set; }

    public List<string> Prompts { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        string user = list.Last().Text;
        if (!user.Contains("提纲：", StringComparison.Ordinal) && !user.Contains("核验意见", StringComparison.Ordinal))
        {
            return await offline.GetResponseAsync(list, options, cancellationToken);
        }

        lock (Prompts)
        {
            Prompts.Add(user);
        }

        if (Fail)
        {
            throw new HttpRequestException("connection refused");
        }

        string outline = user.Contains("核验意见", StringComparison.Ordinal) ? Between(user, "草稿：\n", "\n\n可引用的事实").Replace("96.00%", "{{fact:funds.lines[0].rate}}", StringComparison.Ordinal) : Between(user, "提纲：\n", "\n\n可引用的事实");
        string heading = outline.Split('\n')[0];
        int n;
        lock (seen)
        {
            n = seen[heading] = seen.GetValueOrDefault(heading) + 1;
        }

        if (WrongNumberFirst && n == 1 && heading.StartsWith("二、", StringComparison.Ordinal))
        {
            outline = outline.Replace("预算执行率{{fact:funds.lines[0].rate}}", "预算执行率96.00%", StringComparison.Ordinal);
        }

        string reply = outline.TrimEnd() + "\n提示：请补充资金拨付的具体时间。";
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = "scripted" };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "scripted") : null;

    public void Dispose()
    {
    }

    private static string Between(string text, string start, string end)
    {
        int a = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        int b = text.IndexOf(end, a, StringComparison.Ordinal);
        return text[a..b];
    }
}

/// <summary>The whole report through a model: numbers repaired, 提示 lines moved to the notes, a failing model replaced by the composition.</summary>
public class ReportModelTests(ModelApiFactory factory) : IClassFixture<ModelApiFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonNode> DraftAsync(string table)
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage stored = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), Json(await File.ReadAllTextAsync(Shared.Reference(table))));
        string id = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
        using HttpResponseMessage r = await client.PostAsync(new Uri($"/api/v1/evaluations/{id}/report", UriKind.Relative), Json("""{"provider":"model","sourcesPerItem":0}"""));
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["report"]!;
    }

    [Fact]
    public async Task AWrongNumberIsRepaired_HintsBecomeNotes_AndEveryPartIsVerified()
    {
        var model = new ScriptedReportModel { WrongNumberFirst = true };
        factory.Chat.Current = model;
        JsonNode report = await DraftAsync("zhongwei-2024-internship-subsidy");

        var parts = report["parts"]!.AsArray();
        Assert.Equal(ReportParts.Keys, parts.Select(p => (string)p!["key"]!));
        JsonNode performance = parts[1]!;
        Assert.Equal("verified", (string?)performance["status"]);
        Assert.Equal(1, (int)performance["repairs"]!);
        Assert.Equal("fake", (string?)performance["model"]!["provider"]);
        Assert.Equal("report-part", (string?)performance["prompt"]!["name"]);
        Assert.DoesNotContain("96.00%", (string)performance["text"]!, StringComparison.Ordinal);
        Assert.Contains("预算执行率19.50%", (string)performance["text"]!, StringComparison.Ordinal);
        Assert.Contains(model.Prompts, p => p.Contains("96.00%", StringComparison.Ordinal) && p.Contains("核验意见", StringComparison.Ordinal));
        foreach (JsonNode? part in parts)
        {
            string text = (string)part!["text"]!;
            Assert.DoesNotContain("提示", text, StringComparison.Ordinal);
            Assert.True(ReportText.IsSubmittable(text), text);
            Assert.Equal("verified", (string?)part["status"]);
        }

        Assert.Contains(parts[0]!["notes"]!.AsArray(), n => ((string)n!["message"]!).Contains("资金拨付的具体时间", StringComparison.Ordinal));
        Assert.Equal("verified", (string?)report["status"]);
    }

    [Fact]
    public async Task AFailingModel_LeavesTheComposedPart_AndSaysSo()
    {
        factory.Chat.Current = new ScriptedReportModel { Fail = true };
        JsonNode report = await DraftAsync("guangxi-2024-employment-transfer");
        JsonNode targets = report["parts"]![0]!;
        Assert.Equal("offline", (string?)targets["model"]!["provider"]);
        Assert.Contains("connection refused", (string?)targets["model"]!["fallback"]!["error"], StringComparison.Ordinal);
        Assert.Contains("371358万元", (string)targets["text"]!, StringComparison.Ordinal);
        Assert.All(report["parts"]!.AsArray(), p => Assert.True(ReportText.IsSubmittable((string)p!["text"]!)));
    }
}
