using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace ChatKitApp.Postgres;

/// <summary>
/// The data-protection key ring in the <c>data_protection_keys</c> table, over the shared data
/// source. The interface is synchronous; the key manager calls it rarely (start-up, key rotation)
/// and caches the ring, so the blocking calls are not on the request path.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private const string SelectSql = "SELECT xml FROM data_protection_keys ORDER BY created_at, name";

    // Key names are unique GUIDs; a repeat (a retried write) keeps the first.
    private const string InsertSql = "INSERT INTO data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO NOTHING";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        return [.. connection.Query<string>(SelectSql).Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = dataSource.OpenConnection();
        connection.Execute(InsertSql, new { Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
