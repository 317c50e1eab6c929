namespace Assistant.Domain.Importing;

/// <summary>
/// A table read from a document, its values as printed (strings, as <c>assistant.evaluation/v1</c>
/// carries them), with where each value came from and what the reader was unsure of.
/// </summary>
public sealed class ImportedTable
{
    public string Kind { get; set; } = "project";
    public string? Title { get; set; }

    /// <summary>No 项目名称 row: the title was taken from a heading or is 未命名项目.</summary>
    public bool TitleGuessed { get; set; }
    public string? Year { get; set; }
    public string? Region { get; set; }
    public string? Department { get; set; }
    public string? Implementer { get; set; }
    public string FundUnit { get; set; } = "万元";
    public string? FundWeight { get; set; }
    public List<ImportedFundLine> FundLines { get; } = [];
    public List<KeyValuePair<string, string>> LevelWeights { get; } = [];
    public List<ImportedIndicator> Indicators { get; } = [];
    public string? PrintedWeightTotal { get; set; }
    public string? PrintedTotal { get; set; }

    /// <summary>The source the table was read from (a sheet, a Word table, a text).</summary>
    public required string Source { get; init; }

    /// <summary>Contract path (<c>indicators[3].target</c>) → where the value was read.</summary>
    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    public List<ImportWarning> Warnings { get; } = [];

    /// <summary>What makes the table's figures unreadable as printed (a money unit the contract cannot carry): the import is refused naming each.</summary>
    public List<ImportWarning> Errors { get; } = [];

    public void Warn(string path, string source, string zh, string en) => Warnings.Add(new ImportWarning(path, source, zh, en));
}

/// <summary>Something the importer was unsure of, at a contract path, with the cell it came from.</summary>
public sealed record ImportWarning(string Path, string Source, string Zh, string En);

public sealed class ImportedFundLine
{
    public required string Name { get; set; }
    public string? Parent { get; set; }
    public string? InitialBudget { get; set; }
    public string? Budget { get; set; }
    public string? Executed { get; set; }
    public string? PrintedRate { get; set; }
    public string? PrintedScore { get; set; }
    public string? Weight { get; set; }
    public string? DeviationNote { get; set; }
}

public sealed class ImportedIndicator
{
    public string? Level1 { get; set; }
    public string? Level2 { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public string? Target { get; set; }
    public string? Actual { get; set; }
    public string? Weight { get; set; }
    public string? PrintedScore { get; set; }
    public string? DeviationNote { get; set; }
}
