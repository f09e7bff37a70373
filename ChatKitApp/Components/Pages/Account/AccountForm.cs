using System.ComponentModel.DataAnnotations;

namespace ChatKitApp.Components.Pages.Account;

/// <summary>The fields of the sign-in and registration forms.</summary>
public sealed class AccountForm
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}
