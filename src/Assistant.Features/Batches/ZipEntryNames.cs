using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Assistant.Features.Importing;

namespace Assistant.Features.Batches;

/// <summary>
/// The names of a zip's entries as their writer meant them. A name is stored as bytes: UTF-8 when the
/// entry's flag bit 11 says so, otherwise in no declared encoding — Info-ZIP (the Linux <c>zip</c>) writes
/// UTF-8 without the flag (and adds the Unicode Path extra field 0x7075), Windows' "send to compressed
/// folder" and most Chinese tools write GBK/GB18030. Each name is read in this order: the 0x7075 field
/// when its CRC matches the stored name, the flag, strict UTF-8 (GBK text of more than a character or two
/// is almost never valid UTF-8), then GB18030.
/// </summary>
public static class ZipEntryNames
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The encoding to open the archive with: Latin-1 keeps every byte of an unflagged name as one char.</summary>
    public static Encoding RawNameEncoding => Encoding.Latin1;

    /// <summary>
    /// The names of <paramref name="zip"/>'s entries (opened with <see cref="RawNameEncoding"/>), in the
    /// order of <see cref="ZipArchive.Entries"/>; <paramref name="content"/> is the archive's bytes, whose
    /// central directory gives each entry's flag and extra fields.
    /// </summary>
    public static IReadOnlyList<string> Read(ZipArchive zip, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(zip);
        IReadOnlyList<CentralEntry>? central = CentralDirectory(content);
        var names = new List<string>(zip.Entries.Count);
        for (int i = 0; i < zip.Entries.Count; i++)
        {
            string opened = zip.Entries[i].FullName;
            if (central is not null && central.Count == zip.Entries.Count)
            {
                names.Add(Decode(central[i]));
            }
            else
            {
                // No central directory of our own (zip64 or an odd archive): what Latin-1 gave back is the raw bytes
                // unless the entry was flagged UTF-8 (then it holds chars above U+00FF, or is plain ASCII).
                names.Add(opened.Any(c => c > '\u00FF') ? opened : DecodeRaw(Encoding.Latin1.GetBytes(opened)));
            }
        }

        return names;
    }

    /// <summary>A name stored without the UTF-8 flag: ASCII as is, else strict UTF-8, else GB18030 — the rule of file bodies (<see cref="TextBytes"/>), lenient so a name is always shown.</summary>
    public static string DecodeRaw(ReadOnlySpan<byte> raw) => TextBytes.Utf8ThenGb18030(raw, lenient: true)!;

    private static string Decode(CentralEntry e)
    {
        if (UnicodePath(e) is { } unicode)
        {
            return unicode;
        }

        if ((e.Flags & 0x0800) != 0)
        {
            return Encoding.UTF8.GetString(e.Name);
        }

        return DecodeRaw(e.Name);
    }

    /// <summary>The Info-ZIP Unicode Path extra field (0x7075): version 1, CRC-32 of the stored name, then the name in UTF-8.</summary>
    private static string? UnicodePath(CentralEntry e)
    {
        ReadOnlySpan<byte> extra = e.Extra;
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
            {
                return null;
            }

            ReadOnlySpan<byte> data = extra.Slice(4, size);
            if (id == 0x7075 && data.Length >= 5 && data[0] == 1 && BinaryPrimitives.ReadUInt32LittleEndian(data[1..]) == Crc32(e.Name))
            {
                try
                {
                    return StrictUtf8.GetString(data[5..]);
                }
                catch (DecoderFallbackException)
                {
                    return null;
                }
            }

            extra = extra[(4 + size)..];
        }

        return null;
    }

    private sealed record CentralEntry(ushort Flags, byte[] Name, byte[] Extra);

    /// <summary>The central directory's entries (flag, raw name, extra field), or null when it cannot be walked (zip64, damaged).</summary>
    private static List<CentralEntry>? CentralDirectory(ReadOnlySpan<byte> zip)
    {
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65535.
        int eocd = -1;
        for (int i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - 65535); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == 0x06054b50)
            {
                eocd = i;
                break;
            }
        }

        if (eocd < 0)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(eocd + 10)..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(eocd + 16)..]);
        if (count == 0xFFFF || offset == 0xFFFFFFFF || offset >= zip.Length)
        {
            return null;
        }

        var entries = new List<CentralEntry>(count);
        int p = (int)offset;
        for (int n = 0; n < count; n++)
        {
            if (p + 46 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[p..]) != 0x02014b50)
            {
                return null;
            }

            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(zip[(p + 8)..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip[(p + 28)..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip[(p + 30)..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(zip[(p + 32)..]);
            if (p + 46 + nameLength + extraLength + commentLength > zip.Length)
            {
                return null;
            }

            entries.Add(new CentralEntry(flags, zip.Slice(p + 46, nameLength).ToArray(), zip.Slice(p + 46 + nameLength, extraLength).ToArray()));
            p += 46 + nameLength + extraLength + commentLength;
        }

        return entries;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
