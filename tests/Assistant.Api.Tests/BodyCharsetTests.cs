using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Assistant.Api.Tests;

/// <summary>
/// Bodies in the charset their Content-Type declares, as OA systems send them (UTF-16 from .NET and Java
/// clients, GBK from older Chinese systems, a UTF-8 BOM from Windows), on every kind of endpoint: the
/// pooled JSON readers (/score, /facts), the JSON read as text (/verify, storing an evaluation), text
/// (/units as CSV) and a raw text document (/evaluations/import). Each answers as the same body in UTF-8
/// does; a charset that cannot be honoured is a 415 naming it; bytes invalid in the declared charset a
/// 400 naming it; never a 500.
/// </summary>
public class BodyCharsetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    static BodyCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string Table = File.ReadAllText(Shared.Reference("zhongwei-2024-entrepreneurship-fund"));

    /// <summary>How a declared charset writes a text: (Content-Type charset, bytes).</summary>
    public static TheoryData<string, string> Charsets() => new()
    {
        { "utf-16", "utf-16 bom-le" },
        { "utf-16", "utf-16le" },
        { "utf-16", "utf-16be" },
        { "UTF-16LE", "utf-16le" },
        { "utf-16le", "utf-16 bom-le" },
        { "utf-16be", "utf-16be" },
        { "utf-16be", "utf-16 bom-be" },
        { "\"utf-16\"", "utf-16le" },
        { "utf-8", "utf-8 bom" },
        { "gb18030", "gb18030" },
        { "GBK", "gb18030" },
        { "gb2312", "gb18030" },
        { "utf-16", "utf-8" },        // a lying charset: declared UTF-16, the bytes UTF-8
        { "utf-16le", "utf-8 bom" },  // the BOM decides
        { "gbk", "utf-8" },           // declared GBK by habit, the bytes UTF-8
        { "iso-8859-1", "utf-8" },    // Java's default label over UTF-8 bytes
    };

    private static byte[] Encode(string text, string how) => how switch
    {
        "utf-16 bom-le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "utf-16 bom-be" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "utf-8 bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
        _ => Encoding.UTF8.GetBytes(text),
    };

    private async Task<(HttpStatusCode Status, string Text)> PostAsync(string path, byte[] body, string mediaType, string? charset)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", charset is null ? mediaType : $"{mediaType}; charset={charset}");
        using HttpResponseMessage response = await _client.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Charsets))]
    public async Task JsonRead_Pooled_ScoreAndFacts_AnswerAsUtf8(string charset, string how)
    {
        foreach (string path in new[] { "/api/v1/evaluations/score", "/api/v1/evaluations/facts" })
        {
            (HttpStatusCode okStatus, string expected) = await PostAsync(path, Encoding.UTF8.GetBytes(Table), "application/json", null);
            Assert.Equal(HttpStatusCode.OK, okStatus);
            (HttpStatusCode status, string text) = await PostAsync(path, Encode(Table, how), "application/json", charset);
            Assert.True(status == HttpStatusCode.OK, $"{path} {charset}/{how}: {status} {text}");
            Assert.Equal(expected, text);
        }
    }

    [Theory]
    [MemberData(nameof(Charsets))]
    public async Task JsonReadAsText_VerifyAndStore_AnswerAsUtf8(string charset, string how)
    {
        string verify = new JsonObject { ["evaluation"] = JsonNode.Parse(Table), ["text"] = "项目资金执行率为95.95%，自评总分89.47分。" }.ToJsonString();
        (HttpStatusCode okStatus, string expected) = await PostAsync("/api/v1/verify", Encoding.UTF8.GetBytes(verify), "application/json", null);
        Assert.Equal(HttpStatusCode.OK, okStatus);
        (HttpStatusCode status, string text) = await PostAsync("/api/v1/verify", Encode(verify, how), "application/json", charset);
        Assert.True(status == HttpStatusCode.OK, $"verify {charset}/{how}: {status} {text}");
        Assert.Equal(expected, text);

        (status, text) = await PostAsync("/api/v1/evaluations", Encode(Table, how), "application/json", charset);
        Assert.True(status == HttpStatusCode.Created, $"store {charset}/{how}: {status} {text}");
        Assert.Equal("全民创业发展资金", (string?)JsonNode.Parse(text)!["evaluation"]!["title"]);
    }

    [Theory]
    [MemberData(nameof(Charsets))]
    public async Task Text_UnitsCsv_ReadAsDeclared(string charset, string how)
    {
        string code = "CS" + Math.Abs((charset + how).GetHashCode(StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string csv = $"编码,名称,上级,层级\r\n{code},字符集测试县财政局{code},,县\r\n";
        (HttpStatusCode status, string text) = await PostAsync("/api/v1/units", Encode(csv, how), "text/csv", charset);
        Assert.True(status == HttpStatusCode.Created, $"units {charset}/{how}: {status} {text}");
        // The name read as written, not mojibake.
        Assert.Contains(JsonNode.Parse(text)!["units"]!.AsArray(), u => (string?)u!["name"] == $"字符集测试县财政局{code}");
    }

    [Theory]
    [MemberData(nameof(Charsets))]
    public async Task RawTextDocument_Import_ReadAsDeclared(string charset, string how)
    {
        string seed = await File.ReadAllTextAsync(Shared.Seed("zhongwei-2024-project-self-evaluation-tables.txt"));
        (HttpStatusCode status, string text) = await PostAsync("/api/v1/evaluations/import?fileName=tables.txt", Encode(seed, how), "text/plain", charset);
        Assert.True(status == HttpStatusCode.OK, $"import {charset}/{how}: {status} {text}");
        JsonNode answer = JsonNode.Parse(text)!;
        Assert.Equal(4, (int)answer["count"]!);
        Assert.Equal("89.47", (string?)answer["tables"]![0]!["score"]!["total"]);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "/api/v1/evaluations/score", "application/json", "utf-32" },
        { "/api/v1/evaluations/facts", "application/json", "big5" },
        { "/api/v1/verify", "application/json", "shift_jis" },
        { "/api/v1/evaluations", "application/json", "x-made-up" },
        { "/api/v1/units", "text/csv", "ebcdic-cp-us" },
        { "/api/v1/evaluations/import?fileName=t.txt", "text/plain", "koi8-r" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task UnsupportedCharset_Is415_NamingIt_InBothLanguages(string path, string mediaType, string charset)
    {
        (HttpStatusCode status, string text) = await PostAsync(path, Encoding.UTF8.GetBytes(Table), mediaType, charset);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        JsonNode problem = JsonNode.Parse(text)!;
        Assert.Equal(415, (int)problem["status"]!);
        Assert.Contains(charset, (string?)problem["title"], StringComparison.Ordinal);
        string error = (string)problem["errors"]!["Content-Type"]![0]!;
        Assert.Contains($"“{charset}”", error, StringComparison.Ordinal);
        Assert.Contains($"\"{charset}\" is not supported", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleByteCharset_OverChineseBytesThatAreNotUtf8_Is415()
    {
        (HttpStatusCode status, string text) = await PostAsync("/api/v1/evaluations/score", Encode(Table, "gb18030"), "application/json", "ISO-8859-1");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("ISO-8859-1", (string?)JsonNode.Parse(text)!["title"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/evaluations/score")]
    [InlineData("/api/v1/verify")]
    public async Task BytesInvalidInTheDeclaredUtf16_Are400NamingIt(string path)
    {
        byte[] odd = [.. Encoding.Unicode.GetBytes(Table), 0x7D];
        (HttpStatusCode status, string text) = await PostAsync(path, odd, "application/json", "utf-16le");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-16", (string?)JsonNode.Parse(text)!["errors"]!["body"]![0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset")]
    [InlineData("application/json;;charset=utf-16;")]
    [InlineData("application/json; charset=\"\"")]
    public async Task MalformedCharsetParameters_NeverA500(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Table));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using HttpResponseMessage response = await _client.PostAsync("/api/v1/evaluations/score", content);
        Assert.True((int)response.StatusCode < 500, $"{contentType}: {response.StatusCode}");
    }

    /// <summary>The Content-Type nearly every client sends is known without parsing; it and its near misses read as parsing reads them.</summary>
    [Theory]
    [InlineData("application/json; charset=utf-8", "Utf8")]
    [InlineData("APPLICATION/JSON; CHARSET=UTF-8", "Utf8")]
    [InlineData("application/json;charset=utf-8", "Utf8")]
    [InlineData("application/json; charset=utf-16", "Utf16")]
    [InlineData("application/json; charset=utf-8x", null)]
    [InlineData("text/csv; charset=gbk", "Gb18030")]
    [InlineData("application/json", null)]
    public void Declared_TheCommonJsonType_ReadsAsParsed(string contentType, string? expected)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.ContentType = contentType;
        if (expected is null && contentType.Contains("charset", StringComparison.Ordinal))
        {
            Assert.ThrowsAny<Features.Evaluations.InputException>(() => Infrastructure.BodyCharset.Declared(http.Request));
            return;
        }

        Assert.Equal(expected, Infrastructure.BodyCharset.Declared(http.Request)?.ToString());
    }
}
