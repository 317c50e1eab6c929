using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Isolation across the hierarchy, over every endpoint the app maps (read from its endpoint data
/// source, so a new endpoint is tried without changing this test): a unit and a county each store an
/// evaluation, a draft, a report, a conversation, a corpus report and a submission; keys beside them
/// (a sibling unit, a sibling county's reviewer, the other city's reviewer) and below them (a unit
/// trying its county's rows) try every route with every one of those ids, and every list and
/// cross-unit question. Nothing of the victim may come back, an id route is 404 for reads and never
/// a success for writes, and the victim's rows are unchanged. The city reviewer above reads them all.
/// </summary>
public sealed class IsolationTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    /// <summary>Routes whose rows belong to the key's own unit by design (chats, a unit's private corpus, its admin's webhooks): a reviewer above does not read them either. An indicator's explanation reads a stored evaluation and follows its scope.</summary>
    private static readonly string[] UnitPrivate = ["/api/v1/conversations", "/api/v1/corpus", "/api/v1/webhooks"];

    private sealed record Victim(string Unit, string Marker, List<string> Ids, string BatchItem);

    [Fact]
    public async Task EveryEndpoint_WithEveryOtherUnitsIds_ReadsNothingAcrossSiblingsOrUpwards()
    {
        ReviewWorld w = await factory.WorldAsync();
        Victim unit = await VictimAsync(w, "gx.c1.k1.u1", w.Drafters["gx.c1.k1.u1"], w.Evaluations["gx.c1.k1.u1"]);
        HttpClient countyDrafter = factory.ClientFor(ApiRoles.Drafter, "gx.c1.k1");
        string countyEvaluation = (string)(await ReviewWorld.SendAsync(countyDrafter, HttpMethod.Post, "/api/v1/evaluations",
            ReviewWorld.Table(ReviewWorld.Marker("gx.c1.k1"), "900", "县本级原因", 120m), HttpStatusCode.Created))["id"]!;
        Victim county = await VictimAsync(w, "gx.c1.k1", countyDrafter, countyEvaluation);

        var attacks = new (string Who, HttpClient Client, Victim Victim)[]
        {
            ("sibling unit", w.Drafters["gx.c1.k1.u2"], unit),
            ("cousin unit", w.Drafters["gx.c1.k2.u1"], unit),
            ("other city's unit", w.Drafters["gx.c2.k1.u1"], unit),
            ("sibling county's reviewer", w.Reviewers["gx.c1.k2"], unit),
            ("other city's reviewer", w.Reviewers["gx.c2"], unit),
            ("other city's admin", factory.ClientFor(ApiRoles.Admin, "gx.c2"), unit),
            ("unit upwards (drafter)", w.Drafters["gx.c1.k1.u1"], county),
            ("unit upwards (reviewer)", factory.ClientFor(ApiRoles.Reviewer, "gx.c1.k1.u2"), county),
            ("sibling county's reviewer", w.Reviewers["gx.c1.k2"], county),
            ("other city's reviewer", w.Reviewers["gx.c2"], county),
        };

        IReadOnlyList<(string Method, RoutePattern Route)> endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.Route.RawText == "/api/v1/submissions/{id:guid}/decisions");
        Assert.Contains(endpoints, e => e.Route.RawText == "/api/v1/batches/{id:guid}/items/{itemId:guid}");
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        Dictionary<string, long> before = await CountsAsync(unit.Unit, county.Unit);
        var failures = new List<string>();
        int requests = 0;
        foreach (var (who, client, victim) in attacks)
        {
            foreach (var (method, route) in endpoints)
            {
                bool hasId = route.Parameters.Any(p => p.ParameterPolicies.Any(x => x.Content == "guid"));
                foreach (string id in hasId ? victim.Ids : [Guid.Empty.ToString()])
                {
                    foreach (string query in new[] { string.Empty, $"?evaluationId={victim.Ids[0]}&unit={victim.Unit}&name=城镇新增就业人数&version=1&scope=unit" })
                    {
                        string path = Path(route, id, victim.BatchItem) + query;
                        string body = $$"""{"evaluationId":"{{victim.Ids[0]}}","decision":"通过","text":"x","section":"deviation","comment":"x"}""";
                        var (status, text) = await ReviewWorld.TrySendAsync(client, new HttpMethod(method), path, method is "GET" ? null : body);
                        requests++;
                        string at = $"{who} {method} {path} → {(int)status}";
                        if (text.Contains(victim.Marker, StringComparison.Ordinal) || text.Contains(Escaped(victim.Marker), StringComparison.OrdinalIgnoreCase))
                        {
                            failures.Add($"{at}: the victim's marker came back");
                        }

                        if ((int)status is >= 200 and < 300 && victim.Ids.Any(v => text.Contains(v, StringComparison.Ordinal)))
                        {
                            failures.Add($"{at}: a success naming the victim's id");
                        }

                        // A route the key's role may not use at all (webhooks are an admin's) refuses every id alike, which tells nothing.
                        bool refusedForRole = status == HttpStatusCode.Forbidden
                            && (await ReviewWorld.TrySendAsync(client, new HttpMethod(method), Path(route, Guid.NewGuid().ToString(), Guid.NewGuid().ToString()), method is "GET" ? null : body)).Status == HttpStatusCode.Forbidden;
                        if (hasId && method == "GET" && status != HttpStatusCode.NotFound && !refusedForRole)
                        {
                            failures.Add($"{at}: a read of another unit's id must be 404");
                        }

                        if (hasId && method != "GET" && (int)status is >= 200 and < 300)
                        {
                            failures.Add($"{at}: a write on another unit's id succeeded");
                        }

                        if ((int)status >= 500)
                        {
                            failures.Add($"{at}: {text}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests leaked or failed:\n" + string.Join('\n', failures.Take(40)));
        Assert.Equal(before, await CountsAsync(unit.Unit, county.Unit));

        // The city reviewer above reads every GET route of both victims (but the units' private chats and corpus).
        HttpClient city = w.Reviewers["gx.c1"];
        foreach (Victim victim in new[] { unit, county })
        {
            foreach (var (_, route) in endpoints.Where(e => e.Method == "GET" && e.Route.Parameters.Any(p => p.ParameterPolicies.Any(x => x.Content == "guid"))
                && !UnitPrivate.Any(u => e.Route.RawText!.Contains(u, StringComparison.Ordinal))))
            {
                var answers = new List<HttpStatusCode>();
                foreach (string id in victim.Ids)
                {
                    answers.Add((await ReviewWorld.TrySendAsync(city, HttpMethod.Get, Path(route, id, victim.BatchItem))).Status);
                }

                Assert.True(answers.Contains(HttpStatusCode.OK), $"city reviewer GET {route.RawText} of {victim.Unit}: {string.Join(',', answers)}");
            }

            foreach (string list in new[] { "/api/v1/evaluations", "/api/v1/submissions", "/api/v1/review/execution", "/api/v1/review/indicators?name=城镇新增就业人数" })
            {
                string text = (await ReviewWorld.TrySendAsync(city, HttpMethod.Get, list)).Body;
                Assert.True(text.Contains(victim.Ids[0], StringComparison.Ordinal) || text.Contains(victim.Marker, StringComparison.Ordinal), $"city reviewer {list} lacks {victim.Unit}");
            }
        }
    }

    /// <summary>The marker as a JSON writer that escapes non-ASCII would write it.</summary>
    private static string Escaped(string marker) => string.Concat(marker.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}"));

    /// <summary>Every route under /api/v1 with each of its methods, from the app's endpoint data source.</summary>
    private IReadOnlyList<(string Method, RoutePattern Route)> Endpoints()
    {
        EndpointDataSource source = factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern)))
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The route with <paramref name="id"/> in every guid parameter but <c>itemId</c>, which takes the victim's batch item.</summary>
    private static string Path(RoutePattern route, string id, string batchItem)
    {
        var sb = new StringBuilder();
        foreach (RoutePatternPathSegment segment in route.PathSegments)
        {
            sb.Append('/');
            foreach (RoutePatternPart part in segment.Parts)
            {
                sb.Append(part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternSeparatorPart s => s.Content,
                    RoutePatternParameterPart p when p.Name == "itemId" => batchItem,
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "guid") => id,
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "int") => "0",
                    RoutePatternParameterPart p when p.Name == "part" => "deviation",
                    _ => "x",
                });
            }
        }

        return sb.ToString();
    }

    /// <summary>A unit's rows of every kind, each carrying its marker: evaluation, draft, report, conversation, corpus report, submission, batch (its job, checked to the end, and one item).</summary>
    private static async Task<Victim> VictimAsync(ReviewWorld w, string code, HttpClient drafter, string evaluation)
    {
        string marker = ReviewWorld.Marker(code);
        var ids = new List<string> { evaluation };
        ids.Add((string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, $"/api/v1/evaluations/{evaluation}/drafts", "{}", HttpStatusCode.Created))["id"]!);
        await ReviewWorld.SendAsync(drafter, HttpMethod.Post, $"/api/v1/evaluations/{evaluation}/report", "{}", HttpStatusCode.Created);
        ids.Add((string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/conversations", $$"""{"evaluationId":"{{evaluation}}"}""", HttpStatusCode.Created))["id"]!);
        using (var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"# {marker}2024年度就业补助资金绩效自评报告\n\n## 三、偏离绩效目标的原因和下一步改进措施\n\n{marker}城镇新增就业人数未完成，原因是{marker}企业用工需求减少。\n")))
        using (HttpResponseMessage r = await drafter.PostAsync(new Uri("/api/v1/corpus/reports?fileName=r.md&scope=unit", UriKind.Relative), content))
        {
            string text = await r.Content.ReadAsStringAsync();
            Assert.True(r.IsSuccessStatusCode, text);
            ids.Add((string)JsonNode.Parse(text)!["documentId"]!);
        }

        ids.Add((string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{evaluation}}"}""", HttpStatusCode.Created))["id"]!);
        _ = w;
        JsonElement job = await BatchSupport.UploadAsync(drafter, BatchSupport.Zip(1), marker + "批次");
        Guid jobId = job.GetProperty("id").GetGuid();
        await BatchSupport.WaitAsync(drafter, jobId, TimeSpan.FromMinutes(2));
        ids.Add(jobId.ToString());
        JsonNode queue = await ReviewWorld.SendAsync(drafter, HttpMethod.Get, $"/api/v1/batches/{jobId}/queue", null, HttpStatusCode.OK);
        return new Victim(code, marker, ids, (string)queue["items"]![0]!["id"]!);
    }

    private async Task<Dictionary<string, long>> CountsAsync(params string[] units)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        foreach (string table in new[] { "evaluations", "drafts", "report_versions", "conversations", "submissions", "submission_versions", "review_decisions" })
        {
            foreach (string u in units)
            {
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE unit = @u", connection);
                command.Parameters.AddWithValue("u", u);
                counts[$"{table}/{u}"] = (long)(await command.ExecuteScalarAsync())!;
            }
        }

        await using (var messages = new NpgsqlCommand("SELECT count(*) FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.unit = ANY(@u)", connection))
        {
            messages.Parameters.AddWithValue("u", units);
            counts["messages"] = (long)(await messages.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
