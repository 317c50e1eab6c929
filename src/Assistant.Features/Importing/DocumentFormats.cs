using System.Text;

namespace Assistant.Features.Importing;

/// <summary>
/// What a file is before it is read: text in the encodings Windows and OA systems write (UTF-8 with
/// or without BOM, UTF-16 with BOM — Notepad's "Unicode" — GB18030/GBK), or a format the importer
/// cannot read (PDF, a picture, WPS, RTF, OFD, old Office), refused with a message that names the
/// format and says what to do instead.
/// </summary>
public static class DocumentFormats
{
    static DocumentFormats() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Refuses a format that holds no readable table, naming it; returns when the content may be text or Office.</summary>
    public static void RefuseUnreadable(string ext, byte[] content)
    {
        ReadOnlySpan<byte> head = content.AsSpan(0, Math.Min(content.Length, 16));
        if (head.StartsWith("%PDF-"u8) || ext == ".pdf")
        {
            // A viewer's select-all copy loses the table's columns; a copy that keeps them (pdftotext -layout) can be read.
            throw ZipGuard.Bad("不支持 PDF 文件。请上传生成该 PDF 的 .xlsx / .docx 原件；没有原件时，用 pdftotext -layout 保留版式把 PDF 转成文字（保留行首空格）后上传该 .txt 或粘贴到“粘贴文字”框。PDF 阅读器中全选复制的文字会丢失表格的列，通常无法读取。",
                "PDF is not supported. Upload the .xlsx / .docx the PDF was made from; without it, turn the PDF into text keeping its layout and leading spaces (pdftotext -layout) and upload that .txt or paste it. Text copied with select-all in a PDF viewer loses the table's columns and usually cannot be read.");
        }

        if (IsImage(head) || ext is ".png" or ".jpg" or ".jpeg" or ".gif" or ".bmp" or ".tif" or ".tiff" or ".webp" or ".heic")
        {
            throw ZipGuard.Bad("图片或扫描件无法读取表格。请上传原始的 Excel/Word 文件，或把表格文字复制粘贴进来。",
                "an image or scan cannot be read as a table; upload the original Excel/Word file, or paste the table's text.");
        }

        if (head.StartsWith("{\\rtf"u8) || ext == ".rtf")
        {
            throw ZipGuard.Bad("不支持 RTF 格式，请在 Word 中另存为 .docx 后上传。", "RTF is not supported; save the file as .docx in Word and upload it again.");
        }

        bool ole = head.Length >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0;
        if (ext is ".et" or ".wps" or ".dps" or ".ett" or ".wpt")
        {
            throw ZipGuard.Bad($"不支持 WPS 格式（{ext}），请在 WPS 中“另存为” Excel（.xlsx）或 Word（.docx）后再上传。",
                $"the WPS format ({ext}) is not supported; in WPS use Save As Excel (.xlsx) or Word (.docx) and upload it again.");
        }

        if (ole || ext is ".xls" or ".doc")
        {
            throw ZipGuard.Bad("不支持旧版 Office 格式（.xls/.doc）或 WPS 格式（.et/.wps），请另存为 .xlsx 或 .docx 后再上传。",
                "old Office formats (.xls/.doc) and WPS formats (.et/.wps) are not supported; save the file as .xlsx or .docx and upload it again.");
        }
    }

    /// <summary>The message for a zip that is not an .xlsx or .docx (see <see cref="ZipGuard.Inspect"/>).</summary>
    public static UnreadableDocumentException OtherZip(string kind) => kind switch
    {
        "ofd" => ZipGuard.Bad("不支持 OFD 版式文件，请复制其中的文字粘贴进来，或上传原始的 Excel/Word 文件。", "OFD documents are not supported; paste their text, or upload the original Excel/Word file."),
        "pptx" => ZipGuard.Bad("不支持 PowerPoint 文件，请上传 Excel（.xlsx）或 Word（.docx）中的自评表。", "PowerPoint files are not supported; upload the table as Excel (.xlsx) or Word (.docx)."),
        "odf" => ZipGuard.Bad("不支持 OpenDocument 格式（.ods/.odt），请另存为 .xlsx 或 .docx 后再上传。", "OpenDocument files (.ods/.odt) are not supported; save as .xlsx or .docx and upload again."),
        _ => ZipGuard.Bad("压缩文件不是 Excel（.xlsx）或 Word（.docx）文档。", "the zip is neither an Excel (.xlsx) nor a Word (.docx) document."),
    };

    private static bool IsImage(ReadOnlySpan<byte> h) =>
        h.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || h.StartsWith("GIF8"u8) || h.StartsWith("BM"u8) && h.Length > 14 && h[6] == 0 && h[7] == 0
        || h.StartsWith("II*\0"u8) || h.StartsWith("MM\0*"u8) || h.StartsWith("RIFF"u8) && h.Length >= 12 && h[8..12].SequenceEqual("WEBP"u8)
        || h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) && (h[8..12].SequenceEqual("heic"u8) || h[8..12].SequenceEqual("mif1"u8) || h[8..12].SequenceEqual("avif"u8));

    /// <summary>
    /// Text as its bytes say: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32 LE); without one, UTF-8 when
    /// valid, UTF-16 when every other byte of ASCII is zero, else GB18030 (which covers GBK and GB2312).
    /// </summary>
    public static string Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<byte> b = content;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Strict(new UTF32Encoding(false, false, true), content, 4, "UTF-32");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(false, false, true), content, 2, "UTF-16");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(true, false, true), content, 2, "UTF-16");
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(new UTF8Encoding(false, true), content, 3, "UTF-8");
        }

        if (Utf16WithoutBom(content) is { } bigEndian)
        {
            return Strict(new UnicodeEncoding(bigEndian, false, true), content, 0, "UTF-16");
        }

        return TextBytes.Utf8ThenGb18030(content)
            ?? throw ZipGuard.Bad("文件既不是文本（UTF-8、UTF-16 或 GB18030/GBK 编码），也不是 .xlsx/.docx 文档。", "the file is neither text (UTF-8, UTF-16 or GB18030/GBK) nor an .xlsx/.docx document.");
    }

    private static string Strict(Encoding encoding, byte[] content, int skip, string name)
    {
        try
        {
            return encoding.GetString(content, skip, content.Length - skip).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw ZipGuard.Bad($"文件标明是 {name} 编码，但内容不是有效的 {name} 文本（文件可能已损坏）。", $"the file is marked as {name} but its content is not valid {name} (the file may be damaged).");
        }
    }

    /// <summary>UTF-16 without a BOM: even length, zeros on one side of at least a fifth of the pairs and rarely on the other (digits, tabs and newlines of a table). True for big-endian, false for little-endian, null for neither.</summary>
    private static bool? Utf16WithoutBom(byte[] content)
    {
        if (content.Length < 8 || content.Length % 2 != 0)
        {
            return null;
        }

        int n = Math.Min(content.Length, 64 * 1024);
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i + 1 < n; i += 2)
        {
            evenZeros += content[i] == 0 ? 1 : 0;
            oddZeros += content[i + 1] == 0 ? 1 : 0;
        }

        int pairs = n / 2;
        // A character such as 一 (U+4E00) puts a zero on the other side now and then.
        if (oddZeros * 5 >= pairs && evenZeros * 10 <= oddZeros)
        {
            return false;
        }

        return evenZeros * 5 >= pairs && oddZeros * 10 <= evenZeros ? true : null;
    }
}
