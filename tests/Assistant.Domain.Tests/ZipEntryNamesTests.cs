using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Assistant.Domain.Batches;
using Assistant.Features.Batches;

namespace Assistant.Domain.Tests;

/// <summary>
/// Zip entry names as real users' tools write them (probe 32, chat #1): UTF-8 without the flag (Info-ZIP,
/// the Linux <c>zip</c>), GBK/GB18030 (Windows, Chinese archivers), UTF-8 with the flag, and the Info-ZIP
/// Unicode Path extra field (0x7075). Each batch must pair the reports with their tables.
/// </summary>
public class ZipEntryNamesTests
{
    static ZipEntryNamesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly byte[] Table = [1, 2, 3];
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("报告");

    private sealed record Entry(byte[] Name, ushort Flags, byte[] Extra, byte[] Content);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Gb(string s) => Encoding.GetEncoding("GB18030").GetBytes(s);

    /// <summary>An archive written byte by byte (stored entries), so names, flags and extra fields are exactly as given.</summary>
    private static byte[] Zip(params Entry[] entries)
    {
        using var ms = new MemoryStream();
        var offsets = new List<int>();
        foreach (Entry e in entries)
        {
            offsets.Add((int)ms.Position);
            uint crc = Crc(e.Content);
            Span<byte> h = new byte[30];
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 10);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], e.Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(h[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[18..], (uint)e.Content.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[22..], (uint)e.Content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)e.Name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)e.Extra.Length);
            ms.Write(h);
            ms.Write(e.Name);
            ms.Write(e.Extra);
            ms.Write(e.Content);
        }

        int central = (int)ms.Position;
        for (int i = 0; i < entries.Length; i++)
        {
            Entry e = entries[i];
            Span<byte> h = new byte[46];
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 0x031E);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 10);
            BinaryPrimitives.WriteUInt16LittleEndian(h[8..], e.Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(h[16..], Crc(e.Content));
            BinaryPrimitives.WriteUInt32LittleEndian(h[20..], (uint)e.Content.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)e.Content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)e.Name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(h[30..], (ushort)e.Extra.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], (uint)offsets[i]);
            ms.Write(h);
            ms.Write(e.Name);
            ms.Write(e.Extra);
        }

        int size = (int)ms.Position - central;
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)entries.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)entries.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)central);
        ms.Write(end);
        return ms.ToArray();
    }

    /// <summary>The Info-ZIP UT (0x5455) extended timestamp, as the Linux zip writes before any other field.</summary>
    private static readonly byte[] Timestamp = [0x55, 0x54, 0x05, 0x00, 0x03, 0x6d, 0x39, 0x71, 0x6a];

    private static byte[] UnicodePath(byte[] storedName, string name, uint? crc = null)
    {
        byte[] utf8 = Utf8(name);
        byte[] field = new byte[4 + 5 + utf8.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(field, 0x7075);
        BinaryPrimitives.WriteUInt16LittleEndian(field.AsSpan(2), (ushort)(5 + utf8.Length));
        field[4] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(field.AsSpan(5), crc ?? Crc(storedName));
        utf8.CopyTo(field, 9);
        return [.. Timestamp, .. field];
    }

    private static uint Crc(ReadOnlySpan<byte> data)
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

    private static string[] Pairs(byte[] zip) =>
        [.. BatchUpload.Documents([new BatchFile("上传.zip", zip)], "本级").Select(d => $"{d.Unit}:{d.TableName}|{d.ReportName}").OrderBy(s => s, StringComparer.Ordinal)];

    private static string[] Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read, false, ZipEntryNames.RawNameEncoding);
        return [.. ZipEntryNames.Read(archive, zip)];
    }

    public static TheoryData<string, string[]> Folders => new()
    {
        { "Linux zip (UTF-8, no flag)", ["甲县妇幼/自评表.xlsx", "甲县妇幼/自评报告.txt", "乙县农田/自评表.xlsx", "乙县农田/自评报告.txt", "丙县农田/自评表.xlsx"] },
        { "Linux zip, sector names", ["四川省南江县教育局/义务教育薄弱环节改善项目自评表.xlsx", "四川省南江县教育局/义务教育薄弱环节改善项目自评报告.docx"] },
        { "Linux zip, one folder many", ["周口市医保局/城乡居民医保自评表.xlsx", "周口市医保局/城乡居民医保自评报告.md", "周口市医保局/医疗救助自评表.xlsx", "周口市医保局/医疗救助自评报告.md"] },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public void Utf8WithoutFlag_ReadAsUtf8_AndPaired(string layout, string[] paths)
    {
        byte[] zip = Zip([.. paths.Select(p => new Entry(Utf8(p), 0, Timestamp, BatchPairing.IsReport(p) ? Report : Table))]);
        Assert.Equal(paths, Names(zip));
        string[] expected = [.. BatchPairing.Pair(paths).Select(p => $"{p.Folder!.Split('/')[0]}:{p.Table}|{p.Report}").OrderBy(s => s, StringComparer.Ordinal)];
        Assert.True(expected.Length >= 1 && expected.All(e => e.Contains('/')), layout);
        Assert.Equal(expected, Pairs(zip));
    }

    [Fact]
    public void InfoZipBatch_OfProbe32_PairsEachReportWithItsTable()
    {
        // What the tester's `zip -qr` wrote: folders, then files, UTF-8 names and no flag.
        byte[] zip = Zip(
            new Entry(Utf8("乙县农田/"), 0, Timestamp, []),
            new Entry(Utf8("乙县农田/自评报告.txt"), 0, Timestamp, Report),
            new Entry(Utf8("乙县农田/自评表.xlsx"), 0, Timestamp, Table),
            new Entry(Utf8("甲县妇幼/"), 0, Timestamp, []),
            new Entry(Utf8("甲县妇幼/自评报告.txt"), 0, Timestamp, Report),
            new Entry(Utf8("甲县妇幼/自评表.xlsx"), 0, Timestamp, Table),
            new Entry(Utf8("丙县农田/"), 0, Timestamp, []),
            new Entry(Utf8("丙县农田/自评表.xlsx"), 0, Timestamp, Table));
        Assert.Equal(["丙县农田:丙县农田/自评表.xlsx|", "乙县农田:乙县农田/自评表.xlsx|乙县农田/自评报告.txt", "甲县妇幼:甲县妇幼/自评表.xlsx|甲县妇幼/自评报告.txt"], Pairs(zip));
    }

    [Theory]
    [InlineData("广东省韶关市/养老服务补贴自评表.xlsx")]
    [InlineData("河南周口/医保自评报告.docx")]
    [InlineData("浙江丽水莲都区卫健局/基本公卫.txt")]
    [InlineData("内蒙古赤峰市/草原生态补奖绩效自评表（2024年度）.xlsx")]
    public void Gb18030WithoutFlag_ReadAsGb18030(string path) =>
        Assert.Equal([path], Names(Zip(new Entry(Gb(path), 0, [], Table))));

    [Theory]
    [InlineData("甲县/自评表.xlsx")]
    [InlineData("café/ñ.txt")]
    [InlineData("贵州省遵义市/文旅融合自评报告.md")]
    public void Utf8WithFlag_ReadAsUtf8(string path) =>
        Assert.Equal([path], Names(Zip(new Entry(Utf8(path), 0x0800, [], Table))));

    [Fact]
    public void UnicodePathField_WinsOverTheStoredName_WhenItsCrcMatches()
    {
        // A tool that stores a GBK name and adds the UTF-8 name in 0x7075 (as Info-ZIP 3 does on a non-UTF-8 locale).
        byte[] stored = Gb("山西省大同市/自评表.xlsx");
        Assert.Equal(["山西省大同市/自评表.xlsx"], Names(Zip(new Entry(stored, 0, UnicodePath(stored, "山西省大同市/自评表.xlsx"), Table))));

        // A stored name changed after the field was written (CRC differs): the field is stale and ignored.
        byte[] renamed = Gb("山西省忻州市/自评表.xlsx");
        Assert.Equal(["山西省忻州市/自评表.xlsx"], Names(Zip(new Entry(renamed, 0, UnicodePath(stored, "山西省大同市/自评表.xlsx"), Table))));

        // A stored name in CP437-style question marks with the real name in the field.
        byte[] mangled = Encoding.ASCII.GetBytes("????/????.xlsx");
        Assert.Equal(["青海西宁/自评表.xlsx"], Names(Zip(new Entry(mangled, 0, UnicodePath(mangled, "青海西宁/自评表.xlsx"), Table))));
    }

    [Fact]
    public void MixedArchive_EachNameByItsOwnEncoding()
    {
        byte[] zip = Zip(
            new Entry(Gb("云南/自评表.xlsx"), 0, [], Table),
            new Entry(Utf8("云南/自评报告.txt"), 0, Timestamp, Report),
            new Entry(Utf8("西藏/自评表.xlsx"), 0x0800, [], Table),
            new Entry(Encoding.ASCII.GetBytes("readme/table.xlsx"), 0, [], Table));
        Assert.Equal(["云南/自评表.xlsx", "云南/自评报告.txt", "西藏/自评表.xlsx", "readme/table.xlsx"], Names(zip));
        Assert.Contains("云南:云南/自评表.xlsx|云南/自评报告.txt", Pairs(zip));
    }

    [Fact]
    public void ZipWrittenByDotNet_StillReadRight()
    {
        using var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (string p in new[] { "宁夏中卫/就业见习补贴自评表.xlsx", "宁夏中卫/就业见习补贴自评报告.txt" })
            {
                using Stream s = archive.CreateEntry(p).Open();
                s.Write(p.EndsWith(".txt", StringComparison.Ordinal) ? Report : Table);
            }
        }

        Assert.Equal(["宁夏中卫:宁夏中卫/就业见习补贴自评表.xlsx|宁夏中卫/就业见习补贴自评报告.txt"], Pairs(ms.ToArray()));
    }
}
