using System.CommandLine;
using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli;

/// <summary><c>assistant units add|import|list</c>: the hierarchy of units that scopes reviewer keys.</summary>
internal static class UnitCommands
{
    public static Command Units(TextWriter stdout, TextWriter stderr)
    {
        var code = new Option<string>("--code") { Description = "单位编码 / the unit's code (what keys are bound to)", Required = true };
        var name = new Option<string>("--name") { Description = "单位名称 / the unit's name", Required = true };
        var parent = new Option<string?>("--parent") { Description = "上级单位编码 / the parent's code" };
        var level = new Option<string>("--level") { Description = "province | city | county | department | unit", Required = true };
        var add = new Command("add", "添加一个单位 / add a unit") { code, name, parent, level };
        add.SetAction((pr, ct) => WithStore(stderr, ct, async store =>
        {
            var result = await store.AddAsync(new UnitInput(pr.GetValue(code), pr.GetValue(name), pr.GetValue(parent), pr.GetValue(level)), ct);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(result, ScoreContract.JsonOptions));
            return 0;
        }));

        var file = new Argument<FileInfo>("file") { Description = "JSON（{code,name,parent,level} 数组或带 children 的树）或 CSV（code,name,parent,level）" };
        var import = new Command("import", "从文件导入层级（一个事务：全部导入或全不导入）/ import a hierarchy from a file (all or nothing)") { file };
        import.SetAction((pr, ct) => WithStore(stderr, ct, async store =>
        {
            FileInfo f = pr.GetValue(file)!;
            if (!f.Exists)
            {
                throw new InputException("file", $"找不到文件 {f.FullName}。", $"no such file {f.FullName}.");
            }

            var result = await store.ImportAsync(UnitFile.Parse(await File.ReadAllTextAsync(f.FullName, ct)), ct);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { result.Added, result.Unchanged }, ScoreContract.JsonOptions));
            return 0;
        }));

        var under = new Option<string?>("--under") { Description = "只列此单位及其下级 / only this unit and those beneath it" };
        var list = new Command("list", "列出单位 / list units") { under };
        list.SetAction((pr, ct) => WithStore(stderr, ct, async store =>
        {
            string? root = pr.GetValue(under);
            UnitScope scope = root is null
                ? new UnitScope(string.Empty, (await store.AllCodesAsync(ct)), true)
                : await store.ScopeAsync(root, Features.Records.ApiRoles.Reviewer, ct);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(await store.ListAsync(scope, ct), ScoreContract.JsonOptions));
            return 0;
        }));

        return new Command("units", "单位层级（审核密钥按层级授权）/ the hierarchy of units") { add, import, list };
    }

    private static async Task<int> WithStore(TextWriter stderr, CancellationToken ct, Func<UnitStore, Task<int>> action)
    {
        using var host = await CliHost.StartAsync(stderr, ct);
        if (host is null)
        {
            return CliApp.BadInput;
        }

        try
        {
            return await action(host.Services.GetRequiredService<UnitStore>());
        }
        catch (InputException e)
        {
            await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
            return CliApp.BadInput;
        }
    }
}
