using System.Text;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The text of a JSON string token, as <see cref="Utf8JsonReader.GetString"/> gives it, read in one step when the
/// string is escaped ASCII (issue 21, session 40). A body written by a serializer that escapes every non-ASCII character
/// (<c>"\u5408\u6210\u6307\u6807"</c>, as <c>JsonSerializer</c>'s default encoder and many clients write Chinese) spells
/// each character as six ASCII bytes; <see cref="Utf8JsonReader.GetString"/> unescapes them into UTF-8 first, then
/// validates and transcodes that UTF-8 into UTF-16. Here each escape is read straight into its UTF-16 code unit, in one
/// pass into a buffer of the thread's (a value longer than the buffer: one pass to count, one to write into the string). Only when every byte is ASCII, every escape is well formed and none is a
/// surrogate (a pair, or a lone one that <see cref="Utf8JsonReader.GetString"/> refuses with its own exception); any other
/// string — raw UTF-8, a surrogate escape, a value split over segments — is read by <see cref="Utf8JsonReader.GetString"/>
/// itself, so the text and every failure stay exactly the reader's. Held equal to it by <c>JsonStringTextTests</c>.
/// </summary>
public static class JsonStringText
{
    /// <summary>Values up to this many bytes are decoded in one pass into a buffer of the thread's; longer ones count first.</summary>
    private const int BufferChars = 512;

    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>The text of the string token <paramref name="reader"/> stands on.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            ReadOnlySpan<byte> value = reader.ValueSpan;
            if (value.Length <= BufferChars)
            {
                char[] buffer = t_buffer ??= new char[BufferChars];
                int written = Decode(value, buffer);
                if (written >= 0)
                {
                    return new string(buffer, 0, written);
                }
            }
            else if (EscapedAsciiLength(value) is >= 0 and int length)
            {
                return string.Create(length, value, static (chars, v) => Decode(v, chars));
            }
        }

        return reader.GetString()!;
    }

    /// <summary>
    /// The number of UTF-16 code units escaped ASCII <paramref name="value"/> (a string token's bytes between its quotes)
    /// spells, or -1 when it is not such a value (a byte past ASCII, an escape that is not well formed, a surrogate).
    /// </summary>
    internal static int EscapedAsciiLength(ReadOnlySpan<byte> value)
    {
        int length = 0;
        for (int i = 0; i < value.Length; length++)
        {
            int step = Next(value, i, out _);
            if (step <= 0)
            {
                return -1;
            }

            i += step;
        }

        return length;
    }

    /// <summary>
    /// Writes the code units of escaped ASCII <paramref name="value"/> into <paramref name="chars"/> (room for
    /// <c>value.Length</c> at least, or the count <see cref="EscapedAsciiLength"/> gave) and returns how many; -1 when the
    /// value is not escaped ASCII (what was written then means nothing).
    /// </summary>
    private static int Decode(ReadOnlySpan<byte> value, Span<char> chars)
    {
        int o = 0;
        for (int i = 0; i < value.Length; o++)
        {
            int step = Next(value, i, out char c);
            if (step <= 0)
            {
                return -1;
            }

            chars[o] = c;
            i += step;
        }

        return o;
    }

    /// <summary>
    /// The code unit at <paramref name="i"/> of escaped ASCII and how many bytes it takes (1 for a plain byte, 2 for
    /// <c>\n</c> and its kind, 6 for <c>\uXXXX</c>); 0 for a byte past ASCII, an escape that is not well formed or cut
    /// short, and a surrogate.
    /// </summary>
    private static int Next(ReadOnlySpan<byte> value, int i, out char c)
    {
        byte b = value[i];
        if (b != (byte)'\\')
        {
            c = (char)b;
            return b < 0x80 ? 1 : 0;
        }

        c = '\0';
        if (i + 1 >= value.Length)
        {
            return 0;
        }

        byte e = value[i + 1];
        if (e != (byte)'u')
        {
            int simple = Simple(e);
            c = (char)simple;
            return simple >= 0 ? 2 : 0;
        }

        if (i + 6 > value.Length)
        {
            return 0;
        }

        int unit = CodeUnit(value.Slice(i + 2, 4));
        c = (char)unit;
        return unit >= 0 && !char.IsSurrogate(c) ? 6 : 0;
    }

    /// <summary>The code unit four hex digits spell (either case), or -1.</summary>
    private static int CodeUnit(ReadOnlySpan<byte> hex)
    {
        int value = 0;
        foreach (byte h in hex)
        {
            int d = HexDigit(h);
            if (d < 0)
            {
                return -1;
            }

            value = (value << 4) | d;
        }

        return value;
    }

    private static int HexDigit(byte h) => h switch
    {
        >= (byte)'0' and <= (byte)'9' => h - '0',
        >= (byte)'a' and <= (byte)'f' => h - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => h - 'A' + 10,
        _ => -1,
    };

    /// <summary>The character a one-letter escape (<c>\n</c>, <c>\"</c>…) stands for, or -1.</summary>
    private static int Simple(byte e) => e switch
    {
        (byte)'"' => '"',
        (byte)'\\' => '\\',
        (byte)'/' => '/',
        (byte)'b' => '\b',
        (byte)'f' => '\f',
        (byte)'n' => '\n',
        (byte)'r' => '\r',
        (byte)'t' => '\t',
        _ => -1,
    };
}
