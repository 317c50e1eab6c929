namespace Assistant.Features.Orchestration;

/// <summary>The audit records of one operation, in the order they happened; filled by <see cref="AuditFilter"/>.</summary>
public sealed class AuditLog(AuditScope scope, TimeProvider? clock = null)
{
    private readonly List<AuditEntry> entries = [];
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public AuditScope Scope { get; } = scope;

    /// <summary>The model the next steps serve (changes when a failing model is replaced by the offline path).</summary>
    public (string Provider, string Model) Model { get; set; } = ("offline", "offline");

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return entries.ToList();
            }
        }
    }

    public void Add(string kind, string name, string? version, long elapsedMs, string? arguments, Exception? error)
    {
        lock (entries)
        {
            entries.Add(new AuditEntry(entries.Count + 1, kind, name, version, Scope.EvaluationId, Scope.Unit, Scope.KeyPrefix,
                Model.Provider, Model.Model, clock.GetUtcNow(), elapsedMs, arguments, error is not null,
                error is null ? null : Shorten($"{error.GetType().Name}: {error.Message}")));
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
