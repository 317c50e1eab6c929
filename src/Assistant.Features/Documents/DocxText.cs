using System.Text;
using System.Xml;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Documents;

/// <summary>
/// The text of a .docx, read as a stream (never a DOM) through <see cref="OpenXmlGuard"/>: paragraphs
/// become lines, table rows become tab-separated lines (a cell's paragraphs joined by spaces) followed
/// by a blank line. Stops with a 422-style <see cref="InputException"/> as soon as a limit is passed
/// or the request is cancelled.
/// </summary>
public static class DocxText
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    public static string Read(byte[] package, OpenXmlLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var stream = new MemoryStream(package, writable: false);
        using OpenXmlGuard guard = OpenXmlGuard.Open(stream, limits, cancellationToken);
        string main = MainPart(guard);
        using Stream part = guard.OpenPart(main) ?? throw new InputException("file", "Word 文件没有正文。", "The .docx has no body.");
        try
        {
            return Text(part, guard.Limits.MaxTextChars, cancellationToken);
        }
        catch (XmlException)
        {
            throw OpenXmlGuard.Corrupt();
        }
    }

    /// <summary>The main document part named by the package relationships (word/document.xml by default).</summary>
    private static string MainPart(OpenXmlGuard guard)
    {
        using Stream? rels = guard.OpenPart("_rels/.rels");
        if (rels is null)
        {
            throw OpenXmlGuard.Corrupt();
        }

        try
        {
            using XmlReader reader = XmlReader.Create(rels, Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Type") == OfficeDocument && reader.GetAttribute("Target") is { Length: > 0 } target)
                {
                    return target.TrimStart('/');
                }
            }
        }
        catch (XmlException)
        {
            throw OpenXmlGuard.Corrupt();
        }

        return "word/document.xml";
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static string Text(Stream part, int maxChars, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var paragraph = new StringBuilder();
        var cell = new List<string>();
        var row = new List<string>();
        int tableDepth = 0;
        bool inText = false;
        int nodes = 0;
        using XmlReader reader = XmlReader.Create(part, Settings);
        while (reader.Read())
        {
            if (++nodes % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == W)
            {
                bool empty = reader.IsEmptyElement;
                if (empty && reader.LocalName is "p" or "tc" or "tr")
                {
                    End(reader.LocalName);
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "t":
                        inText = !empty;
                        break;
                    case "tab":
                        paragraph.Append(tableDepth > 0 ? ' ' : '\t');
                        break;
                    case "br":
                    case "cr":
                        paragraph.Append(tableDepth > 0 ? ' ' : '\n');
                        break;
                    case "tbl":
                        tableDepth++;
                        break;
                }
            }
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA && inText)
            {
                paragraph.Append(reader.Value);
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.NamespaceURI == W)
            {
                End(reader.LocalName);
            }

            if (output.Length + paragraph.Length > maxChars)
            {
                throw new InputException("file", $"文件文字过多（超过{maxChars}字），不像一份绩效自评报告。",
                    $"The file has too much text (over {maxChars} characters) for a performance self-evaluation report.");
            }
        }

        return output.ToString();

        void End(string name)
        {
            switch (name)
            {
                case "t":
                    inText = false;
                    break;
                case "p":
                    if (tableDepth > 0)
                    {
                        cell.Add(paragraph.ToString());
                    }
                    else
                    {
                        output.Append(paragraph).Append('\n');
                    }

                    paragraph.Clear();
                    break;
                case "tc" when tableDepth == 1:
                    row.Add(string.Join(' ', cell).Trim());
                    cell.Clear();
                    break;
                case "tr" when tableDepth == 1:
                    output.Append(string.Join('\t', row)).Append('\n');
                    row.Clear();
                    break;
                case "tbl":
                    tableDepth--;
                    if (tableDepth == 0)
                    {
                        output.Append('\n');
                    }

                    break;
            }
        }
    }
}
