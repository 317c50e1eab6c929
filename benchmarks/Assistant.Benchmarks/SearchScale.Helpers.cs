using System.Diagnostics;
using System.Globalization;
using Assistant.Api;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Benchmarks;

/// <summary>Small helpers of the search-scale benchmark: exact id lists, percentiles, rows, COPY and scalar SQL, arguments.</summary>
internal static partial class SearchScale
{
    internal static async Task<List<(long, double)>> Ids(NpgsqlDataSource dataSource, string sql, float[] v, int? ef)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        string set = ef is { } e
            ? string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {e}; SET LOCAL hnsw.iterative_scan = relaxed_order")
            : "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off";
        await new NpgsqlCommand(set, connection, tx).ExecuteNonQueryAsync();
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter { Value = v, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        var ids = new List<(long, double)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add((r.GetInt64(0), r.GetDouble(1)));
        }

        return ids;
    }

    internal static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static void Row(string what, List<double> sorted, double? floor = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {sorted.Count} | {P(sorted, 0.50):0.00} | {P(sorted, 0.95):0.00} | {P(sorted, 0.99):0.00} |{(floor is { } f ? $" {P(sorted, 0.95) / f:0.00}× floor" : string.Empty)}"));

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await w.WriteNullAsync();
        }
        else
        {
            await w.WriteAsync(value, type);
        }
    }

    private static async Task Exec(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
