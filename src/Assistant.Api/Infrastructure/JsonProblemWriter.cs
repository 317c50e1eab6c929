using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Writes problem details as <c>application/problem+json</c> whatever the client's <c>Accept</c> says
/// (<c>text/event-stream</c>, <c>text/html</c>…): registered after the default writer, it answers
/// every request the default one declines, so no error ends up as an empty body or a 500.
/// </summary>
internal sealed class JsonProblemWriter : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ValueTask(WriteAsync(context.HttpContext, context.ProblemDetails));
    }

    public static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(problem);
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= Titles.TryGetValue(problem.Status.Value, out string? title) ? title : "请求失败 / The request failed";
        http.Response.ContentType = "application/problem+json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, problem, problem.GetType(), Options, http.RequestAborted);
    }

    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "输入有误 / Invalid input",
        [401] = "需要有效的 API 密钥 / A valid API key is required",
        [403] = "密钥无此权限 / The key's role does not allow this",
        [404] = "未找到 / Not found",
        [405] = "不支持该请求方法 / Method not allowed",
        [406] = "无法以所要求的格式回答 / Not acceptable",
        [413] = "请求体过大 / Request body too large",
        [415] = "不支持的内容类型 / Unsupported media type",
        [422] = "无法处理的内容 / Unprocessable content",
        [429] = "请求过于频繁 / Too many requests",
        [500] = "服务器内部错误 / Internal server error",
        [503] = "服务暂不可用 / Service unavailable",
    };
}
