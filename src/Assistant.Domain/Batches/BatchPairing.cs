namespace Assistant.Domain.Batches;

/// <summary>One submission of a batch: its table file, its report file (if separate) and the folder it came from.</summary>
public sealed record PairedDocument(string Key, string Table, string? Report, string? Folder);

/// <summary>
/// Pairs the files of a batch into submissions: files in a folder of their own (one table, at most one
/// report) are one submission; otherwise a table and a report pair by their name without the words
/// 自评表 / 自评报告 / 报告 / table / report. An .xlsx is always a table; a .docx or text is a report
/// when its name says so (报告, report), else a table (a report with its 附表 is both).
/// </summary>
public static class BatchPairing
{
    private static readonly string[] TableExtensions = [".xlsx", ".xlsm"];
    private static readonly string[] Words =
    [
        "绩效自评报告", "绩效自评表", "自评报告", "自评表", "评价报告", "评价表", "附表", "报告", "report", "table", "selfevaluation",
    ];

    /// <summary>Files the batch ignores: folders, system files, Office lock files.</summary>
    public static bool Ignored(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = FileName(path);
        return path.EndsWith('/') || name.Length == 0 || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
            || path.Contains("__MACOSX/", StringComparison.Ordinal) || name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsReport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = FileName(path);
        string ext = Extension(name);
        return !TableExtensions.Contains(ext) && (name.Contains("报告", StringComparison.Ordinal) || name.Contains("report", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The name a table and its report share: the file name without extension, the document words and separators.</summary>
    public static string Stem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = FileName(path);
        string stem = name[..^Extension(name).Length];
        foreach (string w in Words)
        {
            stem = stem.Replace(w, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return new string([.. stem.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_' and not '.' and not '（' and not '）' and not '(' and not ')' and not '—')]);
    }

    public static IReadOnlyList<PairedDocument> Pair(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.Where(p => !Ignored(p)).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<PairedDocument>();
        var loose = new List<string>();
        foreach (var folder in files.GroupBy(Folder, StringComparer.Ordinal))
        {
            var inFolder = folder.ToList();
            int reports = inFolder.Count(IsReport);
            if (folder.Key.Length > 0 && inFolder.Count <= 2 && reports <= 1 && (inFolder.Count == 1 || reports == 1))
            {
                string? report = inFolder.Count == 2 ? inFolder.First(IsReport) : null;
                string table = inFolder.First(p => p != report);
                result.Add(new PairedDocument(folder.Key, table, report, folder.Key));
            }
            else
            {
                loose.AddRange(inFolder);
            }
        }

        foreach (var group in loose.GroupBy(p => (Folder(p), Stem(p))))
        {
            var tables = group.Where(p => !IsReport(p)).ToList();
            var reports = group.Where(IsReport).ToList();
            string? folder = group.Key.Item1.Length == 0 ? null : group.Key.Item1;
            if (tables.Count == 1 && reports.Count <= 1)
            {
                result.Add(new PairedDocument(Key(tables[0]), tables[0], reports.FirstOrDefault(), folder));
                continue;
            }

            // Ambiguous or report-only: each file on its own (a report with its 附表 is read as its own table).
            result.AddRange(group.Select(p => new PairedDocument(Key(p), p, null, folder)));
        }

        return [.. result.OrderBy(d => d.Key, StringComparer.Ordinal)];
    }

    private static string Key(string path) => path;

    private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];

    private static string Folder(string path)
    {
        int i = path.LastIndexOfAny(['/', '\\']);
        return i < 0 ? string.Empty : path[..i];
    }

    private static string Extension(string name)
    {
        int i = name.LastIndexOf('.');
        return i <= 0 ? string.Empty : name[i..].ToLowerInvariant();
    }
}
