using System.Diagnostics;
using System.Text.Json.Nodes;
using Assistant.Cli;

namespace Assistant.Api.Tests;

public class CliTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "89.47")]
    [InlineData("zhongwei-2024-internship-subsidy", "85.92")]
    public async Task Score_PrintsJson(string table, string total)
    {
        (int exit, string output, string err) = await RunAsync("score", Shared.Reference(table));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, err);
        Assert.Equal(total, (string?)JsonNode.Parse(output)!["total"]);
    }

    [Fact]
    public async Task Facts_PrintsJson()
    {
        (int exit, string output, _) = await RunAsync("facts", Shared.Reference(Shared.Tables[4]));
        Assert.Equal(0, exit);
        Assert.Contains(JsonNode.Parse(output)!["facts"]!.AsArray(), f => (string?)f!["id"] == "funds.lines[0].rate" && (string?)f["text"] == "85.58%");
    }

    [Fact]
    public async Task MissingFile_IsAOneLineErrorAndExit2()
    {
        (int exit, string output, string err) = await RunAsync("score", "/no/such/file.json");
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidEvaluation_IsAOneLineErrorNamingTheFields()
    {
        string path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, """{"kind":"project","title":"t","funds":{"lines":[{"name":"a","budget":"-1"}]},"indicators":[{"name":"x","weight":"abc"}]}""");
        try
        {
            (int exit, _, string err) = await RunAsync("score", path);
            Assert.Equal(CliApp.BadInput, exit);
            Assert.Single(err.TrimEnd().Split('\n'));
            Assert.Contains("funds.lines[0].budget", err, StringComparison.Ordinal);
            Assert.Contains("indicators[0].weight", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UnknownVerbOrMissingArgument_IsAnError()
    {
        Assert.Equal(CliApp.BadInput, (await RunAsync("frobnicate")).Exit);
        Assert.Equal(CliApp.BadInput, (await RunAsync("score")).Exit);
    }

    [Fact]
    public async Task TheRealExecutable_ScoresAFile()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "assistant.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("score");
        psi.ArgumentList.Add(Shared.Reference(Shared.Tables[1]));
        using Process p = Process.Start(psi)!;
        string output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("91.97", (string?)JsonNode.Parse(output)!["total"]);
    }
}
