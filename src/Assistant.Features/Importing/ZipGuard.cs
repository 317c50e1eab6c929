using System.IO.Compression;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>
/// Looks inside an Office file's zip before any reader opens it: too many parts, a part or a total
/// that would expand beyond the limits (a zip bomb renamed .xlsx), or a zip that is not an Office
/// document is refused with a clear error.
/// </summary>
public static class ZipGuard
{
    public const int MaxParts = 2000;
    public const long MaxExpandedBytes = 200L * 1024 * 1024;
    public const long MaxPartBytes = 100L * 1024 * 1024;
    public const int MaxRatio = 200;

    /// <summary>What the zip holds: a spreadsheet (xlsx), a Word document (docx), or another kind (ofd, pptx, odf, zip).</summary>
    public static string Inspect(byte[] content, CancellationToken ct)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts)
            {
                throw Bad($"压缩包内文件过多（超过{MaxParts}个），不像正常的 Office 文件。", $"the file holds more than {MaxParts} parts; not a normal Office file.");
            }

            long total = 0;
            string kind = "zip";
            foreach (ZipArchiveEntry e in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                total += e.Length;
                bool ratioTooHigh = e.Length > 1024 * 1024 && e.CompressedLength > 0 && e.Length / e.CompressedLength > MaxRatio;
                if (e.Length > MaxPartBytes || total > MaxExpandedBytes || ratioTooHigh)
                {
                    throw Bad("文件解压后过大（可能是压缩炸弹），已拒绝。", "the file would expand far beyond its size (a zip bomb?); refused.");
                }

                if (e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase))
                {
                    kind = "xlsx";
                }
                else if (e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase))
                {
                    kind = "docx";
                }
                else if (kind == "zip")
                {
                    kind = e.FullName.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase) ? "ofd"
                        : e.FullName.Equals("ppt/presentation.xml", StringComparison.OrdinalIgnoreCase) ? "pptx"
                        : e.FullName.Equals("content.xml", StringComparison.OrdinalIgnoreCase) ? "odf" : kind;
                }
            }

            return kind;
        }
        catch (InvalidDataException)
        {
            throw Bad("文件已损坏（压缩结构无法读取）。", "the file is corrupt (its zip structure cannot be read).");
        }
    }

    internal static UnreadableDocumentException Bad(string zh, string en) => new(zh, en);
}
