using Npgsql;

namespace Mesh.Testing;

/// <summary>A fresh database for one test class, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string name, string connectionString, string admin)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>A connection string to it.</summary>
    public string ConnectionString { get; }

    /// <summary>A data source over it.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates <c>t_&lt;prefix&gt;_&lt;random&gt;</c>.</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix, ServerSet? servers = null)
    {
        var server = servers?.Postgres ?? TestServers.Postgres;
        var name = $"t_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 35)];
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var cmd = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 };
        return new TestDatabase(name, builder.ConnectionString, server);
    }

    /// <summary>Runs SQL and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(_admin);
        await using var cmd = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        await cmd.ExecuteNonQueryAsync();
    }
}
