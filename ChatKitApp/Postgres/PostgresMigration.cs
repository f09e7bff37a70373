using System.Globalization;
using System.Reflection;

namespace ChatKitApp.Postgres;

/// <summary>One versioned schema change: an embedded <c>Migrations/NNNN_name.sql</c> file.</summary>
public sealed record PostgresMigration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "ChatKitApp.Postgres.Migrations.";

    /// <summary>The migrations compiled into this assembly, oldest first.</summary>
    public static IReadOnlyList<PostgresMigration> Embedded { get; } = Load(typeof(PostgresMigration).Assembly);

    private static List<PostgresMigration> Load(Assembly assembly) =>
    [
        .. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => FromResource(assembly, n))
            .OrderBy(m => m.Version),
    ];

    private static PostgresMigration FromResource(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resourceName}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new PostgresMigration(version, name[(separator + 1)..], reader.ReadToEnd());
    }
}
