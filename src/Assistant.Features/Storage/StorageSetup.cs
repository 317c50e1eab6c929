using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Assistant.Features.Storage;

/// <summary>The database for both hosts: one connection resolution, the Npgsql data source (with pgvector) and EF.</summary>
public static class StorageSetup
{
    public const string ConnectionName = "Assistant";

    /// <summary>The defaults <c>scripts/db-up</c> uses for its local cluster.</summary>
    public const string DefaultHost = "127.0.0.1";

    public const int DefaultPort = 55432;

    public const string DefaultDatabase = "assistant";

    /// <summary>
    /// The connection string: <c>ConnectionStrings:Assistant</c> when set; otherwise the cluster
    /// <c>scripts/db-up</c> starts, found by the same variables and defaults the scripts use
    /// (<c>ASSISTANT_PG_PORT</c>, default 55432; <c>ASSISTANT_PG_DB</c>, default assistant; host 127.0.0.1,
    /// user postgres). A malformed port stops with the variable's name.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetConnectionString(ConnectionName) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        string? portText = configuration["ASSISTANT_PG_PORT"];
        int port = DefaultPort;
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new InvalidOperationException($"Invalid configuration: ASSISTANT_PG_PORT '{portText}' is not a port number. See README.");
        }

        string database = configuration["ASSISTANT_PG_DB"] is { Length: > 0 } db ? db : DefaultDatabase;
        return new NpgsqlConnectionStringBuilder { Host = DefaultHost, Port = port, Username = "postgres", Database = database }.ConnectionString;
    }

    /// <summary>Where the connection string points, without credentials (for logs and start-up messages).</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    /// <summary>The data source (pgvector types mapped) and the EF context (a factory for singletons, scoped for requests).</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfiguration configuration = builder.Configuration;
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => DataSource(ConnectionString(configuration)));
        builder.Services.AddDbContextFactory<AssistantDb>((sp, o) => Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        return builder.Build();
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(dataSource, o => o.UseVector());
    }

    /// <summary>Applies pending migrations; a clear message when the server cannot be reached.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using AssistantDb db = await services.GetRequiredService<IDbContextFactory<AssistantDb>>().CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (e.InnerException is System.Net.Sockets.SocketException || e.IsTransient)
        {
            string where = db.Database.GetConnectionString() is { } cs ? Describe(cs) : "?";
            throw new InvalidOperationException(
                $"Cannot reach PostgreSQL at {where} ({e.Message}). Start it with scripts/db-up, or set ConnectionStrings__Assistant. See README.", e);
        }
    }
}

/// <summary>Applies the migrations when a host starts, before any other start-up work touches the database.</summary>
internal sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => StorageSetup.MigrateAsync(services, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
