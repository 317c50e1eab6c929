using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// A hierarchy for review tests: one province, two cities, two counties in each and two units in each
/// county (8 units), every unit with a drafter key and one stored evaluation whose title carries a
/// marker of its own; reviewer keys for the province, each city and each county. Each unit's table has
/// 城镇新增就业人数 — met by the first unit of a county, short (with a reason) by the second.
/// </summary>
public sealed class ReviewWorld
{
    public const string Province = "gx";

    public static readonly string[] Cities = ["gx.c1", "gx.c2"];

    private static readonly string[] ShortReasons =
    [
        "受经济下行影响，企业用工需求减少",
        "资金下达较晚，补贴拨付滞后",
        "受经济下行影响，企业吸纳就业能力下降",
        "目标设定偏高，测算时未考虑人口外流",
    ];

    private ReviewWorld(ApiFactory factory) => Factory = factory;

    public ApiFactory Factory { get; }

    public List<string> Counties { get; } = [];

    public List<string> Units { get; } = [];

    public Dictionary<string, HttpClient> Drafters { get; } = [];

    public Dictionary<string, HttpClient> Reviewers { get; } = [];

    public Dictionary<string, string> Evaluations { get; } = [];

    /// <summary>A string only this unit's rows contain.</summary>
    public static string Marker(string unit) => "标记" + unit.Replace(".", "x", StringComparison.Ordinal) + "标记";

    public static string CityOf(string code) => string.Join('.', code.Split('.').Take(2));

    public static string CountyOf(string code) => string.Join('.', code.Split('.').Take(3));

    public static async Task<ReviewWorld> BuildAsync(ApiFactory factory)
    {
        var world = new ReviewWorld(factory);
        var units = new JsonArray { Unit(Province, "某某自治区", null, "province") };
        int n = 0;
        foreach (string city in Cities)
        {
            units.Add(Unit(city, $"某{city[^1]}市", Province, "city"));
            foreach (string k in new[] { "k1", "k2" })
            {
                string county = $"{city}.{k}";
                world.Counties.Add(county);
                units.Add(Unit(county, $"某{city[^1]}市{k[^1]}县", city, "county"));
                foreach (string u in new[] { "u1", "u2" })
                {
                    string code = $"{county}.{u}";
                    world.Units.Add(code);
                    units.Add(Unit(code, $"某{city[^1]}市{k[^1]}县第{u[^1]}单位", county, "unit"));
                    n++;
                }
            }
        }

        HttpClient admin = factory.CreateClient();
        using (HttpResponseMessage r = await admin.PostAsync(new Uri("/api/v1/units", UriKind.Relative), new StringContent(units.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }

        world.Reviewers[Province] = factory.ClientFor(ApiRoles.Reviewer, Province);
        foreach (string code in Cities.Concat(world.Counties))
        {
            world.Reviewers[code] = factory.ClientFor(ApiRoles.Reviewer, code);
        }

        for (int i = 0; i < world.Units.Count; i++)
        {
            string code = world.Units[i];
            HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, code);
            world.Drafters[code] = drafter;
            bool isShort = code.EndsWith("u2", StringComparison.Ordinal);
            string body = Table(Marker(code), isShort ? "800" : "1200", isShort ? ShortReasons[i / 2 % ShortReasons.Length] : null, executed: 150m + (5m * i));
            JsonNode created = await SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", body, HttpStatusCode.Created);
            world.Evaluations[code] = (string)created["id"]!;
        }

        return world;
    }

    /// <summary>The internship table with a 城镇新增就业人数 row in first place, retitled with the marker.</summary>
    public static string Table(string marker, string actual, string? reason, decimal executed)
    {
        JsonNode table = JsonNode.Parse(File.ReadAllText(Shared.Reference("zhongwei-2024-internship-subsidy")))!;
        table["title"] = marker + "就业见习补贴";
        JsonArray indicators = table["indicators"]!.AsArray();
        indicators[0] = new JsonObject
        {
            ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = "城镇新增就业人数", ["unit"] = "人",
            ["target"] = "≥1000", ["actual"] = actual, ["weight"] = "10", ["deviationNote"] = reason,
        };
        foreach (JsonNode? line in table["funds"]!["lines"]!.AsArray())
        {
            if ((string?)line!["name"] is "年度资金总额" or "当年财政拨款")
            {
                line["executed"] = executed.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                line.AsObject().Remove("printedRate");
                line.AsObject().Remove("printedScore");
            }
        }

        table.AsObject().Remove("printedTotal");
        return table.ToJsonString();
    }

    public static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        var (status, text) = await TrySendAsync(client, method, path, body);
        Assert.True(status == expected, $"{method} {path}: expected {(int)expected}, got {(int)status} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<(HttpStatusCode Status, string Body)> TrySendAsync(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks a question in a new conversation without a table (offline); the answer must hold nothing back.</summary>
    public static async Task<string> AskOfflineAsync(HttpClient client, string question)
    {
        string conversation = (string)(await SendAsync(client, HttpMethod.Post, "/api/v1/conversations", "{}", HttpStatusCode.Created))["id"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative))
        {
            Content = new StringContent(new JsonObject { ["content"] = question, ["provider"] = "offline" }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage r = await client.SendAsync(request);
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, text);
        JsonNode turn = JsonNode.Parse(text)!["turn"]!;
        string said = (string)turn["text"]!;
        Assert.True((int)turn["held"]! == 0, text); // the whole turn: its held spans say why
        Assert.DoesNotContain("【待核实】", said, StringComparison.Ordinal);
        return said;
    }

    private static JsonObject Unit(string code, string name, string? parent, string level) =>
        new() { ["code"] = code, ["name"] = name, ["parent"] = parent, ["level"] = level };
}
