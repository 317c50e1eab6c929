using Npgsql;

namespace Assistant.Testing;

/// <summary>
/// A fresh, uniquely named database on the PostgreSQL that scripts/db-up provisions (or the one
/// ConnectionStrings__Assistant names), dropped again on dispose. Migrations run when the host starts.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    public TestDatabase(string purpose = "test")
    {
        // As the hosts and scripts resolve it: the setting, else scripts/db-up's cluster (ASSISTANT_PG_PORT, default 55432).
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Assistant") is { Length: > 0 } env
            ? env
            : $"Host=127.0.0.1;Port={(Environment.GetEnvironmentVariable("ASSISTANT_PG_PORT") is { Length: > 0 } port ? port : "55432")};Username=postgres;Database=assistant";
        var builder = new NpgsqlConnectionStringBuilder(server);
        var name = $"assistant_{purpose}_{Guid.NewGuid():N}";
        Name = name[..Math.Min(63, name.Length)];
        Admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        builder.Database = Name;
        ConnectionString = builder.ConnectionString;
        try
        {
            using var connection = new NpgsqlConnection(Admin);
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"The tests need PostgreSQL with pgvector: run scripts/db-up (scripts/test does), or set ConnectionStrings__Assistant. ({e.Message})", e);
        }
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private string Admin { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        cmd.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
