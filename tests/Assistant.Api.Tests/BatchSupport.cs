using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;

namespace Assistant.Api.Tests;

/// <summary>Generated batches (one folder per submission: table + report) and polling a job to its end.</summary>
internal static class BatchSupport
{
    private static readonly string[] Tables =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-service-demo", "zhongwei-2024-employment-operating-funds",
    ];

    private static readonly Lazy<Evaluation[]> Bases = new(() => [.. Tables.Select(t => EvaluationJson.Parse(File.ReadAllText(Shared.Reference(t)))), SyntheticTables.Project(12, 3)]);

    /// <summary>A zip of <paramref name="count"/> submissions, every <paramref name="badEvery"/>-th one a corrupt table (0: none).</summary>
    public static byte[] Zip(int count, int badEvery = 0, int seedOffset = 0)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < count; i++)
            {
                int seed = seedOffset + i;
                SyntheticSubmission s = SyntheticSubmissions.Make(Bases.Value[seed % Bases.Value.Length], seed);
                string folder = $"{seed:0000}";
                byte[] table = badEvery > 0 && i % badEvery == badEvery - 1 ? [(byte)'P', (byte)'K', 3, 4, 1, 2, 3] : s.Table;
                Write(zip, $"{folder}/自评表.xlsx", table);
                Write(zip, $"{folder}/自评报告.txt", Encoding.UTF8.GetBytes(s.Report));
            }
        }

        return ms.ToArray();
    }

    public static async Task<JsonElement> UploadAsync(HttpClient client, byte[] zip, string name = "测试批次")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        form.Add(file, "files", "batch.zip");
        form.Add(new StringContent(name), "name");
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/batches", UriKind.Relative), form);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid job, TimeSpan timeout, Func<JsonElement, Task>? onProgress = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            JsonElement status = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/jobs/{job}", UriKind.Relative));
            if (onProgress is not null)
            {
                await onProgress(status);
            }

            if (status.GetProperty("state").GetString() is "succeeded" or "failed")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < until, "job not finished in time: " + status);
            await Task.Delay(250);
        }
    }

    private static void Write(ZipArchive zip, string path, byte[] content)
    {
        using Stream s = zip.CreateEntry(path).Open();
        s.Write(content);
    }
}
