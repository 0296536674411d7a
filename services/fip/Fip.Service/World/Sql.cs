using Npgsql;

namespace Mesh.Fip.Service.World;

// Tiny Npgsql helpers: parameters by name, rows by a reader function.
internal static class Sql
{
    public static async Task<List<T>> QueryAsync<T>(NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> row,
        params (string Name, object? Value)[] args)
    {
        await using var cmd = db.CreateCommand(sql);
        Bind(cmd, args);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }
        return rows;
    }

    public static async Task<T?> FirstAsync<T>(NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> row,
        params (string Name, object? Value)[] args) where T : class =>
        (await QueryAsync(db, sql, row, args)).FirstOrDefault();

    public static async Task<int> ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        Bind(cmd, args);
        return await cmd.ExecuteNonQueryAsync();
    }

    public static string? Text(this NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static void Bind(NpgsqlCommand cmd, (string Name, object? Value)[] args)
    {
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
