using Assistant.Features.Records;
using Assistant.Features.Review;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Batches;

/// <summary>
/// The key that uploaded a batch as the review side sees it: who submits the checked items, and the
/// registered units it may submit for (a reviewer's or admin's subtree; a unit key's own unit), by code
/// or by name. An uploader whose unit is not registered has no hierarchy to submit into: its batches are
/// checked as before units existed (<see cref="LoadAsync"/> is null).
/// </summary>
public sealed class BatchUploader
{
    private readonly HashSet<string> codes;
    private readonly Dictionary<string, string?> names;

    private BatchUploader(Actor actor, IReadOnlyList<(string Code, string Name)> units)
    {
        Actor = actor;
        codes = new HashSet<string>(units.Select(u => u.Code), StringComparer.Ordinal);
        names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (code, name) in units)
        {
            string key = name.Trim();
            // Two units of one name beneath the uploader: the name alone cannot say which.
            names[key] = names.ContainsKey(key) ? null : code;
        }
    }

    public Actor Actor { get; }

    public static async Task<BatchUploader?> LoadAsync(AssistantDb db, string unit, Guid? keyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        string? path = await db.Units.AsNoTracking().Where(u => u.Code == unit).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
        {
            return null;
        }

        var key = keyId is null ? null : await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => new { k.Prefix, k.Name, k.Role }).FirstOrDefaultAsync(ct);
        bool subtree = key?.Role is ApiRoles.Reviewer or ApiRoles.Admin;
        var units = await db.Units.AsNoTracking().Where(u => subtree ? u.Path.StartsWith(path) : u.Code == unit)
            .Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        string who = key is null ? "batch" : key.Name is { Length: > 0 } n ? $"ak_{key.Prefix} ({n})" : $"ak_{key.Prefix}";
        return new BatchUploader(new Actor(keyId, who, unit), [.. units.Select(u => (u.Code, u.Name))]);
    }

    /// <summary>The registered code of <paramref name="unit"/> (a code or a name) when the uploader may submit for it; otherwise null.</summary>
    public string? Resolve(string? unit)
    {
        string t = unit?.Trim() ?? string.Empty;
        if (codes.Contains(t))
        {
            return t;
        }

        return names.TryGetValue(t, out string? code) ? code : null;
    }
}
