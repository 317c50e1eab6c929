using System.Text.Json;
using Assistant.Api.Infrastructure;
using Assistant.Features.Conversations;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Assistant.Api.Conversations;

public sealed record MessageBody(string? Content, string? Provider);

public sealed record ConversationEnvelope(Guid Id, Guid? EvaluationId, string Title, DateTimeOffset CreatedAt, IReadOnlyList<StoredMessage> Messages);

/// <summary>
/// Conversations about a stored evaluation (staff drafting, reviewers asking why), answers streamed as
/// server-sent events, and the reviewer's explanation of one indicator. Everything is the caller's unit's.
/// </summary>
public static class ConversationsApi
{
    /// <summary>Compact JSON for one SSE data line (the contract's names; no indentation, so no line breaks).</summary>
    private static readonly JsonSerializerOptions EventJson = new(ScoreContract.JsonOptions) { WriteIndented = false };

    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Conversations and explanations");

        api.MapPost("/conversations", CreateAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("StartConversation")
            .WithSummary("就一张已保存的自评表开始对话 / Start a conversation about a stored evaluation")
            .Accepts<ConversationBody>("application/json");

        api.MapGet("/conversations", ListAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("ListConversations")
            .WithSummary("本单位的对话 / The unit's conversations");

        api.MapGet("/conversations/{id:guid}", GetAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("GetConversation")
            .WithSummary("一次对话及其全部消息 / A conversation with its messages");

        api.MapPost("/conversations/{id:guid}/messages", PostMessageAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("SendMessage")
            .WithSummary("发送消息；回答以 server-sent events 逐句流式返回，每句核验后才发出 / Send a message; the answer streams sentence by sentence, each verified first")
            .Accepts<MessageBody>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/evaluations/{id:guid}/indicators/{index:int}/explanation", ExplainAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("ExplainIndicator")
            .WithSummary("某项指标为什么没有完成：计算过程、填报原因、矛盾、相似案例 / Why an indicator fell short: trace, stated reason, contradictions, similar cases");

        return api;
    }

    public static async Task<Results<Created<ConversationEnvelope>, ValidationProblem, NotFoundProblem>> CreateAsync(
        HttpContext http, ConversationStore store, RecordStore records, IValidator<ConversationBody> validator, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        ConversationBody body = RequestBody.ParseJson<ConversationBody>(await RequestBody.ReadTextAsync(http.Request, ct)) ?? new ConversationBody(null, null);
        if (ApiResults.Validate(validator, body) is { } invalid)
        {
            return invalid;
        }

        string? title = body.Title?.Trim();
        if (body.EvaluationId is not { } evaluationId)
        {
            // A conversation about the units the key reads: cross-unit questions, no table.
            StoredConversation scoped = (await store.CreateAsync(caller.Scope, caller.KeyId, null, string.IsNullOrEmpty(title) ? ConversationService.ScopeTitle : title, ct))!;
            return TypedResults.Created($"/api/v1/conversations/{scoped.Id}", new ConversationEnvelope(scoped.Id, null, scoped.Title, scoped.CreatedAt, []));
        }

        if (await records.GetEvaluationAsync(caller.Scope, evaluationId, ct) is not { } evaluation
            || await store.CreateAsync(caller.Scope, caller.KeyId, evaluationId, string.IsNullOrEmpty(title) ? evaluation.Title : title, ct) is not { } created)
        {
            return ApiResults.NotFound("evaluation", evaluationId);
        }

        return TypedResults.Created($"/api/v1/conversations/{created.Id}", new ConversationEnvelope(created.Id, created.EvaluationId, created.Title, created.CreatedAt, []));
    }

    public static async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, ValidationProblem>> ListAsync(HttpContext http, ConversationStore store, Guid? evaluationId, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 500)
        {
            return ApiResults.Invalid([new InputError("limit", "limit 应在1到500之间。", "limit must be between 1 and 500.")]);
        }

        return TypedResults.Ok(await store.ListAsync(http.Caller().Unit, evaluationId, limit ?? 100, ct));
    }

    public static async Task<Results<Ok<ConversationEnvelope>, NotFoundProblem>> GetAsync(HttpContext http, ConversationStore store, Guid id, CancellationToken ct) =>
        await store.GetAsync(http.Caller().Unit, id, ct) is { } c
            ? TypedResults.Ok(new ConversationEnvelope(c.Id, c.EvaluationId, c.Title, c.CreatedAt, await store.MessagesAsync(c.Id, ct)))
            : ApiResults.NotFound("conversation", id);

    /// <summary>
    /// Body: <c>{ "content": "为什么…没有完成", "provider": "default|offline|model" }</c>. The answer is a
    /// <c>text/event-stream</c>: <c>message</c>, then <c>tool</c>, <c>sentence</c>, <c>sources</c>,
    /// <c>score</c>, <c>explanation</c>, <c>draft</c>, <c>verification</c> as they happen, and <c>done</c>.
    /// With <c>Accept: application/json</c> (and no event-stream) the whole turn comes back as one JSON object.
    /// </summary>
    public static async Task PostMessageAsync(HttpContext http, ConversationStore store, ConversationService chat, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        MessageBody body = RequestBody.ParseJson<MessageBody>(await RequestBody.ReadTextAsync(http.Request, ct)) ?? new MessageBody(null, null);
        chat.Validate(body.Content, body.Provider);
        if (await store.GetAsync(caller.Unit, id, ct) is not { } conversation)
        {
            await ApiResults.NotFound("conversation", id).ExecuteAsync(http);
            return;
        }

        var chatCaller = new ChatCaller(caller.Unit, caller.KeyId, caller.Role is ApiRoles.Drafter or ApiRoles.Admin, caller.Prefix, caller.Scope);

        string accept = http.Request.Headers.Accept.ToString();
        bool stream = accept.Length == 0 || accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) || !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase);
        if (!stream)
        {
            var events = new List<ChatEvent>();
            TurnResult result = await chat.RunAsync(chatCaller, conversation, body.Content!, body.Provider, e =>
            {
                events.Add(e);
                return Task.CompletedTask;
            }, ct);
            await TypedResults.Ok(new { turn = result, events = events.Select(e => new { type = e.Type, data = e.Data }) }).ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.StartAsync(ct);

        async Task Write(ChatEvent e)
        {
            string json = JsonSerializer.Serialize(e.Data, EventJson);
            await http.Response.WriteAsync($"event: {e.Type}\ndata: {json}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }

        try
        {
            await chat.RunAsync(chatCaller, conversation, body.Content!, body.Provider, Write, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            // Headers are sent: the failure becomes the stream's last event, in both languages.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Assistant.Conversations").LogError(e, "Chat turn failed");
            await Write(new ChatEvent("error", new
            {
                title = "回答失败 / The answer failed",
                detail = e is InputException ie ? ie.Message : "服务器在回答时出错，已说出的内容已保存。 / The server failed while answering; what was said is stored.",
            }));
        }
    }

    public static async Task<Results<Ok<ExplanationResponse>, ValidationProblem, NotFoundProblem>> ExplainAsync(
        HttpContext http, ExplanationService explanations, Guid id, int index, int? cases, CancellationToken ct)
    {
        if (cases is < 0 or > ExplanationService.MaxCases)
        {
            return ApiResults.Invalid([new InputError("cases", $"cases 应在0到{ExplanationService.MaxCases}之间。", $"cases must be between 0 and {ExplanationService.MaxCases}.")]);
        }

        return await explanations.ExplainAsync(http.Caller().Scope, id, index, cases ?? 3, ct) is { } explanation
            ? TypedResults.Ok(explanation)
            : ApiResults.NotFound("evaluation indicator", $"{id}/{index}");
    }
}
