using System.Buffers;
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
/// scoring the table. An answer may instead come with its own writer of the same bytes (the score,
/// written straight from the report by <see cref="ScoreAnswerWriter"/>); its value is then made only
/// if something asks for it.
/// </summary>
public sealed class ContractAnswer<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
    where T : class
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly Func<T>? make;
    private readonly Action<IBufferWriter<byte>>? write;
    private T? value;

    public ContractAnswer(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    /// <summary>An answer written by <paramref name="write"/> (the bytes <see cref="ContractWriter"/> would write for the value <paramref name="make"/> gives).</summary>
    public ContractAnswer(Func<T> make, Action<IBufferWriter<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(make);
        ArgumentNullException.ThrowIfNull(write);
        this.make = make;
        this.write = write;
    }

    public T Value => value ??= make!();

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpResponse response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = JsonContentType;

        // Nothing is sent until the flush (the server holds what is written before the headers), so the
        // answer's length is known by then: it goes out with Content-Length in one send, not chunked
        // with its end in a second.
        var counted = new CountingWriter(response.BodyWriter);
        if (write is not null)
        {
            write(counted);
        }
        else
        {
            ContractWriter.Write(counted, Value);
        }

        if (!response.HasStarted)
        {
            response.ContentLength = counted.Written;
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}

/// <summary>Passes writes through to the response, counting the bytes.</summary>
internal sealed class CountingWriter(IBufferWriter<byte> inner) : IBufferWriter<byte>
{
    public long Written { get; private set; }

    public void Advance(int count)
    {
        inner.Advance(count);
        Written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
}
