namespace Assistant.Features.Units;

/// <summary>
/// The units a key may read: the key's own unit, and for reviewer and admin keys of a registered unit
/// every unit beneath it. Keys of a unit that is not registered see that unit only (as before units
/// existed). The one place the API asks "may this caller see that unit?" (<see cref="Covers"/>), with
/// <see cref="UnitVisibility.WhereVisibleTo{T}"/> its query form.
/// </summary>
public sealed class UnitScope
{
    private readonly HashSet<string> codes;

    public UnitScope(string unit, IEnumerable<string> codes, bool subtree)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Unit = unit;
        this.codes = new HashSet<string>(codes, StringComparer.Ordinal) { unit };
        Codes = [.. this.codes.Order(StringComparer.Ordinal)];
        Subtree = subtree;
    }

    /// <summary>The key's own unit: where it writes.</summary>
    public string Unit { get; }

    /// <summary>Every unit it reads (its own included).</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>True when the key reads a subtree (a reviewer or admin of a registered unit).</summary>
    public bool Subtree { get; }

    public static UnitScope Own(string unit) => new(unit, [], false);

    public bool Covers(string? unitCode) => unitCode is not null && codes.Contains(unitCode);
}
