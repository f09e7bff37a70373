namespace ChatKitApp.Admin;

/// <summary>Who may open the operator view at <c>/admin</c> (<c>ChatKit:Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "ChatKit:Admin";

    /// <summary>
    /// E-mail addresses of the accounts (password sign-in) that see <c>/admin</c>; everyone else,
    /// guests included, gets 404. Empty: nobody.
    /// </summary>
    public List<string> Emails { get; set; } = [];

    internal static bool IsEmail(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
}
