using System.IO.Compression;
using System.Text;

namespace Assistant.Api.Tests.Hostile;

/// <summary>Decompression bombs in .docx form, made in the test (never stored in the repository).</summary>
public static class Bombs
{
    private const string Rels =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Head = """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";
    private const string Tail = "</w:body></w:document>";

    private static readonly Lazy<byte[]> ExpandingLazy = new(() => Docx(body =>
    {
        // One paragraph whose text is ~300 MB of one letter: a ~300 KB file.
        Write(body, "<w:p><w:r><w:t>");
        byte[] chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
        for (int i = 0; i < 300; i++)
        {
            body.Write(chunk);
        }

        Write(body, "</w:t></w:r></w:p>");
    }));

    private static readonly Lazy<byte[]> ChineseLazy = new(() => Docx(body =>
    {
        // Paragraphs of Chinese report text, ~60 MB of XML.
        byte[] paragraph = Encoding.UTF8.GetBytes("<w:p><w:r><w:t>就业见习补贴资金执行率偏低，主要原因是见习岗位不足，下一步将拓展见习基地并加快资金拨付进度。</w:t></w:r></w:p>");
        for (long written = 0; written < 60L * 1024 * 1024; written += paragraph.Length)
        {
            body.Write(paragraph);
        }
    }));

    private static readonly Lazy<byte[]> PassagesLazy = new(() => Docx(body =>
    {
        // Short numbered headings with one sentence each: under the text limit, but thousands of passages.
        Write(body, "<w:p><w:r><w:t>某某县2024年度就业补助资金绩效自评报告</w:t></w:r></w:p>");
        for (int i = 1; i <= 9000; i++)
        {
            Write(body, $"<w:p><w:r><w:t>（{i}）见习岗位</w:t></w:r></w:p><w:p><w:r><w:t>岗位不足。</w:t></w:r></w:p>");
        }
    }));

    /// <summary>A ~300 KB .docx whose document part expands to ~300 MB.</summary>
    public static byte[] Expanding => ExpandingLazy.Value;

    /// <summary>A .docx of Chinese text expanding to ~60 MB.</summary>
    public static byte[] Chinese => ChineseLazy.Value;

    /// <summary>A .docx that would be stored as many thousands of passages.</summary>
    public static byte[] ManyPassages => PassagesLazy.Value;

    /// <summary>The ~300 MB bomb with its headers lying: they declare 1,000 bytes, so only the streaming count can stop it.</summary>
    public static byte[] Lying()
    {
        byte[] zip = (byte[])Expanding.Clone();
        byte[] name = Encoding.ASCII.GetBytes("word/document.xml");
        for (int i = 0; i + 46 < zip.Length; i++)
        {
            bool local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            bool central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            int nameAt = local ? i + 30 : central ? i + 46 : -1;
            if (nameAt < 0 || nameAt + name.Length > zip.Length || !zip.AsSpan(nameAt, name.Length).SequenceEqual(name))
            {
                continue;
            }

            BitConverter.TryWriteBytes(zip.AsSpan(local ? i + 22 : i + 24, 4), 1000);
        }

        return zip;
    }

    /// <summary>A package of <paramref name="parts"/> tiny parts.</summary>
    public static byte[] ManyParts(int parts)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < parts; i++)
            {
                using Stream s = zip.CreateEntry($"word/media/p{i}.xml", CompressionLevel.Fastest).Open();
                s.WriteByte((byte)'x');
            }
        }

        return ms.ToArray();
    }

    /// <summary>A small valid .docx of the given paragraphs.</summary>
    public static byte[] Small(params string[] paragraphs) => Docx(body =>
    {
        foreach (string p in paragraphs)
        {
            Write(body, $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(p)}</w:t></w:r></w:p>");
        }
    });

    private static byte[] Docx(Action<Stream> writeBody)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", ContentTypes);
            Entry(zip, "_rels/.rels", Rels);
            using Stream body = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            using var buffered = new BufferedStream(body, 1 << 20);
            Write(buffered, Head);
            writeBody(buffered);
            Write(buffered, Tail);
        }

        return ms.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using Stream s = zip.CreateEntry(name).Open();
        Write(s, text);
    }

    private static void Write(Stream s, string text) => s.Write(Encoding.UTF8.GetBytes(text));
}
