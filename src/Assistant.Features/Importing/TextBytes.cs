using System.Text;

namespace Assistant.Features.Importing;

/// <summary>
/// Bytes of text in no declared encoding (a file without a BOM, a zip entry's name without the UTF-8 flag), read
/// the way Chinese offices write them: strict UTF-8 first — GBK text of more than a character or two is almost
/// never valid UTF-8 — then GB18030 (which covers GBK and GB2312). One rule for file bodies and file names.
/// </summary>
public static class TextBytes
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    static TextBytes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The text: UTF-8 when the bytes are valid UTF-8, else GB18030. Invalid GB18030 gives null, or, when
    /// <paramref name="lenient"/> (a name, which must be shown whatever it holds), the replacement character where a byte is invalid.
    /// </summary>
    public static string? Utf8ThenGb18030(ReadOnlySpan<byte> raw, bool lenient = false)
    {
        try
        {
            return StrictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            // Fallthrough to GB18030 below.
        }

        if (lenient)
        {
            return Encoding.GetEncoding("GB18030").GetString(raw);
        }

        try
        {
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
