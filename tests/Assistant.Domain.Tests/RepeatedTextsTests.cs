using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 30: the streaming reader makes each short repeated string of a body once (<c>RepeatedTexts</c>).
/// A value taken from that memory must be the value written: over bodies whose rows draw their texts from
/// a small set of near-equal values — same length and differing in one byte, one a prefix of another,
/// 47–49 bytes (either side of what is kept), empty, escaped spellings of a kept text, invalid UTF-8 — the
/// table read is the one the document path reads, and a text repeated unescaped is one string.
/// </summary>
public class RepeatedTextsTests
{
    private static readonly string[] Texts =
    [
        "产出指标", "产出指标a", "产出指标b", "产出指", "效益指标", "", " ", "人", "人次", "≥95%", "≥96%", "≥95%%", "0.95", "0.96", "0.95 ",
        new string('长', 15) + "ab", new string('长', 15) + "ac", new string('长', 16), new string('长', 16) + "a", new string('x', 47),
        new string('x', 48), new string('x', 49), new string('x', 48) + "y", "12345678", "12345679", "22345678", "1234567812345678",
        "1234567822345678",
    ];

    private static string Json(string text, Random random) =>
        random.Next(4) == 0 && text.Length > 0
            ? "\"" + string.Concat(text.Select(c => $"\\u{(int)c:x4}")) + "\""  // the same text, escaped
            : JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static byte[] Body(Random random, int rows)
    {
        string Pick() => Json(Texts[random.Next(Texts.Length)], random);
        var indicators = Enumerable.Range(0, rows).Select(i =>
            $"{{\"level1\":{Pick()},\"level2\":{Pick()},\"name\":{Pick()},\"unit\":{Pick()},\"target\":{Pick()},\"actual\":{Pick()},\"weight\":\"0.95\",\"deviationNote\":{Pick()}}}");
        string json = $"{{\"kind\":\"project\",\"title\":{Pick()},\"funds\":{{\"unit\":\"万元\",\"lines\":[{{\"name\":{Pick()},\"budget\":\"10\",\"executed\":\"5\"}}]}},\"indicators\":[{string.Join(",", indicators)}]}}";
        return Encoding.UTF8.GetBytes(json);
    }

    private static string Outcome(Func<Evaluation> read)
    {
        try
        {
            return "table " + JsonSerializer.Serialize(read());
        }
        catch (InputException e)
        {
            return "errors " + string.Join("\n", e.Errors.Select(x => $"{x.Field} | {x.Zh} | {x.En}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            return "failure " + e.GetType().Name;
        }
    }

    [Fact]
    public void NearEqualTexts_ReadAsWritten()
    {
        var random = new Random(30);
        for (int n = 0; n < 300; n++)
        {
            byte[] body = Body(random, 1 + random.Next(60));
            string expected = Outcome(() => EvaluationJson.ParseDocument(body));
            string actual = Outcome(() => EvaluationJson.Parse(body.AsMemory()));
            Assert.True(expected == actual, $"body: {Encoding.UTF8.GetString(body)}\nexpected: {expected}\nactual:   {actual}");
        }
    }

    [Fact]
    public void InvalidUtf8_IsNeverKept()
    {
        // The same bad bytes twice: each read fails as the document path's does, and a valid text after them reads as itself.
        byte[] body = [.. "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[{\"name\":\""u8, 0xC3, 0x28, .. "\",\"level1\":\""u8, 0xC3, 0x28,
            .. "\"},{\"name\":\"\u00C3(\"}]}"u8];
        Assert.Equal(Outcome(() => EvaluationJson.ParseDocument(body)), Outcome(() => EvaluationJson.Parse(body.AsMemory())));
    }

    [Fact]
    public void RepeatedText_IsOneString()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"kind\":\"project\",\"title\":\"t\",\"funds\":{\"lines\":[]},\"indicators\":["
            + "{\"name\":\"甲\",\"level1\":\"产出指标\",\"unit\":\"人\",\"target\":\"≥95%\",\"actual\":\"96%\"},"
            + "{\"name\":\"乙\",\"level1\":\"效益指标\",\"unit\":\"人\",\"target\":\"≥95%\",\"actual\":\"94%\"},"
            + "{\"name\":\"丙\",\"level1\":\"产出指标\",\"unit\":\"人\",\"target\":\"≥95%\",\"actual\":\"\\u0039\\u0036%\"},"
            + "{\"name\":\"丁\",\"level1\":\"\\u4ea7出指标\",\"level2\":\"\\u4ea7出指标\",\"actual\":\"96%\"}]}");
        IReadOnlyList<Indicator> rows = EvaluationJson.Parse(body.AsMemory()).Indicators;
        Assert.Same(rows[0].Level1, rows[2].Level1);
        Assert.Same(rows[0].Target, rows[1].Target);
        Assert.Same(rows[0].Unit, rows[2].Unit);
        Assert.Equal("产出指标", rows[2].Level1);
        Assert.Equal("96%", rows[2].Actual);
        Assert.Equal(rows[0].Actual, rows[2].Actual);
        Assert.NotSame(rows[0].Actual, rows[2].Actual); // another spelling of the same text: read again
        Assert.Same(rows[3].Level1, rows[3].Level2); // the same escaped spelling twice: one string
        Assert.Equal("产出指标", rows[3].Level1);
        Assert.NotSame(rows[0].Level1, rows[3].Level1);
    }
}
