namespace Assistant.Features.Corpus;

/// <summary>
/// Whose corpus a request sees. Published reports (no owner) are shared by every unit; a unit's own
/// uploads are seen by that unit's keys only (drafters, admins and reviewers of the unit). The web
/// host sets the caller's unit for the whole request, so listing, reading, search, drafting
/// precedents, chat sources and explanations all filter the same way; where nobody set it (the
/// command line, background work) only published reports are seen.
/// </summary>
public static class CorpusAudience
{
    public const string Shared = "shared";
    public const string Unit = "unit";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The unit whose own documents are visible besides the published ones; null: published only.</summary>
    public static string? ViewerUnit => Current.Value;

    /// <summary>Sees the published reports and <paramref name="unit"/>'s own until disposed.</summary>
    public static IDisposable For(string? unit)
    {
        string? previous = Current.Value;
        Current.Value = string.IsNullOrEmpty(unit) ? null : unit;
        return new Restore(previous);
    }

    /// <summary>The scope name of a document's owner column.</summary>
    public static string ScopeOf(string? ownerUnit) => ownerUnit is null ? Shared : Unit;

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
