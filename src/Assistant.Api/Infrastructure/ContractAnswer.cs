using System.Reflection;
using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Http.Metadata;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// A 200 with a score or facts answer, written as <c>TypedResults.Ok</c> writes it (same bytes, same
/// content type, same OpenAPI metadata) but synchronously through the source generator's handlers
/// (<see cref="ContractWriter"/>) straight into the response's pipe, then flushed once. The async
/// serializer <c>Ok&lt;T&gt;</c> uses takes the reflection-style metadata path for these answers (they are
/// larger than its buffer, and the contract's encoder rules out the fast path), which cost more than
/// scoring the table.
/// </summary>
public sealed class ContractAnswer<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
    where T : class
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = JsonContentType;
        ContractWriter.Write(httpContext.Response.BodyWriter, value);
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
