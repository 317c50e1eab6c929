using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Corpus;
using Assistant.Features.Documents;
using Assistant.Features.Evaluations;
using Xunit.Abstractions;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// Decompression bombs are refused while reading, quickly and within bounded memory (measured: bytes
/// allocated by the reading thread and the process's peak working set), over HTTP as a 422 naming the
/// file, with nothing stored.
/// </summary>
public sealed class BombTests(FuzzFactory factory, ITestOutputHelper output) : IClassFixture<FuzzFactory>
{
    private const long MaxAllocated = 64L * 1024 * 1024;

    public static TheoryData<string> Names => new() { "expanding", "chinese", "passages" };

    private static byte[] Bomb(string name) => name switch
    {
        "expanding" => Bombs.Expanding,
        "chinese" => Bombs.Chinese,
        _ => Bombs.ManyPassages,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_Bomb_RefusedQuicklyWithinBoundedMemory(string name)
    {
        byte[] bomb = Bomb(name);
        GC.Collect();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        InputException? refused = null;
        string? text = null;
        try
        {
            text = DocumentText.Read("bomb.docx", bomb);
        }
        catch (InputException e)
        {
            refused = e;
        }

        clock.Stop();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{name}: {bomb.Length / 1024} KB file; {(refused is null ? "read " + text!.Length + " chars" : "refused: " + refused.Errors[0].En)}; "
            + $"{clock.ElapsedMilliseconds} ms; allocated {allocated / 1024 / 1024} MB; process peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB");
        if (name == "passages")
        {
            // Under the text limit: readable, refused later by the passage limit (see the API test).
            Assert.NotNull(text);
            Assert.True(text!.Length <= DocumentText.MaxTextChars);
        }
        else
        {
            Assert.NotNull(refused);
            Assert.Equal("file", refused!.Errors[0].Field);
        }

        Assert.True(allocated < MaxAllocated, $"allocated {allocated / 1024 / 1024} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Upload_Bomb_Is422NamingTheFile_NothingStored(string name)
    {
        HttpClient client = factory.CreateClient();
        int before = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative)))!.AsArray().Count;
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Bomb(name)), "file", "bomb.docx");
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative), form);
        clock.Stop();
        string body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{name}: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms: {body[..Math.Min(body.Length, 300)]}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(body)!["errors"]!["file"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.ElapsedMilliseconds} ms");
        int after = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/corpus/reports", UriKind.Relative)))!.AsArray().Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public void Read_BombWithLyingHeaders_StoppedWhileStreaming()
    {
        byte[] bomb = Bombs.Lying();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        InputException e = Assert.Throws<InputException>(() => DocumentText.Read("bomb.docx", bomb));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"lying headers: refused: {e.Errors[0].En}; {clock.ElapsedMilliseconds} ms; allocated {allocated / 1024 / 1024} MB");
        Assert.Equal("file", e.Errors[0].Field);
        Assert.True(allocated < MaxAllocated, $"allocated {allocated / 1024 / 1024} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Guard_TooManyParts_Refused()
    {
        InputException e = Assert.Throws<InputException>(() => OpenXmlGuard.Check(Bombs.ManyParts(OpenXmlLimits.Default.MaxParts + 1)));
        Assert.Contains("parts", e.Errors[0].En, StringComparison.Ordinal);
        OpenXmlGuard.Check(Bombs.ManyParts(10));
    }

    [Fact]
    public void Guard_Bomb_RefusedByCheck_NormalDocxPasses()
    {
        Assert.Throws<InputException>(() => OpenXmlGuard.Check(Bombs.Expanding));
        OpenXmlGuard.Check(Bombs.Small("一、项目基本情况", "本项目资金执行率为80.80%。"));
    }

    [Fact]
    public void Read_CancelledRequest_StopsReading()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentText.Read("bomb.docx", Bombs.Chinese, cancelled.Token));
    }

    [Fact]
    public void Read_SmallDocx_KeepsParagraphsAndTables()
    {
        string text = DocumentText.Read("r.docx", Bombs.Small("某某县2024年度就业补助资金绩效自评报告", "三、偏离绩效目标的原因和下一步改进措施", "就业见习人数未完成，主要原因是县内企业见习岗位不足。下一步将拓展见习基地。"));
        Assert.Contains("三、偏离绩效目标的原因和下一步改进措施\n就业见习人数未完成", text, StringComparison.Ordinal);
    }
}
