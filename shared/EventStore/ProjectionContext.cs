using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>The open connection and transaction a projection writes through.</summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction)
{
    /// <summary>A command bound to the transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);
}
