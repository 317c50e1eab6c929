using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Assistant.Features.Evaluations;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Reads a request body as UTF-8 text up to a limit, so oversized bodies get a clear 400; a body in
/// another charset its Content-Type declares is read as declared (<see cref="BodyCharset"/>).
/// </summary>
internal static class RequestBody
{
    /// <summary>4 MiB: a table with thousands of indicators fits with room to spare.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        BodyCharset.Kind? declared = BodyCharset.Declared(request);
        using PooledBody body = await ReadPooledAsync(request, MaxBytes, TooLarge, ct);
        if (body.Length == 0 && !allowEmpty)
        {
            throw new InputException("body", "请求体为空，应为自评表JSON", "the body is empty; expected an evaluation as JSON");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(BodyCharset.ToUtf8(body.Memory, declared, SingleByteName(request, declared)).Span);
        }
        catch (DecoderFallbackException)
        {
            throw new InputException("body", "请求体不是有效的UTF-8文本", "the body is not valid UTF-8");
        }

        JsonTextGuard.Check(text);
        return text;
    }

    /// <summary>
    /// Reads a JSON body as received: the same limit, empty-body, UTF-8 and NUL/surrogate checks (and
    /// errors) as <see cref="ReadTextAsync"/>, but no string of the whole body is made — the bytes go
    /// from a pooled buffer straight to <paramref name="parse"/> (which must not keep them).
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, Func<ReadOnlyMemory<byte>, T> parse, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parse);
        BodyCharset.Kind? charset = BodyCharset.Declared(request);
        string? name = SingleByteName(request, charset);
        using PooledBody body = await ReadPooledAsync(request, MaxBytes, TooLarge, ct);
        return Parse(body.Memory, charset, name, parse);
    }

    /// <summary>
    /// The whole body in one array rented from the shared pool, read from the request's pipe and consumed
    /// as it arrives (Kestrel stops reading the socket while more than its request buffer, 1 MiB, waits
    /// unconsumed in the pipe, so waiting for a whole larger body without consuming it never ends). A declared
    /// length is the array's size (one rent, no growth) and ends the reading when it is all there; without one
    /// the array grows by doubling. Past <paramref name="limit"/>, declared or not, <paramref name="tooLarge"/>.
    /// </summary>
    private static async Task<PooledBody> ReadPooledAsync(HttpRequest request, int limit, Func<InputException> tooLarge, CancellationToken ct)
    {
        long? declared = request.ContentLength;
        if (declared > limit)
        {
            throw tooLarge();
        }

        PipeReader reader = request.BodyReader;
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declared ?? 0, 4096, limit + 1L));
        int length = 0;
        try
        {
            while (declared is not { } whole || length < whole)
            {
                ReadResult read = await reader.ReadAsync(ct);
                ReadOnlySequence<byte> received = read.Buffer;
                if (length + received.Length > limit)
                {
                    reader.AdvanceTo(received.End);
                    throw tooLarge();
                }

                if (length + received.Length > buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, Math.Max(2L * buffer.Length, length + received.Length)));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                received.CopyTo(buffer.AsSpan(length));
                length += (int)received.Length;
                reader.AdvanceTo(received.End);
                if (read.IsCompleted)
                {
                    break;
                }

                if (read.IsCanceled)
                {
                    throw new OperationCanceledException(ct);
                }
            }

            return new PooledBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A body in an array rented from the shared pool; disposing returns it.</summary>
    private readonly struct PooledBody(byte[] array, int length) : IDisposable
    {
        public int Length => length;

        public ReadOnlyMemory<byte> Memory => array.AsMemory(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(array);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The checks every JSON body passes, in this order, before it is parsed: not empty, UTF-8 (after its declared charset), no NUL or lone surrogate.</summary>
    private static T Parse<T>(ReadOnlyMemory<byte> body, BodyCharset.Kind? declared, string? name, Func<ReadOnlyMemory<byte>, T> parse)
    {
        body = BodyCharset.ToUtf8(body, declared, name);
        if (body.Length == 0)
        {
            throw new InputException("body", "请求体为空，应为自评表JSON", "the body is empty; expected an evaluation as JSON");
        }

        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new InputException("body", "请求体不是有效的UTF-8文本", "the body is not valid UTF-8");
        }

        JsonTextGuard.Check(body.Span);
        return parse(body);
    }

    private static string? SingleByteName(HttpRequest request, BodyCharset.Kind? declared) =>
        declared == BodyCharset.Kind.SingleByte ? BodyCharset.CharsetName(request) : null;

    /// <summary>A small JSON body as <typeparamref name="T"/> (null when empty); a malformed one is a 400 naming the field.</summary>
    public static T? ParseJson<T>(string text)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(text, ScoreContract.JsonOptions);
        }
        catch (System.Text.Json.JsonException e)
        {
            string field = e.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : "body";
            throw new InputException(field, "请求体不是有效的JSON，或字段类型不对。", "The body is not valid JSON, or a field has the wrong type.");
        }
    }

    /// <summary>The body's bytes (a file), stopping with a 400 naming <c>file</c> as soon as it passes <paramref name="limit"/> (declared or not).</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using PooledBody body = await ReadPooledAsync(request, limit, () => new InputException("file", $"文件超过 {limit / 1024 / 1024} MB。", $"The file is larger than {limit / 1024 / 1024} MB."), ct);
        return body.Memory.ToArray();
    }

    private static InputException TooLarge() =>
        new("body", $"请求体过大（上限{MaxBytes / 1024 / 1024} MB）", $"the body is too large (limit {MaxBytes / 1024 / 1024} MB)");

    /// <summary>
    /// True when the body is declared <c>application/x-www-form-urlencoded</c> — what <c>curl -d</c> and
    /// <c>curl --data-binary</c> send when no <c>-H 'Content-Type: …'</c> is given — but is JSON: it starts
    /// (after white space and a BOM) with <c>{</c> or <c>[</c>, which no url-encoded form does. The body is
    /// buffered so it can still be read from its start.
    /// </summary>
    public static async Task<bool> IsJsonSentAsFormAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsUrlEncoded(request))
        {
            return false;
        }

        request.EnableBuffering(MaxBytes);
        byte[] head = new byte[64];
        int length = 0;
        int read;
        while (length < head.Length && (read = await request.Body.ReadAsync(head.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        request.Body.Position = 0;
        ReadOnlySpan<byte> start = head.AsSpan(0, length);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        start = start.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start.Length > 0 && start[0] is (byte)'{' or (byte)'[';
    }

    /// <summary>The body is declared url-encoded (curl's default for -d / --data-binary).</summary>
    public static bool IsUrlEncoded(HttpRequest request) =>
        (request?.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the body is a form to read field by field: multipart, or url-encoded without <c>?fileName=</c>.
    /// <c>curl --data-binary @file</c> sends the file as <c>application/x-www-form-urlencoded</c>; with
    /// <c>?fileName=</c> in the query that body is the file itself, not a form.
    /// </summary>
    public static bool IsForm(HttpRequest request, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(fileName)
            || !(request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }
}
