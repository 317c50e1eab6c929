using System.IO.Compression;
using System.Text;
using Assistant.Domain.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;

namespace Assistant.Features.Batches;

/// <summary>A file as uploaded (its path inside a .zip, or its name).</summary>
public sealed record BatchFile(string Path, byte[] Content);

/// <summary>A submission to check: its files and the unit it belongs to (and where that came from).</summary>
public sealed record BatchDocument(string Key, string Unit, string UnitSource, string TableName, byte[] Table, string? ReportName, byte[]? Report);

/// <summary>
/// Turns an upload (many files, or .zip files of them) into submissions: expands the zips within the
/// zip-bomb limits, pairs tables with reports (<see cref="BatchPairing"/>) and finds each one's unit:
/// a mapping file (<c>units.csv</c> / <c>单位.csv</c>: <c>name,unit</c> per line) first, then (when the
/// job reads it) the table's own 实施单位 / 主管部门, then the top folder of the zip, then the batch's unit.
/// </summary>
public static class BatchUpload
{
    public const int MaxDocuments = 2000;
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    static BatchUpload() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<BatchDocument> Documents(IEnumerable<BatchFile> uploaded, string batchUnit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(uploaded);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        foreach (BatchFile f in uploaded)
        {
            ct.ThrowIfCancellationRequested();
            if (IsZipArchive(f))
            {
                foreach (BatchFile inner in Expand(f, ct))
                {
                    Add(files, inner, ref total);
                }
            }
            else
            {
                Add(files, f, ref total);
            }
        }

        Dictionary<string, string> mapping = Mapping(files);
        var documents = new List<BatchDocument>();
        foreach (PairedDocument d in BatchPairing.Pair(files.Keys))
        {
            (string unit, string source) = UnitOf(d, mapping, batchUnit);
            documents.Add(new BatchDocument(d.Key, unit, source, d.Table, files[d.Table], d.Report, d.Report is null ? null : files[d.Report]));
        }

        if (documents.Count == 0)
        {
            throw new InputException("files", "批量上传中没有可检查的文件（需要 .xlsx、.docx 或文字版自评表，或装有它们的 .zip）",
                "the batch holds no document to check (expected .xlsx, .docx or text self-evaluation tables, or a .zip of them)");
        }

        if (documents.Count > MaxDocuments)
        {
            throw new InputException("files", $"一个批次最多{MaxDocuments}份材料", $"a batch holds at most {MaxDocuments} submissions");
        }

        return documents;
    }

    private static bool IsZipArchive(BatchFile f)
    {
        if (!f.Path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A plain archive, not an Office document saved with a .zip name.
        return ZipGuard.Inspect(f.Content, CancellationToken.None) == "zip";
    }

    private static IEnumerable<BatchFile> Expand(BatchFile zipFile, CancellationToken ct)
    {
        var result = new List<BatchFile>();
        try
        {
            // Names read as their writer meant them: UTF-8 with or without the flag, the Unicode Path field, else GB18030.
            using var zip = new ZipArchive(new MemoryStream(zipFile.Content, writable: false), ZipArchiveMode.Read, false, ZipEntryNames.RawNameEncoding);
            IReadOnlyList<string> names = ZipEntryNames.Read(zip, zipFile.Content);
            for (int i = 0; i < zip.Entries.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                ZipArchiveEntry e = zip.Entries[i];
                string path = names[i].Replace('\\', '/');
                if (BatchPairing.Ignored(path) || path.Split('/').Contains(".."))
                {
                    continue;
                }

                using Stream s = e.Open();
                using var ms = new MemoryStream();
                byte[] buffer = new byte[81920];
                int read;
                while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    ms.Write(buffer, 0, read);
                    if (ms.Length > DocumentImporter.MaxBytes)
                    {
                        throw new InputException("files", $"压缩包中的“{path}”超过 {DocumentImporter.MaxBytes / 1024 / 1024} MB", $"“{path}” in the zip is larger than {DocumentImporter.MaxBytes / 1024 / 1024} MB");
                    }
                }

                result.Add(new BatchFile(path, ms.ToArray()));
            }
        }
        catch (InvalidDataException)
        {
            throw new InputException("files", $"压缩包“{zipFile.Path}”已损坏，无法解压", $"the zip “{zipFile.Path}” is corrupt and cannot be expanded");
        }

        return result;
    }

    private static void Add(Dictionary<string, byte[]> files, BatchFile f, ref long total)
    {
        total += f.Content.Length;
        if (total > MaxTotalBytes)
        {
            throw new InputException("files", $"批次解压后超过 {MaxTotalBytes / 1024 / 1024} MB（可能是压缩炸弹），已拒绝", $"the batch expands beyond {MaxTotalBytes / 1024 / 1024} MB (a zip bomb?); refused");
        }

        string path = f.Path;
        for (int i = 2; files.ContainsKey(path); i++)
        {
            path = $"{f.Path} ({i})";
        }

        files[path] = f.Content;
    }

    private static Dictionary<string, string> Mapping(Dictionary<string, byte[]> files)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in files.Keys.Where(IsMappingFile).ToList())
        {
            string text = DocumentImporter.TextOf(path, files[path]);
            files.Remove(path);
            foreach (string line in text.Split('\n'))
            {
                string[] parts = line.Split([',', '，', '\t'], 2);
                if (parts.Length == 2 && parts[0].Trim() is { Length: > 0 } key && parts[1].Trim() is { Length: > 0 } unit)
                {
                    mapping[key] = unit.Length > 200 ? unit[..200] : unit;
                }
            }
        }

        return mapping;
    }

    private static bool IsMappingFile(string path)
    {
        string name = path[(path.LastIndexOf('/') + 1)..];
        return name.Equals("units.csv", StringComparison.OrdinalIgnoreCase) || name.Equals("单位.csv", StringComparison.Ordinal);
    }

    private static (string Unit, string Source) UnitOf(PairedDocument d, Dictionary<string, string> mapping, string batchUnit)
    {
        string fileName = d.Table[(d.Table.LastIndexOf('/') + 1)..];
        foreach (string key in new[] { d.Key, d.Table, fileName, BatchPairing.Stem(d.Table), d.Folder ?? string.Empty })
        {
            if (key.Length > 0 && mapping.TryGetValue(key, out string? unit))
            {
                return (unit, "mapping");
            }
        }

        // The top folder names the unit when the zip is organised by unit (单位甲/自评表.xlsx).
        if (d.Folder is { Length: > 0 } folder)
        {
            string top = folder.Split('/')[0];
            return (top.Length > 200 ? top[..200] : top, "folder");
        }

        return (batchUnit, "batch");
    }
}
