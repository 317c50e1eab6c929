using Assistant.Features.Evaluations;
using Assistant.Features.Documents;
using Assistant.Features.Storage;

namespace Assistant.Features.Corpus;

/// <summary>Turns an uploaded file into report text: UTF-8 (or GB18030) text and Markdown, or .docx.</summary>
public static class DocumentText
{
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Characters of text a report may have (a long report has about 60,000); more is refused, not parsed.</summary>
    public static int MaxTextChars => OpenXmlLimits.Default.MaxTextChars;


    /// <summary>The text of <paramref name="content"/>, or an <see cref="InputException"/> saying why it is not a report.</summary>
    public static string Read(string fileName, ReadOnlySpan<byte> content, CancellationToken cancellationToken = default)
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
            text = DocxText.Read(content.ToArray(), OpenXmlLimits.Default, cancellationToken);
        }
        else
        {
            // The importer's reading of text bytes (BOM, UTF-8, UTF-16 without BOM, GB18030/GBK), not a second copy of it.
            text = Importing.DocumentFormats.Decode(content.ToArray());
        }

        if (text.Length > MaxTextChars)
        {
            throw Bad($"文件文字过多（超过{MaxTextChars}字），不像一份绩效自评报告。", $"The file has too much text (over {MaxTextChars} characters) for a performance self-evaluation report.");
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

        // What PostgreSQL cannot store goes; markup and fact references are data, never instructions.
        return Domain.Drafting.UntrustedText.Strip(StorableText.Clean(text));
    }

    private static InputException Bad(string zh, string en) => new([new InputError("file", zh, en)]);
}
