namespace Assistant.Domain.Scoring;

/// <summary>
/// The paths findings give for an indicator's fields (<c>indicators[3].actual</c>), each made once and kept: a table's findings
/// name the same rows' fields on every request (70 of them on the 100-row benchmark table), and a path is an immutable string of
/// its row and field alone. Rows past <see cref="KeptRows"/> and other fields are made every time, as before (session 41).
/// </summary>
internal static class IndicatorPaths
{
    /// <summary>Rows whose paths are kept (tables have at most a few hundred rows).</summary>
    internal const int KeptRows = 1024;

    /// <summary>The fields whose paths are kept (those the reconciliation names).</summary>
    internal static readonly string[] KeptFields = ["", ".target", ".actual", ".weight", ".printedScore", ".deviationNote"];

    // One slot per field and row, filled when first asked (a race writes the same text twice; either copy is the path).
    private static readonly string?[][] Kept = KeptFields.Select(_ => new string?[KeptRows]).ToArray();

    /// <summary>The path of <paramref name="field"/> (empty for the row itself) of row <paramref name="index"/>.</summary>
    public static string Of(int index, string field)
    {
        int f = Array.IndexOf(KeptFields, field);
        if (f < 0 || index < 0 || index >= KeptRows)
        {
            return Make(index, field);
        }

        ref string? slot = ref Kept[f][index];
        return slot ??= Make(index, field);
    }

    /// <summary>The path made afresh.</summary>
    internal static string Make(int index, string field) => $"indicators[{index}]{field}";
}
