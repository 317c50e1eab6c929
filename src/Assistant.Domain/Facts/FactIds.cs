namespace Assistant.Domain.Facts;

/// <summary>
/// The ids of a row's and a fund line's facts (<c>indicators[3].actual</c>, <c>funds.lines[0].rate</c>), the same strings for
/// every table: session 45 keeps them once per process for the first <see cref="KeptRows"/> rows, in place of formatting two
/// strings per fact of every sheet built (a fresh sheet per POST /verify). The text is what the format gives; past the kept
/// rows, or for a column not listed, the id is formatted as before.
/// </summary>
internal static class FactIds
{
    /// <summary>How many rows (and fund lines) have their ids kept.</summary>
    internal const int KeptRows = 2048;

    internal static readonly Kind Indicators = new("indicators", ["target", "actual", "weight", "score", "lost", "completion", "excess", "shortfall", "gap"]);

    internal static readonly Kind Funds = new("funds.lines",
        ["initialBudget", "budget", "adjustment", "executed", "balance", "rate", "unexecutedRate", "score", "lost", "share.budget", "share.executed"]);

    /// <summary>The id of the fact <paramref name="column"/> of row <paramref name="row"/> of a kind: <c>{prefix}[{row}].{column}</c>.</summary>
    internal static string Of(Kind kind, int row, string column)
    {
        int c = Array.IndexOf(kind.Columns, column);
        if (c < 0 || row < 0 || row >= KeptRows)
        {
            return Format(kind, row, column);
        }

        string?[] ids = Volatile.Read(ref kind.Rows[row]) ?? Kept(kind, row);
        string? id = Volatile.Read(ref ids[c]);
        if (id is null)
        {
            id = Format(kind, row, column);
            Volatile.Write(ref ids[c], id);
        }

        return id;
    }

    private static string?[] Kept(Kind kind, int row)
    {
        Interlocked.CompareExchange(ref kind.Rows[row], new string?[kind.Columns.Length], null);
        return Volatile.Read(ref kind.Rows[row])!;
    }

    internal static string Format(Kind kind, int row, string column) => $"{kind.Prefix}[{row}].{column}";

    /// <summary>One kind of row: its ids' prefix, its columns, and the ids kept per row (each array filled on first use).</summary>
    internal sealed class Kind(string prefix, string[] columns)
    {
        public string Prefix { get; } = prefix;

        public string[] Columns { get; } = columns;

        public string?[]?[] Rows { get; } = new string?[KeptRows][];
    }
}
