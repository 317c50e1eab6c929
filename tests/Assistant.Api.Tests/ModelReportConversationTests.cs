using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assistant.Api.Tests;

/// <summary>
/// The model path reaches the same report functions through function calling: a part drafted and stored
/// as a new version (the model may state the version: the gate learned it), and the export links.
/// </summary>
public class ModelReportConversationTests(ModelApiFactory factory) : IClassFixture<ModelApiFactory>
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task TheModelDraftsPartOne_ThroughTheKernelFunction_AndGivesTheLink()
    {
        var model = new ToolChat(
            ToolChat.Calls_("c1", "evaluation_draft_report_part", new() { ["part"] = "一" }),
            ToolChat.Says("已起草绩效目标分解下达情况，存为报告第1版。"),
            ToolChat.Calls_("c2", "evaluation_export_links"),
            ToolChat.Says("可以下载。"));
        factory.Chat.Current = model;
        HttpClient client = factory.CreateClient();
        Guid evaluation = await client.StoreAsync("zhongwei-2024-employment-service-demo");
        Guid conversation = await client.StartAsync(evaluation);

        IReadOnlyList<Sse> turn = await client.AskAsync(conversation, "帮我写第一部分");
        Assert.Equal("draft_report_part", Assert.Single(turn.Of("tool")).GetProperty("name").GetString());
        Assert.Equal("已起草绩效目标分解下达情况，存为报告第1版。", turn.Said().TrimEnd('\n'));
        Assert.Equal(0, turn.Done().GetProperty("held").GetInt32());
        JsonElement report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/report");
        Assert.Equal(["targets"], report.GetProperty("report").GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("key").GetString()));

        // The tool's result (the part's text) went back to the model under its call id.
        FunctionResultContent result = model.Calls[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Equal("c1", result.CallId);
        Assert.Contains("绩效目标分解下达情况", JsonSerializer.Serialize(result.Result, Relaxed), StringComparison.Ordinal);

        IReadOnlyList<Sse> export = await client.AskAsync(conversation, "能导出成Word吗？");
        Assert.Equal("export_links", Assert.Single(export.Of("tool")).GetProperty("name").GetString());
        FunctionResultContent links = model.Calls[3].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Last();
        Assert.Contains($"/api/v1/evaluations/{evaluation}/report.docx", JsonSerializer.Serialize(links.Result, Relaxed), StringComparison.Ordinal);
    }
}
