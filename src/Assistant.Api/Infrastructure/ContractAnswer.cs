using System.Buffers;
using System.Reflection;
using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Http.Metadata;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// A 200 with a score or facts answer, written as <c>TypedResults.Ok</c> writes it (same bytes, same
/// content type, same OpenAPI metadata) but synchronously through the source generator's handlers
/// (<see cref="ContractWriter"/>) into a pooled buffer (<see cref="PooledAnswer"/>), then handed to the
/// response whole with its <c>Content-Length</c>, as static bytes are. The async
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

    /// <summary>The size the next answer's buffer starts at: the last answer's of this type, with room (one rent, no growth, for answers of a similar size).</summary>
    private static int sizeHint = PooledAnswer.MinimumHint;

    private readonly Func<T>? make;
    private readonly Action<IBufferWriter<byte>>? write;
    private T? value;

    /// <summary>An answer written by <see cref="ContractWriter"/>, indented (the contract's form) or, with <paramref name="indented"/> false, compact.</summary>
    public ContractAnswer(T value, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
        Indented = indented;
    }

    /// <summary>
    /// An answer written by <paramref name="write"/> (the bytes <see cref="ContractWriter"/> would write for the value
    /// <paramref name="make"/> gives, in the form <paramref name="indented"/> names).
    /// </summary>
    public ContractAnswer(Func<T> make, Action<IBufferWriter<byte>> write, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(make);
        ArgumentNullException.ThrowIfNull(write);
        this.make = make;
        this.write = write;
        Indented = indented;
    }

    /// <summary>Whether the answer is written indented (<c>?pretty=true</c>) or compact (the API's default since session 38).</summary>
    public bool Indented { get; }

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

        // The answer is written into a pooled buffer, then handed to the server whole with its length, as
        // static bytes are (headers and body in one send, no chunk framing). Written into the response
        // before its headers, it was kept by the server in segments (a lock and a segment per span) and
        // copied into the pipe after the headers.
        using var answer = new PooledAnswer(sizeHint);
        if (write is not null)
        {
            write(answer);
        }
        else
        {
            ContractWriter.Write(answer, Value, Indented);
        }

        sizeHint = PooledAnswer.NextHint(answer.Written);
        if (!response.HasStarted)
        {
            response.ContentLength = answer.Written;
        }

        await response.BodyWriter.WriteAsync(answer.WrittenMemory, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}

/// <summary>
/// An answer's bytes in one array rented from the shared pool (returned on dispose), grown by doubling
/// when the answer outgrows it; <see cref="WrittenMemory"/> is what was written.
/// </summary>
internal sealed class PooledAnswer : IBufferWriter<byte>, IDisposable
{
    /// <summary>The smallest starting size (the emitters ask for spans of up to 16 KB at a time).</summary>
    public const int MinimumHint = 16 * 1024;

    /// <summary>The largest starting size kept from one answer to the next (a rare larger answer grows from here).</summary>
    public const int MaximumHint = 1024 * 1024;

    private byte[] buffer;

    public PooledAnswer(int sizeHint) => buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(sizeHint, MinimumHint, MaximumHint));

    public int Written { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, Written);

    /// <summary>The starting size for an answer after one of <paramref name="written"/> bytes: that, an eighth more, within the bounds.</summary>
    public static int NextHint(int written) => (int)Math.Clamp(written + (written / 8L), MinimumHint, MaximumHint);

    public void Advance(int count)
    {
        if (count < 0 || count > buffer.Length - Written)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        Written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(Written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(Written);
    }

    public void Dispose()
    {
        byte[] rented = buffer;
        buffer = [];
        Written = 0;
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (buffer.Length - Written >= needed)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * buffer.Length, (long)Written + needed)));
        buffer.AsSpan(0, Written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
