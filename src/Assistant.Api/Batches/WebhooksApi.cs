using Assistant.Api.Infrastructure;
using Assistant.Features.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Batches;

/// <summary>Body of <c>POST /api/v1/webhooks</c>: the OA system's URL, its secret (16–200 characters; generated when omitted) and the events it wants (all when empty).</summary>
public sealed record WebhookRequest(string? Url, string? Secret, IReadOnlyList<string>? Events);

/// <summary>The subscription made, with its secret (shown this once).</summary>
public sealed record WebhookCreated(Guid Id, string Url, IReadOnlyList<string> Events, string Secret);

/// <summary>Webhooks for OA systems, managed by a unit's admin key: register, list, remove, and read the delivery log.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(ApiSecurity.Admin);
        api.MapPost("/", AddAsync).WithName("AddWebhook").WithSummary("登记 OA 回调地址 / Register an OA endpoint (signed with HMAC-SHA256)").ProducesValidationProblem();
        api.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("本单位的回调 / The unit's webhooks");
        api.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveWebhook").WithSummary("停用回调 / Deactivate a webhook");
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("WebhookDeliveries").WithSummary("投递记录（每次尝试）/ Deliveries and every attempt");
        return api;
    }

    public static async Task<Created<WebhookCreated>> AddAsync(HttpContext http, WebhookStore store, WebhookRequest body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        string unit = http.Caller().Unit;
        WebhookView view = await store.AddAsync(unit, body.Url ?? string.Empty, body.Secret, body.Events, ct);
        string secret = await store.SecretAsync(unit, view.Id, ct) ?? string.Empty;
        return TypedResults.Created($"/api/v1/webhooks/{view.Id}", new WebhookCreated(view.Id, view.Url, view.Events, secret));
    }

    public static async Task<Ok<IReadOnlyList<WebhookView>>> ListAsync(HttpContext http, WebhookStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(http.Caller().Unit, ct));

    public static async Task<Results<NoContent, NotFoundProblem>> RemoveAsync(HttpContext http, WebhookStore store, Guid id, CancellationToken ct) =>
        await store.DeactivateAsync(http.Caller().Unit, id, ct) ? TypedResults.NoContent() : ApiResults.NotFound("webhook", id);

    public static async Task<Results<Ok<IReadOnlyList<DeliveryView>>, NotFoundProblem>> DeliveriesAsync(HttpContext http, WebhookStore store, Guid id, CancellationToken ct) =>
        await store.DeliveriesAsync(http.Caller().Unit, id, ct) is { } list ? TypedResults.Ok(list) : ApiResults.NotFound("webhook", id);
}
