using System.Text;
using Assistant.Features.Evaluations;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Features.Corpus;

/// <summary>Turns an uploaded file into report text: UTF-8 (or GB18030) text and Markdown, or .docx.</summary>
public static class DocumentText
{
    public const int MaxBytes = 20 * 1024 * 1024;

    static DocumentText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text of <paramref name="content"/>, or an <see cref="InputException"/> saying why it is not a report.</summary>
    public static string Read(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            throw Bad("文件为空。", "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw Bad($"文件超过 {MaxBytes / 1024 / 1024} MB。", $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        string text;
        bool zip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (zip || fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            text = ReadDocx(content.ToArray());
        }
        else
        {
            text = Decode(content);
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw Bad("文件没有文字内容。", "The file has no text.");
        }

        int cjk = trimmed.Count(c => c is >= '\u4e00' and <= '\u9fff');
        int control = trimmed.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
        if (control > trimmed.Length / 100 || cjk < 20)
        {
            throw Bad("文件不像一份中文报告（可能已损坏，或不是文本/Word 文件）。", "The file does not look like a Chinese report (corrupt, or not text/.docx).");
        }

        return text;
    }

    private static string Decode(ReadOnlySpan<byte> content)
    {
        var utf8 = new UTF8Encoding(false, true);
        try
        {
            return utf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            try
            {
                return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                throw Bad("文件既不是 UTF-8 也不是 GB18030 编码的文本。", "The file is neither UTF-8 nor GB18030 text.");
            }
        }
    }

    private static string ReadDocx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw Bad("Word 文件没有正文。", "The .docx has no body.");
            var sb = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case W.Paragraph p:
                        sb.AppendLine(p.InnerText);
                        break;
                    case W.Table t:
                        foreach (var row in t.Elements<W.TableRow>())
                        {
                            sb.AppendLine(string.Join('\t', row.Elements<W.TableCell>().Select(c => string.Join(' ', c.Elements<W.Paragraph>().Select(p => p.InnerText)).Trim())));
                        }

                        sb.AppendLine();
                        break;
                }
            }

            return sb.ToString();
        }
        catch (Exception e) when (e is not InputException and (IOException or InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FileFormatException))
        {
            throw Bad("Word 文件已损坏，无法读取。", "The .docx file is corrupt and cannot be read.");
        }
    }

    private static InputException Bad(string zh, string en) => new([new InputError("file", zh, en)]);
}
