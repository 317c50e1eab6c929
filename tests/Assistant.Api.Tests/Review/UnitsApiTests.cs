using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>Units as data: added one by one or imported (JSON, nested JSON, CSV), all or nothing; wrong rows named by field.</summary>
public sealed class UnitsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ImportCsvWithChineseHeaders_ThenNestedJson_ThenTheSameAgainIsUnchanged()
    {
        HttpClient admin = factory.CreateClient();
        const string Csv = "编码,名称,上级,层级\r\nnm,内蒙古自治区,,省\r\nnm.hl,呼伦贝尔市,nm,市\r\n\"nm.hl.zlt\",扎兰屯市,nm.hl,county\r\nnm.hl.zlt.rs,\"扎兰屯市人力资源和社会保障局\",nm.hl.zlt,部门\r\nnm.hl.zlt.rs.jy,扎兰屯市就业服务中心,nm.hl.zlt.rs,单位\r\n";
        JsonNode r = await ReviewWorld.SendAsync(admin, HttpMethod.Post, "/api/v1/units", Csv, HttpStatusCode.Created);
        Assert.Equal(5, (int)r["added"]!);
        Assert.Equal("/nm/nm.hl/nm.hl.zlt/nm.hl.zlt.rs/nm.hl.zlt.rs.jy/", (string?)r["units"]!.AsArray().Single(u => (string?)u!["code"] == "nm.hl.zlt.rs.jy")!["path"]);

        const string Nested = """{"code":"nm.hl.zlt.rs","name":"扎兰屯市人力资源和社会保障局","parent":"nm.hl.zlt","level":"department","children":[{"code":"nm.hl.zlt.rs.ld","name":"扎兰屯市劳动监察大队","level":"unit"}]}""";
        JsonNode n = await ReviewWorld.SendAsync(admin, HttpMethod.Post, "/api/v1/units", Nested, HttpStatusCode.Created);
        Assert.Equal(1, (int)n["added"]!);
        Assert.Equal(1, (int)n["unchanged"]!);
        JsonNode again = await ReviewWorld.SendAsync(admin, HttpMethod.Post, "/api/v1/units", Csv, HttpStatusCode.Created);
        Assert.Equal(0, (int)again["added"]!);

        // A reviewer of the department reads its two units and itself; the county's reviewer all four beneath.
        HttpClient department = factory.ClientFor(ApiRoles.Reviewer, "nm.hl.zlt.rs");
        JsonArray seen = (await ReviewWorld.SendAsync(department, HttpMethod.Get, "/api/v1/units", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(["nm.hl.zlt.rs", "nm.hl.zlt.rs.jy", "nm.hl.zlt.rs.ld"], seen.Select(u => (string)u!["code"]!));

        // An admin of a registered unit adds beneath it, never beside or above it.
        HttpClient countyAdmin = factory.ClientFor(ApiRoles.Admin, "nm.hl.zlt");
        await ReviewWorld.SendAsync(countyAdmin, HttpMethod.Post, "/api/v1/units", """{"code":"nm.hl.zlt.jy2","name":"扎兰屯市第二服务中心","parent":"nm.hl.zlt","level":"unit"}""", HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewWorld.TrySendAsync(countyAdmin, HttpMethod.Post, "/api/v1/units", """{"code":"nm.hl.x","name":"旁边的县","parent":"nm.hl","level":"county"}""")).Status);
        var (reviewerStatus, reviewerBody) = await ReviewWorld.TrySendAsync(factory.ClientFor(ApiRoles.Reviewer, "nm"), HttpMethod.Post, "/api/v1/units", """{"code":"nm.y","name":"y","parent":"nm","level":"city"}""");
        Assert.Equal(HttpStatusCode.Forbidden, reviewerStatus);
        Assert.Contains("此操作需要 admin 密钥（本密钥为 reviewer）。 / This needs an admin key (this key is reviewer).", reviewerBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"code":"zz.a","name":"甲","parent":"nowhere","level":"unit"}""", "parent")]
    [InlineData("""{"code":"zz.b","name":"乙","level":"unit"}""", "parent")]
    [InlineData("""{"code":"zz.c","name":"丙","level":"village"}""", "level")]
    [InlineData("""{"code":"","name":"丁","level":"province"}""", "code")]
    [InlineData("""{"code":"a/b","name":"丁","level":"province"}""", "code")]
    [InlineData("""{"code":"zz.d","name":"","level":"province"}""", "name")]
    [InlineData("""[{"code":"zz","name":"某市","level":"city"},{"code":"zz.p","name":"某省","parent":"zz","level":"province"}]""", "units[1].level")]
    [InlineData("""[{"code":"zz","name":"某市","level":"city"},{"code":"zz","name":"某市","level":"city"}]""", "units[1].code")]
    [InlineData("""[{"code":"c1","name":"甲","parent":"c2","level":"unit"},{"code":"c2","name":"乙","parent":"c1","level":"unit"}]""", "units[0].parent")]
    [InlineData("code,name\nzz,某市\n", "file")]
    [InlineData("[1,2]", "file")]
    public async Task BadUnits_Are400NamingTheField_AndNothingIsStored(string body, string field)
    {
        HttpClient admin = factory.CreateClient();
        long before = await CountAsync();
        var (status, text) = await ReviewWorld.TrySendAsync(admin, HttpMethod.Post, "/api/v1/units", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(JsonNode.Parse(text)!["errors"]![field] is not null, text);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM units", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task AUnitIsNeverMovedOrRenamed()
    {
        HttpClient admin = factory.CreateClient();
        await ReviewWorld.SendAsync(admin, HttpMethod.Post, "/api/v1/units", """{"code":"mv","name":"某市","level":"city"}""", HttpStatusCode.Created);
        var (status, text) = await ReviewWorld.TrySendAsync(admin, HttpMethod.Post, "/api/v1/units", """{"code":"mv","name":"另一个名字","level":"city"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("never moved or renamed", text, StringComparison.Ordinal);
    }
}
