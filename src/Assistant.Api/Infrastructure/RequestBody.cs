using System.Buffers;
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
        BodyCharset.Kind? declared = BodyCharset.Declared(request);
        byte[] body = await ReadAsync(request, MaxBytes, TooLarge, ct);
        if (body.Length == 0 && !allowEmpty)
        {
            throw new InputException("body", "请求体为空，应为自评表JSON", "the body is empty; expected an evaluation as JSON");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(BodyCharset.ToUtf8(body, declared, SingleByteName(request, declared)).Span);
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
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        if (request.ContentLength is long declared and > 0)
        {
            // A declared length: wait for all of it at once (one resumption however the body arrives), then copy it out.
            System.IO.Pipelines.PipeReader reader = request.BodyReader;
            System.IO.Pipelines.ReadResult read = await reader.ReadAtLeastAsync((int)declared, ct);
            ReadOnlySequence<byte> received = read.Buffer;
            byte[] whole = ArrayPool<byte>.Shared.Rent((int)received.Length);
            try
            {
                received.CopyTo(whole);
                int length = (int)received.Length;
                reader.AdvanceTo(received.End);
                return Parse(whole.AsMemory(0, length), charset, name, parse);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(whole);
            }
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((request.ContentLength ?? 0) + 1, 4096, MaxBytes + 1L));
        try
        {
            int length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                {
                    throw TooLarge();
                }

                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, MaxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Parse(buffer.AsMemory(0, length), charset, name, parse);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

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
            // A field present with the wrong type is said to be so (naming the type expected and received), not called missing.
            throw new InputException([JsonTypes.Error(e, text, typeof(T))]);
        }
    }

    public static Task<byte[]> ReadBytesAsync(HttpRequest request, int limit, CancellationToken ct) =>
        ReadAsync(request, limit, () => new InputException("file", $"文件超过 {limit / 1024 / 1024} MB。", $"The file is larger than {limit / 1024 / 1024} MB."), ct);

    /// <summary>Reads the body, stopping with <paramref name="tooLarge"/> as soon as it passes the limit (declared or not).</summary>
    private static async Task<byte[]> ReadAsync(HttpRequest request, int limit, Func<InputException> tooLarge, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            throw tooLarge();
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw tooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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
