namespace Assistant.Domain.Importing;

/// <summary>
/// One cell of a table as a reader saw it: the text as printed (a number already formatted by its
/// display format) and where it came from (<c>Sheet1!C7</c>, <c>表1 第3行第2列</c>, <c>第12行</c>).
/// </summary>
public sealed record GridCell(string Text, string Source)
{
    /// <summary>A later column of a horizontally merged cell: the text is in the first one.</summary>
    public bool Spanned { get; init; }

    /// <summary>How many grid columns the cell covers (itself and the spanned cells after it); set by the row source for grids whose positions are reliable.</summary>
    public int Width { get; init; } = 1;

    /// <summary>What the reader was unsure of for this cell (e.g. precision inferred), in Chinese and English.</summary>
    public ImportNote? Note { get; init; }
}

/// <summary>A note a reader or the layout attaches to a value: Chinese and English.</summary>
public sealed record ImportNote(string Zh, string En);

/// <summary>One row of cells, left to right.</summary>
public sealed record GridRow(IReadOnlyList<GridCell> Cells);

/// <summary>
/// A table-shaped source: a worksheet, a Word table, or the tabular lines of a text. When
/// <see cref="Stream"/> is set the row breaks are unreliable (text copied cell by cell, one cell a
/// line) and the layout re-cuts rows by the width of each block's header.
/// </summary>
public sealed record Grid(string Name, IReadOnlyList<GridRow> Rows)
{
    public bool Stream { get; init; }

    /// <summary>Cell positions are unreliable (text copied from a PDF): empty cells may be missing or extra, wrapped cells continue on the next line.</summary>
    public bool Loose { get; init; }

    /// <summary>What the reader left out of the grid (hidden rows or columns of a worksheet): a warning on every table read from it.</summary>
    public ImportNote? Skipped { get; init; }
}
