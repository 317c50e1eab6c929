using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Assistant.Features.Storage;

/// <summary>Connection string lookup and the one place that configures EF for this product.</summary>
public static class StorageSetup
{
    public const string ConnectionName = "Assistant";

    /// <summary>The connection string, or an error that says how to get one.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                "Missing configuration: ConnectionStrings:Assistant (环境变量 ConnectionStrings__Assistant). " +
                "Run scripts/db-up, which prints one, or point it at your own PostgreSQL with pgvector. See README.");
        }

        return value;
    }

    public static NpgsqlDataSource DataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString).Build();

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(dataSource)
            // The migrations are hand-written without a model snapshot.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>Applies pending migrations; a clear message when the server cannot be reached.</summary>
    public static async Task MigrateAsync(AssistantDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (e.InnerException is System.Net.Sockets.SocketException || e.IsTransient)
        {
            throw new InvalidOperationException(
                $"Cannot reach PostgreSQL ({e.Message}). Start it with scripts/db-up, or set ConnectionStrings__Assistant. See README.", e);
        }
    }
}
