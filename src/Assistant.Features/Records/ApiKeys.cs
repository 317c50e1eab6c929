using System.Security.Cryptography;
using System.Text;
using Assistant.Features.Evaluations;
using Npgsql;

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
    public bool CanDraft => Role is ApiRoles.Drafter or ApiRoles.Admin;

    public bool IsAdmin => Role == ApiRoles.Admin;
}

/// <summary>
/// API keys: <c>ak_PREFIX_SECRET</c>; only the SHA-256 of the whole key is stored (the key is 256 random
/// bits, so a slow hash adds nothing), looked up by its prefix and compared in constant time.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxUnitLength = 100;

    public async Task<IssuedApiKey> CreateAsync(string role, string unit, string? name, CancellationToken cancellationToken = default)
    {
        role = ApiRoles.Parse(role);
        if (string.IsNullOrWhiteSpace(unit) || unit.Trim().Length > MaxUnitLength)
        {
            throw new InputException("scope", $"单位（scope）不能为空，且不超过{MaxUnitLength}字。", $"scope (the unit) is required, at most {MaxUnitLength} characters.");
        }

        unit = unit.Trim();
        string prefix = Random(6).ToLowerInvariant();
        string key = $"ak_{prefix}_{Random(32)}";
        var id = Guid.CreateVersion7();
        DateTimeOffset now = clock.GetUtcNow();
        await using NpgsqlCommand cmd = dataSource.CreateCommand(
            "INSERT INTO api_keys (id, prefix, hash, role, unit, name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(prefix);
        cmd.Parameters.AddWithValue(Hash(key));
        cmd.Parameters.AddWithValue(role);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue((object?)name?.Trim() ?? DBNull.Value);
        cmd.Parameters.AddWithValue(now);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return new IssuedApiKey(id, key, prefix, role, unit, name?.Trim(), now);
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

        await using NpgsqlCommand cmd = dataSource.CreateCommand("SELECT id, hash, role, unit FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL");
        cmd.Parameters.AddWithValue(parts[1]);
        await using NpgsqlDataReader reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        byte[] stored = reader.GetFieldValue<byte[]>(1);
        return CryptographicOperations.FixedTimeEquals(stored, Hash(presented.Trim()))
            ? new ApiCaller(reader.GetGuid(0), parts[1], reader.GetString(2), reader.GetString(3))
            : null;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand("SELECT id, prefix, role, unit, name, created_at, revoked_at FROM api_keys ORDER BY created_at");
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ApiKeyInfo>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new ApiKeyInfo(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }

    /// <summary>Revokes a key by id or prefix; false when there is no such active key.</summary>
    public async Task<bool> RevokeAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        await using NpgsqlCommand cmd = dataSource.CreateCommand(
            "UPDATE api_keys SET revoked_at = $2 WHERE (id::text = $1 OR prefix = $1) AND revoked_at IS NULL");
        cmd.Parameters.AddWithValue(idOrPrefix.Trim());
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Random(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'x').Replace('/', 'y').Replace('_', 'z');
}
