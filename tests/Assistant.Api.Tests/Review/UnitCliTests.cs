using System.Text.Json;
using Assistant.Testing;

namespace Assistant.Api.Tests.Review;

/// <summary><c>assistant units</c> through the real executable, on a fresh database.</summary>
public sealed class UnitCliTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("cli_units");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task AddImportList_ThenABadFileIsRefusedWithTheField()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "units", "add", "--code", "sx", "--name", "某省", "--level", "省");
        Assert.True(exit == 0, stderr);
        string file = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "code,name,parent,level\nsx.a,某市,sx,city\nsx.a.b,某县,sx.a,county\nsx.a.b.c,某县人社局,sx.a.b,department\nsx.z,另一市,sx,city\n");
        try
        {
            (exit, string stdout, stderr) = await CliProcess.RunAsync(database.ConnectionString, "units", "import", file);
            Assert.True(exit == 0, stderr);
            Assert.Equal(4, JsonDocument.Parse(stdout).RootElement.GetProperty("added").GetInt32());

            (exit, stdout, stderr) = await CliProcess.RunAsync(database.ConnectionString, "units", "list", "--under", "sx.a");
            Assert.True(exit == 0, stderr);
            Assert.Equal(["sx.a", "sx.a.b", "sx.a.b.c"], JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(u => u.GetProperty("code").GetString()));

            await File.WriteAllTextAsync(file, "code,name,parent,level\nsx.q,某市,nowhere,city\n");
            (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "units", "import", file);
            Assert.Equal(2, exit);
            Assert.Contains("nowhere", stderr, StringComparison.Ordinal);
            Assert.Contains("parent", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
