using System.CommandLine;
using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli;

/// <summary><c>assistant keys create|list|revoke</c>: API keys, each bound to one unit; only hashes are stored.</summary>
internal static class KeyCommands
{
    public static Command Keys(TextWriter stdout, TextWriter stderr)
    {
        var role = new Option<string>("--role") { Description = "drafter | reviewer | admin", Required = true };
        var scope = new Option<string>("--scope") { Description = "单位（密钥只能访问该单位的数据）/ the unit the key is bound to", Required = true };
        var name = new Option<string?>("--name") { Description = "备注名称 / a label" };
        var create = new Command("create", "签发密钥（只显示这一次）/ issue a key (shown once)") { role, scope, name };
        create.SetAction((pr, ct) => WithStore(stderr, ct, async store =>
        {
            IssuedApiKey key = await store.CreateAsync(pr.GetValue(role)!, pr.GetValue(scope)!, pr.GetValue(name), ct);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(key, ScoreContract.JsonOptions));
            return 0;
        }));

        var list = new Command("list", "列出密钥（不含密钥本身）/ list keys (never the secrets)");
        list.SetAction((pr, ct) => WithStore(stderr, ct, async store =>
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(await store.ListAsync(ct), ScoreContract.JsonOptions));
            return 0;
        }));

        var id = new Argument<string>("id") { Description = "密钥 id 或前缀 / key id or prefix" };
        var revoke = new Command("revoke", "吊销密钥 / revoke a key") { id };
        revoke.SetAction((pr, ct) => WithStore(stderr, ct, async store =>
        {
            if (!await store.RevokeAsync(pr.GetValue(id)!, ct))
            {
                await stderr.WriteLineAsync("错误 / error: id: 没有这个有效密钥 / no such active key");
                return CliApp.BadInput;
            }

            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { revoked = pr.GetValue(id) }, ScoreContract.JsonOptions));
            return 0;
        }));

        return new Command("keys", "API 密钥管理 / API keys") { create, list, revoke };
    }

    private static async Task<int> WithStore(TextWriter stderr, CancellationToken ct, Func<ApiKeyStore, Task<int>> action)
    {
        using var host = await CliHost.StartAsync(stderr, ct);
        if (host is null)
        {
            return CliApp.BadInput;
        }

        try
        {
            return await action(host.Services.GetRequiredService<ApiKeyStore>());
        }
        catch (InputException e)
        {
            await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
            return CliApp.BadInput;
        }
    }
}
