using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Units;

/// <summary>A unit as given (CLI, admin API, import file).</summary>
public sealed record UnitInput(string? Code, string? Name, string? Parent, string? Level);

/// <summary>A unit as listed.</summary>
public sealed record UnitInfo(string Code, string Name, string? Parent, string Level, string Path);

/// <summary>What an import did: units added, and those already there unchanged.</summary>
public sealed record UnitImportResult(int Added, int Unchanged, IReadOnlyList<UnitInfo> Units);

/// <summary>
/// The hierarchy of units. Units are added (one, or a whole file at once in one transaction), never
/// moved: a unit's path is fixed when it is added, so every subtree query stays a prefix match.
/// </summary>
public sealed class UnitStore(IDbContextFactory<AssistantDb> databases, TimeProvider clock)
{
    public const int MaxCodeLength = ApiKeyStore.MaxUnitLength;
    public const int MaxNameLength = 200;
    public const int MaxImport = 20_000;

    /// <summary>The scope of a key: reviewer and admin keys of a registered unit read its subtree; everything else its own unit.</summary>
    public async Task<UnitScope> ScopeAsync(string unit, string role, CancellationToken cancellationToken = default)
    {
        if (role is not (ApiRoles.Reviewer or ApiRoles.Admin))
        {
            return UnitScope.Own(unit);
        }

        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        string? path = await db.Units.AsNoTracking().Where(u => u.Code == unit).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return UnitScope.Own(unit);
        }

        List<string> codes = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(path)).Select(u => u.Code).ToListAsync(cancellationToken);
        return new UnitScope(unit, codes, true);
    }

    public Task<UnitImportResult> AddAsync(UnitInput unit, CancellationToken cancellationToken = default) =>
        ImportAsync([unit], cancellationToken);

    /// <summary>
    /// Adds units in one transaction (parents before children, in any order in the input; a parent may
    /// already be stored). A unit already stored with the same name, parent and level is unchanged; one
    /// that differs is refused (units are never moved). Nothing is stored when any row is wrong.
    /// </summary>
    public async Task<UnitImportResult> ImportAsync(IReadOnlyList<UnitInput> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0 || units.Count > MaxImport)
        {
            throw new InputException("units", $"需要1到{MaxImport}个单位。", $"Give between 1 and {MaxImport} units.");
        }

        var given = new Dictionary<string, (UnitInput Input, string Name, string? Parent, string Level, int Row)>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            UnitInput u = units[i];
            string field = units.Count == 1 ? string.Empty : $"units[{i}].";
            string code = Required(u.Code, field + "code", "编码", MaxCodeLength);
            string name = Required(u.Name, field + "name", "名称", MaxNameLength);
            string? parent = string.IsNullOrWhiteSpace(u.Parent) ? null : u.Parent.Trim();
            string level = UnitLevels.Parse(u.Level, field + "level");
            if (code.Contains('/', StringComparison.Ordinal))
            {
                throw new InputException(field + "code", "编码不能含有“/”。", "code must not contain '/'.");
            }

            if (!given.TryAdd(code, (u, name, parent, level, i)))
            {
                throw new InputException(field + "code", $"编码 {code} 重复。", $"code {code} is given twice.");
            }
        }

        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var wanted = given.Keys.Concat(given.Values.Select(g => g.Parent).OfType<string>()).Distinct().ToList();
        Dictionary<string, UnitRecord> stored = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var paths = stored.ToDictionary(kv => kv.Key, kv => (kv.Value.Path, kv.Value.Level), StringComparer.Ordinal);
        int added = 0, unchanged = 0;
        var result = new List<UnitInfo>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset now = clock.GetUtcNow();

        (string Path, string Level) Resolve(string code)
        {
            if (paths.TryGetValue(code, out var known) && !given.ContainsKey(code))
            {
                return known;
            }

            var g = given[code];
            string field = units.Count == 1 ? string.Empty : $"units[{g.Row}].";
            if (stored.TryGetValue(code, out UnitRecord? existing))
            {
                if (existing.Name != g.Name || existing.ParentCode != g.Parent || existing.Level != g.Level)
                {
                    throw new InputException(field + "code", $"单位 {code} 已存在，名称、上级或层级不同（单位不能移动或改名）。", $"unit {code} exists with another name, parent or level (units are never moved or renamed).");
                }

                if (visiting.Add(code))
                {
                    unchanged++;
                    result.Add(new UnitInfo(code, existing.Name, existing.ParentCode, existing.Level, existing.Path));
                }

                return (existing.Path, existing.Level);
            }

            if (paths.TryGetValue(code, out var done))
            {
                return done;
            }

            if (!visiting.Add(code))
            {
                throw new InputException(field + "parent", $"单位 {code} 的上级形成了循环。", $"unit {code}'s parents form a cycle.");
            }

            string parentPath = "/";
            if (g.Parent is { } parent)
            {
                if (!given.ContainsKey(parent) && !stored.ContainsKey(parent))
                {
                    throw new InputException(field + "parent", $"上级单位 {parent} 不存在。", $"parent unit {parent} does not exist.");
                }

                var (pp, pl) = Resolve(parent);
                if (UnitLevels.Rank(g.Level) <= UnitLevels.Rank(pl))
                {
                    throw new InputException(field + "level", $"{g.Level} 不能在 {pl} 之下（下级必须比上级层级低）。", $"a {g.Level} cannot sit under a {pl} (a child is always at a lower level).");
                }

                parentPath = pp;
            }
            else if (g.Level != UnitLevels.Province && g.Level != UnitLevels.City && g.Level != UnitLevels.County)
            {
                throw new InputException(field + "parent", "部门和单位必须有上级。", "a department or unit needs a parent.");
            }

            string path = parentPath + code + "/";
            paths[code] = (path, g.Level);
            db.Units.Add(new UnitRecord { Code = code, Name = g.Name, ParentCode = g.Parent, Level = g.Level, Path = path, CreatedAt = now });
            result.Add(new UnitInfo(code, g.Name, g.Parent, g.Level, path));
            added++;
            return (path, g.Level);
        }

        foreach (string code in given.Keys)
        {
            Resolve(code);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new UnitImportResult(added, unchanged, result);
    }

    /// <summary>The units the scope covers, in path order.</summary>
    public async Task<IReadOnlyList<UnitInfo>> ListAsync(UnitScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string[] codes = [.. scope.Codes];
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).OrderBy(u => u.Path)
            .Select(u => new UnitInfo(u.Code, u.Name, u.ParentCode, u.Level, u.Path)).ToListAsync(cancellationToken);
    }

    /// <summary>Every registered code (for the command line's whole listing).</summary>
    public async Task<IReadOnlyList<string>> AllCodesAsync(CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The level of government each registered unit among <paramref name="codes"/> belongs to: its own level when it is a
    /// province, city or county, else its nearest such ancestor's (a county's department is the county's, a 市直 department
    /// the city's). Codes that are not registered, or sit under no such level, are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> TiersAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        string[] wanted = [.. codes.Distinct(StringComparer.Ordinal)];
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        var known = new Dictionary<string, (string Level, string? Parent)>(StringComparer.Ordinal);
        string[] next = wanted;
        for (int depth = 0; depth <= UnitLevels.All.Length && next.Length > 0; depth++)
        {
            string[] asked = next;
            var found = await db.Units.AsNoTracking().Where(u => asked.Contains(u.Code)).Select(u => new { u.Code, u.Level, u.ParentCode }).ToListAsync(cancellationToken);
            foreach (var u in found)
            {
                known[u.Code] = (u.Level, u.ParentCode);
            }

            next = [.. found.Where(u => u.ParentCode is not null && !known.ContainsKey(u.ParentCode)).Select(u => u.ParentCode!).Distinct(StringComparer.Ordinal)];
        }

        var tiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string code in wanted)
        {
            string? at = code;
            for (int hop = 0; hop <= UnitLevels.All.Length && at is not null && known.TryGetValue(at, out var unit); hop++)
            {
                if (unit.Level is UnitLevels.Province or UnitLevels.City or UnitLevels.County)
                {
                    tiers[code] = unit.Level;
                    break;
                }

                at = unit.Parent;
            }
        }

        return tiers;
    }

    /// <summary>Names of the given codes (codes that are not registered are their own names).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        string[] wanted = [.. codes.Distinct(StringComparer.Ordinal)];
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        Dictionary<string, string> names = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        foreach (string c in wanted)
        {
            names.TryAdd(c, c);
        }

        return names;
    }

    private static string Required(string? value, string field, string zh, int max)
    {
        string t = value?.Trim() ?? string.Empty;
        if (t.Length == 0 || t.Length > max)
        {
            throw new InputException(field, $"{zh}不能为空，且不超过{max}字。", $"{field} is required, at most {max} characters.");
        }

        return t;
    }
}
