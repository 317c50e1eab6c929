using System.Buffers.Binary;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The strings of one request body, each short value made once: a table repeats its level names, units,
/// weights and common targets (产出指标, 数量指标, 人, 0.95, ≥95%…) in every row, and the streaming reader
/// otherwise transcodes and allocates each of them again. A value is looked up by its raw UTF-8 bytes
/// as written, escapes and all (a small direct-mapped table: a slot keeps the last value that hashed to it,
/// and where in the body its bytes are); a hit is a value written with the same bytes as an earlier one, so
/// its text is the same (unescaping is a function of the bytes: <c>\u4EA7</c> written twice is 产 twice; 产
/// written once raw and once escaped is read twice). Only values of at most <see cref="MaxBytes"/> bytes as
/// written are kept; any other value, and every miss, is read by <see cref="JsonStringText.Read"/> (since
/// session 40; <see cref="Utf8JsonReader.GetString"/> before, which it still is for anything but escaped ASCII)
/// — so invalid UTF-8 or a lone surrogate escape still throws there, and is never kept. For one body on one
/// thread (the reader's).
/// </summary>
internal sealed class RepeatedTexts(ReadOnlyMemory<byte> body)
{
    private const int Slots = 64;
    private const int MaxBytes = 96;

    private readonly string?[] _texts = new string?[Slots];
    private readonly int[] _starts = new int[Slots];
    private readonly int[] _lengths = new int[Slots];

    /// <summary>The text of the string token the reader stands on (as <see cref="Utf8JsonReader.GetString"/> gives it).</summary>
    public string Text(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
        {
            return JsonStringText.Read(ref reader);
        }

        ReadOnlySpan<byte> value = reader.ValueSpan;
        if (value.Length == 0)
        {
            return string.Empty;
        }

        int slot = SlotOf(value);
        if (_texts[slot] is { } known && _lengths[slot] == value.Length && body.Span.Slice(_starts[slot], value.Length).SequenceEqual(value))
        {
            return known;
        }

        string text = JsonStringText.Read(ref reader);

        // The value's bytes (as written) lie between the token's quotes: they start one byte after the token does.
        _texts[slot] = text;
        _starts[slot] = checked((int)reader.TokenStartIndex + 1);
        _lengths[slot] = value.Length;
        return text;
    }

    /// <summary>A slot from the length and the first and last (up to) eight bytes.</summary>
    private static int SlotOf(ReadOnlySpan<byte> value)
    {
        const ulong Mix = 0x9E37_79B9_7F4A_7C15;
        ulong h = (ulong)value.Length * Mix;
        if (value.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(value)) * Mix;
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(value[^8..])) * Mix;
        }
        else
        {
            foreach (byte b in value)
            {
                h = (h ^ b) * Mix;
            }
        }

        return (int)(h >> 58);
    }
}
