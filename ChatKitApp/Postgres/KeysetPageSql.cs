using ChatKitApp.ChatKit.Protocol;

namespace ChatKitApp.Postgres;

/// <summary>
/// The four forms (first page or after a cursor, ascending or descending) of one keyset-paged
/// query, built once from templates with <c>{op}</c> and <c>{dir}</c> placeholders. Only these
/// fixed words are substituted; every value stays a parameter.
/// </summary>
internal sealed class KeysetPageSql(string firstPage, string afterCursor)
{
    private readonly string _firstAsc = Fill(firstPage, SortOrder.Asc);
    private readonly string _firstDesc = Fill(firstPage, SortOrder.Desc);
    private readonly string _afterAsc = Fill(afterCursor, SortOrder.Asc);
    private readonly string _afterDesc = Fill(afterCursor, SortOrder.Desc);

    public string For(SortOrder order, bool hasCursor) => (order, hasCursor) switch
    {
        (SortOrder.Asc, false) => _firstAsc,
        (SortOrder.Desc, false) => _firstDesc,
        (SortOrder.Asc, true) => _afterAsc,
        _ => _afterDesc,
    };

    private static string Fill(string template, SortOrder order) => order == SortOrder.Asc
        ? template.Replace("{op}", ">", StringComparison.Ordinal).Replace("{dir}", "ASC", StringComparison.Ordinal)
        : template.Replace("{op}", "<", StringComparison.Ordinal).Replace("{dir}", "DESC", StringComparison.Ordinal);
}
