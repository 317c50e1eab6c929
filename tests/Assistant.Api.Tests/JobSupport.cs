using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>Uploads that start jobs, a webhook subscription to see <c>job.done</c> staged, and reading rows.</summary>
internal static class JobSupport
{
    /// <summary>Synthetic 自评表 workbooks (one table each).</summary>
    public static IEnumerable<(string Name, byte[] Content)> Tables(int count, int seed = 0) =>
        Enumerable.Range(seed, count).Select(i => ($"{i:0000}自评表.xlsx", SyntheticSubmissions.Make(SyntheticTables.Project(6 + (i % 5), 2), i).Table));

    public static MultipartFormDataContent Form(string field, IEnumerable<(string Name, byte[] Content)> files, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, name);
        }

        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    /// <summary>Posts and expects 202 with a Location to the job; the job as first answered.</summary>
    public static async Task<JsonElement> AcceptedAsync(HttpClient client, string path, HttpContent content)
    {
        using HttpResponseMessage r = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Accepted, $"{r.StatusCode}: {body}");
        JsonElement job = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal($"/api/v1/jobs/{job.GetProperty("id").GetGuid()}", r.Headers.Location?.OriginalString);
        Assert.Contains(job.GetProperty("state").GetString(), new[] { "queued", "running", "succeeded" });
        return job;
    }

    /// <summary>Subscribes the client's unit to <c>job.done</c> at an address nobody answers: deliveries are staged and recorded all the same.</summary>
    public static async Task SubscribeAsync(HttpClient admin)
    {
        using HttpResponseMessage r = await admin.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative),
            new { url = "http://127.0.0.1:9/hook", secret = "job-tests-secret-0123456789", events = new[] { "job.done" } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    /// <summary>The <c>job.done</c> events staged for the job (their <c>data</c>).</summary>
    public static async Task<List<JsonElement>> JobDoneAsync(string connectionString, Guid job)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT body FROM webhook_deliveries WHERE event_type = 'job.done' AND (body::jsonb -> 'data' ->> 'jobId')::uuid = @job", connection);
        cmd.Parameters.AddWithValue("job", job);
        var list = new List<JsonElement>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.GetProperty("data").Clone());
        }

        return list;
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var v in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        }

        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public static Task<JsonElement> WaitAsync(HttpClient client, Guid job, int seconds = 120) => BatchSupport.WaitAsync(client, job, TimeSpan.FromSeconds(seconds));
}
