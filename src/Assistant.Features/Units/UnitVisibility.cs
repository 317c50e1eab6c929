namespace Assistant.Features.Units;

/// <summary>A stored row that belongs to one unit.</summary>
public interface IUnitOwned
{
    string Unit { get; }
}

public static class UnitVisibility
{
    /// <summary>Rows of the units the scope covers (<c>unit = ANY(@codes)</c>).</summary>
    public static IQueryable<T> WhereVisibleTo<T>(this IQueryable<T> rows, UnitScope scope)
        where T : class, IUnitOwned
    {
        ArgumentNullException.ThrowIfNull(scope);
        string[] codes = [.. scope.Codes];
        if (codes.Length == 1)
        {
            string only = codes[0];
            return rows.Where(r => r.Unit == only);
        }

        return rows.Where(r => codes.Contains(r.Unit));
    }
}
