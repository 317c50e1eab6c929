using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>The web host on a fresh database with the <see cref="ReviewWorld"/> built once per test class.</summary>
public sealed class ReviewFactory : ApiFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ReviewWorld? world;

    /// <summary>The isolation test sends hundreds of requests per key.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerMinute"] = "1000000",
    };

    public async Task<ReviewWorld> WorldAsync()
    {
        await gate.WaitAsync();
        try
        {
            return world ??= await ReviewWorld.BuildAsync(this);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A member unit of a submitted world: its code, name and level (the parent's children are counties unless said).</summary>
    public sealed record Member(string Code, string Name, string Level = "county");

    private readonly SemaphoreSlim submittedGate = new(1, 1);
    private readonly Dictionary<string, HttpClient> submitted = new(StringComparer.Ordinal);

    /// <summary>
    /// A parent unit with <paramref name="units"/> under it and each of <paramref name="tables"/> (a unit's code, the table's
    /// JSON) stored by that unit's drafter and submitted, built once on this host under the parent's code (a test class's
    /// fixture is its own host, so its cases share one world); the parent's reviewer client.
    /// </summary>
    public async Task<HttpClient> SubmittedAsync(Member parent, IEnumerable<Member> units, Func<IEnumerable<(string Unit, string Table)>> tables)
    {
        await submittedGate.WaitAsync();
        try
        {
            if (submitted.TryGetValue(parent.Code, out HttpClient? reviewer))
            {
                return reviewer;
            }

            var hierarchy = new JsonArray { new JsonObject { ["code"] = parent.Code, ["name"] = parent.Name, ["level"] = parent.Level } };
            foreach (Member u in units)
            {
                hierarchy.Add(new JsonObject { ["code"] = u.Code, ["name"] = u.Name, ["parent"] = parent.Code, ["level"] = u.Level });
            }

            await ReviewWorld.SendAsync(CreateClient(), HttpMethod.Post, "/api/v1/units", hierarchy.ToJsonString(), HttpStatusCode.Created);
            foreach (var (unit, table) in tables())
            {
                HttpClient drafter = ClientFor(ApiRoles.Drafter, unit);
                string id = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", table, HttpStatusCode.Created))["id"]!;
                await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{id}}"}""", HttpStatusCode.Created);
            }

            reviewer = ClientFor(ApiRoles.Reviewer, parent.Code);
            submitted[parent.Code] = reviewer;
            return reviewer;
        }
        finally
        {
            submittedGate.Release();
        }
    }

    /// <summary>A table of the test fixtures (<c>Fixtures/<paramref name="name"/>.json</c>) as its JSON text.</summary>
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));

    public override async ValueTask DisposeAsync()
    {
        gate.Dispose();
        submittedGate.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
