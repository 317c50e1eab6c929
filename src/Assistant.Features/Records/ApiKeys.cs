using System.Security.Cryptography;
using System.Text;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Records;

/// <summary>What a key may do: reviewers read and check; drafters also store evaluations, draft and upload; admins also manage keys.</summary>
public static class ApiRoles
{
    public const string Drafter = "drafter";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static readonly string[] All = [Drafter, Reviewer, Admin];

    public static string Parse(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException("role", "角色只能是 drafter、reviewer 或 admin。", "role must be drafter, reviewer or admin.");
}

/// <summary>A stored key as listed (never the secret).</summary>
public sealed record ApiKeyInfo(Guid Id, string Prefix, string Role, string Unit, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just issued: the only time its secret is shown.</summary>
public sealed record IssuedApiKey(Guid Id, string Key, string Prefix, string Role, string Unit, string? Name, DateTimeOffset CreatedAt);

/// <summary>The caller a valid key stands for.</summary>
public sealed record ApiCaller(Guid KeyId, string Prefix, string Role, string Unit)
{
    /// <summary>The units the key reads (its own, or a subtree for reviewer and admin keys of a registered unit).</summary>
    public Units.UnitScope Scope { get; init; } = Units.UnitScope.Own(Unit);

    /// <summary>The key's label, if it was given one.</summary>
    public string? Name { get; init; }

    /// <summary>Who did something, as stored beside it: <c>ak_PREFIX</c> and the key's label.</summary>
    public string Who => Name is { Length: > 0 } n ? $"ak_{Prefix} ({n})" : $"ak_{Prefix}";

    public bool CanReview => Role is ApiRoles.Reviewer or ApiRoles.Admin;

    public bool CanDraft => Role is ApiRoles.Drafter or ApiRoles.Admin;

    public bool IsAdmin => Role == ApiRoles.Admin;
}

/// <summary>
/// API keys: <c>ak_PREFIX_SECRET</c>; only the SHA-256 of the whole key is stored (the key is 256 random
/// bits, so a slow hash adds nothing), looked up by its prefix and compared in constant time.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<AssistantDb> databases, TimeProvider clock, ApiKeyCache? cache = null)
{
    public const int MaxUnitLength = 100;

    public async Task<IssuedApiKey> CreateAsync(string role, string unit, string? name, CancellationToken cancellationToken = default)
    {
        role = ApiRoles.Parse(role);
        if (string.IsNullOrWhiteSpace(unit) || unit.Trim().Length > MaxUnitLength)
        {
            throw new InputException("scope", $"单位（scope）不能为空，且不超过{MaxUnitLength}字。", $"scope (the unit) is required, at most {MaxUnitLength} characters.");
        }

        string prefix = Random(6).ToLowerInvariant();
        string key = $"ak_{prefix}_{Random(32)}";
        var row = new ApiKeyRecord
        {
            Id = Guid.CreateVersion7(),
            Prefix = prefix,
            Hash = Hash(key),
            Role = role,
            Unit = unit.Trim(),
            Name = name?.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(row.Id, key, prefix, role, row.Unit, row.Name, row.CreatedAt);
    }

    /// <summary>The caller for a presented key, or null when it is malformed, unknown or revoked.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (presented is null || presented.Length > 200)
        {
            return null;
        }

        string[] parts = presented.Trim().Split('_');
        if (parts.Length != 3 || parts[0] != "ak" || parts[1].Length == 0)
        {
            return null;
        }

        string prefix = parts[1];
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Hash, k.Role, k.Unit, k.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is not null && CryptographicOperations.FixedTimeEquals(row.Hash, Hash(presented.Trim()))
            ? new ApiCaller(row.Id, prefix, row.Role, row.Unit) { Name = row.Name }
            : null;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyInfo(k.Id, k.Prefix, k.Role, k.Unit, k.Name, k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a key by id or prefix; false when there is no such active key.</summary>
    public async Task<bool> RevokeAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        string wanted = idOrPrefix.Trim();
        Guid? id = Guid.TryParse(wanted, out Guid g) ? g : null;
        DateTimeOffset now = clock.GetUtcNow();
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        int revoked = await db.ApiKeys
            .Where(k => (k.Id == id || k.Prefix == wanted) && k.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, now), cancellationToken);
        cache?.Clear(); // issue 21: this process's key cache forgets at once
        return revoked > 0;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'x').Replace('/', 'y').Replace('_', 'z');
}
