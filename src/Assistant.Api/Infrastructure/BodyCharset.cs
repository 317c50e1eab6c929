using System.Text;
using Assistant.Features.Evaluations;
using Microsoft.Net.Http.Headers;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// The charset a request body declares in its Content-Type (OA systems send JSON and text as UTF-16 or
/// GBK and say so), turned into the UTF-8 every reader here expects. Honoured: UTF-8, UTF-16 (LE, BE, or
/// either told by its bytes), GB18030 and the encodings it contains (GBK, GB2312, CP936), and ASCII-compatible
/// single-byte names (US-ASCII, ISO-8859-1, Windows-1252) when the body is ASCII or UTF-8. A byte-order
/// mark decides over the header; bytes that can only be UTF-8 (no zero byte under a UTF-16 label, valid
/// UTF-8 under a GBK one — the charset a client wrote by habit) are read as UTF-8. Any other charset is
/// a 415 naming it, in Chinese and English.
/// </summary>
internal static class BodyCharset
{
    static BodyCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string JsonUtf8 = "application/json; charset=utf-8";

    /// <summary>A declared charset this reader honours.</summary>
    public enum Kind
    {
        Utf8,
        Utf16,
        Utf16Le,
        Utf16Be,
        Gb18030,
        SingleByte,
    }

    /// <summary>The charset <paramref name="request"/> declares (null when none); an unknown or unsupported one is a 415.</summary>
    public static Kind? Declared(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? type = request.ContentType;
        if (type is null || type.IndexOf("charset", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        // What nearly every client sends (HttpClient's StringContent, the staff page) is known without parsing it.
        if (type.Equals(JsonUtf8, StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Utf8;
        }

        if (!MediaTypeHeaderValue.TryParse(type, out MediaTypeHeaderValue? parsed) || parsed.Charset.Value is not { } raw)
        {
            return null;
        }

        string name = raw.Trim().Trim('"', '\'').ToLowerInvariant();
        return name switch
        {
            "" => null,
            "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" => Kind.Utf8,
            "utf-16" or "utf16" or "ucs-2" or "unicode" or "iso-10646-ucs-2" or "csunicode" => Kind.Utf16,
            "utf-16le" or "utf16le" or "x-utf-16le" or "unicodelittleunmarked" => Kind.Utf16Le,
            "utf-16be" or "utf16be" or "x-utf-16be" or "unicodefffe" or "unicodebigunmarked" => Kind.Utf16Be,
            "gb18030" or "gbk" or "gb2312" or "x-gbk" or "cp936" or "ms936" or "windows-936" or "euc-cn" or "csgb2312" or "gb_2312-80" or "chinese" => Kind.Gb18030,
            "us-ascii" or "ascii" or "iso-8859-1" or "latin1" or "iso_8859-1" or "l1" or "windows-1252" or "cp1252" => Kind.SingleByte,
            _ => throw Unsupported(raw.Trim().Trim('"', '\'')),
        };
    }

    /// <summary>
    /// The body as UTF-8 without a byte-order mark, read as <paramref name="declared"/> says (see the class);
    /// bytes invalid in the declared charset are a 400 naming it; a single-byte charset over bytes that are not
    /// UTF-8 (Chinese cannot be written in it) is a 415.
    /// </summary>
    public static ReadOnlyMemory<byte> ToUtf8(ReadOnlyMemory<byte> body, Kind? declared, string? name = null)
    {
        ReadOnlySpan<byte> b = body.Span;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return body[3..];
        }

        bool little = b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        if (little || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16(body[2..], bigEndian: !little);
        }

        switch (declared)
        {
            case Kind.Utf16 or Kind.Utf16Le or Kind.Utf16Be:
                if (!b.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(b))
                {
                    return body; // labelled UTF-16, but the bytes can only be UTF-8 (JSON and CSV always hold ASCII, which UTF-16 writes with a zero byte)
                }

                return Utf16(body, declared switch { Kind.Utf16Be => true, Kind.Utf16Le => false, _ => BigEndianByZeros(b) });
            case Kind.Gb18030 when !System.Text.Unicode.Utf8.IsValid(b):
                try
                {
                    return Encoding.UTF8.GetBytes(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(b));
                }
                catch (DecoderFallbackException)
                {
                    throw new InputException("body", "请求体标明是GB18030/GBK编码，但内容不是有效的GB18030/GBK文本", "the body is marked as GB18030/GBK but is not valid GB18030/GBK text");
                }

            case Kind.SingleByte when !System.Text.Unicode.Utf8.IsValid(b):
                throw Unsupported(name ?? "iso-8859-1", singleByte: true);
            default:
                return body;
        }
    }

    /// <summary>The charset a raw document body declares, applied when the body is text (never to a zip, PDF or old Office file).</summary>
    public static byte[] DocumentText(HttpRequest request, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ReadOnlySpan<byte> head = body.AsSpan(0, Math.Min(body.Length, 8));
        bool binary = head.StartsWith("PK"u8) || head.StartsWith("%PDF"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]);
        if (binary || Declared(request) is not { } declared || declared == Kind.Utf8)
        {
            return body;
        }

        ReadOnlyMemory<byte> utf8 = ToUtf8(body, declared, CharsetName(request));
        return utf8.Length == body.Length && utf8.Span.SequenceEqual(body) ? body : utf8.ToArray();
    }

    /// <summary>The charset as the request wrote it (for a message).</summary>
    public static string? CharsetName(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? parsed) ? parsed.Charset.Value?.Trim('"', '\'') : null;

    private static ReadOnlyMemory<byte> Utf16(ReadOnlyMemory<byte> body, bool bigEndian)
    {
        try
        {
            return body.Length % 2 == 0 ? Encoding.UTF8.GetBytes(new UnicodeEncoding(bigEndian, false, true).GetString(body.Span)) : throw NotUtf16();
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf16();
        }
    }

    /// <summary>UTF-16 without a mark: ASCII characters put their zero byte first in big-endian, second in little-endian.</summary>
    private static bool BigEndianByZeros(ReadOnlySpan<byte> b)
    {
        int even = 0, odd = 0;
        for (int i = 0; i + 1 < b.Length && i < 4096; i += 2)
        {
            even += b[i] == 0 ? 1 : 0;
            odd += b[i + 1] == 0 ? 1 : 0;
        }

        return even > odd;
    }

    private static InputException NotUtf16() =>
        new("body", "请求体标明是UTF-16编码，但内容不是有效的UTF-16文本", "the body is marked as UTF-16 but is not valid UTF-16");

    private static UnsupportedCharsetException Unsupported(string charset, bool singleByte = false) => new(charset, singleByte);
}

/// <summary>A body in a charset the service cannot read: answered 415 with the charset named.</summary>
internal sealed class UnsupportedCharsetException(string charset, bool singleByte)
    : InputException("Content-Type",
        singleByte
            ? $"请求体声明的字符编码“{charset}”不能表示中文，而内容也不是UTF-8文本；请用UTF-8（或UTF-16、GB18030/GBK）编码并在Content-Type中如实声明charset"
            : $"不支持请求体声明的字符编码“{charset}”；请用UTF-8（推荐）、UTF-16或GB18030/GBK编码，并在Content-Type中如实声明charset",
        singleByte
            ? $"the declared charset \"{charset}\" cannot hold Chinese and the body is not UTF-8 either; send UTF-8 (or UTF-16, GB18030/GBK) and declare it truthfully in Content-Type"
            : $"the declared charset \"{charset}\" is not supported; send UTF-8 (recommended), UTF-16 or GB18030/GBK and declare it in Content-Type")
{
    public string Charset { get; } = charset;
}
